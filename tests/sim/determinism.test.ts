import { describe, expect, it } from 'vitest';
import { createSimulation, recordToString, replayRecording, replaySimulation, runToEnd } from '../../src/sim/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { samplePlan } from './helpers.js';

async function make(seed: number) {
  const plan = await samplePlan('paddy-40x120.geojson', 'drone');
  return createSimulation({
    plan,
    vehicles: [{ vehicle: plan.vehicle, guidance: 'gnss' }],
    seed,
    raster: { cellM: 0.5 },
    faults: { rtkLossPerHour: 0, gustPerHour: 120 },
  });
}

describe('determinism, recording and replay', () => {
  it('the same seed gives byte-identical NDJSON; another seed differs', async () => {
    const a = recordToString(await make(5), { scenario: 'test' });
    const b = recordToString(await make(5), { scenario: 'test' });
    const c = recordToString(await make(6), { scenario: 'test' });
    expect(a.length).toBeGreaterThan(100_000);
    expect(a === b).toBe(true);
    expect(a === c).toBe(false);
    const header = JSON.parse(a.slice(0, a.indexOf('\n')));
    expect(header).toMatchObject({ type: 'header', format: 'agrisim-sim-recording/1', scenario: 'test', seed: 5 });
    expect(header.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a scenario planned twice records byte-identically (no wall-clock time in the output)', async () => {
    const rec = async () =>
      recordToString((await loadScenario('sims/thai-binh-drone.json', { cellM: 1, tickMs: 500 })).create(), {
        scenario: 'thai-binh-drone',
      });
    const a = await rec();
    const b = await rec();
    expect(a.length).toBeGreaterThan(10_000);
    expect(a === b).toBe(true);
  });

  it('replaying a recording gives the same frames and metrics as the run', async () => {
    const text = recordToString(await make(9));
    const { frameList, metrics } = runToEnd(await make(9), { keepFrames: true });
    const rec = replayRecording(text);
    expect(rec.frames.length).toBe(frameList!.length);
    expect(rec.frames).toEqual(JSON.parse(JSON.stringify(frameList)));
    expect(rec.metrics).toEqual(JSON.parse(JSON.stringify(metrics)));
    const replay = replaySimulation(text);
    const again = runToEnd(replay, { keepFrames: true });
    expect(again.frameList).toEqual(rec.frames);
    expect(replay.describe().seed).toBe(9);
    expect(replay.done).toBe(true);
  });

  it('refuses broken recordings with SIM_REPLAY_INVALID naming the line', async () => {
    const text = recordToString(await make(1));
    const lines = text.split('\n');
    expect(() => replayRecording('')).toThrow(expect.objectContaining({ code: 'SIM_REPLAY_INVALID' }));
    expect(() => replayRecording('{"type":"frame"}\n')).toThrow(expect.objectContaining({ code: 'SIM_REPLAY_INVALID' }));
    const broken = [lines[0], lines[1], '{"t": 5', lines[2]].join('\n');
    expect(() => replayRecording(broken)).toThrow(expect.objectContaining({ code: 'SIM_REPLAY_INVALID', details: { line: 3 } }));
    expect(() => replayRecording([lines[0], '{"t":1}'].join('\n'))).toThrow(/line 2/);
  });
});
