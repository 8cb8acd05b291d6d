// Property tests run with a fixed fast-check seed so CI is reproducible; FC_SEED=<n> explores another part of
// the input space (and a failure prints the seed and path to replay it).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20241124) });
