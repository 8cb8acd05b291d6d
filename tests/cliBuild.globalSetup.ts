// Builds the `mpp` command once before the unit suite when it is missing or older than its sources, so the CLI
// tests run the same plain JavaScript a user's `npx mpp` runs (and no test file builds it concurrently).
import { buildCli, isStale } from '../scripts/cliBuild.mjs';

export default async function setup(): Promise<void> {
	if (isStale()) await buildCli();
}
