import { describe, expect, it } from 'vitest';
import { createFleetSimulation, recordToString, replayRecording, runToEnd, type SimFrame } from '../../src/sim/index.js';
import { gridBlockPlan } from '../helpers/grid-block-plan.js';

// Two drones with small tanks (10 kg) on six 0.24 ha paddies: each needs refills, so both
// come back to the one depot again and again and, started together, meet there.
const twoDrones = (crews: number) => gridBlockPlan({ cols: 3, rows: 2, kind: 'drone', machines: 2, crews, capacityKg: 10 });

describe('fleet simulation of a block', () => {
  it("makespan is the last machine's end time, and every paddy gets covered and done", () => {
    const plan = twoDrones(1);
    const frames: SimFrame[] = [];
    const { metrics: m } = runToEnd(createFleetSimulation({ plan, seed: 3, raster: { cellM: 0.5 } }), { onFrame: (f) => frames.push(f) });
    const ends = m.machines.map((x) => x.endS);
    expect(m.makespanS).toBe(Math.max(...ends));
    expect(m.makespanS).toBe(m.timeS.total);
    expect(m.makespanS).toBe(frames[frames.length - 1].t / 1000);
    expect(ends[0]).not.toBe(ends[1]);
    expect(m.machines.map((x) => x.paddies)).toEqual([
      ['P1', 'P3', 'P5'],
      ['P2', 'P4', 'P6'],
    ]);
    expect(m.paddies).toHaveLength(6);
    for (const p of m.paddies) {
      expect(p.coveredPct).toBeGreaterThan(99);
      expect(p.doneS).toBeGreaterThan(0);
      expect(p.doneS!).toBeLessThanOrEqual(m.makespanS);
    }
    // each paddy says done once, as an event
    const doneEvents = frames.flatMap((f) => f.events.filter((e) => e.type === 'paddy-done').map((e) => e.detail));
    expect(doneEvents.sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    // household 'Hộ A' farms P1 and P6: done when the later of the two is
    const a = m.households.find((h) => h.owner === 'Hộ A')!;
    expect(a.paddies).toEqual(['P1', 'P6']);
    expect(a.doneS).toBe(Math.max(m.paddies[0].doneS!, m.paddies[5].doneS!));
  });

  it('two drones sharing one depot crew queue for it; with two crews they do not', () => {
    const one = runToEnd(createFleetSimulation({ plan: twoDrones(1), seed: 3, raster: { cellM: 0.5 } })).metrics;
    const two = runToEnd(createFleetSimulation({ plan: twoDrones(2), seed: 3, raster: { cellM: 0.5 } })).metrics;
    expect(one.depots[0].waitS).toBeGreaterThan(10);
    expect(one.depots[0].maxQueue).toBe(1);
    const queued = one.machines.reduce((s, x) => s + x.timeS.queue, 0);
    expect(queued).toBeCloseTo(one.depots[0].waitS, 0);
    expect(two.depots[0].waitS).toBe(0);
    expect(two.machines.every((x) => x.timeS.queue === 0)).toBe(true);
    // the wait lengthens the run
    expect(one.makespanS).toBeGreaterThan(two.makespanS);
  });

  it('frames carry per-paddy progress, the depot queue, makespan/ETA and per-machine state', () => {
    const plan = twoDrones(1);
    const sim = createFleetSimulation({ plan, seed: 3, raster: { cellM: 0.5 } });
    const d = sim.describe();
    expect(d.block?.paddies.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(d.block?.paddies[0].owner).toBe('Hộ A');
    expect(d.block?.depots).toEqual([{ id: 'depot-1', at: expect.any(Array), crews: 1, serves: ['drone', 'transplanter'] }]);
    expect(d.vehicles.map((v) => v.id)).toEqual(['drone-1', 'drone-2']);
    const activities = new Set<string>();
    let maxQueue = 0;
    let last: SimFrame | undefined;
    const p1: number[] = [];
    for (let f = sim.step(); f; f = sim.step()) {
      for (const v of f.vehicles) activities.add(v.activity);
      maxQueue = Math.max(maxQueue, ...f.progress.depotQueue!);
      expect(f.progress.paddyCoveredPct).toHaveLength(6);
      p1.push(f.progress.paddyCoveredPct![0]);
      last = f;
    }
    expect(activities).toEqual(new Set(['working', 'turning', 'transit', 'road', 'refilling', 'queued', 'done']));
    expect(maxQueue).toBe(1);
    for (let i = 1; i < p1.length; i++) expect(p1[i]).toBeGreaterThanOrEqual(p1[i - 1]);
    const m = sim.metrics();
    expect(last!.progress.paddyCoveredPct).toEqual(m.paddies.map((p) => p.coveredPct));
    expect(last!.progress.makespanS).toBe(m.makespanS);
    expect(last!.progress.etaS).toBe(0);
  });

  it('same seed, same bytes; another seed, another run; record → replay gives the same frames', () => {
    const plan = gridBlockPlan({ cols: 2, rows: 1, kind: 'transplanter', machines: 2, heightM: 30, widthM: 20 });
    const a = recordToString(createFleetSimulation({ plan, seed: 5, raster: { cellM: 0.5 }, faults: true }));
    const b = recordToString(createFleetSimulation({ plan, seed: 5, raster: { cellM: 0.5 }, faults: true }));
    const c = recordToString(createFleetSimulation({ plan, seed: 6, raster: { cellM: 0.5 }, faults: true }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const frames: SimFrame[] = [];
    const sim = createFleetSimulation({ plan, seed: 5, raster: { cellM: 0.5 }, faults: true });
    const { metrics } = runToEnd(sim, { onFrame: (f) => frames.push(f) });
    const rec = replayRecording(a);
    expect(rec.frames).toEqual(JSON.parse(JSON.stringify(frames)));
    expect(rec.metrics).toEqual(JSON.parse(JSON.stringify(metrics)));
    expect(rec.header.description.block?.machines.map((m) => m.id)).toEqual(['transplanter-1', 'transplanter-2']);
  });

  it('refuses a bad option with SIM_INVALID_OPTION naming the key', () => {
    const plan = twoDrones(1);
    expect(() => createFleetSimulation({ plan, tickMs: 0 })).toThrow(
      expect.objectContaining({ code: 'SIM_INVALID_OPTION', details: expect.objectContaining({ key: 'tickMs' }) }),
    );
    expect(() => createFleetSimulation({ plan: { ...plan, machines: [] } })).toThrow(
      expect.objectContaining({ code: 'SIM_INVALID_OPTION' }),
    );
    expect(() => createFleetSimulation({ plan, roadSpeedMps: -1 })).toThrow(/roadSpeedMps/);
  });
});
