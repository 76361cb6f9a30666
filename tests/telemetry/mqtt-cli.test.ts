/**
 * The scale path as a user runs it, all real processes: mosquitto, `agrisim serve --mqtt`
 * (the simulator) and two `agrisim gateway` processes; WebSocket viewers on both gateways see
 * the same run as a viewer of the simulator's own server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startMosquitto, type Mosquitto } from '../helpers/brokers.js';
import { killLeftoverProcesses, spawnSourceCli, startSourceCli } from '../helpers/cli-process.js';
import { systemProgram } from '../helpers/system.js';
import { client, type Msg, type TestClient } from './helpers.js';

const mosquitto = systemProgram('mosquitto');

killLeftoverProcesses();
const clients: TestClient[] = [];
const brokers: Mosquitto[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(brokers.map((b) => b.stop()));
});

/** Starts `agrisim <args> --json`; resolves on its `started` line, with a way to stop it (SIGINT → its exit code). */
async function agrisim(
  args: string[],
): Promise<{ started: Record<string, unknown>; lines: () => Record<string, unknown>[]; stop: () => Promise<number | null> }> {
  const cli = await startSourceCli(args);
  return {
    started: cli.started,
    lines: cli.lines,
    stop: async () => {
      cli.proc.kill('SIGINT');
      return (await cli.exit).code;
    },
  };
}

describe.skipIf(!mosquitto)('agrisim serve --mqtt and agrisim gateway (real processes, real mosquitto)', () => {
  it("two gateways serve the simulator's run to their viewers: same simulations, same telemetry frames", async () => {
    const broker = await startMosquitto(mosquitto!); // resolves once it listens
    brokers.push(broker);
    const { url } = broker;
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
    expect(serve.lines().at(-1)).toMatchObject({ event: 'stopped' });
    await broker.stop();
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
        const p = spawnSourceCli(['serve', '--no-viewer', '--port', '0', '--scenario', 'sims/thai-binh-drone.json', ...args]);
        expect((await p.exit).code).toBe(exit);
        expect(p.stderr()).toContain(code);
      }),
    );
  });
});
