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
  const savings = a.savings;
  return (
    `<div class="totals">` +
    row('area', 'paddy-area', `${formatHa(lang, a.paddy.areaHa)} · ${formatSao(lang, a.paddy.areaHa)}`) +
    row('swaths', 'paddy-swaths', formatNumber(lang, a.plan.swaths)) +
    row('workTime', 'paddy-time', formatDuration(a.run.durationS)) +
    row('coveragePlan', 'paddy-coverage', formatPct(lang, a.run.coveredPct)) +
    row('manualCost', 'paddy-manual', formatVnd(lang, savings.manual.totalVnd)) +
    row('machineCost', 'paddy-machine-cost', formatVnd(lang, savings.mechanized.totalVnd)) +
    `<div class="stat savings wide${savings.savings.vnd < 0 ? ' negative' : ''}"><span class="label" data-i18n="seasonSavings"></span>` +
    `<span class="value" data-testid="paddy-savings">${formatVnd(lang, savings.savings.vnd)} (${formatPct(lang, savings.savings.pct)})</span>` +
    `<span class="sub"><span data-testid="paddy-per-sao">${formatVnd(lang, savings.perSao.savingsVnd)}</span> <span data-i18n="perSao"></span> · ` +
    `${formatNumber(lang, savings.savings.personDays, 1)} <span data-i18n="personDaysUnit"></span></span></div></div>`
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
    const response = await fetch(`api/paddy?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, machine, lang }),
    });
    const reply = (await response.json()) as PaddyAnswer & { error?: Note };
    return reply.error
      ? { message: { code: reply.error.code, text: reply.error.message, texts: reply.error.messages } }
      : { answer: reply };
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

/** One "my paddy" screen: its elements, drawing board, and what it shows now. */
interface PaddyView {
  root: HTMLElement;
  $: <T extends HTMLElement>(testid: string) => T;
  canvas: HTMLCanvasElement;
  resultMap: HTMLElement;
  board: ReturnType<typeof createBoard>;
  lang: Lang;
  answer?: PaddyAnswer;
  replay?: Replay;
  message?: PaddyMessage;
}

function showMessage(view: PaddyView): void {
  const line = view.$('paddy-message');
  line.textContent = messageText(view.lang, view.message);
  line.classList.toggle('error', Boolean(view.message?.code));
}

/** Corners tapped so far, and the area they enclose in sào. */
function showDrawInfo(view: PaddyView, corners: XY[]): void {
  view.$('draw-corners').textContent = formatNumber(view.lang, corners.length);
  view.$('draw-area').textContent = corners.length > 2 ? formatSao(view.lang, ringAreaM2(corners) / 10_000) : '–';
}

/** Back to drawing: the replay is dropped, the board shows and takes taps. */
function showBoard(view: PaddyView): void {
  view.replay?.destroy();
  view.replay = undefined;
  view.resultMap.hidden = true;
  view.canvas.hidden = false;
  view.board.setEnabled(true);
}

/** The answer's figures and the server's notes, in the page's language (hidden without an answer). */
function showResult(view: PaddyView): void {
  const { answer, lang } = view;
  const el = view.$('paddy-result');
  el.hidden = !answer;
  if (!answer) return;
  el.innerHTML = resultHtml(lang, answer);
  applyLabels(el, lang);
  view
    .$('paddy-notes')
    .replaceChildren(
      ...answer.notes.map((n) =>
        Object.assign(document.createElement('li'), { textContent: `${t(lang, 'warning')}: ${n.messages?.[lang] ?? n.message}` }),
      ),
    );
}

/** The answer's plan on the result map, with the simulated run replayed over it. */
function showReplay(view: PaddyView, answer: PaddyAnswer): void {
  view.canvas.hidden = true;
  view.resultMap.hidden = false;
  view.board.setEnabled(false);
  view.replay?.destroy();
  const { plan, run, machine } = answer;
  view.replay = playRun(view.resultMap, plan.geojson, run.trace, machine, plan.workingWidthM, () => view.root.classList.add('replayed'));
}

/** Sends a paddy to the server (the plan button is off meanwhile) and shows its answer or refusal. */
async function sendPaddy(view: PaddyView, body: Record<string, unknown>): Promise<void> {
  view.message = { text: t(view.lang, 'planning') };
  view.answer = undefined;
  showMessage(view);
  showResult(view);
  view.$('paddy-notes').replaceChildren();
  view.$<HTMLButtonElement>('paddy-plan').disabled = true;
  const reply = await requestPaddy(body, view.$<HTMLSelectElement>('paddy-machine').value, view.lang);
  view.$<HTMLButtonElement>('paddy-plan').disabled = false;
  view.answer = reply.answer;
  view.message = reply.message;
  if (reply.answer) showReplay(view, reply.answer);
  showMessage(view);
  showResult(view);
}

function setPaddyLang(view: PaddyView, lang: Lang): void {
  view.lang = lang;
  applyLabels(view.root, lang);
  const machine = view.$<HTMLSelectElement>('paddy-machine');
  machine.options[0].textContent = t(lang, 'kind.drone');
  machine.options[1].textContent = t(lang, 'kind.transplanter');
  showDrawInfo(view, view.board.corners);
  showMessage(view);
  showResult(view);
}

export function createPaddyView(root: HTMLElement, opts: { lang: Lang }) {
  root.innerHTML = HTML;
  const $ = <T extends HTMLElement>(testid: string) => root.querySelector<T>(`[data-testid="${testid}"]`)!;
  const canvas = $<HTMLCanvasElement>('paddy-canvas');
  const view: PaddyView = {
    root,
    $,
    canvas,
    resultMap: $('paddy-result-map'),
    lang: opts.lang,
    // the board calls back only on taps and undo/clear, after `view` is made
    board: createBoard(canvas, (corners) => {
      showDrawInfo(view, corners);
      showBoard(view);
    }),
  };
  bindPaddyControls(root, $, view.board, (body) => sendPaddy(view, body));
  setPaddyLang(view, view.lang);
  const api = {
    setLang: (lang: Lang) => setPaddyLang(view, lang),
    show(on: boolean) {
      root.hidden = !on;
      if (on) requestAnimationFrame(() => view.board.redraw());
    },
    /** State for tests: the last answer's figures, replay progress. */
    debug: () => ({ answer: view.answer, replayProgress: view.replay?.progress() ?? 0, corners: view.board.corners.length }),
  };
  (window as unknown as { __agrisimPaddy?: unknown }).__agrisimPaddy = api;
  return api;
}
