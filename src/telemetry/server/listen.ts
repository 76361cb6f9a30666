/**
 * Listening on a port with a coded error, and the URLs a server on a host is reached at.
 */
import type { Server } from 'node:http';
import { TelemetryError } from '../../errors.js';

/**
 * Starts listening; resolves once bound.
 * @throws TelemetryError `TELEMETRY_LISTEN` naming the host, port and the system's code (EADDRINUSE…)
 */
export function listenOn(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new TelemetryError('TELEMETRY_LISTEN', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          host,
          port,
          cause: error.code,
        }),
      );
    http.once('error', onError);
    http.listen(port, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
}

/** The port actually bound (the real one when asked for 0). */
export function boundPort(http: Server, askedPort: number): number {
  const address = http.address();
  return typeof address === 'object' && address ? address.port : askedPort;
}

/** The host as written in a URL: IPv6 in brackets, and the loopback address for "every interface". */
export function urlHostOf(host: string): string {
  if (host.includes(':')) return `[${host}]`;
  return host === '0.0.0.0' ? '127.0.0.1' : host;
}
