/**
 * MQTT scale path benchmark: end-to-end latency (frame made → viewer got it) and CPU per
 * viewer, served by one process (`agrisim serve`, the baseline measured in the same run) and
 * through Mosquitto and a gateway process (`serve --mqtt` → broker → `gateway`). Viewers are
 * real WebSocket clients in this process; the server, publisher and gateway run as child
 * processes (bench/mqtt-child.ts) so each one's CPU time is read from /proc apart.
 * viewersPerCore = viewers ÷ the serving process's CPU share: how many viewers one core of
 * gateway serves at 10 Hz. Run alone: `npm run bench -- mqtt`. Needs /usr/sbin/mosquitto.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const MEASURE_MS = 4000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuS(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Starts a bench/mqtt-child.ts role; resolves with its first JSON line. */
async function child(role: string, mqttUrl = ''): Promise<{ proc: ChildProcess; info: { url?: string } }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/mqtt-child.ts', role, mqttUrl], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<{ url?: string }>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    proc.on('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
  return { proc, info };
}

async function stop(proc: ChildProcess): Promise<void> {
  const gone = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([gone, sleep(3000)]);
  if (proc.exitCode === null) proc.kill('SIGKILL');
}

/** Connects `n` viewers, measures latency of every telemetry frame for MEASURE_MS and the CPU of `pids`. */
async function measure(url: string, n: number, pids: number[]): Promise<Record<string, number>> {
  const latencies: number[] = [];
  let measuring = false;
  let frames = 0;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from(
        { length: Math.min(50, n - i) },
        () =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(url, { perMessageDeflate: false });
            sockets.push(ws);
            ws.on('open', () => {
              ws.send(JSON.stringify({ type: 'subscribe', sim: 'bench' }));
              resolve();
            });
            ws.on('error', reject);
            ws.on('message', (d) => {
              if (!measuring) return;
              const s = d.toString();
              if (!s.startsWith('{"type":"telemetry"')) return;
              const m = /"t":([\d.]+)/.exec(s);
              if (m) {
                latencies.push(now() - Number(m[1]));
                frames++;
              }
            });
          }),
      ),
    );
  }
  await sleep(1000); // let snapshots go out
  const cpu0 = pids.map(cpuS);
  measuring = true;
  const t0 = now();
  await sleep(MEASURE_MS);
  measuring = false;
  const wallS = (now() - t0) / 1000;
  const cpu = pids.map((p, i) => (cpuS(p) - cpu0[i]) / wallS);
  for (const ws of sockets) ws.terminate();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => +(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN).toFixed(1);
  return {
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    delivered: +(frames / (n * 10 * wallS)).toFixed(3),
    cpu0: +cpu[0].toFixed(3),
    cpu1: +(cpu[1] ?? 0).toFixed(3),
  };
}

export async function run(): Promise<BenchSection> {
  const rows: Record<string, number | string>[] = [];
  const load0 = loadavg()[0];
  const port = await freePort();
  const broker = spawn('/usr/sbin/mosquitto', ['-p', String(port)], { stdio: 'ignore' });
  const mqttUrl = `mqtt://127.0.0.1:${port}`;
  await sleep(300);
  try {
    for (const n of [100, 500, 1000]) {
      const direct = await child('direct');
      const d = await measure(direct.info.url!, n, [direct.proc.pid!]);
      await stop(direct.proc);
      rows.push({
        path: 'single process (serve)',
        viewers: n,
        p50Ms: d.p50Ms,
        p95Ms: d.p95Ms,
        p99Ms: d.p99Ms,
        delivered: d.delivered,
        serverCpu: d.cpu0,
        brokerCpu: '',
        viewersPerCore: Math.round(n / Math.max(d.cpu0, 0.01)),
      });

      const pub = await child('publisher', mqttUrl);
      const gw = await child('gateway', mqttUrl);
      const g = await measure(gw.info.url!, n, [gw.proc.pid!, broker.pid!]);
      await stop(gw.proc);
      await stop(pub.proc);
      rows.push({
        path: 'broker + gateway',
        viewers: n,
        p50Ms: g.p50Ms,
        p95Ms: g.p95Ms,
        p99Ms: g.p99Ms,
        delivered: g.delivered,
        serverCpu: g.cpu0,
        brokerCpu: g.cpu1,
        viewersPerCore: Math.round(n / Math.max(g.cpu0, 0.01)),
      });
    }
  } finally {
    broker.kill();
  }
  const at = (path: string, n: number) => rows.find((r) => r.path === path && r.viewers === n)!;
  const extra = (at('broker + gateway', 1000).p50Ms as number) - (at('single process (serve)', 1000).p50Ms as number);
  return {
    name: 'MQTT scale path: viewers per gateway and latency through the broker',
    rows,
    notes: [
      `10 Hz feed of 2 drones; latency = viewer receive time − frame creation time (same machine clock); ${MEASURE_MS / 1000} s per cell; viewers are ws clients in the bench process (they share the 2 cores).`,
      `serverCpu = CPU share (1 = one core) of the serving process (the serve process, or the gateway); brokerCpu = mosquitto's. viewersPerCore = viewers / serverCpu.`,
      `At 1,000 viewers the broker hop adds ${extra.toFixed(1)} ms at the median. The publisher sends one message per frame whatever the number of viewers; gateways scale out behind a load balancer.`,
      `Load average ${load0.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end (other processes share the 2 cores).`,
    ],
  };
}
