/**
 * Chart 1: cost per hectare of each method as stacked horizontal bars (labour, machine,
 * inputs), total at the end of each bar. Plain SVG.
 */
import { formatMillionVnd } from '../../units/index.js';
import { words } from '../i18n.js';
import type { CostBlock, Lang } from '../types.js';
import { esc, px } from './svg.js';

/** Colours of the cost parts (print-safe, distinguishable in grey). */
export const PART_COLOURS = { laborVnd: '#c0504d', machineVnd: '#4f81bd', inputVnd: '#9bbb59' } as const;

/**
 * SVG of per-ha costs.
 * @param perHa - cost blocks per ha (manual first)
 */
export function costChartSvg(perHa: CostBlock[], lang: Lang, widthPx = 330): string {
  const w = words(lang);
  const labelW = 0;
  const barH = 16;
  const rowH = 38;
  const top = 20;
  const height = top + perHa.length * rowH + 4;
  const max = Math.max(1, ...perHa.map((b) => b.totalVnd));
  const plotW = widthPx - labelW - 70;
  const scale = plotW / max;
  const parts = ['laborVnd', 'machineVnd', 'inputVnd'] as const;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${height}" viewBox="0 0 ${widthPx} ${height}" role="img" aria-label="${esc(w.costPerHa)}">`,
  ];
  // legend
  const legend = [w.labor, w.machine, w.input];
  parts.forEach((p, i) => {
    const x = i * 90;
    out.push(
      `<rect x="${x}" y="2" width="10" height="10" fill="${PART_COLOURS[p]}"/><text x="${x + 14}" y="11" font-size="10">${esc(legend[i])}</text>`,
    );
  });
  perHa.forEach((b, i) => {
    const y = top + i * rowH;
    out.push(`<text x="0" y="${y + 10}" font-size="10" font-weight="600">${esc(w.method[b.method] ?? b.method)}</text>`);
    let x = labelW;
    for (const p of parts) {
      const bw = Math.max(0, b[p] * scale);
      if (bw > 0) out.push(`<rect x="${px(x)}" y="${y + 14}" width="${px(bw)}" height="${barH}" fill="${PART_COLOURS[p]}"/>`);
      x += bw;
    }
    out.push(`<text x="${px(x + 4)}" y="${y + 26}" font-size="10">${esc(formatMillionVnd(b.totalVnd, lang))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
