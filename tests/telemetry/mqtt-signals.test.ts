/**
 * A stop signal while the MQTT side is not ready (issue 20): `gateway` still connecting to a
 * broker that never answers, `gateway --wait` waiting for a first simulation on a real
 * mosquitto, or after that broker went away, and `serve --mqtt` connecting its publisher — each
 * ends with exit 0 and its `stopped` line, instead of dying by the signal (exit 143) or hanging.
 * Event-based: each signal is sent once the broker saw the connection (or subscription).
 */
import { describe, expect, it } from 'vitest';
import { startMqttGateway } from '../../src/telemetry/mqtt/index.js';
import { startMosquitto, startSilentBroker } from '../helpers/brokers.js';
import { killLeftoverProcesses, spawnSourceCli } from '../helpers/cli-process.js';
import { systemProgram } from '../helpers/system.js';

killLeftoverProcesses();
const mosquitto = systemProgram('mosquitto');
const cli = (...args: string[]) => spawnSourceCli([...args, '--json']);
/** Generous: a hang fails, a busy machine does not (the 3 s budget is measured by bench "reliability"). */
const EXIT_WITHIN_MS = 20_000;

describe('a stop signal before the MQTT side is ready ends the command cleanly', () => {
  it('gateway: SIGTERM while the broker accepts the connection but never answers → exit 0, stopped', async () => {
    const broker = await startSilentBroker();
    try {
      const gateway = cli('gateway', '--mqtt', broker.url, '--port', '0', '--no-viewer', '--wait', '600');
      await broker.connected;
      gateway.proc.kill('SIGTERM');
      expect(await gateway.exitWithin(EXIT_WITHIN_MS), gateway.stderr()).toEqual({ code: 0, signal: null });
      expect(gateway.lines().at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGTERM', received: 0 });
    } finally {
      await broker.close();
    }
  }, 90_000);

  it('serve --mqtt: SIGINT while its publisher connects to a broker that never answers → exit 0, stopped, port free', async () => {
    const broker = await startSilentBroker();
    try {
      const serve = cli(
        'serve',
        '--mqtt',
        broker.url,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--no-viewer',
        '--scenario',
        'sims/thai-binh-drone.json',
      );
      await broker.connected;
      serve.proc.kill('SIGINT');
      expect(await serve.exitWithin(EXIT_WITHIN_MS), serve.stderr()).toEqual({ code: 0, signal: null });
      expect(serve.lines().at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGINT' });
    } finally {
      await broker.close();
    }
  }, 90_000);

  it('startMqttGateway rejects with TELEMETRY_ABORTED when its abortSignal aborts while connecting', async () => {
    const broker = await startSilentBroker();
    try {
      const controller = new AbortController();
      const starting = startMqttGateway({ mqttUrl: broker.url, port: 0, abortSignal: controller.signal, connectTimeoutMs: 60_000 });
      await broker.connected;
      controller.abort('SIGTERM');
      await expect(starting).rejects.toMatchObject({ code: 'TELEMETRY_ABORTED', details: { reason: 'SIGTERM' } });
    } finally {
      await broker.close();
    }
  });

  describe.skipIf(!mosquitto)('with a real mosquitto and no simulation published', () => {
    it('gateway --wait: SIGTERM while it waits for a first simulation → exit 0, stopped', async () => {
      const broker = await startMosquitto(mosquitto!);
      try {
        const gateway = cli('gateway', '--mqtt', broker.url, '--port', '0', '--no-viewer', '--wait', '600');
        await broker.clientsSubscribed(1);
        gateway.proc.kill('SIGTERM');
        expect(await gateway.exitWithin(EXIT_WITHIN_MS), gateway.stderr()).toEqual({ code: 0, signal: null });
        expect(gateway.lines().at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGTERM' });
      } finally {
        await broker.stop();
      }
    }, 90_000);

    it('gateway --wait: SIGHUP after the broker went away → exit 0, stopped', async () => {
      const broker = await startMosquitto(mosquitto!);
      const gateway = cli('gateway', '--mqtt', broker.url, '--port', '0', '--no-viewer', '--wait', '600');
      await broker.clientsSubscribed(1);
      await broker.stop();
      gateway.proc.kill('SIGHUP');
      expect(await gateway.exitWithin(EXIT_WITHIN_MS), gateway.stderr()).toEqual({ code: 0, signal: null });
      expect(gateway.lines().at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGHUP' });
    }, 90_000);
  });
});
