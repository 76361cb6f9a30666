/**
 * The telemetry protocol as the one client (and so the viewer, which bundles it) reads it: frames
 * encoded by the server's encoder pass the server-message schema, malformed ones are refused with
 * the path of the problem, and what the viewer sends passes the server's client-message checks.
 */
import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../../src/telemetry/client/index.js';
import { encodeMessage, frameWithSeq, parseClientMessage, parseServerMessage } from '../../src/telemetry/index.js';
import { CoverageModel } from '../../src/viewer/app/coverage.js';

const progress = { coveredPct: 12.5, coveredHa: 0.31, elapsedS: 95, etaS: 600 };
const vehicle = {
  id: 'drone-1',
  kind: 'drone',
  lat: 20.65,
  lon: 106.35,
  altM: 3,
  headingDeg: 90,
  speedMps: 5,
  fix: 'rtk-fixed',
  crossTrackErrorM: 0.02,
  implementOn: true,
  activity: 'working',
  sortie: 1,
};
const description = {
  id: 'a',
  name: 'A',
  planGeoJson: { type: 'FeatureCollection', features: [] },
  fieldAreaHa: 0.9,
  tickMs: 100,
  seed: 1,
  vehicles: [{ id: 'drone-1', kind: 'drone', workingWidthM: 9, guidance: 'rtk' }],
};
const framed = (body: { type: string; [key: string]: unknown }, seq: number) => frameWithSeq(encodeMessage(body), seq);

describe('telemetry protocol as the client reads it', () => {
  it('parses a telemetry frame numbered by the server encoder', () => {
    const body = { type: 'telemetry', sim: 'a', t: 100, vehicles: [vehicle], progress };
    expect(parseServerMessage(framed(body, 7))).toEqual({ ok: true, message: { ...body, seq: 7 } });
  });
  it('rebuilds coverage passes from a snapshot coverage trail', () => {
    const coverage = [
      {
        vehicleId: 'drone-1',
        widthM: 9,
        passes: [
          [
            [106.35, 20.65],
            [106.351, 20.65],
          ],
          [[106.35, 20.651]],
        ],
      },
    ];
    const body = {
      type: 'snapshot',
      sim: 'a',
      description,
      t: 0,
      vehicles: [vehicle],
      progress,
      coverage,
      paused: false,
      speedup: 20,
      done: false,
    };
    const parsed = parseServerMessage(framed(body, 2));
    if (!parsed.ok || parsed.message.type !== 'snapshot') throw new Error(`not a snapshot: ${JSON.stringify(parsed)}`);
    const cov = new CoverageModel(() => 1);
    cov.reset(parsed.message.coverage);
    expect(cov.passes.map((p) => [p.vehicleId, p.widthM, p.points.length])).toEqual([
      ['drone-1', 9, 2],
      ['drone-1', 9, 1],
    ]);
    expect(cov.toGeoJson().features).toHaveLength(1); // a one-point pass is not a strip yet
    // a variable-rate run's trail carries each pass's rate: a late joiner colours the strips as the live page does
    const dosed = parseServerMessage(framed({ ...body, coverage: [{ ...coverage[0], rates: [50.4, null] }] }, 3));
    if (!dosed.ok || dosed.message.type !== 'snapshot') throw new Error('not a snapshot');
    cov.reset(dosed.message.coverage);
    expect(cov.passes.map((p) => p.ratePerHa)).toEqual([50.4, undefined]);
  });
  it('keeps fields a newer server adds to the simulator records', () => {
    const body = {
      type: 'telemetry',
      sim: 'a',
      t: 1,
      vehicles: [{ ...vehicle, nozzleBar: 'left' }],
      progress: { ...progress, savingsVnd: 9 },
    };
    const parsed = parseServerMessage(framed(body, 1));
    expect(parsed.ok && parsed.message.type === 'telemetry' && parsed.message.vehicles[0]).toMatchObject({ nozzleBar: 'left' });
  });
  it('refuses malformed frames, naming where the problem is', () => {
    expect(parseServerMessage('not json')).toEqual({ ok: false, problem: 'the frame is not JSON' });
    const bad = parseServerMessage(framed({ type: 'telemetry', sim: 'a', t: 1, vehicles: [{ ...vehicle, lon: 'x' }], progress }, 3));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^vehicles\.0\.lon: /);
    expect(parseServerMessage('{"type":"dance","seq":1}').ok).toBe(false);
    expect(parseServerMessage('[1]').ok).toBe(false);
    expect(parseServerMessage('{"type":"hello","seq":1,"protocol":"agrisim/2","simulations":[],"control":false}').ok).toBe(false);
  });
  it('sends subscribe and control messages the server accepts', () => {
    const sent: ClientMessage[] = [
      { type: 'subscribe', sim: 'a' },
      { type: 'unsubscribe', sim: 'a' },
      { type: 'control', sim: 'a', action: 'pause', token: 't' },
      { type: 'control', sim: 'a', action: 'speed', value: 20, token: 't' },
    ];
    for (const m of sent) expect(parseClientMessage(JSON.stringify(m))).toEqual({ ok: true, message: m });
  });
});
