export { gapPasses, gapClusters } from './gap-passes.js';
export type { GapPassOptions } from './gap-passes.js';
