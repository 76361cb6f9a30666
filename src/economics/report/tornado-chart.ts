/**
 * Chart 2: sensitivity as a tornado: for each factor a bar from the base savings per ha to
 * its value at −30 % (light) and +30 % (dark), widest swing on top. Plain SVG.
 */
import { formatMillionVnd } from '../../units/index.js';
import { words } from '../i18n.js';
import type { Lang, SensitivityRow } from '../types.js';
import { esc, px } from './svg.js';

/** SVG of the sensitivity table. */
export function tornadoSvg(rows: SensitivityRow[], lang: Lang, widthPx = 330): string {
  const w = words(lang);
  const sorted = [...rows].sort(
    (a, b) => Math.abs(b.highSavingsVndPerHa - b.lowSavingsVndPerHa) - Math.abs(a.highSavingsVndPerHa - a.lowSavingsVndPerHa),
  );
  const labelW = 92;
  const rowH = 24;
  const top = 18;
  const height = top + sorted.length * rowH + 18;
  const values = sorted.flatMap((r) => [r.lowSavingsVndPerHa, r.highSavingsVndPerHa, r.baseSavingsVndPerHa]);
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1) hi = lo + 1;
  const pad = (hi - lo) * 0.02;
  lo -= pad;
  hi += pad;
  const plotL = labelW + 4;
  const plotW = widthPx - plotL - 6;
  const X = (v: number) => plotL + ((v - lo) / (hi - lo)) * plotW;
  const base = sorted[0]?.baseSavingsVndPerHa ?? 0;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${height}" viewBox="0 0 ${widthPx} ${height}" role="img" aria-label="${esc(w.sensitivity)}">`,
  ];
  out.push(
    `<rect x="${plotL}" y="3" width="10" height="9" fill="#f4b183"/><text x="${plotL + 14}" y="11" font-size="9">${esc(w.low)}</text>`,
  );
  out.push(
    `<rect x="${plotL + 60}" y="3" width="10" height="9" fill="#c55a11"/><text x="${plotL + 74}" y="11" font-size="9">${esc(w.high)}</text>`,
  );
  sorted.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(`<text x="${labelW}" y="${y + 14}" font-size="10" text-anchor="end">${esc(w.factor[r.factor] ?? r.factor)}</text>`);
    for (const [v, fill] of [
      [r.lowSavingsVndPerHa, '#f4b183'],
      [r.highSavingsVndPerHa, '#c55a11'],
    ] as const) {
      const a = Math.min(X(base), X(v));
      const b = Math.max(X(base), X(v));
      out.push(`<rect x="${px(a)}" y="${y + 4}" width="${px(Math.max(1, b - a))}" height="14" fill="${fill}" opacity="0.9"/>`);
    }
  });
  const yAxis = top + sorted.length * rowH;
  out.push(`<line x1="${px(X(base))}" y1="${top}" x2="${px(X(base))}" y2="${yAxis}" stroke="#222" stroke-width="1"/>`);
  if (lo < 0 && hi > 0)
    out.push(`<line x1="${px(X(0))}" y1="${top}" x2="${px(X(0))}" y2="${yAxis}" stroke="#888" stroke-dasharray="3 2"/>`);
  out.push(`<text x="${px(plotL)}" y="${yAxis + 12}" font-size="9">${esc(formatMillionVnd(lo + pad, lang))}</text>`);
  out.push(`<text x="${px(X(base))}" y="${yAxis + 12}" font-size="9" text-anchor="middle">${esc(formatMillionVnd(base, lang))}</text>`);
  out.push(
    `<text x="${px(plotL + plotW)}" y="${yAxis + 12}" font-size="9" text-anchor="end">${esc(formatMillionVnd(hi - pad, lang))}</text>`,
  );
  out.push('</svg>');
  return out.join('');
}
