/**
 * The dose map's legend over the field view: the colour ramp with its rates in kg/ha (or L/ha),
 * and what is coloured — the zones by the prescription, the strips by the dose applied. Shown
 * only on variable-rate runs.
 */
import { formatNumber } from './format.js';
import { t, type Lang } from './i18n.js';
import { DOSE_COLORS, doseStops, type DoseScale } from './dose-scale.js';

/**
 * Creates the (hidden) legend inside `mapEl`.
 * @example
 * const legend = createDoseLegend(mapEl);
 * legend.show(doseScaleOf(plan), 'vi');
 */
export function createDoseLegend(mapEl: HTMLElement) {
  const el = document.createElement('div');
  el.className = 'dose-legend';
  el.dataset.testid = 'dose-legend';
  el.hidden = true;
  mapEl.appendChild(el);
  let scale: DoseScale | undefined;
  let lang: Lang = 'en';
  const render = () => {
    el.hidden = !scale;
    if (!scale) return;
    const stops = doseStops(scale);
    const ramp = `linear-gradient(to right, ${DOSE_COLORS.join(', ')})`;
    const ticks = [stops[0], (scale.minPerHa + scale.maxPerHa) / 2, stops[stops.length - 1]].map(
      (v) => `<span>${formatNumber(lang, Math.round(v))}</span>`,
    );
    el.innerHTML =
      `<div class="dose-title">${t(lang, 'doseTitle')} (${scale.unit})</div>` +
      `<div class="dose-ramp" style="background:${ramp}"></div>` +
      `<div class="dose-ticks">${ticks.join('')}</div>` +
      `<div class="dose-note">${t(lang, 'doseNote')}</div>`;
  };
  return {
    show(next: DoseScale | undefined, l: Lang) {
      scale = next;
      lang = l;
      render();
    },
  };
}
