import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/sim/index.js';
import { loadScenario, scenarioFactories, scenarioFromObject, validateScenario } from '../../src/scenario/index.js';
import type { SimEvent } from '../../src/sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-scn-'));
const base = {
  id: 't',
  name: 'test',
  field: resolve('fields/paddy-40x120.geojson'),
  vehicles: [{ profile: 'drone', guidance: 'rtk' }],
  seed: 1,
};
const invalid = async (patch: Record<string, unknown>, key: RegExp) => {
  const err = await scenarioFromObject({ ...base, ...patch }, dir, 'x.json').then(
    () => undefined,
    (e) => e,
  );
  expect(err).toMatchObject({ code: 'SIM_SCENARIO_INVALID' });
  expect(err.message).toMatch(key);
};

describe('scenarios', () => {
  it('loads the Thái Bình drone demo: four paddies, faults on, survives and reports them', async () => {
    const f = await loadScenario('sims/thai-binh-drone.json', { cellM: 0.5 });
    expect(f.id).toBe('thai-binh-drone');
    expect(f.plans).toHaveLength(4);
    const events: SimEvent[] = [];
    const { metrics } = runToEnd(f.create(), { onFrame: (fr) => events.push(...fr.events) });
    expect(metrics.coveredPct).toBeGreaterThan(98);
    expect(metrics.fieldAreaHa).toBeCloseTo(5.4, 1);
    // 5.4 ha × 70 kg/ha = 378 kg at least, 40 kg a load
    expect(metrics.inputUsed).toBeGreaterThan(378);
    expect(metrics.sorties).toBeGreaterThanOrEqual(10);
    expect(metrics.faults).toBeGreaterThan(0);
    const faults = events.filter((e) => e.type === 'fault');
    expect(faults.length).toBe(metrics.faults);
    for (const fault of faults.filter((e) => e.detail === 'wind-gust' || e.detail === 'rtk-lost')) {
      expect(events.some((e) => e.type === 'fault-cleared' && e.detail === fault.detail && e.t >= fault.t)).toBe(true);
    }
    expect(events.filter((e) => e.type === 'battery-swap').length).toBe(metrics.refills);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
  });

  it('runs the guided transplanter demo with tray reloads (coarse raster)', async () => {
    const f = await loadScenario('sims/thai-binh-transplanter.json', { cellM: 0.5, tickMs: 250 });
    const events: SimEvent[] = [];
    const { metrics } = runToEnd(f.create(), { onFrame: (fr) => events.push(...fr.events) });
    // 1.35 ha × 200 trays/ha = 270 trays, 18 a load → ≥ 15 loads
    expect(metrics.inputUsed).toBeGreaterThan(265);
    expect(metrics.sorties).toBeGreaterThanOrEqual(15);
    expect(events.filter((e) => e.type === 'tray-reload').length).toBe(metrics.refills);
    expect(metrics.energy.fuelL).toBeGreaterThan(4);
    expect(metrics.coveredPct).toBeGreaterThan(98);
  });

  it('makes guided vs manual pairs from one scenario (same plans, same seed)', async () => {
    const [rtk, manual] = await scenarioFactories('sims/thai-binh-drone.json', { guidance: ['rtk', 'manual'], faults: false, cellM: 0.5 });
    expect(rtk.id).toBe('thai-binh-drone-rtk');
    expect(manual.plans).toBe(rtk.plans);
    const a = runToEnd(rtk.create()).metrics;
    const b = runToEnd(manual.create()).metrics;
    expect(a.guidance).toBe('rtk');
    expect(b.guidance).toBe('manual');
    expect(a.gapPct).toBeLessThan(b.gapPct);
    expect(a.timeS.total).toBeLessThan(b.timeS.total);
  });

  it('refuses bad scenarios with SIM_SCENARIO_INVALID naming the key', async () => {
    await invalid({ seed: 1.5 }, /"seed"/);
    await invalid({ vehicles: [] }, /"vehicles"/);
    await invalid({ vehicles: [{ profile: 'drone', guidance: 'autopilot' }] }, /"vehicles\[0\]\.guidance"/);
    await invalid({ vehicles: [{ profile: 'tractor', guidance: 'rtk' }] }, /"vehicles\[0\]".*unknown vehicle/);
    await invalid({ vehicles: [{ profile: 'drone', guidance: 'rtk', overrides: { wings: 2 } }] }, /"vehicles\[0\]\.overrides\.wings"/);
    await invalid({ servicePoint: [20.65, 206.35] }, /"servicePoint\[1\]" is invalid: .*90/);
    await invalid({ product: { name: 'urea', rateKgPerHa: -3 } }, /"product\.rateKgPerHa" is invalid/);
    await invalid({ faults: { meteor: 1 } }, /"faults\.meteor"/);
    await invalid({ colour: 'red' }, /"colour" is not a scenario key/);
    await invalid({ field: 'fields/nope.geojson' }, /"field"/);
    await invalid({ paddies: [3] }, /"paddies"/);
    await invalid(
      {
        vehicles: [
          { profile: 'drone', guidance: 'rtk' },
          { profile: 'drone', guidance: 'rtk', overrides: { workingWidthM: 9 } },
        ],
      },
      /"vehicles\[1\]"/,
    );
    expect(() => validateScenario([], 's')).toThrow(expect.objectContaining({ code: 'SIM_SCENARIO_INVALID' }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "id": ');
    await expect(loadScenario(bad)).rejects.toMatchObject({ code: 'SIM_SCENARIO_INVALID' });
    await expect(loadScenario(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'IO_READ' });
  });
});
