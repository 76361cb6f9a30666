import type { PolygonM } from '../geometry/index.js';
import type { Headland } from './headland/plan-headland.js';
import type { SweepPlan } from './swaths/sweep-swaths.js';

/** What `planLayout` (layout.ts) decides. */
export interface Layout {
  headland: Headland;
  /** The area left for swaths (inside the headland, or the field just inside its edge). */
  area: PolygonM[];
  angleRad: number;
  sweep: SweepPlan;
}
