/**
 * The scale path as a user runs it, all real processes: mosquitto, `agrisim serve --mqtt`
 * (the simulator) and two `agrisim gateway` processes; WebSocket viewers on both gateways see
 * the same run as a viewer of the simulator's own server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMqtt } from '../../src/telemetry/mqtt/index.js';
import { systemProgram } from '../helpers/system.js';
import { client, type Msg, type TestClient } from './helpers.js';

const mosquitto = systemProgram('mosquitto');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const procs: ChildProcess[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
});

/** Starts `agrisim <args> --json`; resolves with its first JSON line and a way to stop it. */
async function agrisim(
  args: string[],
): Promise<{ started: Record<string, unknown>; lines: () => string[]; stop: () => Promise<number | null> }> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(p);
  let out = '';
  let err = '';
  p.stdout!.on('data', (d) => (out += d));
  p.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
  for (let i = 0; !out.includes('\n'); i++) {
    if (i > 600 || p.exitCode !== null) throw new Error(`agrisim ${args[0]} did not start: ${err}`);
    await sleep(50);
  }
  return {
    started: JSON.parse(out.split('\n')[0]) as Record<string, unknown>,
    lines: () => out.trim().split('\n'),
    stop: async () => {
      p.kill('SIGINT');
      return exited;
    },
  };
}

describe.skipIf(!mosquitto)('agrisim serve --mqtt and agrisim gateway (real processes, real mosquitto)', () => {
  it("two gateways serve the simulator's run to their viewers: same simulations, same telemetry frames", async () => {
    const port = await freePort();
    const broker = spawn(mosquitto!, ['-p', String(port)], { stdio: 'ignore' });
    procs.push(broker);
    const url = `mqtt://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        await (await connectMqtt(url, { connectTimeoutMs: 500 })).endAsync();
        break;
      } catch (e) {
        if (i > 20) throw e;
        await sleep(100);
      }
    }
    const serve = await agrisim([
      'serve',
      '--mqtt',
      url,
      '--farm',
      'quynh-phu',
      '--scenario',
      'sims/thai-binh-drone.json',
      '--speedup',
      '20',
      '--port',
      '0',
      '--no-viewer',
    ]);
    expect(serve.started).toMatchObject({ event: 'started', mqtt: url });
    const [g1, g2] = await Promise.all([
      agrisim(['gateway', '--mqtt', url, '--port', '0', '--no-viewer']),
      agrisim(['gateway', '--mqtt', url, '--farm', 'quynh-phu', '--port', '0', '--no-viewer']),
    ]);
    const viewers = await Promise.all(
      [serve, g1, g2].map(async (p) => {
        const c = await client(p.started.url as string);
        clients.push(c);
        return c;
      }),
    );
    const hellos = await Promise.all(viewers.map((v) => v.next((m) => m.type === 'hello')));
    expect(hellos[1].simulations).toEqual(hellos[0].simulations);
    expect(hellos[2].simulations).toEqual(hellos[0].simulations);
    for (const v of viewers) v.send({ type: 'subscribe', sim: 'thai-binh-drone' });
    const got = await Promise.all(viewers.map((v) => v.count((m) => m.type === 'telemetry', 20)));
    const key = (m: Msg) => JSON.stringify({ t: m.t, vehicles: m.vehicles, progress: m.progress });
    const fromSim = new Set(viewers[0].messages.filter((m) => m.type === 'telemetry').map(key));
    const onG2 = new Set(viewers[2].messages.filter((m) => m.type === 'telemetry').map(key));
    // After the first few frames (each joined at its own moment), every frame on gateway 1 is on gateway 2 and was sent by the simulator.
    for (const m of got[1].slice(5)) {
      expect(onG2.has(key(m))).toBe(true);
      expect(fromSim.has(key(m))).toBe(true);
    }
    expect(await g1.stop()).toBe(0);
    expect(await g2.stop()).toBe(0);
    expect(await serve.stop()).toBe(0);
    expect(JSON.parse(serve.lines().at(-1)!)).toMatchObject({ event: 'stopped' });
    broker.kill();
  });

  it('serve --mqtt errors: --farm without --mqtt and a bad URL are usage (2), an unreachable broker is 1', async () => {
    const closed = await freePort();
    const cases: [string[], number, string][] = [
      [['--farm', 'x'], 2, 'CLI_USAGE'],
      [['--mqtt', 'http://127.0.0.1:1883'], 2, 'TELEMETRY_MQTT_URL'],
      [['--mqtt', `mqtt://127.0.0.1:${closed}`], 1, 'TELEMETRY_MQTT_CONNECT'],
    ];
    await Promise.all(
      cases.map(async ([args, exit, code]) => {
        const p = spawn(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-viewer', '--port', '0', '--scenario', 'sims/thai-binh-drone.json', ...args],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        procs.push(p);
        let err = '';
        p.stderr!.on('data', (d) => (err += d));
        expect(await new Promise((r) => p.on('exit', r))).toBe(exit);
        expect(err).toContain(code);
      }),
    );
  });
});
