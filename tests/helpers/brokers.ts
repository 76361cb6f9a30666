/**
 * MQTT brokers for tests, on loopback only: a real mosquitto (skipped loudly when missing, see
 * system.ts) whose log (on stderr, unbuffered) says when a client subscribes, and a silent one that accepts TCP
 * connections and never answers (a broker that hangs, or a black-holed network).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (free when asked). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Stops a test's system program (SIGTERM) and resolves once it exited (at once if it already had). */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A running mosquitto. */
export interface Mosquitto {
  proc: ChildProcess;
  port: number;
  url: string;
  /** Resolves once its log says `count` clients connected (subscribed), in all since it started. */
  clientsSubscribed(count: number, timeoutMs?: number): Promise<void>;
  /** Stops it (SIGTERM) and resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * Starts `mosquitto` on 127.0.0.1 with its log on stdout; resolves once it listens.
 * @param program - the path from systemProgram('mosquitto')
 * @param options - `port`: listen there (e.g. to start a broker again where one stopped); default a free port
 */
export async function startMosquitto(program: string, options: { port?: number } = {}): Promise<Mosquitto> {
  const port = options.port ?? (await freePort());
  const conf = join(mkdtempSync(join(tmpdir(), 'agrisim-mosq-')), 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n`);
  const proc = spawn(program, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const watchers = new Set<() => void>();
  const onLog = (chunk: Buffer) => {
    log += String(chunk);
    for (const watcher of [...watchers]) watcher();
  };
  proc.stdout!.on('data', onLog);
  proc.stderr!.on('data', onLog);
  const logged = (pattern: RegExp, count: number, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if ((log.match(pattern) ?? []).length < count) return;
        watchers.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`mosquitto: no ${pattern} #${count} within ${timeoutMs} ms; log: ${log}`));
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  try {
    await logged(/Opening ipv4 listen socket on port/g, 1, 30_000);
  } catch (error) {
    proc.kill('SIGKILL'); // never leave a broker behind
    throw error;
  }
  return {
    proc,
    port,
    url: `mqtt://127.0.0.1:${port}`,
    clientsSubscribed: (count, timeoutMs = 60_000) => logged(/Received SUBSCRIBE from/g, count, timeoutMs),
    stop: () => stopProcess(proc),
  };
}

/** A "broker" that accepts connections and never says a word; resolves `connected` on the first. */
export async function startSilentBroker(): Promise<{ url: string; connected: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let onFirst!: () => void;
  const connected = new Promise<void>((resolve) => (onFirst = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onFirst();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    connected,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
