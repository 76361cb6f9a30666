/**
 * Browser entry of the agrisim live viewer. URL parameters: `lang=vi|en`, `sim=<id>`,
 * `compare=<id>|1` (a second simulation side by side), `token=<control token>`,
 * `renderer=maplibre` (open the detailed map at once; default the light 2D drawing),
 * `tiles=<raster URL template>` and `attribution=<text>` (online map background),
 * `ws=<WebSocket URL>` (default: `/ws` on the page's own host and port).
 */
import { t, pickLang, type Lang } from './i18n.js';
import type { SimOffer } from '../../telemetry/client/index.js';
import { applyLabels } from './panel.js';
import { createPane, type Pane, type Renderer } from './pane.js';
import { loadTiles, saveTiles, tilesAttribution, type TilesSetting } from './tiles.js';
import { HEADER_HTML, showInvite } from './header.js';

const params = new URLSearchParams(location.search);
const LANG_KEY = 'agrisim.lang';

function storedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

/** The WebSocket URL: `?ws=`, else `/ws` on the page's origin. */
export function defaultWsUrl(loc: Location, param: string | null): string {
  if (param) return param;
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** Cache of the page shell; the same name as in sw.ts. */
const SHELL_CACHE = 'agrisim-shell-v1';

/**
 * Keeps the page working offline on secure origins (localhost, https): shell and map tiles
 * (sw.ts). The files of this first visit were fetched before the worker existed, so the page
 * stores them itself once the worker is ready.
 */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  navigator.serviceWorker.register('sw.js').catch((e: unknown) => console.warn('agrisim: no service worker', e));
  void navigator.serviceWorker.ready
    .then(async () => {
      const loaded = performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => u.startsWith(location.origin) && /\.(js|mjs|css)$/.test(new URL(u).pathname) && !u.endsWith('/sw.js'));
      await (await caches.open(SHELL_CACHE)).addAll([location.pathname, ...new Set(loaded)]);
    })
    .catch(() => undefined);
}

function start(): void {
  const header = document.querySelector<HTMLElement>('header.top')!;
  const panesEl = document.querySelector<HTMLElement>('main.panes')!;
  header.innerHTML = HEADER_HTML;
  const $ = <T extends HTMLElement>(sel: string) => header.querySelector<T>(sel)!;
  const compareBox = $<HTMLInputElement>('[data-testid="compare"]');
  const defaultLang = document.documentElement.dataset.defaultLang ?? null;
  let lang: Lang = pickLang(params.get('lang') ?? storedLang() ?? defaultLang, navigator.languages ?? [navigator.language]);
  let token = params.get('token') ?? undefined;
  const wsUrl = defaultWsUrl(location, params.get('ws'));
  let tiles: TilesSetting = params.get('tiles') ? { url: params.get('tiles')!, attribution: params.get('attribution') ?? '' } : loadTiles();
  let renderer: Renderer = params.get('renderer') === 'maplibre' || tiles.url ? 'maplibre' : 'canvas';
  const panes: Pane[] = [];
  let paddy: { setLang(l: Lang): void; show(on: boolean): void } | undefined;

  const showAttribution = () => {
    const text = renderer === 'maplibre' && tiles.url ? tilesAttribution(lang, tiles) : '';
    document.querySelectorAll<HTMLElement>('[data-testid="attribution"]').forEach((el) => {
      el.textContent = text;
      el.hidden = !text;
    });
  };
  const showToggle = () => {
    $('[data-testid="map-toggle"]').dataset.i18n = renderer === 'maplibre' ? 'mapPlain' : 'mapDetailed';
    applyLabels(header, lang);
  };
  const setRenderer = (r: Renderer) => {
    renderer = r;
    showToggle();
    panes.forEach((p) => p.setRenderer(r, tiles.url || undefined));
    showAttribution();
  };
  const setLang = (l: Lang) => {
    lang = l;
    document.documentElement.lang = l;
    document.title = t(l, 'title');
    applyLabels(header, l);
    header.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === l)));
    panes.forEach((p) => p.setLang(l));
    paddy?.setLang(l);
    showAttribution();
  };
  const onHello = (sims: SimOffer[], control: boolean) => {
    (compareBox.parentElement as HTMLElement).hidden = sims.length < 2;
    // A server without a token refuses every control: no token field then.
    $('details.token').hidden = !control;
  };
  const addPane = (index: number, simId?: string) => {
    const el = document.createElement('section');
    panesEl.appendChild(el);
    const pane = createPane(el, { wsUrl, simId, index, renderer, tilesUrl: tiles.url || undefined, onHello });
    pane.setLang(lang);
    pane.setToken(token);
    panes.push(pane);
    panesEl.dataset.count = String(panes.length);
    showAttribution();
  };
  const setCompare = (on: boolean) => {
    compareBox.checked = on;
    if (on && panes.length < 2) addPane(1, params.get('compare') !== '1' ? (params.get('compare') ?? undefined) : undefined);
    if (!on) while (panes.length > 1) panes.pop()!.destroy();
    panesEl.dataset.count = String(panes.length);
  };

  header.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) =>
    b.addEventListener('click', () => {
      const l = b.dataset.lang as Lang;
      try {
        localStorage.setItem(LANG_KEY, l);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      setLang(l);
    }),
  );
  compareBox.addEventListener('change', () => setCompare(compareBox.checked));
  $('details.token form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    token = ($<HTMLInputElement>('[data-testid="token-input"]').value || '').trim() || undefined;
    panes.forEach((p) => p.setToken(token));
  });
  $('[data-testid="map-toggle"]').addEventListener('click', () => setRenderer(renderer === 'maplibre' ? 'canvas' : 'maplibre'));
  $('[data-testid="invite"]').addEventListener('click', () => void showInvite(lang));
  const tilesForm = $<HTMLFormElement>('details.tiles form');
  (tilesForm.elements.namedItem('url') as HTMLInputElement).value = tiles.url;
  (tilesForm.elements.namedItem('attribution') as HTMLInputElement).value = tiles.attribution;
  tilesForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    tiles = saveTiles({ url: (tilesForm.elements.namedItem('url') as HTMLInputElement).value, attribution: (tilesForm.elements.namedItem('attribution') as HTMLInputElement).value });
    setRenderer(tiles.url ? 'maplibre' : renderer);
    $<HTMLDetailsElement>('details.tiles').open = false;
  });
  $('[data-testid="my-paddy"]').addEventListener('click', () => {
    const on = !document.body.classList.contains('paddy-open');
    document.body.classList.toggle('paddy-open', on);
    if (paddy) return paddy.show(on);
    void import('./paddy/paddy-view.js').then((m) => {
      const view = m.createPaddyView(document.querySelector<HTMLElement>('main.paddy')!, { lang });
      view.show(document.body.classList.contains('paddy-open'));
      paddy = view;
    });
  });

  addPane(0, params.get('sim') ?? undefined);
  if (params.get('compare')) setCompare(true);
  setLang(lang);
  showToggle();
  registerServiceWorker();
  (window as unknown as { __agrisim: unknown }).__agrisim = { panes: () => panes.map((p) => p.debug()), lang: () => lang, renderer: () => renderer };
}

start();
