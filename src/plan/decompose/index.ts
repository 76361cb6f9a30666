export { decompose, cellIntervalAt, cellOutline } from './decompose.js';
export type { SweepCell, Trapezoid } from './decompose.js';
