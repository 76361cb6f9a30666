/**
 * Telemetry benchmark: N clients (100, 500, 1000) on localhost at 10 Hz for a fixed number of
 * ticks, through agrisim's telemetry server and, in the same run, through a minimal raw `ws`
 * broadcast server (stringify once, send to all: the ceiling). Server and clients run in
 * separate processes (the machine has 2 cores), so server CPU and RSS are the server's own.
 * Reports delivered %, p50/p99 latency, server CPU % of a core, peak RSS, and agrisim's
 * efficiency against the raw ceiling (frames delivered per server CPU second).
 * Run alone: `npm run bench -- telemetry`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const TICKS = 100;
const HZ = 10;
const SIZES = (process.env.BENCH_TELEMETRY_SIZES ?? '100,500,1000').split(',').map(Number);

function child(file: string, args: string[]): ChildProcess {
  return fork(join(here, 'telemetry', file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function once<T>(p: ChildProcess, key: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench child: no "${key}" in ${timeoutMs} ms`)), timeoutMs);
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        clearTimeout(timer);
        p.off('message', on);
        resolve(m as T);
      }
    };
    p.on('message', on);
    p.once('exit', (code) => reject(new Error(`bench child exited ${code} before "${key}"`)));
  });
}

export interface Result {
  delivered: number;
  p50: number;
  p99: number;
  cpuPct: number;
  rssMB: number;
  framesPerCpuS: number;
  /** p99 of the wall ms one tick took the server to hand its frame to every socket. */
  sendP99: number;
}

/** One server kind under `clients` clients (exported for bench "reliability"). */
export async function measure(kind: 'agrisim' | 'raw', clients: number): Promise<Result> {
  const server = child('load-server.ts', [kind, String(TICKS), String(HZ)]);
  try {
    const { port } = await once<{ port: number }>(server, 'ready');
    const cl = child('load-clients.ts', [`ws://127.0.0.1:${port}/ws`, String(clients), kind, String(TICKS)]);
    try {
      await once(cl, 'ready');
      server.send({ go: true });
      const s = await once<{ cpuMs: number; wallMs: number; rssMaxMB: number; sendP99Ms: number }>(server, 'done', 120_000);
      await new Promise((r) => setTimeout(r, 500));
      cl.send({ finish: true });
      const c = await once<{ received: number; p50: number; p99: number }>(cl, 'received');
      return {
        delivered: (100 * c.received) / (clients * TICKS),
        p50: c.p50,
        p99: c.p99,
        cpuPct: (100 * s.cpuMs) / s.wallMs,
        rssMB: s.rssMaxMB,
        framesPerCpuS: c.received / (s.cpuMs / 1000),
        sendP99: s.sendP99Ms,
      };
    } finally {
      cl.kill();
    }
  } finally {
    server.kill();
  }
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function run(): Promise<BenchSection> {
  const rows: Record<string, number | string>[] = [];
  for (const n of SIZES) {
    const raw = await measure('raw', n);
    const ours = await measure('agrisim', n);
    for (const [server, r] of [
      ['raw ws (ceiling)', raw],
      ['agrisim', ours],
    ] as const) {
      rows.push({
        clients: n,
        server,
        'delivered %': r2(r.delivered),
        'p50 ms': r1(r.p50),
        'p99 ms': r1(r.p99),
        'server CPU %': r1(r.cpuPct),
        'server RSS MB': r1(r.rssMB),
        'frames / CPU s': Math.round(r.framesPerCpuS),
        'vs raw': server === 'agrisim' ? r2(r.framesPerCpuS / raw.framesPerCpuS) : 1,
      });
    }
  }
  return {
    name: 'telemetry',
    rows,
    notes: [
      `${TICKS} ticks at ${HZ} Hz per case; one telemetry frame (~430 B) per tick to every client; server and clients in separate processes on the same 2-core machine.`,
      'latency = client receive wall time − server stamp; "vs raw" = frames delivered per server CPU second, agrisim ÷ raw ws broadcast in the same run.',
      "agrisim encodes each tick once and splices each connection's seq into the frame; raw ws sends one identical string to all (no seq, no subscriptions, no backpressure checks).",
    ],
  };
}

// `npx tsx bench/telemetry.bench.ts` prints the section.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().then(
    (s) => console.table(s.rows),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
