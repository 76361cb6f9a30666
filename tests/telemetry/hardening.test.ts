/**
 * Issue 20's abuse list, as a village demo meets it: security headers on every answer (404
 * too), 405 for other methods, the Origin check on the LAN, a flooding client closed with 1008
 * after its warnings, TELEMETRY_TOO_LARGE before the 1009 close, control answered to a client
 * that watches nothing, and bounded shutdown.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualFeed, defaultCsp, originAllowed, startTelemetryServer } from '../../src/telemetry/index.js';
import { resolveServerOptions } from '../../src/telemetry/server/options.js';
import { client, description, type Msg } from './helpers.js';
import { useTelemetryServers } from '../helpers/telemetry-servers.js';

const { serve, connect } = useTelemetryServers();

function http(
  port: number,
  method: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP answers', () => {
  it('every answer (page, 404, 405) carries CSP, nosniff and Referrer-Policy; other methods get 405 with Allow', async () => {
    const page = Object.assign((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      if (req.url !== '/' || req.method !== 'GET') return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html>');
      return true;
    }, {});
    const srv = await serve({ feeds: [createManualFeed(description('m'))], staticHandler: page });
    const answers = await Promise.all([
      http(srv.port, 'GET', '/'),
      http(srv.port, 'GET', '/nope'),
      http(srv.port, 'HEAD', '/nope'),
      http(srv.port, 'POST', '/'),
      http(srv.port, 'PUT', '/x'),
      http(srv.port, 'DELETE', '/'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 404, 405, 405, 405]);
    for (const a of answers) {
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['content-security-policy']).toBe(defaultCsp(`127.0.0.1:${srv.port}`));
    }
    expect(answers[3].headers.allow).toBe('GET, HEAD');
    // own scripts only, and the socket of this very host
    expect(answers[0].headers['content-security-policy']).toContain("script-src 'self';");
    expect(answers[0].headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${srv.port} wss://127.0.0.1:${srv.port}`,
    );
  });

  it('a Host header that is not a host is not echoed into the policy', () => {
    expect(defaultCsp('evil; script-src *')).not.toContain('evil');
  });
});

describe('Origin', () => {
  const req = (origin: string | undefined, host: string) =>
    ({ headers: { origin, host } }) as unknown as import('node:http').IncomingMessage;

  it('defaults to any on loopback and to same-host on every other interface (the LAN)', () => {
    const feeds = [createManualFeed(description('m'))];
    expect(resolveServerOptions({ feeds, host: '127.0.0.1' }).allowedOrigins).toBe('any');
    expect(resolveServerOptions({ feeds, host: '::1' }).allowedOrigins).toBe('any');
    expect(resolveServerOptions({ feeds, host: '0.0.0.0' }).allowedOrigins).toBe('same-host');
    expect(resolveServerOptions({ feeds, host: '192.168.1.20' }).allowedOrigins).toBe('same-host');
    expect(resolveServerOptions({ feeds, host: '0.0.0.0', allowedOrigins: ['http://a'] }).allowedOrigins).toEqual(['http://a']);
  });

  it('same-host takes the page of whatever address the phone used, and nothing else', () => {
    for (const host of ['192.168.1.20:8080', 'laptop.local:8080', '[fe80::1]:8080', '10.0.0.5:80']) {
      expect(originAllowed(req(`http://${host}`, host), 'same-host')).toBe(true);
      expect(originAllowed(req('http://evil.example', host), 'same-host')).toBe(false);
      expect(originAllowed(req(`http://${host.replace(/:\d+$/, ':9999')}`, host), 'same-host')).toBe(false);
    }
    expect(originAllowed(req('null', '10.0.0.5:80'), 'same-host')).toBe(false);
    expect(originAllowed(req(undefined, '10.0.0.5:80'), 'same-host')).toBe(true); // not a browser
  });

  it('a server with same-host lets its own page in and refuses a foreign one with 403', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], allowedOrigins: 'same-host' });
    const own = await connect(srv.url, { origin: `http://127.0.0.1:${srv.port}` });
    expect((await own.next((m) => m.type === 'hello')).type).toBe('hello');
    await expect(client(srv.url, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });
});

describe('abusive clients', () => {
  it('a client flooding after its warnings is closed with 1008; a calm one is not', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], maxMessagesPerSecond: 5, floodWarnings: 1 });
    const calm = await connect(srv.url);
    const flood = await connect(srv.url);
    // Flood until closed (bounded: the server must close it well before 20,000 messages at this rate).
    let sent = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 50 && flood.ws.readyState === WebSocket.OPEN && sent < 20_000; i++, sent++)
        flood.send({ type: 'subscribe', sim: 'm' });
    }, 10);
    const closed = await flood.closed;
    clearInterval(pump);
    expect(closed.code).toBe(1008);
    const warnings = flood.messages.filter((m) => m.type === 'error' && m.code === 'TELEMETRY_RATE_LIMITED');
    expect(warnings.length).toBe(2); // one warning, then the one saying why it closes
    expect(String(warnings[1].message)).toMatch(/closing \(1008\)/);
    calm.send({ type: 'subscribe', sim: 'm' });
    await calm.next((m) => m.type === 'snapshot');
    expect(calm.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a frame over maxPayload gets TELEMETRY_TOO_LARGE, then the 1009 close', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], maxPayloadBytes: 1024 });
    const c = await connect(srv.url);
    await c.next((m) => m.type === 'hello');
    c.send(JSON.stringify({ type: 'subscribe', sim: 'm', pad: 'x'.repeat(5000) }));
    expect((await c.closed).code).toBe(1009);
    const last = c.messages.at(-1) as Msg;
    expect(last).toMatchObject({ type: 'error', code: 'TELEMETRY_TOO_LARGE' });
    expect(String(last.message)).toContain('1024 bytes');
  });

  it('every control message gets an answer, also from a client subscribed to nothing', async () => {
    const feed = createManualFeed(description('m'), {
      onControl: () => feed.push({ kind: 'control', action: 'pause', paused: true, speedup: 1 }),
    });
    const srv = await serve({ feeds: [feed], token: 't' });
    const c = await connect(srv.url);
    await c.next((m) => m.type === 'hello');
    c.send({ type: 'control', sim: 'm', action: 'pause', token: 't' });
    c.send({ type: 'control', sim: 'm', action: 'pause', token: 'wrong' });
    c.send({ type: 'control', sim: 'zzz', action: 'pause', token: 't' });
    await c.count((m) => m.type === 'control' || m.type === 'error', 3);
    const answers = c.messages.filter((m) => m.type !== 'hello').map((m) => (m.type === 'error' ? m.code : m.type));
    expect(answers).toEqual(['control', 'TELEMETRY_UNAUTHORIZED', 'TELEMETRY_UNKNOWN_SIM']);
    expect(c.messages.find((m) => m.type === 'control')).toMatchObject({ sim: 'm', action: 'pause', ok: true, paused: true });
  });
});

describe('bounded shutdown', () => {
  it('close() finishes within closeTimeoutMs even when a client never answers the close handshake', async () => {
    const srv = await startTelemetryServer({ feeds: [createManualFeed(description('m'))], closeTimeoutMs: 300 });
    const c = await client(srv.url);
    await c.next((m) => m.type === 'hello');
    // Stop reading: the client's socket no longer answers anything.
    (c.ws as unknown as { _socket: import('node:net').Socket })._socket.pause();
    let done = false;
    const closing = srv.close().then(() => (done = true));
    await closing;
    expect(done).toBe(true);
    c.ws.terminate();
  });
});
