/**
 * One set-up for tests that start telemetry servers and open clients on them: every server and
 * client a test opens is closed after it (afterEach), so a failing test leaves no port bound.
 */
import { afterEach } from 'vitest';
import type WebSocket from 'ws';
import { startTelemetryServer, type TelemetryServer, type TelemetryServerOptions } from '../../src/telemetry/index.js';
import { client, type TestClient } from '../telemetry/helpers.js';

/** Starts servers and clients that are closed after each test of the calling file. */
export interface TelemetryTestBench {
  /** startTelemetryServer, closed after the test. */
  serve(options: TelemetryServerOptions): Promise<TelemetryServer>;
  /** A collecting client (see tests/telemetry/helpers.ts), terminated after the test. */
  connect(url: string, options?: WebSocket.ClientOptions): Promise<TestClient>;
}

/**
 * Call once at the top of a test file.
 * @example
 * ```ts
 * const { serve, connect } = useTelemetryServers();
 * it('says hello', async () => {
 *   const srv = await serve({ feeds: [createManualFeed(description('m'))] });
 *   const c = await connect(srv.url);
 *   await c.next((m) => m.type === 'hello');
 * });
 * ```
 */
export function useTelemetryServers(): TelemetryTestBench {
  const servers: TelemetryServer[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    for (const server of servers.splice(0)) await server.close();
  });
  return {
    async serve(options) {
      const server = await startTelemetryServer(options);
      servers.push(server);
      return server;
    },
    async connect(url, options) {
      const c = await client(url, options);
      clients.push(c);
      return c;
    },
  };
}
