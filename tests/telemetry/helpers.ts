/**
 * Test helpers: real `ws` clients that keep every message, wait for one by predicate
 * (bounded by a generous timeout so a broken server fails instead of hanging), and scenarios
 * loaded once per file.
 */
import WebSocket from 'ws';
import { loadScenario, type LoadedScenario } from '../../src/scenario/index.js';
import type { SimDescription } from '../../src/sim/types.js';
import type { ServerMessage } from '../../src/telemetry/index.js';

export type Msg = ServerMessage & Record<string, unknown>;

export interface TestClient {
  ws: WebSocket;
  messages: Msg[];
  send(m: unknown): void;
  /** Resolves with the first message (from index `from`) matching, waiting for it if needed. */
  next(pred: (m: Msg) => boolean, from?: number, timeoutMs?: number): Promise<Msg>;
  /** Waits until `n` messages match; resolves with the first `n` of them. */
  count(pred: (m: Msg) => boolean, n: number, timeoutMs?: number): Promise<Msg[]>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens a ws client and collects messages from the start. */
export function client(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, options);
  const messages: Msg[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (d, isBinary) => {
    if (!isBinary) messages.push(JSON.parse(String(d)) as Msg);
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const w of [...waiters]) w();
    }),
  );
  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const tryIt = () => {
        const r = check();
        if (r !== undefined) {
          waiters.delete(tryIt);
          clearTimeout(timer);
          resolve(r);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(tryIt);
        const byType: Record<string, number> = {};
        for (const m of messages) byType[m.type] = (byType[m.type] ?? 0) + 1;
        reject(
          new Error(
            `timed out waiting for ${what} on ${url}; got ${messages.length} messages ${JSON.stringify(byType)}, last: ${messages
              .slice(-3)
              .map((m) => `${m.type}@${String(m.t)}`)
              .join(',')}`,
          ),
        );
      }, timeoutMs);
      waiters.add(tryIt);
      tryIt();
    });
  const c: TestClient = {
    ws,
    messages,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next: (pred, from = 0, timeoutMs = 15_000) => waitFor(() => messages.slice(from).find(pred), timeoutMs, 'a message'),
    count: (pred, n, timeoutMs = 15_000) =>
      waitFor(
        () => {
          const got = messages.filter(pred);
          return got.length >= n ? got.slice(0, n) : undefined;
        },
        timeoutMs,
        `${n} messages`,
      ),
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(c));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const cache = new Map<string, Promise<LoadedScenario>>();
/** A scenario of sims/, loaded once. */
export function scenario(name: 'thai-binh-transplanter' | 'thai-binh-drone'): Promise<LoadedScenario> {
  let s = cache.get(name);
  if (!s) cache.set(name, (s = loadScenario(`sims/${name}.json`)));
  return s;
}

/** A small description for hand-driven feeds. */
export function description(id: string, vehicles = 1): SimDescription {
  return {
    id,
    name: `test ${id}`,
    planGeoJson: { type: 'FeatureCollection', features: [] },
    vehicles: Array.from({ length: vehicles }, (_, i) => ({ id: `v${i}`, kind: 'drone', workingWidthM: 6, guidance: 'rtk' as const })),
    fieldAreaHa: 1,
    tickMs: 100,
    seed: 1,
  };
}

/** A vehicle on the wire, moving east with t. */
export function vehicle(id: string, t: number, implementOn = true) {
  return {
    id,
    kind: 'drone',
    lat: 20.65,
    lon: 106.35 + t * 1e-8,
    altM: 3,
    headingDeg: 90,
    speedMps: 5,
    fix: 'rtk-fixed' as const,
    crossTrackErrorM: 0.02,
    implementOn,
    activity: 'working' as const,
    sortie: 1,
    tank: { kg: 30, capacityKg: 40 },
    battery: { pct: 80 },
  };
}

export const progress = (t: number) => ({ coveredPct: t / 1000, coveredHa: t / 1e5, elapsedS: t / 1000, etaS: 100 });

/** Drops `seq` (to compare message bodies across connections). */
export function body(m: Msg): Record<string, unknown> {
  const { seq: _s, ...rest } = m as Record<string, unknown>;
  return rest;
}
