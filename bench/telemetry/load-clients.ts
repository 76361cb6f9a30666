/**
 * Bench child: N WebSocket clients of one server, counting telemetry frames and their latency
 * (receive wall time minus the `t` the server stamped). agrisim clients subscribe first.
 */
import WebSocket from 'ws';

const [url, nArg, kind, ticksArg] = process.argv.slice(2);
const n = Number(nArg);
const ticks = Number(ticksArg);
const send = (m: unknown) => process.send!(m);
const nowMs = () => performance.timeOrigin + performance.now();

const latencies = new Float64Array(n * ticks + 16);
let received = 0;
let ready = 0;
const sockets: WebSocket[] = [];

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(ws);
    let isReady = false;
    const markReady = () => {
      if (isReady) return;
      isReady = true;
      ready++;
      resolve();
    };
    ws.on('error', reject);
    ws.on('open', () => {
      if (kind === 'raw') markReady();
    });
    ws.on('message', (data) => {
      const s = data.toString();
      // read type and t without a full parse: the client side must stay cheap on two cores
      if (s.startsWith('{"type":"telemetry"')) {
        const i = s.indexOf('"t":');
        const t = parseFloat(s.slice(i + 4, i + 30));
        if (received < latencies.length) latencies[received] = nowMs() - t;
        received++;
      } else if (s.startsWith('{"type":"hello"')) ws.send('{"type":"subscribe","sim":"bench"}');
      else if (s.startsWith('{"type":"snapshot"')) markReady();
    });
  });
}

async function main(): Promise<void> {
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, open));
  send({ ready });
  process.on('message', (m: { finish?: boolean }) => {
    if (!m.finish) return;
    const lat = Array.from(latencies.subarray(0, Math.min(received, latencies.length))).sort((a, b) => a - b);
    const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : NaN);
    send({ received, p50: q(0.5), p99: q(0.99), max: lat.at(-1) ?? NaN });
    for (const ws of sockets) ws.terminate();
    setTimeout(() => process.exit(0), 50);
  });
}
void main();
