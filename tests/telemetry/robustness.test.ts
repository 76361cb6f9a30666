/**
 * What misbehaving clients get: bad and oversize frames, control without the token, too many
 * messages or connections, foreign origins, dead peers. The server answers and goes on.
 */
import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createManualFeed, startTelemetryServer } from '../../src/telemetry/index.js';
import { description, progress, scenario, vehicle, type Msg } from './helpers.js';
import { useTelemetryServers } from '../helpers/telemetry-servers.js';

const { serve, connect } = useTelemetryServers();
const errorCode = (code: string) => (m: Msg) => m.type === 'error' && m.code === code;

describe('bad frames', () => {
  it('answers malformed JSON, unknown types, bad fields and binary with error, and keeps serving', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))] });
    const c = await connect(srv.url);
    c.send('{bad json');
    c.send('[1,2]');
    c.send({ type: 'dance' });
    c.send({ type: 'subscribe' });
    c.send({ type: 'subscribe', sim: 'nope' });
    c.send({ type: 'control', sim: 'm', action: 'explode' });
    c.send({ type: 'control', sim: 'm', action: 'speed', value: -3 });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    c.send({ type: 'subscribe', sim: 'm' });
    await c.next((m) => m.type === 'snapshot');
    const errors = c.messages.filter((m) => m.type === 'error').map((m) => m.code);
    expect(errors).toEqual([
      'TELEMETRY_BAD_JSON',
      'TELEMETRY_BAD_MESSAGE',
      'TELEMETRY_BAD_MESSAGE',
      'TELEMETRY_BAD_MESSAGE',
      'TELEMETRY_UNKNOWN_SIM',
      'TELEMETRY_BAD_MESSAGE',
      'TELEMETRY_BAD_MESSAGE',
      'TELEMETRY_BAD_MESSAGE',
    ]);
    c.messages.forEach((m, i) => expect(m.seq).toBe(i + 1));
  });

  it('closes a connection that sends a frame over maxPayload with 1009, others unaffected', async () => {
    const feed = createManualFeed(description('m'));
    const srv = await serve({ feeds: [feed], maxPayloadBytes: 65_536 });
    const other = await connect(srv.url);
    other.send({ type: 'subscribe', sim: 'm' });
    await other.next((m) => m.type === 'snapshot');
    const big = await connect(srv.url);
    big.send(JSON.stringify({ type: 'subscribe', sim: 'm', pad: 'x'.repeat(70_000) }));
    expect((await big.closed).code).toBe(1009);
    feed.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    await other.next((m) => m.type === 'telemetry' && m.t === 100);
    const fresh = await connect(srv.url);
    await fresh.next((m) => m.type === 'hello');
  });
});

describe('control', () => {
  it('needs the token: none or a wrong one gets error, the right one pauses, changes speed, resumes', async () => {
    const sim = await scenario('thai-binh-transplanter');
    const srv = await serve({ simulations: [sim], speedup: 50, token: 'kho-bi-mat' });
    const c = await connect(srv.url);
    expect((await c.next((m) => m.type === 'hello')).control).toBe(true);
    c.send({ type: 'subscribe', sim: sim.id });
    await c.next((m) => m.type === 'telemetry');
    c.send({ type: 'control', sim: sim.id, action: 'pause' });
    c.send({ type: 'control', sim: sim.id, action: 'pause', token: 'kho-bi-mat!' });
    c.send({ type: 'control', sim: sim.id, action: 'pause', token: '' });
    await c.count(errorCode('TELEMETRY_UNAUTHORIZED'), 3);
    expect(c.messages.some((m) => m.type === 'control')).toBe(false);
    c.send({ type: 'control', sim: sim.id, action: 'pause', token: 'kho-bi-mat' });
    const ack = await c.next((m) => m.type === 'control');
    expect(ack).toMatchObject({ sim: sim.id, action: 'pause', ok: true, paused: true, speedup: 50 });
    const at = c.messages.length;
    c.send({ type: 'control', sim: sim.id, action: 'speed', value: 100, token: 'kho-bi-mat' });
    expect(await c.next((m) => m.type === 'control', at)).toMatchObject({ action: 'speed', paused: true, speedup: 100 });
    // no telemetry while paused (400 ms at 100× would be 40 s of simulated time)
    await new Promise((r) => setTimeout(r, 400));
    const lastT = c.messages.filter((m) => m.type === 'telemetry').at(-1)!.t as number;
    expect(c.messages.slice(c.messages.indexOf(ack)).every((m) => m.type === 'control')).toBe(true);
    c.send({ type: 'control', sim: sim.id, action: 'resume', token: 'kho-bi-mat' });
    const next = await c.next((m) => m.type === 'telemetry', c.messages.length);
    // the simulated clock did not run while paused: the next frame is at most one broadcast period (100 ms × 100) on
    expect(next.t as number).toBeGreaterThan(lastT);
    expect((next.t as number) - lastT).toBeLessThanOrEqual(10_100);
    const snap = await (async () => {
      c.send({ type: 'subscribe', sim: sim.id });
      return c.next((m) => m.type === 'snapshot', c.messages.length);
    })();
    expect(snap).toMatchObject({ paused: false, speedup: 100 });
  });

  it('restart through control starts the run over for everyone', async () => {
    const sim = await scenario('thai-binh-transplanter');
    const srv = await serve({ simulations: [sim], speedup: 200, token: 't' });
    const c = await connect(srv.url);
    c.send({ type: 'subscribe', sim: sim.id });
    const before = await c.count((m) => m.type === 'telemetry', 8);
    c.send({ type: 'control', sim: sim.id, action: 'restart', token: 't' });
    const snaps = await c.count((m) => m.type === 'snapshot', 2);
    expect(snaps[1]).toMatchObject({ t: 0, vehicles: [], coverage: [] });
    const after = await c.next((m) => m.type === 'telemetry', c.messages.indexOf(snaps[1]));
    // a fresh run: about one broadcast period (100 ms × 200) from its start, well before where the old run was
    expect(after.t as number).toBeLessThan(before[7].t as number);
  });

  it('is refused when the server has no token', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))] });
    const c = await connect(srv.url);
    c.send({ type: 'control', sim: 'm', action: 'pause', token: 'anything' });
    await c.next(errorCode('TELEMETRY_CONTROL_DISABLED'));
  });
});

describe('limits', () => {
  it('rate-limits a chatty client with one error per second', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], maxMessagesPerSecond: 5 });
    const c = await connect(srv.url);
    for (let i = 0; i < 100; i++) c.send({ type: 'subscribe', sim: 'nope' });
    await c.next(errorCode('TELEMETRY_RATE_LIMITED'));
    c.send({ type: 'subscribe', sim: 'nope' });
    await new Promise((r) => setTimeout(r, 300));
    const unknown = c.messages.filter(errorCode('TELEMETRY_UNKNOWN_SIM')).length;
    // burst of 10, plus what refilled at 5/s while the frames arrived
    expect(unknown).toBeGreaterThanOrEqual(10);
    expect(unknown).toBeLessThanOrEqual(14);
    expect(c.messages.filter(errorCode('TELEMETRY_RATE_LIMITED'))).toHaveLength(1);
  });

  it('refuses connections over the limit with an error and 1013', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], maxConnections: 2 });
    await connect(srv.url);
    await connect(srv.url);
    const third = await connect(srv.url);
    await third.next(errorCode('TELEMETRY_TOO_MANY_CONNECTIONS'));
    expect((await third.closed).code).toBe(1013);
  });

  it('accepts only allowed browser origins (non-browsers send none)', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], allowedOrigins: ['http://lang-xa.vn'] });
    await expect(connect(srv.url, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await (await connect(srv.url, { origin: 'http://lang-xa.vn' })).next((m) => m.type === 'hello');
    await (await connect(srv.url)).next((m) => m.type === 'hello');
  });

  it('drops a peer that never answers pings', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], heartbeatMs: 50 });
    const sock = tcpConnect(srv.port, '127.0.0.1');
    sock.write(
      'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    let text = '';
    sock.on('data', (d) => (text += d.toString('latin1')));
    await new Promise<void>((resolve) => sock.on('close', () => resolve()));
    expect(text).toContain('101 Switching Protocols');
    await vi.waitFor(() => expect(srv.clientCount()).toBe(0));
  });

  it('serves the page handler on the same port and WebSocket on / too', async () => {
    const srv = await serve({
      feeds: [createManualFeed(description('m'))],
      staticHandler: (req, res) => {
        if (req.url !== '/') return false;
        res.end('<html>viewer</html>');
        return true;
      },
    });
    const get = (path: string) =>
      new Promise<[number, string]>((resolve, reject) => {
        request({ host: '127.0.0.1', port: srv.port, path }, (res) => {
          let b = '';
          res.on('data', (d) => (b += d));
          res.on('end', () => resolve([res.statusCode ?? 0, b]));
        })
          .on('error', reject)
          .end();
      });
    expect(await get('/')).toEqual([200, '<html>viewer</html>']);
    expect((await get('/nothing'))[0]).toBe(404);
    await (await connect(`ws://127.0.0.1:${srv.port}/`)).next((m) => m.type === 'hello');
    await expect(connect(`ws://127.0.0.1:${srv.port}/elsewhere`)).rejects.toThrow('HTTP 404');
  });

  it('refuses bad options with TELEMETRY_INVALID_OPTION', async () => {
    await expect(startTelemetryServer({ simulations: [] })).rejects.toMatchObject({ code: 'TELEMETRY_INVALID_OPTION' });
    await expect(startTelemetryServer({ feeds: [createManualFeed(description('m'))], maxPayloadBytes: 0 })).rejects.toMatchObject({
      code: 'TELEMETRY_INVALID_OPTION',
      details: { key: 'maxPayloadBytes' },
    });
    await expect(
      startTelemetryServer({ feeds: [createManualFeed(description('m')), createManualFeed(description('m'))] }),
    ).rejects.toMatchObject({ details: { key: 'simulations' } });
    const srv = await serve({ feeds: [createManualFeed(description('m'))] });
    await expect(startTelemetryServer({ feeds: [createManualFeed(description('n'))], port: srv.port })).rejects.toMatchObject({
      code: 'TELEMETRY_LISTEN',
    });
  });
});

describe('a client that does not read', () => {
  it('cannot grow server memory by re-subscribing: snapshots wait until it drains', async () => {
    // a 500 kB plan: each snapshot is big
    const d = description('m');
    d.planGeoJson.features = Array.from({ length: 2000 }, (_, i) => ({
      type: 'Feature',
      properties: { i, note: 'x'.repeat(200) },
      geometry: null,
    }));
    const srv = await serve({ feeds: [createManualFeed(d)], maxMessagesPerSecond: 1000 });
    const c = await connect(srv.url);
    await c.next((m) => m.type === 'hello');
    (c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    for (let i = 0; i < 200; i++) c.send({ type: 'subscribe', sim: 'm' });
    // 200 × 500 kB would be 100 MB; the server stops at its high-water mark (plus what the kernel holds)
    await vi.waitFor(() => expect(srv.stats().snapshotsSent).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    const sent = srv.stats().snapshotsSent;
    expect(sent).toBeLessThan(60);
    (c.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    // once drained it gets one more snapshot (the deferred one), then nothing piles up
    await c.count((m) => m.type === 'snapshot', sent + 1, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.messages.filter((m) => m.type === 'snapshot')).toHaveLength(sent + 1);
    expect(srv.stats().snapshotsSent).toBe(sent + 1);
  });
});

describe('a failing feed', () => {
  it('tells its subscribers with TELEMETRY_FEED_FAILED while the server and other feeds go on', async () => {
    const good = createManualFeed(description('good'));
    const updates = new Subject<never>();
    const bad = { ...createManualFeed(description('bad')), updates$: updates.asObservable() };
    const srv = await serve({ feeds: [good, bad] });
    const c = await connect(srv.url);
    c.send({ type: 'subscribe', sim: 'bad' });
    c.send({ type: 'subscribe', sim: 'good' });
    await c.count((m) => m.type === 'snapshot', 2);
    updates.error(new Error('broker gone'));
    const err = await c.next(errorCode('TELEMETRY_FEED_FAILED'));
    expect(err).toMatchObject({ sim: 'bad', message: 'simulation "bad" stopped: broker gone' });
    good.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    await c.next((m) => m.type === 'telemetry' && m.sim === 'good');
  });
});
