/**
 * The viewer's reading of the telemetry protocol against the telemetry stage's own contract
 * (src/telemetry/protocol): frames encoded by the server's encoder parse in the viewer, and
 * the types agree both ways (checked by `tsc --noEmit`, which fails when either side drifts).
 */
import { describe, expect, it } from 'vitest';
import { encodeMessage, frameWithSeq } from '../../src/telemetry/protocol/encode.js';
import type { ClientMessage as ServerClientMessage, ServerMessage as ServerSentMessage } from '../../src/telemetry/protocol/messages.js';
import { parseClientMessage } from '../../src/telemetry/protocol/parse-client.js';
import { CoverageModel } from '../../src/viewer/app/coverage.js';
import { parseServerMessage, type ClientMessage, type ServerMessage } from '../../src/viewer/app/messages.js';

/** Compile-time: whatever the server sends, the viewer's types accept; whatever the viewer sends, the server's accept. */
export const serverToViewer = (m: ServerSentMessage): ServerMessage => m;
export const viewerToServer = (m: ClientMessage): ServerClientMessage => m;

const progress = { coveredPct: 12.5, coveredHa: 0.31, elapsedS: 95, etaS: 600 };

describe('telemetry protocol as the viewer reads it', () => {
  it('parses a telemetry frame numbered by the server encoder', () => {
    const body = { type: 'telemetry', sim: 'a', t: 100, vehicles: [], progress };
    const frame = frameWithSeq(encodeMessage(body), 7);
    const m = parseServerMessage(frame);
    expect(m).toEqual({ type: 'telemetry', seq: 7, sim: 'a', t: 100, vehicles: [], progress });
  });
  it('rebuilds coverage passes from a snapshot coverage trail', () => {
    const body = { type: 'snapshot', sim: 'a', coverage: [{ vehicleId: 'drone-1', widthM: 9, passes: [[[106.35, 20.65], [106.351, 20.65]], [[106.35, 20.651]]] }] };
    const frame = frameWithSeq(encodeMessage(body), 2);
    const m = parseServerMessage(frame);
    if (m?.type !== 'snapshot') throw new Error('not a snapshot');
    const cov = new CoverageModel(() => 1);
    cov.reset(m.coverage);
    expect(cov.passes.map((p) => [p.vehicleId, p.widthM, p.points.length])).toEqual([['drone-1', 9, 2], ['drone-1', 9, 1]]);
    expect(cov.toGeoJson().features).toHaveLength(1); // a one-point pass is not a strip yet
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
  it('ignores frames that are not objects with a type', () => {
    expect(parseServerMessage('[1]')).toBeUndefined();
    expect(parseServerMessage('{"seq":1}')).toBeUndefined();
    expect(parseServerMessage('not json')).toBeUndefined();
  });
});
