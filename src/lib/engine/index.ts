export { QueueEngine } from './engine';
export { defaultProfile } from './profiles';
export type * from './types';
