/**
 * The block part of the side panel, shown only for block runs: when the whole block will be
 * done (makespan) and how long that is from now, machines waiting at each depot, paddies done,
 * and one row per paddy with its household and covered % (a bar). Labels carry `data-i18n`
 * keys; values carry `data-testid` hooks.
 */
import { formatDuration, formatNumber, formatPct } from './format.js';
import { t, type Lang } from './i18n.js';
import type { BlockDescription, SimProgress } from '../../sim/types.js';

const esc = (s: string) => s.replace(/[<&>"]/g, '');

const HTML =
  `<div class="totals block-totals">` +
  `<div class="stat"><span class="label" data-i18n="makespan"></span><span class="value" data-testid="block-makespan">–</span></div>` +
  `<div class="stat"><span class="label" data-i18n="depotQueue"></span><span class="value" data-testid="block-queue">–</span></div>` +
  `<div class="stat wide"><span class="label" data-i18n="paddiesDone"></span><span class="value" data-testid="block-paddies-done">–</span></div>` +
  `</div><div class="paddy-list" data-testid="paddy-list" role="list"></div>`;

function paddyRow(p: BlockDescription['paddies'][number]): string {
  const who = p.owner ? `${esc(p.name || p.id)} · ${esc(p.owner)}` : esc(p.name || p.id);
  return (
    `<div class="paddy-row" role="listitem" data-paddy="${esc(p.id)}"><span class="paddy-name">${who}</span>` +
    `<span class="paddy-bar"><span class="paddy-fill"></span></span><span class="paddy-pct" data-testid="paddy-pct">–</span></div>`
  );
}

/** Builds the (hidden) block panel inside `root`, before its machine cards (`.vehicles`) when there are any, and returns its updater. */
export function createBlockPanel(root: HTMLElement) {
  const el = document.createElement('div');
  el.className = 'block-panel';
  el.dataset.testid = 'block-panel';
  el.hidden = true;
  el.innerHTML = HTML;
  root.insertBefore(el, root.querySelector('.vehicles'));
  const list = el.querySelector<HTMLElement>('.paddy-list')!;
  const set = (testid: string, text: string) => {
    const v = el.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    if (v && v.textContent !== text) v.textContent = text;
  };
  let lang: Lang = 'en';
  let block: BlockDescription | undefined;
  let last: SimProgress | undefined;

  const update = (p: SimProgress | undefined) => {
    last = p;
    if (!block || !p) return;
    if (p.makespanS !== undefined)
      set('block-makespan', `${formatDuration(p.makespanS)} (${t(lang, 'remaining').toLowerCase()} ${formatDuration(p.etaS)})`);
    const waiting = (p.depotQueue ?? []).reduce((a, b) => a + b, 0);
    set('block-queue', `${formatNumber(lang, waiting)} ${t(lang, 'machines')}`);
    const pcts = p.paddyCoveredPct ?? [];
    set('block-paddies-done', `${formatNumber(lang, pcts.filter((x) => x >= 99).length)} / ${formatNumber(lang, block.paddies.length)}`);
    pcts.forEach((pct, i) => {
      const row = list.children[i] as HTMLElement | undefined;
      if (!row) return;
      const text = formatPct(lang, pct);
      const pctEl = row.querySelector<HTMLElement>('.paddy-pct')!;
      if (pctEl.textContent === text) return;
      pctEl.textContent = text;
      row.querySelector<HTMLElement>('.paddy-fill')!.style.width = `${Math.min(100, pct)}%`;
      row.classList.toggle('done', pct >= 99);
    });
  };

  return {
    setBlock(b: BlockDescription | undefined) {
      block = b;
      el.hidden = !b;
      list.innerHTML = b ? b.paddies.map(paddyRow).join('') : '';
    },
    update,
    setLang(l: Lang) {
      lang = l;
      el.querySelectorAll<HTMLElement>('[data-i18n]').forEach((x) => {
        x.textContent = t(l, x.dataset.i18n as Parameters<typeof t>[1]);
      });
      const p = last;
      last = undefined;
      // force every value to be rewritten in the new language
      list.querySelectorAll<HTMLElement>('.paddy-pct').forEach((x) => (x.textContent = ''));
      update(p);
    },
  };
}
