/**
 * The two kinds of request the server's HTTP port takes: plain requests (the viewer's files
 * through the static handler, else 404/405, security headers on every answer) and WebSocket
 * upgrades on the configured paths from allowed origins.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { answerUnhandled, originAllowed, setSecurityHeaders, type OriginPolicy } from './http-guard.js';
import type { StaticHandler } from './options.js';

/**
 * Answers plain HTTP requests: the static handler first; a handler that throws gets a bare 500.
 * @param csp - a fixed Content-Security-Policy, or undefined for the default of each request's host
 */
export function createRequestHandler(staticHandler: StaticHandler | undefined, csp: string | undefined): RequestListener {
  return (req, res) => {
    setSecurityHeaders(req, res, csp);
    try {
      if (staticHandler && staticHandler(req, res) !== false) return;
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
      return;
    }
    answerUnhandled(req, res);
  };
}

/** Answers an upgrade that is not taken with a bare HTTP status and closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`,
  );
}

/** Where and from whom WebSocket upgrades are taken. */
interface UpgradeRules {
  paths: string[];
  allowedOrigins: OriginPolicy;
}

/**
 * The `upgrade` listener: 404 off the WebSocket paths, 403 for a browser origin the policy
 * refuses, otherwise the connection is handed to `onConnection`.
 * @example
 * ```ts
 * http.on('upgrade', createUpgradeHandler(wss, { paths: ['/ws'], allowedOrigins: 'same-host' }, onConnection));
 * ```
 */
export function createUpgradeHandler(wss: WebSocketServer, rules: UpgradeRules, onConnection: (ws: WebSocket) => void) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    if (!rules.paths.includes(path)) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req, rules.allowedOrigins)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, onConnection);
  };
}
