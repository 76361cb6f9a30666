import { describe, expect, it } from 'vitest';
import { meanOf as mean, runsWith, SAMPLE_FILES, samplePlan } from './helpers.js';

// Guided (RTK) vs manual on every sample field: the same plan, faults off, the mean of 1 seed (the margins are wide).
// A coarser raster (0.5 m) with a 5 Hz tick (the transplanter moves 0.11 m a tick) keeps the suite fast; the comparison does not need 0.25 m.
const SEEDS = [3];

describe('guided beats manual: transplanter', () => {
  for (const file of SAMPLE_FILES) {
    it(`${file}: less overlap, fewer gaps, less time`, async () => {
      const plan = await samplePlan(file, 'transplanter');
      const run = (guidance: 'rtk' | 'manual') => runsWith(plan, guidance, SEEDS, 200);
      const rtk = run('rtk');
      const manual = run('manual');
      expect(mean(rtk, (m) => m.overlapPct)).toBeLessThan(mean(manual, (m) => m.overlapPct));
      expect(mean(rtk, (m) => m.gapPct)).toBeLessThan(mean(manual, (m) => m.gapPct) - 1);
      expect(Math.max(...rtk.map((m) => m.gapPct))).toBeLessThan(1.5);
      expect(mean(rtk, (m) => m.timeS.total)).toBeLessThan(mean(manual, (m) => m.timeS.total) * 0.85);
    });
  }
});
