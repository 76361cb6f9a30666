/**
 * "My paddy": the farmer draws a paddy by tapping its corners (or opens a KML/GeoJSON file
 * from Google Earth or My Maps), chooses the machine, and sees the plan, a replay of the
 * simulated run and the season's savings in sào and ₫ — computed by the server
 * (`POST api/paddy`, src/own-paddy), which answers refusals in the page's language.
 */
import type { FeatureCollection } from 'geojson';
import { formatDuration, formatHa, formatNumber, formatPct, formatSao, formatVnd } from '../format.js';
import { t, type Lang, type StringKey } from '../i18n.js';
import { applyLabels } from '../panel.js';
import { createBoard } from './draw.js';
import { HOME, polygonOf, ringAreaM2, type XY } from './geo.js';
import { playRun, type Replay, type TracePoint } from './replay.js';

const HTML =
  `<div class="paddy-head"><h2 data-i18n="myPaddy"></h2><button type="button" data-testid="paddy-back" data-i18n="back"></button></div>` +
  `<p class="hint" data-i18n="drawHint"></p>` +
  `<div class="board"><canvas data-testid="paddy-canvas"></canvas><div class="result-map" data-testid="paddy-result-map" hidden></div></div>` +
  `<p class="draw-info"><span data-testid="draw-corners">0</span> <span data-i18n="corners"></span> · <span data-testid="draw-area">–</span></p>` +
  `<div class="row"><button type="button" data-testid="paddy-undo" data-i18n="undo"></button><button type="button" data-testid="paddy-clear" data-i18n="clear"></button>` +
  `<label class="file"><span data-i18n="upload"></span><input type="file" accept=".kml,.geojson,.json,application/vnd.google-earth.kml+xml,application/geo+json,application/json" data-testid="paddy-file"></label></div>` +
  `<div class="row"><label><span data-i18n="machine"></span> <select data-testid="paddy-machine"><option value="drone"></option><option value="transplanter"></option></select></label>` +
  `<button type="button" class="primary" data-testid="paddy-plan" data-i18n="planIt"></button></div>` +
  `<p class="paddy-message" data-testid="paddy-message" role="status" aria-live="polite"></p>` +
  `<ul class="paddy-notes" data-testid="paddy-notes"></ul>` +
  `<div class="paddy-result" data-testid="paddy-result" hidden></div>`;

/** The server's answer, as far as the page reads it (see src/own-paddy PaddyResult). */
interface PaddyAnswer {
  paddy: { name: string; areaHa: number; areaSao: number };
  machine: string;
  plan: { geojson: FeatureCollection; swaths: number; coveragePct: number; timeS: number; workingWidthM: number };
  run: { trace: TracePoint[]; durationS: number; coveredPct: number; manualDurationS: number };
  savings: {
    manual: { totalVnd: number; personDays: number };
    mechanized: { totalVnd: number; personDays: number };
    savings: { vnd: number; pct: number; personDays: number };
    perSao: { savingsVnd: number };
  };
  notes: Note[];
}

/** A server sentence in both languages (src/own-paddy sends both, so a language switch needs no new request). */
interface Note {
  code: string;
  message: string;
  messages?: Record<Lang, string>;
}

const row = (key: StringKey, testid: string, value: string) =>
  `<div class="stat"><span class="label" data-i18n="${key}"></span><span class="value" data-testid="${testid}">${value.replace(/[<&>]/g, '')}</span></div>`;

function resultHtml(lang: Lang, a: PaddyAnswer): string {
  const s = a.savings;
  return (
    `<div class="totals">` +
    row('area', 'paddy-area', `${formatHa(lang, a.paddy.areaHa)} · ${formatSao(lang, a.paddy.areaHa)}`) +
    row('swaths', 'paddy-swaths', formatNumber(lang, a.plan.swaths)) +
    row('workTime', 'paddy-time', formatDuration(a.run.durationS)) +
    row('coveragePlan', 'paddy-coverage', formatPct(lang, a.run.coveredPct)) +
    row('manualCost', 'paddy-manual', formatVnd(lang, s.manual.totalVnd)) +
    row('machineCost', 'paddy-machine-cost', formatVnd(lang, s.mechanized.totalVnd)) +
    `<div class="stat savings wide${s.savings.vnd < 0 ? ' negative' : ''}"><span class="label" data-i18n="seasonSavings"></span>` +
    `<span class="value" data-testid="paddy-savings">${formatVnd(lang, s.savings.vnd)} (${formatPct(lang, s.savings.pct)})</span>` +
    `<span class="sub"><span data-testid="paddy-per-sao">${formatVnd(lang, s.perSao.savingsVnd)}</span> <span data-i18n="perSao"></span> · ` +
    `${formatNumber(lang, s.savings.personDays, 1)} <span data-i18n="personDaysUnit"></span></span></div></div>`
  );
}

/** What the message line says: planning, or a coded error from the server (in the page's language) or the network. */
type PaddyMessage = { code?: string; text: string; texts?: Record<Lang, string> };

function messageText(lang: Lang, message: PaddyMessage | undefined): string {
  if (!message) return '';
  if (message.code === 'PADDY_NETWORK') return t(lang, 'err.PADDY_NETWORK');
  return message.code ? (message.texts?.[lang] ?? message.text) : t(lang, 'planning');
}

/** Asks the server (POST api/paddy) to plan and simulate a paddy: its answer, or the message to show. */
async function requestPaddy(
  body: Record<string, unknown>,
  machine: string,
  lang: Lang,
): Promise<{ answer?: PaddyAnswer; message?: PaddyMessage }> {
  try {
    const r = await fetch(`api/paddy?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, machine, lang }),
    });
    const j = (await r.json()) as PaddyAnswer & { error?: Note };
    return j.error ? { message: { code: j.error.code, text: j.error.message, texts: j.error.messages } } : { answer: j };
  } catch {
    return { message: { code: 'PADDY_NETWORK', text: '' } };
  }
}

/** Undo, clear, back, plan (the drawn corners) and file upload (GeoJSON or KML). */
function bindPaddyControls(
  root: HTMLElement,
  $: (id: string) => HTMLElement,
  board: ReturnType<typeof createBoard>,
  send: (body: Record<string, unknown>) => Promise<void>,
): void {
  $('paddy-undo').addEventListener('click', () => board.undo());
  $('paddy-clear').addEventListener('click', () => board.clear());
  $('paddy-back').addEventListener('click', () => {
    document.body.classList.remove('paddy-open');
    root.hidden = true;
  });
  $('paddy-plan').addEventListener('click', () => {
    // Fewer than 3 corners is still sent: the server's FIELD_RING_TOO_SHORT says what is missing.
    void send({ field: board.corners.length ? polygonOf(HOME, board.corners) : null });
  });
  $('paddy-file').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await file.text();
    await send({ field: text, format: /\.kml$/i.test(file.name) || /^\s*</.test(text) ? 'kml' : 'geojson' });
  });
}

export function createPaddyView(root: HTMLElement, opts: { lang: Lang }) {
  root.innerHTML = HTML;
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(`[data-testid="${sel}"]`)!;
  let lang = opts.lang;
  let answer: PaddyAnswer | undefined;
  let replay: Replay | undefined;
  let message: PaddyMessage | undefined;
  const canvas = $<HTMLCanvasElement>('paddy-canvas');
  const resultMap = $('paddy-result-map');
  const showMessage = () => {
    const m = $('paddy-message');
    m.textContent = messageText(lang, message);
    m.classList.toggle('error', Boolean(message?.code));
  };
  const showDrawInfo = (corners: XY[]) => {
    $('draw-corners').textContent = formatNumber(lang, corners.length);
    $('draw-area').textContent = corners.length > 2 ? formatSao(lang, ringAreaM2(corners) / 10_000) : '–';
  };
  const board = createBoard(canvas, (c) => {
    showDrawInfo(c);
    showBoard();
  });
  const showBoard = () => {
    replay?.destroy();
    replay = undefined;
    resultMap.hidden = true;
    canvas.hidden = false;
    board.setEnabled(true);
  };
  const showResult = () => {
    const el = $('paddy-result');
    el.hidden = !answer;
    if (!answer) return;
    el.innerHTML = resultHtml(lang, answer);
    applyLabels(el, lang);
    $('paddy-notes').replaceChildren(
      ...answer.notes.map((n) =>
        Object.assign(document.createElement('li'), { textContent: `${t(lang, 'warning')}: ${n.messages?.[lang] ?? n.message}` }),
      ),
    );
  };
  const send = async (body: Record<string, unknown>) => {
    message = { text: t(lang, 'planning') };
    answer = undefined;
    showMessage();
    showResult();
    $('paddy-notes').replaceChildren();
    $<HTMLButtonElement>('paddy-plan').disabled = true;
    const reply = await requestPaddy(body, $<HTMLSelectElement>('paddy-machine').value, lang);
    $<HTMLButtonElement>('paddy-plan').disabled = false;
    answer = reply.answer;
    message = reply.message;
    if (reply.answer) {
      canvas.hidden = true;
      resultMap.hidden = false;
      board.setEnabled(false);
      replay?.destroy();
      const a = reply.answer;
      replay = playRun(resultMap, a.plan.geojson, a.run.trace, a.machine, a.plan.workingWidthM, () => root.classList.add('replayed'));
    }
    showMessage();
    showResult();
  };

  bindPaddyControls(root, $, board, send);

  const setLang = (l: Lang) => {
    lang = l;
    applyLabels(root, l);
    const sel = $<HTMLSelectElement>('paddy-machine');
    sel.options[0].textContent = t(l, 'kind.drone');
    sel.options[1].textContent = t(l, 'kind.transplanter');
    showDrawInfo(board.corners);
    showMessage();
    showResult();
  };
  setLang(lang);
  const api = {
    setLang,
    show(on: boolean) {
      root.hidden = !on;
      if (on) requestAnimationFrame(() => board.redraw());
    },
    /** State for tests: the last answer's figures, replay progress. */
    debug: () => ({ answer, replayProgress: replay?.progress() ?? 0, corners: board.corners.length }),
  };
  (window as unknown as { __agrisimPaddy?: unknown }).__agrisimPaddy = api;
  return api;
}
