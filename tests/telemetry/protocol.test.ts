/**
 * Pure protocol pieces: encode-once framing, client-message checks, token compare, rate
 * limiter, coverage trail simplification, feed state.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createCoverageTrails,
  createFeedStateTracker,
  createRateLimiter,
  encodeMessage,
  frameWithSeq,
  parseClientMessage,
  tokenMatches,
} from '../../src/telemetry/index.js';
import { description, progress, vehicle } from './helpers.js';

describe('encode once, number per connection', () => {
  it('gives exactly JSON.stringify of the message with its seq after type', () => {
    const m = { type: 'telemetry', sim: 'a"b', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) };
    const e = encodeMessage(m);
    for (const seq of [1, 42, 123456789]) {
      const f = frameWithSeq(e, seq);
      expect(f).toBe(JSON.stringify({ type: m.type, seq, sim: m.sim, t: m.t, vehicles: m.vehicles, progress: m.progress }));
    }
    expect(frameWithSeq(encodeMessage({ type: 'x' }), 3)).toBe('{"type":"x","seq":3}');
    expect(frameWithSeq(encodeMessage({ type: 'x', seq: 99, a: 1 }), 3)).toBe('{"type":"x","seq":3,"a":1}');
  });
});

describe('parseClientMessage', () => {
  it('accepts the three client messages', () => {
    expect(parseClientMessage('{"type":"subscribe","sim":"a"}')).toEqual({ ok: true, message: { type: 'subscribe', sim: 'a' } });
    expect(parseClientMessage('{"type":"unsubscribe","sim":"a","extra":1}')).toEqual({
      ok: true,
      message: { type: 'unsubscribe', sim: 'a' },
    });
    expect(parseClientMessage('{"type":"control","sim":"a","action":"speed","value":20,"token":"t"}')).toEqual({
      ok: true,
      message: { type: 'control', sim: 'a', action: 'speed', value: 20, token: 't' },
    });
    expect(parseClientMessage('{"type":"control","sim":"a","action":"speed","speedup":5}')).toMatchObject({
      ok: true,
      message: { value: 5 },
    });
  });
  it.each([
    ['{', 'TELEMETRY_BAD_JSON'],
    ['null', 'TELEMETRY_BAD_MESSAGE'],
    ['"subscribe"', 'TELEMETRY_BAD_MESSAGE'],
    ['[{"type":"subscribe"}]', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"hello"}', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"subscribe","sim":""}', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"subscribe","sim":42}', 'TELEMETRY_BAD_MESSAGE'],
    [`{"type":"subscribe","sim":"${'x'.repeat(300)}"}`, 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"control","sim":"a"}', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"control","sim":"a","action":"speed"}', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"control","sim":"a","action":"speed","value":0}', 'TELEMETRY_BAD_MESSAGE'],
    ['{"type":"control","sim":"a","action":"pause","token":5}', 'TELEMETRY_BAD_MESSAGE'],
  ])('refuses %s with %s', (text, code) => {
    expect(parseClientMessage(text)).toMatchObject({ ok: false, code });
  });
});

describe('tokenMatches', () => {
  it('matches only the exact token, whatever the lengths', () => {
    expect(tokenMatches('bí-mật', 'bí-mật')).toBe(true);
    for (const t of [undefined, '', 'bí-mậ', 'bí-mật ', 'x'.repeat(1000)]) expect(tokenMatches('bí-mật', t)).toBe(false);
  });
});

describe('createRateLimiter', () => {
  it('allows a burst, then the rate', () => {
    const l = createRateLimiter(5, 10);
    const at0 = Array.from({ length: 12 }, () => l.take(0));
    expect(at0.filter(Boolean)).toHaveLength(10);
    expect(l.take(100)).toBe(false); // 0.5 token
    expect(l.take(200)).toBe(true); // 1 token after 200 ms at 5/s
    expect(l.take(200)).toBe(false);
    expect(Array.from({ length: 20 }, () => l.take(100_000)).filter(Boolean)).toHaveLength(10);
  });
});

describe('coverage trails', () => {
  const at = (lon: number, lat: number, on = true) => ({ ...vehicle('v0', 0, on), lon, lat });
  it('keeps a straight pass as its two ends and splits passes where the implement went off', () => {
    const c = createCoverageTrails(() => 6, { maxSegmentM: 1000 });
    for (let i = 0; i <= 100; i++) c.add([at(106.35 + i * 1e-6, 20.65)]);
    c.add([at(106.36, 20.65, false)]);
    for (let i = 0; i <= 10; i++) c.add([at(106.35 + i * 1e-6, 20.6501)]);
    expect(c.trails()).toEqual([
      {
        vehicleId: 'v0',
        widthM: 6,
        passes: [
          [
            [106.35, 20.65],
            [106.35 + 100e-6, 20.65],
          ],
          [
            [106.35, 20.6501],
            [106.35 + 10e-6, 20.6501],
          ],
        ],
      },
    ]);
  });
  it('cuts a variable-rate pass where the delivered rate moves over 5 %, each strip with its rate, joined end to start', () => {
    const c = createCoverageTrails(() => 9, { maxSegmentM: 1000 });
    const dosed = (i: number, ratePerHa: number) => ({
      ...at(106.35 + i * 1e-6, 20.65),
      dose: { setPointPerHa: 110, ratePerHa, flowKgPerS: 0 },
    });
    for (let i = 0; i <= 10; i++) c.add([dosed(i, 50 + (i % 2))]); // 50–51: within 5 %
    for (let i = 11; i <= 12; i++) c.add([dosed(i, 80)]); // the ramp
    for (let i = 13; i <= 20; i++) c.add([dosed(i, 110)]);
    const [trail] = c.trails();
    expect(trail.rates).toEqual([50, 80, 110]);
    expect(trail.passes.map((p) => p.length)).toEqual([2, 2, 2]);
    for (let k = 1; k < 3; k++) expect(trail.passes[k][0]).toEqual(trail.passes[k - 1].at(-1));
    expect(trail.passes[2].at(-1)).toEqual([106.35 + 20e-6, 20.65]);
    // a run without dose carries no rates at all
    const plain = createCoverageTrails(() => 9);
    plain.add([at(106.35, 20.65)]);
    expect(plain.trails()[0]).not.toHaveProperty('rates');
  });
  it('keeps turns within tolerance of every dropped point', () => {
    const c = createCoverageTrails(() => 6, { toleranceM: 0.05 });
    const pts: [number, number][] = [];
    const m = 111_320;
    const cos = Math.cos((20.65 * Math.PI) / 180);
    // a half circle of 10 m radius, a point every 0.1 m
    for (let i = 0; i <= 314; i++) {
      const a = i / 100;
      pts.push([106.35 + (10 * Math.cos(a)) / (m * cos), 20.65 + (10 * Math.sin(a)) / m]);
    }
    for (const p of pts) c.add([at(p[0], p[1])]);
    const kept = c.trails()[0].passes[0];
    expect(kept.length).toBeLessThan(pts.length / 3);
    expect(kept.length).toBeGreaterThan(10);
    // every original point is within the tolerance of the kept polyline
    const toXY = (p: [number, number]) => [(p[0] - 106.35) * m * cos, (p[1] - 20.65) * m];
    const segDist = (p: number[], a: number[], b: number[]) => {
      const dx = b[0] - a[0],
        dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    };
    for (const p of pts) {
      const q = toXY(p);
      const d = Math.min(...kept.slice(1).map((b, i) => segDist(q, toXY(kept[i]), toXY(b))));
      expect(d).toBeLessThan(0.1);
    }
  });
});

describe('feed state', () => {
  it('follows telemetry and controls, and is done when every machine is', () => {
    const s = createFeedStateTracker(description('m'), 10);
    expect(s.state()).toMatchObject({ t: 0, vehicles: [], coverage: [], paused: false, speedup: 10, done: false });
    s.apply({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    s.apply({ kind: 'control', action: 'pause', paused: true, speedup: 10 });
    expect(s.state()).toMatchObject({ t: 100, paused: true, progress: progress(100) });
    s.apply({ kind: 'telemetry', t: 200, vehicles: [{ ...vehicle('v0', 200), activity: 'done' }], progress: progress(200) });
    expect(s.state().done).toBe(true);
    s.reset();
    expect(s.state()).toMatchObject({ t: 0, vehicles: [], coverage: [], paused: true, done: false });
  });
});

describe('client messages: schema declared once (client-schema.ts), JSON Schema from it', () => {
  it('each refusal says which field is wrong', () => {
    const said = (text: string) => {
      const r = parseClientMessage(text);
      return r.ok ? 'ok' : r.message;
    };
    expect(said('{"type":"subscribe"}')).toBe('"subscribe" needs "sim": a simulation id');
    expect(said('{"type":"unsubscribe","sim":""}')).toBe('"unsubscribe" needs "sim": a simulation id');
    expect(said('{"type":"control","sim":"a"}')).toBe('control needs "action": pause, resume, speed or restart');
    expect(said('{"type":"control","sim":"a","action":"jump"}')).toBe('control needs "action": pause, resume, speed or restart');
    expect(said('{"type":"control","sim":"a","action":"pause","token":5}')).toBe('"token" must be a string');
    expect(said('{"type":"control","sim":"a","action":"speed","value":"x"}')).toBe('control "speed" needs "value": a speed-up factor > 0');
    expect(said('{"type":"control","sim":"a","action":"speed","speedup":-2}')).toBe('control "speed" needs "value": a speed-up factor > 0');
    expect(said('{"type":"dance"}')).toBe('unknown message type "dance" (expected subscribe, unsubscribe or control)');
    const long = parseClientMessage(`{"type":"control","sim":"a","action":"pause","token":"${'t'.repeat(300)}"}`);
    expect(long.ok && long.message.type === 'control' && long.message.token?.length).toBe(256);
  });

  it('docs/schemas/telemetry-client.schema.json has one shape per message type', () => {
    const json = JSON.parse(readFileSync('docs/schemas/telemetry-client.schema.json', 'utf8'));
    expect(json.oneOf.map((s: { properties: { type: { const: string } } }) => s.properties.type.const)).toEqual([
      'subscribe',
      'unsubscribe',
      'control',
    ]);
    expect(json.oneOf[2].properties.action.enum).toEqual(['pause', 'resume', 'speed', 'restart']);
    expect(json.oneOf[0].properties.sim).toMatchObject({ type: 'string', minLength: 1, maxLength: 256 });
    expect(json.oneOf[2].required).toEqual(['type', 'sim', 'action']);
  });
});
