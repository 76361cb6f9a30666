/**
 * The prescription parts of the plan exports: zone features (GeoJSON), treatment zones (ISOXML
 * TZN with a polygon and a rate set-point PDV) and the runs of a swath between zone borders
 * (QGroundControl rate changes).
 */
import { pointInPolygon, segmentsCross } from '../../geometry/index.js';
import type { PolygonM, Ring, XY } from '../../geometry/index.js';
import type { Prescription } from '../../prescription/index.js';
import { xmlAttrs } from './xml.js';

/** What the exports may carry besides the plan. */
export interface PrescriptionExport {
  /** The prescription clipped to the plan's field. */
  prescription?: Prescription;
  /** Water buffer strips around the worked area, in the plan's metres. */
  buffer?: PolygonM[];
}

type LonLat = (xy: readonly number[]) => [number, number];

const closed = (r: Ring, ll: LonLat) => {
  const out = r.map(ll);
  return out.length ? [...out, out[0]] : out;
};

/** A zone's (or buffer's) polygons as GeoJSON MultiPolygon coordinates. */
export function multiPolygonOf(polys: readonly PolygonM[], ll: LonLat): [number, number][][][] {
  return polys.map((p) => [closed(p.outer, ll), ...p.holes.map((h) => closed(h, ll))]);
}

/** Rate of the zone under `xy`, or undefined off every zone. */
export function zoneRateAt(rx: Prescription, xy: XY): number | undefined {
  for (const z of rx.zones) if (z.polygons.some((p) => pointInPolygon(xy, p))) return z.ratePerHa;
  return undefined;
}

function crossingsOn(a: XY, b: XY, rx: Prescription): number[] {
  const ts: number[] = [];
  const dx = b[0] - a[0], dy = b[1] - a[1];
  for (const z of rx.zones) {
    for (const p of z.polygons) {
      for (const ring of [p.outer, ...p.holes]) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const c = ring[j], d = ring[i];
          if (!segmentsCross(a, b, c, d)) continue;
          const ex = d[0] - c[0], ey = d[1] - c[1];
          const den = dx * ey - dy * ex;
          if (Math.abs(den) < 1e-12) continue;
          ts.push(((c[0] - a[0]) * ey - (c[1] - a[1]) * ex) / den);
        }
      }
    }
  }
  return ts.filter((t) => t > 1e-6 && t < 1 - 1e-6).sort((x, y) => x - y);
}

/**
 * Splits a working path where it crosses zone borders: each run has the rate of the zone it lies
 * in (`undefined` where it is in none, e.g. over a buffer strip). Consecutive runs of equal rate are merged.
 */
export function zoneRuns(points: readonly XY[], rx: Prescription): { points: XY[]; ratePerHa: number | undefined }[] {
  const runs: { points: XY[]; ratePerHa: number | undefined }[] = [];
  const push = (from: XY, to: XY) => {
    const mid: XY = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
    const rate = zoneRateAt(rx, mid);
    const last = runs[runs.length - 1];
    if (last && last.ratePerHa === rate) last.points.push(to);
    else runs.push({ points: [from, to], ratePerHa: rate });
  };
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    let prev = a;
    for (const t of crossingsOn(a, b, rx)) {
      const c: XY = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      push(prev, c);
      prev = c;
    }
    push(prev, b);
  }
  return runs;
}

/**
 * ISO 11783-11 DDI of the rate set-point and the factor from per-hectare to its unit:
 * 0x0006 Setpoint Mass Per Area Application Rate (mg/m²) or 0x0001 Setpoint Volume Per Area
 * Application Rate (mm³/m²); 1 kg/ha = 100 mg/m², 1 L/ha = 100 mm³/m².
 */
export function rateDdi(rx: Prescription): { ddi: string; perUnit: number } {
  return rx.unit === 'kg/ha' ? { ddi: '0006', perUnit: 100 } : { ddi: '0001', perUnit: 100 };
}

const designator = (s: string) => [...s].slice(0, 32).join('');

function plnOf(type: number, name: string, p: PolygonM, ll: LonLat): string {
  const lsg = (t: 1 | 2, r: Ring) => `<LSG A="${t}">${r.map(ll).map(([lon, lat]) => `<PNT${xmlAttrs({ A: 2, C: lat, D: lon })}/>`).join('')}</LSG>`;
  return `<PLN${xmlAttrs({ A: type, B: designator(name) })}>${lsg(1, p.outer)}${p.holes.map((h) => lsg(2, h)).join('')}</PLN>`;
}

/**
 * Treatment zones of a polygon prescription: one TZN per zone (PLN type 2 and a PDV rate
 * set-point referring to product PDT1), plus an out-of-field zone at rate 0. Codes from 1.
 * @returns the TZN elements, the product element, and the codes for the task's H (default) and J (out of field)
 */
export function treatmentZones(rx: Prescription, ll: LonLat, productName: string): { tzns: string[]; pdt: string; defaultCode: number; outOfFieldCode: number } {
  const { ddi, perUnit } = rateDdi(rx);
  const pdv = (ratePerHa: number) => `<PDV${xmlAttrs({ A: ddi, B: Math.round(ratePerHa * perUnit), C: 'PDT1' })}/>`;
  const tzns = rx.zones.map((z, i) => {
    const plns = z.polygons.map((p, k) => plnOf(2, z.polygons.length > 1 ? `${z.id} ${k + 1}` : z.id, p, ll)).join('');
    return `<TZN${xmlAttrs({ A: i + 1, B: designator(z.id) })}>${plns}${pdv(z.ratePerHa)}</TZN>`;
  });
  const dflt = rx.zones.findIndex((z) => z.isDefault);
  let defaultCode = dflt >= 0 ? dflt + 1 : rx.zones.length + 1;
  if (dflt < 0) tzns.push(`<TZN${xmlAttrs({ A: defaultCode, B: 'default' })}>${pdv(rx.defaultRatePerHa)}</TZN>`);
  const outOfFieldCode = tzns.length + 1;
  tzns.push(`<TZN${xmlAttrs({ A: outOfFieldCode, B: 'out of field' })}>${pdv(0)}</TZN>`);
  defaultCode = Math.min(defaultCode, 254);
  return { tzns, pdt: `<PDT${xmlAttrs({ A: 'PDT1', B: designator(productName) })}/>`, defaultCode, outOfFieldCode };
}

/** Water buffer strips as PLN type 11 (BufferZone) of the partfield. */
export function bufferPlns(buffer: readonly PolygonM[], ll: LonLat): string[] {
  return buffer.map((p, i) => plnOf(11, `Water buffer ${i + 1}`, p, ll));
}
