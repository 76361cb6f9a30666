/**
 * The side panel of one simulation: run totals (coverage, area, time, savings) and one
 * card per machine (speed, tank or trays, battery, sortie, fix, cross-track error).
 * Values carry `data-testid` hooks; labels carry `data-i18n` keys and follow the language.
 */
import { formatDuration, formatHa, formatNumber, formatPct, formatSao, formatSpeed, formatVnd } from './format.js';
import { t, tDynamic, type Lang, type StringKey } from './i18n.js';
import type { WireVehicle } from '../../telemetry/client/index.js';
import { liveSavings, type ProgressSavingsFields } from './savings.js';
import type { SimProgress } from '../../sim/index.js';
import { vehicleColor } from './view.js';
import { vehicleLabel } from './names.js';

/** What the panel shows. */
export interface PanelState {
  progress?: SimProgress & ProgressSavingsFields;
  vehicles: WireVehicle[];
  /** Guidance of each machine by id, from the snapshot description. */
  guidance: Record<string, string>;
  done: boolean;
}

const stat = (key: StringKey, testid: string, extra = '') =>
  `<div class="stat ${extra}"><span class="label" data-i18n="${key}"></span><span class="value" data-testid="${testid}">–</span></div>`;

const TOTALS_HTML =
  `<div class="totals">` +
  stat('covered', 'coverage-pct', 'big') +
  stat('coveredArea', 'covered-ha', 'big') +
  stat('elapsed', 'elapsed') +
  stat('remaining', 'remaining') +
  `<div class="stat savings wide"><span class="label" data-i18n="savings"></span><span class="value" data-testid="savings-vnd">–</span>` +
  `<span class="sub"><span data-testid="person-days">–</span> <span data-i18n="personDays"></span></span>` +
  `<span class="note" data-i18n="estimate"></span></div>` +
  `</div><div class="vehicles" data-testid="vehicles"></div>`;

/** Writes every `data-i18n` label under `root` in `lang`. */
export function applyLabels(root: ParentNode, lang: Lang): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(lang, el.dataset.i18n as StringKey);
  });
}

function setText(root: ParentNode, testid: string, text: string): void {
  const el = root.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  if (el && el.textContent !== text) el.textContent = text;
}

function vehicleCard(v: WireVehicle, i: number): HTMLElement {
  const card = document.createElement('div');
  card.className = 'vehicle-card';
  card.dataset.vehicle = v.id;
  card.innerHTML =
    `<div class="vc-head"><span class="swatch" style="background:${vehicleColor(i)}"></span><b data-testid="vehicle-name" title="${v.id.replace(/[<&>"]/g, '')}"></b> <span class="guidance" data-testid="guidance"></span> <span class="activity" data-testid="activity"></span></div>` +
    `<div class="vc-grid">` +
    stat('speed', 'speed') +
    (v.trays ? stat('trays', 'trays') : stat('tank', 'tank')) +
    (v.battery ? stat('battery', 'battery') : '') +
    stat('sortie', 'sortie') +
    stat('fix', 'fix') +
    stat('xte', 'xte') +
    `</div>`;
  return card;
}

/** The run's totals: coverage, time, and the savings the telemetry feed computed. */
function showTotals(root: HTMLElement, lang: Lang, state: PanelState): void {
  const progress = state.progress;
  if (!progress) return;
  setText(root, 'coverage-pct', formatPct(lang, progress.coveredPct));
  setText(root, 'covered-ha', `${formatHa(lang, progress.coveredHa)} · ${formatSao(lang, progress.coveredHa)}`);
  setText(root, 'elapsed', formatDuration(progress.elapsedS));
  setText(root, 'remaining', state.done ? t(lang, 'done') : formatDuration(progress.etaS));
  // Computed by the telemetry feed (economics stage); the page only shows it.
  const savings = liveSavings(progress);
  setText(root, 'savings-vnd', savings ? formatVnd(lang, savings.savingsVnd) : '–');
  root.querySelector('.savings')?.classList.toggle('negative', (savings?.savingsVnd ?? 0) < 0);
  setText(root, 'person-days', savings ? formatNumber(lang, savings.personDaysSaved, 2) : '–');
}

/** One card per machine (rebuilt when the machines change), filled with its live figures. */
function showVehicleCards(list: HTMLElement, lang: Lang, state: PanelState): void {
  const ids = state.vehicles.map((v) => v.id).join('|');
  if (list.dataset.ids !== ids) {
    list.replaceChildren(...state.vehicles.map(vehicleCard));
    list.dataset.ids = ids;
    applyLabels(list, lang);
  }
  state.vehicles.forEach((v, i) => {
    const card = list.children[i] as HTMLElement;
    const sameKindBefore = state.vehicles.slice(0, i).filter((other) => other.kind === v.kind).length;
    setText(card, 'vehicle-name', vehicleLabel(lang, v.kind, sameKindBefore));
    setText(card, 'speed', formatSpeed(lang, v.speedMps));
    if (v.trays) setText(card, 'trays', `${formatNumber(lang, v.trays.left)} / ${formatNumber(lang, v.trays.capacity)}`);
    else if (v.tank) setText(card, 'tank', `${formatNumber(lang, v.tank.kg, 1)} / ${formatNumber(lang, v.tank.capacityKg)} kg`);
    if (v.battery) setText(card, 'battery', formatPct(lang, v.battery.pct));
    setText(card, 'sortie', formatNumber(lang, v.sortie));
    setText(card, 'fix', tDynamic(lang, 'fix', v.fix));
    setText(card, 'xte', `${formatNumber(lang, v.crossTrackErrorM * 100, 1)} cm`);
    setText(card, 'activity', tDynamic(lang, 'act', v.activity));
    setText(card, 'guidance', state.guidance[v.id] ? tDynamic(lang, 'guid', state.guidance[v.id]) : '');
    card.classList.toggle('fix-bad', v.fix === 'gnss' || v.fix === 'none');
  });
}

/** Builds the panel inside `root` and returns its updater. */
export function createPanel(root: HTMLElement) {
  root.innerHTML = TOTALS_HTML;
  const list = root.querySelector<HTMLElement>('.vehicles')!;
  let lang: Lang = 'en';
  let last: PanelState = { vehicles: [], guidance: {}, done: false };

  const update = (state: PanelState) => {
    last = state;
    showTotals(root, lang, state);
    showVehicleCards(list, lang, state);
  };

  return {
    update,
    setLang(next: Lang) {
      lang = next;
      applyLabels(root, next);
      update(last);
    },
  };
}
