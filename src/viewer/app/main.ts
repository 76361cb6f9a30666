/**
 * Browser entry of the agrisim live viewer. URL parameters: `lang=vi|en`, `sim=<id>`,
 * `compare=<id>|1` (a second simulation side by side), `token=<control token>`,
 * `tiles=<raster URL template>` (online only), `renderer=canvas` (force the 2D fallback),
 * `ws=<WebSocket URL>` (default: `/ws` on the page's own host and port).
 */
import { pickLang, type Lang } from './i18n.js';
import type { SimOffer } from './messages.js';
import { applyLabels } from './panel.js';
import { createPane, type Pane } from './pane.js';

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

const HEADER_HTML =
  `<h1 data-i18n="title"></h1>` +
  `<label class="compare" hidden><input type="checkbox" data-testid="compare"> <span data-i18n="compare"></span></label>` +
  `<details class="token"><summary data-i18n="token"></summary><form><input name="token" type="password" autocomplete="off" data-testid="token-input">` +
  `<button type="submit" data-i18n="apply"></button></form></details>` +
  `<div class="lang" role="group" aria-label="language"><button type="button" data-lang="vi" data-testid="lang-vi">VI</button>` +
  `<button type="button" data-lang="en" data-testid="lang-en">EN</button></div>`;

function start(): void {
  const header = document.querySelector<HTMLElement>('header.top')!;
  const panesEl = document.querySelector<HTMLElement>('main.panes')!;
  header.innerHTML = HEADER_HTML;
  const compareBox = header.querySelector<HTMLInputElement>('[data-testid="compare"]')!;
  let lang: Lang = pickLang(params.get('lang') ?? storedLang(), navigator.languages ?? [navigator.language]);
  let token = params.get('token') ?? undefined;
  const wsUrl = defaultWsUrl(location, params.get('ws'));
  const renderer = params.get('renderer') === 'canvas' ? 'canvas' : 'auto';
  const tilesUrl = params.get('tiles') ?? undefined;
  const panes: Pane[] = [];

  const setLang = (l: Lang) => {
    lang = l;
    document.documentElement.lang = l;
    applyLabels(header, l);
    header.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === l)));
    panes.forEach((p) => p.setLang(l));
  };
  const onHello = (sims: SimOffer[], control: boolean) => {
    (compareBox.parentElement as HTMLElement).hidden = sims.length < 2;
    // A server without a token refuses every control: no token field then.
    header.querySelector<HTMLElement>('details.token')!.hidden = !control;
  };
  const addPane = (index: number, simId?: string) => {
    const el = document.createElement('section');
    panesEl.appendChild(el);
    const pane = createPane(el, { wsUrl, simId, index, renderer, tilesUrl, onHello });
    pane.setLang(lang);
    pane.setToken(token);
    panes.push(pane);
    panesEl.dataset.count = String(panes.length);
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
  header.querySelector('form')!.addEventListener('submit', (ev) => {
    ev.preventDefault();
    token = (header.querySelector<HTMLInputElement>('[data-testid="token-input"]')!.value || '').trim() || undefined;
    panes.forEach((p) => p.setToken(token));
  });

  addPane(0, params.get('sim') ?? undefined);
  if (params.get('compare')) setCompare(true);
  setLang(lang);
  (window as unknown as { __agrisim: unknown }).__agrisim = { panes: () => panes.map((p) => p.debug()), lang: () => lang };
}

start();
