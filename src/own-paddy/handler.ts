/**
 * `POST <base>api/paddy`: plan, simulate and price a farmer's own paddy for the page. JSON in
 * (`{ field, format?, machine, lang? }`), JSON out; refusals carry the stable code and a
 * sentence in the asked language. Limits so one phone cannot exhaust the laptop: body size,
 * field size (PaddyLimits), and requests per client address (token bucket).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { isAgrisimError } from '../errors.js';
import { paddyMessage, type PaddyLang } from './messages.js';
import { DEFAULT_PADDY_LIMITS, planOwnPaddyAsync, type PaddyLimits } from './plan-own-paddy.js';

/** Options of {@link createOwnPaddyHandler}; every one has a default. */
export interface OwnPaddyOptions {
  /** URL path the viewer lives under (default `/`); the endpoint is `<basePath>api/paddy`. */
  basePath?: string;
  /** Largest request body, bytes (default 600 KiB: a 512 KiB KML and its JSON quoting). */
  maxBodyBytes?: number;
  /** Requests per minute per client address, on average (default 10). */
  perMinute?: number;
  /** Requests a client may send at once before waiting (default 4). */
  burst?: number;
  /** Field limits (default {@link DEFAULT_PADDY_LIMITS}). */
  limits?: Partial<PaddyLimits>;
  /** Clock for the rate limit, ms (tests). */
  nowMs?: () => number;
}

/** A handler `(req, res) => boolean` like the viewer's: true when it answered. */
export type OwnPaddyHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const STATUS: Record<string, number> = { PADDY_BAD_REQUEST: 400, PADDY_BODY_TOO_LARGE: 413, PADDY_RATE_LIMITED: 429 };

function reply(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const raw = Buffer.from(JSON.stringify(body), 'utf8');
  const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && raw.length > 1024;
  const out = gz ? gzipSync(raw) : raw;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': out.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(gz ? { 'content-encoding': 'gzip' } : {}),
    ...extra,
  });
  res.end(out);
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  lang: PaddyLang,
  code: string,
  technical?: string,
  extra?: Record<string, string>,
  status?: number,
): void {
  // English adds the checker's own words (they name the feature and vertex); Vietnamese stays wholly Vietnamese.
  const messages = { vi: paddyMessage('vi', code), en: paddyMessage('en', code) + (technical ? ` (${technical})` : '') };
  const error = { code, message: messages[lang], messages };
  reply(
    req,
    res,
    status ?? STATUS[code] ?? (code.startsWith('FIELD_') || code.startsWith('PLAN_') || code.startsWith('VEHICLE_') ? 422 : 500),
    { error },
    extra,
  );
}

/** Token buckets per client address, forgotten when idle and full (the table never outgrows `maxClients`). */
function rateLimiter(perMinute: number, burst: number, nowMs: () => number, maxClients = 1000) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (client: string): number => {
    const now = nowMs();
    let b = buckets.get(client);
    if (b) b.tokens = Math.min(burst, b.tokens + ((now - b.at) * perMinute) / 60_000);
    else {
      if (buckets.size >= maxClients)
        for (const [k, v] of buckets) if (v.tokens + ((now - v.at) * perMinute) / 60_000 >= burst) buckets.delete(k);
      b = { tokens: burst, at: now };
      buckets.set(client, b);
    }
    b.at = now;
    if (b.tokens < 1) return Math.ceil(((1 - b.tokens) * 60) / perMinute);
    b.tokens -= 1;
    return 0;
  };
}

/** `vi` unless the query or the JSON says `en` (the demo's audience reads Vietnamese). */
function langOf(req: IncomingMessage): PaddyLang {
  return /[?&]lang=en\b/.test(req.url ?? '') ? 'en' : 'vi';
}

function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(undefined);
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Creates the endpoint's handler; mount it beside the viewer (the CLI chains them).
 * @example
 * ```ts
 * const paddy = createOwnPaddyHandler();
 * createServer((req, res) => { if (!paddy(req, res)) { res.writeHead(404); res.end(); } });
 * // POST /api/paddy?lang=vi  {"machine":"drone","field":{"type":"Polygon","coordinates":[…]}}
 * ```
 */
export function createOwnPaddyHandler(options: OwnPaddyOptions = {}): OwnPaddyHandler {
  const path = `${options.basePath ?? '/'}api/paddy`;
  const maxBody = options.maxBodyBytes ?? 600 * 1024;
  const limits: PaddyLimits = { ...DEFAULT_PADDY_LIMITS, ...options.limits };
  let queue: Promise<unknown> = Promise.resolve();
  const take = rateLimiter(options.perMinute ?? 10, options.burst ?? 4, options.nowMs ?? (() => performance.now()));

  const handle = async (req: IncomingMessage, res: ServerResponse, lang: PaddyLang) => {
    const ct = String(req.headers['content-type'] ?? '');
    // JSON only: a cross-site form cannot send it without the browser asking first (CORS preflight).
    if (!/^application\/json\b/i.test(ct)) return refuse(req, res, lang, 'PADDY_BAD_REQUEST', 'Content-Type must be application/json');
    const wait = take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) return refuse(req, res, lang, 'PADDY_RATE_LIMITED', `retry in ${wait} s`, { 'retry-after': String(wait) });
    const declared = Number(req.headers['content-length'] ?? 0);
    const text = declared > maxBody ? undefined : await readBody(req, maxBody);
    if (text === undefined) return refuse(req, res, lang, 'PADDY_BODY_TOO_LARGE', `over ${maxBody} bytes`, { connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(req, res, lang, 'PADDY_BAD_REQUEST', 'the body is not JSON');
    }
    const bodyLang: PaddyLang = (body as { lang?: unknown })?.lang === 'en' ? 'en' : lang;
    try {
      // One paddy at a time: a second phone waits its turn instead of doubling the load.
      const mine = queue.catch(() => undefined).then(() => planOwnPaddyAsync(body as Parameters<typeof planOwnPaddyAsync>[0], limits));
      queue = mine;
      const result = await mine;
      // Each note in both languages, so the page can switch language without asking again.
      const note = (code: string, key: string, what: string) => {
        const messages = { vi: `${paddyMessage('vi', key)}: ${what}`, en: `${paddyMessage('en', key)}: ${what}` };
        return { code, message: messages[bodyLang], messages };
      };
      const notes = result.warnings.map((w) => note(w.code, w.code, w.name ?? `#${w.index + 1}`));
      if (result.paddy.paddiesInFile > 1) notes.push(note('FIELD_IGNORED_GEOMETRY', 'MORE_PADDIES', result.paddy.name));
      reply(req, res, 200, { ...result, notes });
    } catch (e) {
      if (isAgrisimError(e)) return refuse(req, res, bodyLang, e.code, e.message);
      refuse(req, res, bodyLang, 'INTERNAL');
    }
  };

  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== path) return false;
    const lang = langOf(req);
    if (req.method !== 'POST') {
      refuse(req, res, lang, 'PADDY_BAD_REQUEST', 'use POST', { allow: 'POST' }, 405);
      return true;
    }
    handle(req, res, lang).catch(() => {
      if (!res.headersSent) refuse(req, res, lang, 'INTERNAL');
      else res.destroy();
    });
    return true;
  };
}
