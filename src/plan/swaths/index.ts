export { sweepSwaths, swathOffsets, swathCount, lineIntervals, cellOutline } from './sweep-swaths.js';
export type { SweepSwath, SweepPlan } from './sweep-swaths.js';
export { bestAngle } from './best-angle.js';
export type { AngleCost } from './best-angle.js';
