/**
 * Service worker of the viewer (registered only on secure origins: localhost or https —
 * browsers refuse service workers on plain http LAN addresses). It keeps the page shell for
 * offline reloads (network first, cache fallback) and keeps online map tiles the user has
 * seen (cache first, at most MAX_TILES, oldest dropped), so the background still shows when
 * the field has no signal. The WebSocket and the paddy API are never cached.
 */
type FetchEventLike = Event & { request: Request; respondWith(r: Promise<Response>): void };
type ExtendableEventLike = Event & { waitUntil(p: Promise<unknown>): void };
const sw = self as unknown as {
  addEventListener(type: 'install' | 'activate', f: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

const SHELL = 'agrisim-shell-v1';
const TILES = 'agrisim-tiles-v1';
/** About 50 MB of 25 KB tiles: a few villages at zoom 14–19. */
const MAX_TILES = 2000;

sw.addEventListener('install', (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));

async function networkFirst(req: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw e;
  }
}

async function cacheFirst(req: Request): Promise<Response> {
  const cache = await caches.open(TILES);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok || res.type === 'opaque') {
    await cache.put(req, res.clone());
    const keys = await cache.keys();
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_TILES))) await cache.delete(k);
  }
  return res;
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin === sw.location.origin) {
    if (/\/(ws|api\/[^/]*)$/.test(url.pathname) || url.pathname.endsWith('join.json')) return;
    e.respondWith(networkFirst(req));
  } else if (/\/\d+\/\d+\/\d+(@2x)?(\.\w+)?$/.test(url.pathname)) {
    e.respondWith(cacheFirst(req));
  }
});
