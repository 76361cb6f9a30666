/**
 * gpsd for tests, on loopback only (skipped loudly when missing, see system.ts): a gpsd that
 * reads our NMEA server as a TCP client, and gpspipe reading its JSON reports. Every wait is
 * bounded, so a gpsd that never connects fails the test with a message instead of hanging it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopProcess } from './brokers.js';

/** A running gpsd. */
export interface Gpsd {
  proc: ChildProcess;
  /** Its JSON report port on 127.0.0.1. */
  port: number;
  /** Resolves once `connected()` is true (polled every 50 ms), rejects after `timeoutMs`. */
  waitUntil(connected: () => boolean, timeoutMs?: number): Promise<void>;
  /** Runs `gpspipe -w -n lines` against it, starting it again while gpsd is not yet listening. */
  readReports(gpspipe: string, lines: number, timeoutMs?: number): Promise<string>;
  /** Stops gpsd and any gpspipe still running (SIGTERM) and resolves once they exited. */
  stop(): Promise<void>;
}

/**
 * Starts `gpsd -N -n` reading `tcp://127.0.0.1:<nmeaPort>` (gpsd connects to the NMEA server).
 * @param program - the path from systemProgram('gpsd')
 */
export async function startGpsd(program: string, nmeaPort: number): Promise<Gpsd> {
  const port = await freePort();
  const proc = spawn(program, ['-N', '-n', '-S', String(port), `tcp://127.0.0.1:${nmeaPort}`], { stdio: 'ignore' });
  const children: ChildProcess[] = [proc];
  return {
    proc,
    port,
    waitUntil: (connected, timeoutMs = 30_000) => poll(connected, timeoutMs, 'gpsd did not connect to the NMEA server'),
    readReports: (gpspipe, lines, timeoutMs = 60_000) => readReports(gpspipe, port, lines, timeoutMs, children),
    stop: () => Promise.all(children.map(stopProcess)).then(() => undefined),
  };
}

function poll(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${what} within ${timeoutMs} ms`));
      setTimeout(check, 50);
    };
    check();
  });
}

function readReports(gpspipe: string, port: number, lines: number, timeoutMs: number, children: ChildProcess[]): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let out = '';
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const pipe = spawn(gpspipe, ['-w', '-n', String(lines), `127.0.0.1:${port}`]);
      children.push(pipe);
      pipe.stdout.on('data', (chunk) => (out += chunk));
      pipe.on('error', reject);
      pipe.on('close', (code) => {
        if (code === 0 || out) return resolve(out);
        // gpsd not listening yet: try again, within the same bound
        if (Date.now() > deadline) return reject(new Error(`gpspipe read nothing from gpsd on port ${port} within ${timeoutMs} ms`));
        setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}
