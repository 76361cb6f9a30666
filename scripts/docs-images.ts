/**
 * Regenerates the README pictures: docs/images/plan-*.svg (plans drawn from the route in
 * local metres) and docs/images/report.png (the savings report rendered in Debian Chromium).
 * Run: `npx tsx scripts/docs-images.ts` (the PNG needs /usr/bin/chromium:
 * scripts/install-system-deps.sh installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFieldFile } from '../src/field/index.js';
import { planField, type Plan } from '../src/plan/index.js';
import { getVehicle } from '../src/vehicles/index.js';
import { computeSavings, savingsReportHtml } from '../src/economics/index.js';

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const COLOURS = { swath: '#2e7d32', headland: '#66bb6a', turn: '#f9a825', transit: '#1565c0' };

/** One plan as an SVG: field, holes, working passes (footprint-wide, translucent), turns, transits. */
function planSvg(plan: Plan, title: string, widthPx = 900): string {
  const rings = [plan.field.polygon.outer, ...plan.field.polygon.holes];
  const xs = rings.flat().map((p) => p[0]),
    ys = rings.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 8,
    top = 44,
    scale = (widthPx - 2 * pad) / (x1 - x0),
    heightPx = Math.ceil((y1 - y0) * scale + 2 * pad + top);
  const pt = (p: number[]) => `${(pad + (p[0] - x0) * scale).toFixed(1)},${(top + pad + (y1 - p[1]) * scale).toFixed(1)}`;
  const path = (pts: number[][]) => `M${pts.map(pt).join('L')}`;
  const w = plan.vehicle.workingWidthM * scale;
  const parts: string[] = [];
  parts.push(
    `<path d="${rings.map((r) => path(r) + 'Z').join('')}" fill="#fff8e1" fill-rule="evenodd" stroke="#5d4037" stroke-width="2"/>`,
  );
  for (const s of plan.route) {
    const colour =
      s.kind === 'swath' ? (s.headlandLap >= 0 ? COLOURS.headland : COLOURS.swath) : s.kind === 'turn' ? COLOURS.turn : COLOURS.transit;
    if (s.kind === 'swath')
      parts.push(
        `<path d="${path(s.points)}" fill="none" stroke="${colour}" stroke-opacity="0.28" stroke-width="${w.toFixed(1)}" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    parts.push(
      `<path d="${path(s.points)}" fill="none" stroke="${colour}" stroke-width="${s.kind === 'transit' ? 1.5 : 1.2}"${s.kind === 'transit' ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
  }
  const m = plan.metrics;
  const caption = `${title}: ${m.field.areaHa.toFixed(2)} ha, ${plan.vehicle.name}`;
  const caption2 = `${m.swaths.count} swaths (lower bound ${m.swaths.lowerBound}) at ${m.swaths.angleDeg}°, ${m.headland.laps} headland laps, coverage ${m.coveragePct} %, overlap ${m.overlapPct} %, ${m.turns.count} turns, ${m.sorties.refills} refills`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/><text x="${pad}" y="18" font-size="13" fill="#333">${esc(caption)}</text><text x="${pad}" y="36" font-size="12" fill="#555">${esc(caption2)}</text>
${parts.join('\n')}
</svg>\n`;
}

mkdirSync('docs/images', { recursive: true });
const cases: [string, string, string][] = [
  ['fields/paddy-with-tomb.geojson', 'transplanter', 'plan-paddy-with-tomb-transplanter.svg'],
  ['fields/l-shaped-paddy.geojson', 'drone', 'plan-l-shaped-drone.svg'],
  ['fields/real-nl-field-188.geojson', 'transplanter', 'plan-real-field-transplanter.svg'],
];
for (const [file, vehicle, out] of cases) {
  const [field] = await readFieldFile(file);
  const plan = planField(field, getVehicle(vehicle));
  writeFileSync(`docs/images/${out}`, planSvg(plan, field.name));
  console.log(`docs/images/${out}`);
}

if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const [paddy] = await readFieldFile('fields/thai-binh-block.geojson');
  const { planToGeoJson } = await import('../src/plan/index.js');
  const plan = planField(paddy, getVehicle('transplanter'));
  const html = savingsReportHtml(computeSavings({ operation: 'transplanting', areaHa: plan.metrics.field.areaHa }), {
    lang: 'vi',
    planGeoJson: planToGeoJson(plan) as never,
    subtitle: paddy.name,
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.setContent(html);
  await page.screenshot({ path: 'docs/images/report.png', fullPage: true });
  await browser.close();
  console.log('docs/images/report.png');
} else console.error('docs-images: /usr/bin/chromium missing, report.png not rendered (run scripts/install-system-deps.sh)');
