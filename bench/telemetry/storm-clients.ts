/**
 * Bench child: a connection storm from its own process (as phones are their own devices): opens
 * N WebSocket connections, 50 at a time, each until its first message; on `{ drop: true }`
 * terminates them all at once and says `dropped`. Run by bench/reliability.bench.ts.
 */
import WebSocket from 'ws';

const [url, countArg] = process.argv.slice(2);
const sockets: WebSocket[] = [];

async function main(): Promise<void> {
  const count = Number(countArg);
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from(
        { length: Math.min(50, count - i) },
        () =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(url);
            sockets.push(ws);
            ws.once('message', () => resolve());
            ws.once('error', reject);
          }),
      ),
    );
  }
  process.send!({ ready: true });
  process.on('message', (m: { drop?: boolean }) => {
    if (!m.drop) return;
    for (const ws of sockets) ws.terminate();
    process.send!({ dropped: true });
  });
}
void main();
