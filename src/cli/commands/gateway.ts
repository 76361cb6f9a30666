/**
 * `agrisim gateway --mqtt URL`: a stateless WebSocket gateway in front of an MQTT broker. It
 * serves the simulations that `agrisim serve --mqtt URL` publishes there, to viewers, over the
 * same agrisim/1 protocol and web page; run as many as needed behind a load balancer.
 */
import { AgrisimError } from '../../errors.js';
import { startMqttGateway } from '../../telemetry/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand, type ParsedOptions } from '../command.js';
import { stopSignal, watchStopSignals } from '../stop-signal.js';
import { isAborted, originOption, portOption, shutDown, viewerHandler } from '../live-serve.js';

const HELP = `usage: agrisim gateway --mqtt mqtt://HOST:1883 [options]

Serves the simulations published on an MQTT broker (by \`agrisim serve --mqtt\`) to viewers:
the page at http://HOST:PORT/ and WebSocket telemetry (protocol agrisim/1) at ws://HOST:PORT/ws.
Stateless: everything comes from the broker (retained description and snapshot, then live
telemetry), so any number of gateways can run behind a load balancer and restart at will.
Viewers watch; control (pause, restart…) stays with the simulator's own server.

options:
  --mqtt URL           broker (mqtt://, mqtts://, ws://, wss://), required
  --port N             HTTP/WebSocket port (default $PORT, else 8080; 0 = any free port)
  --host H             interface to listen on (default 127.0.0.1; 0.0.0.0 for the LAN)
  --farm NAME          serve only this farm's simulations (default every farm)
  --wait S             when none is published yet, wait this many seconds for one (default for ever)
  --max-connections N  WebSocket connection limit (default 2000)
  --origin URL         allowed browser Origin (repeatable), or any, or same-host; default any
                       on 127.0.0.1, same-host on any other --host
  --no-viewer          do not serve the web page (WebSocket only)
  --json               print JSON lines (started, stopped) instead of text
  -h, --help           this help

SIGINT, SIGTERM and SIGHUP stop it within 3 s (viewers closed with 1001, the broker
connection dropped if it does not answer), also while it connects or waits (--wait). After a broker outage every viewer gets a fresh
snapshot whose "gap" names the simulated time it missed.

exit codes: 0 stopped by a signal, 1 broker unreachable / nothing published / cannot listen, 2 usage`;

const OPTIONS = {
  mqtt: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  farm: { type: 'string' },
  wait: { type: 'string' },
  'max-connections': { type: 'string' },
  origin: { type: 'string', multiple: true },
  'no-viewer': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type GatewayValues = ParsedOptions<typeof OPTIONS>['values'];
type Gateway = NonNullable<Awaited<ReturnType<typeof startMqttGateway>>>;

/** The gateway's options; --port, --wait and --max-connections are checked here. */
function gatewayOptions(values: GatewayValues & { mqtt: string }) {
  const port = portOption(values.port);
  const waitS = numberOption(values.wait, 'wait', 0, 1e6);
  const maxConnections = numberOption(values['max-connections'], 'max-connections', 1, 1_000_000);
  return {
    mqttUrl: values.mqtt,
    port,
    host: values.host ?? '127.0.0.1',
    ...(values.farm !== undefined ? { farm: values.farm } : {}),
    ...(waitS !== undefined ? { waitForSimsMs: waitS * 1000 } : {}),
    ...(maxConnections ? { maxConnections } : {}),
    ...(values.origin ? { allowedOrigins: originOption(values.origin) } : {}),
    closeTimeoutMs: 1000,
  };
}

/** The `stopped` JSON line, or the closing sentence (`detail` says what was served). */
function printStopped(json: boolean, signal: string, stats: { received: number; broadcasts: number; framesSent: number }, detail: string) {
  if (json)
    process.stdout.write(
      JSON.stringify({ event: 'stopped', signal, received: stats.received, broadcasts: stats.broadcasts, framesSent: stats.framesSent }) +
        '\n',
    );
  else process.stdout.write(`agrisim gateway: stopped (${signal})${detail}\n`);
}

/** Says where it serves and which simulations the broker offers (or one JSON line). */
function printStarted(gw: Gateway, mqtt: string, json: boolean): void {
  const sims = [...gw.feeds.values()].map((f) => ({ id: f.id, name: f.offer().name }));
  if (json)
    process.stdout.write(
      JSON.stringify({
        event: 'started',
        url: gw.server.url,
        httpUrl: gw.server.httpUrl,
        port: gw.server.port,
        mqtt,
        simulations: sims,
      }) + '\n',
    );
  else
    process.stdout.write(
      [
        `agrisim gateway: ${gw.server.httpUrl}  (WebSocket ${gw.server.url}, from ${mqtt})`,
        ...sims.map((s) => `  ${s.id}: ${s.name}`),
        'Press Ctrl+C to stop.',
      ].join('\n') + '\n',
    );
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length) throw new AgrisimError('CLI_USAGE', `gateway takes no positional arguments (got ${positionals.join(' ')})`);
    const mqtt = values.mqtt;
    if (!mqtt) throw new AgrisimError('CLI_USAGE', 'give the broker: --mqtt mqtt://HOST:1883');
    const options = gatewayOptions({ ...values, mqtt });
    const json = values.json ?? false;
    const staticHandler = values['no-viewer'] ? undefined : await viewerHandler(json, 'gateway');
    if (!json) process.stderr.write(`agrisim gateway: subscribing to ${mqtt}${values.farm ? ` (farm ${values.farm})` : ''} …\n`);
    // From here on a stop signal ends it cleanly, also while the broker does not answer or no simulation is published yet.
    const stop = watchStopSignals();
    const gw = await startMqttGateway({ abortSignal: stop.abort, ...options, ...(staticHandler ? { staticHandler } : {}) }).catch(
      (e: unknown) => {
        if (isAborted(e)) return undefined;
        throw e;
      },
    );
    if (!gw) {
      printStopped(json, await stop.stopped, { received: 0, broadcasts: 0, framesSent: 0 }, ' before serving');
      return EXIT.OK;
    }
    const stopped = stopSignal(undefined, stop); // before the started line: a supervisor may signal as soon as it reads it
    printStarted(gw, mqtt, json);
    const signal = await stopped;
    const stats = { ...gw.server.stats(), ...gw.stats() };
    await shutDown('gateway', json, [['viewers and broker', gw.close()]]);
    printStopped(json, signal, stats, `; ${stats.received} broker messages, ${stats.framesSent} frames sent`);
    return EXIT.OK;
  },
};
