/**
 * Each cell's swaths in the world frame as src/plan/route/build-route.ts built them before
 * `worldCells` took each cell's cosine and sine once and built its objects without spreads
 * (test-only oracle).
 */
import { rotate } from '../../../src/geometry/index.js';
import type { WorldSwath } from '../../../src/plan/route/cell-tour.js';
import type { SweepPlan } from '../../../src/plan/swaths/sweep-swaths.js';

/** Each cell's swaths in the world frame (each cell at its own angle). */
export function worldCellsMain(sweep: SweepPlan): WorldSwath[][] {
  return sweep.swaths.map((list, i) => {
    const angle = sweep.cellAngles?.[i] ?? sweep.angleRad;
    return list.map((s): WorldSwath => {
      if (!s.steps) {
        const whole: WorldSwath = { a: rotate([s.x0, s.y], angle), b: rotate([s.x1, s.y], angle) };
        if (s.widthM !== undefined) whole.widthM = s.widthM;
        return whole;
      }
      // a piece at the implement's full width keeps widthM unset, as a whole swath does
      const full = s.widthM ?? Math.max(...s.steps.map((p) => p.widthM));
      const steps = s.steps.map((p) => ({
        a: rotate([p.x0, s.y + p.dy], angle),
        b: rotate([p.x1, s.y + p.dy], angle),
        ...(p.widthM < full - 1e-9 || s.widthM !== undefined ? { widthM: p.widthM } : {}),
        leftM: p.dy,
      }));
      // the machine drives the line itself, from the first piece's start to the last one's end: turns meet it there
      return {
        a: rotate([s.steps[0].x0, s.y], angle),
        b: rotate([s.steps[s.steps.length - 1].x1, s.y], angle),
        steps,
        ...(s.widthM !== undefined ? { widthM: s.widthM } : {}),
      };
    });
  });
}
