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
      const loaded = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(location.origin) && /\.(js|mjs|css)$/.test(new URL(u).pathname) && !u.endsWith('/sw.js'));
      await (await caches.open(SHELL_CACHE)).addAll([location.pathname, ...new Set(loaded)]);
    })
    .catch(() => undefined);
}

/** The page: header actions, language, map setting and the panes (one, or two to compare). */
class Page {
  readonly header = document.querySelector<HTMLElement>('header.top')!;
  private readonly panesEl = document.querySelector<HTMLElement>('main.panes')!;
  readonly panes: Pane[] = [];
  lang: Lang;
  renderer: Renderer;
  token = params.get('token') ?? undefined;
  tiles: TilesSetting = params.get('tiles') ? { url: params.get('tiles')!, attribution: params.get('attribution') ?? '' } : loadTiles();
  private readonly wsUrl = defaultWsUrl(location, params.get('ws'));
  private paddy: { setLang(l: Lang): void; show(on: boolean): void } | undefined;

  constructor() {
    this.header.innerHTML = HEADER_HTML;
    const defaultLang = document.documentElement.dataset.defaultLang ?? null;
    this.lang = pickLang(params.get('lang') ?? storedLang() ?? defaultLang, navigator.languages ?? [navigator.language]);
    this.renderer = params.get('renderer') === 'maplibre' || this.tiles.url ? 'maplibre' : 'canvas';
  }

  $<T extends HTMLElement>(sel: string): T {
    return this.header.querySelector<T>(sel)!;
  }

  /** The online map's credit under each map (only when the detailed map shows online tiles). */
  showAttribution(): void {
    const text = this.renderer === 'maplibre' && this.tiles.url ? tilesAttribution(this.lang, this.tiles) : '';
    document.querySelectorAll<HTMLElement>('[data-testid="attribution"]').forEach((el) => {
      el.textContent = text;
      el.hidden = !text;
    });
  }

  showToggle(): void {
    this.$('[data-testid="map-toggle"]').dataset.i18n = this.renderer === 'maplibre' ? 'mapPlain' : 'mapDetailed';
    applyLabels(this.header, this.lang);
  }

  setRenderer(r: Renderer): void {
    this.renderer = r;
    this.showToggle();
    for (const p of this.panes) p.setRenderer(r, this.tiles.url || undefined);
    this.showAttribution();
  }

  setLang(l: Lang): void {
    this.lang = l;
    document.documentElement.lang = l;
    document.title = t(l, 'title');
    applyLabels(this.header, l);
    this.header
      .querySelectorAll<HTMLButtonElement>('[data-lang]')
      .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === l)));
    for (const p of this.panes) p.setLang(l);
    this.paddy?.setLang(l);
    this.showAttribution();
  }

  setToken(token: string | undefined): void {
    this.token = token;
    for (const p of this.panes) p.setToken(token);
  }

  /** The first `hello`: the compare switch only with two simulations, the token field only when the server takes control. */
  private onHello(sims: SimOffer[], control: boolean): void {
    (this.$('[data-testid="compare"]').parentElement as HTMLElement).hidden = sims.length < 2;
    this.$('details.token').hidden = !control;
  }

  addPane(index: number, simId?: string): void {
    const el = document.createElement('section');
    this.panesEl.appendChild(el);
    const onHello = (sims: SimOffer[], control: boolean) => this.onHello(sims, control);
    const pane = createPane(el, {
      wsUrl: this.wsUrl,
      simId,
      index,
      renderer: this.renderer,
      tilesUrl: this.tiles.url || undefined,
      onHello,
    });
    pane.setLang(this.lang);
    pane.setToken(this.token);
    this.panes.push(pane);
    this.panesEl.dataset.count = String(this.panes.length);
    this.showAttribution();
  }

  setCompare(on: boolean): void {
    this.$<HTMLInputElement>('[data-testid="compare"]').checked = on;
    if (on && this.panes.length < 2) this.addPane(1, params.get('compare') !== '1' ? (params.get('compare') ?? undefined) : undefined);
    if (!on) while (this.panes.length > 1) this.panes.pop()!.destroy();
    this.panesEl.dataset.count = String(this.panes.length);
  }

  /** "My paddy": opens or closes the drawing board (loaded the first time). */
  togglePaddy(): void {
    const on = !document.body.classList.contains('paddy-open');
    document.body.classList.toggle('paddy-open', on);
    if (this.paddy) {
      this.paddy.show(on);
      return;
    }
    void import('./paddy/paddy-view.js').then((m) => {
      const view = m.createPaddyView(document.querySelector<HTMLElement>('main.paddy')!, { lang: this.lang });
      view.show(document.body.classList.contains('paddy-open'));
      this.paddy = view;
    });
  }
}

/** Language buttons (the choice is remembered), compare switch, token form. */
function bindHeader(page: Page): void {
  page.header.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) =>
    b.addEventListener('click', () => {
      const l = b.dataset.lang as Lang;
      try {
        localStorage.setItem(LANG_KEY, l);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      page.setLang(l);
    }),
  );
  const compareBox = page.$<HTMLInputElement>('[data-testid="compare"]');
  compareBox.addEventListener('change', () => page.setCompare(compareBox.checked));
  page.$('details.token form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    page.setToken((page.$<HTMLInputElement>('[data-testid="token-input"]').value || '').trim() || undefined);
  });
  page
    .$('[data-testid="map-toggle"]')
    .addEventListener('click', () => page.setRenderer(page.renderer === 'maplibre' ? 'canvas' : 'maplibre'));
  page.$('[data-testid="invite"]').addEventListener('click', () => void showInvite(page.lang));
  page.$('[data-testid="my-paddy"]').addEventListener('click', () => page.togglePaddy());
}

/** The online map setting: a raster tile URL and its credit, kept in the browser. */
function bindTilesForm(page: Page): void {
  const form = page.$<HTMLFormElement>('details.tiles form');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  field('url').value = page.tiles.url;
  field('attribution').value = page.tiles.attribution;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    page.tiles = saveTiles({ url: field('url').value, attribution: field('attribution').value });
    page.setRenderer(page.tiles.url ? 'maplibre' : page.renderer);
    page.$<HTMLDetailsElement>('details.tiles').open = false;
  });
}

function start(): void {
  const page = new Page();
  bindHeader(page);
  bindTilesForm(page);
  page.addPane(0, params.get('sim') ?? undefined);
  if (params.get('compare')) page.setCompare(true);
  page.setLang(page.lang);
  page.showToggle();
  registerServiceWorker();
  (window as unknown as { __agrisim: unknown }).__agrisim = {
    panes: () => page.panes.map((p) => p.debug()),
    lang: () => page.lang,
    renderer: () => page.renderer,
  };
}

start();
