/**
 * The prescription parts of the plan exports: zone features (GeoJSON), treatment zones (ISOXML
 * TZN with a polygon and a rate set-point PDV) and the runs of a swath between zone borders
 * (QGroundControl rate changes).
 */
import { pointInPolygon, segmentsCross, hypot } from '../../geometry/index.js';
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
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  for (const z of rx.zones) {
    for (const p of z.polygons) {
      for (const ring of [p.outer, ...p.holes]) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const c = ring[j],
            d = ring[i];
          if (!segmentsCross(a, b, c, d)) continue;
          const ex = d[0] - c[0],
            ey = d[1] - c[1];
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
    const a = points[k],
      b = points[k + 1];
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
 * Look-ahead of rate changes, s: a set-point sent this long before the machine reaches a zone
 * border makes the metering drive's first-order lag straddle the border (as ISOBUS task controllers
 * compensate a declared latency). It equals the drive's time constant, 0.6 s, the simulator's
 * rate controller default (src/sim/dose/rate-controller.ts; Fulton et al. 1999, ASAE Paper 991101).
 */
export const RATE_LOOK_AHEAD_S = 0.6;

function cumulative(points: readonly XY[]): number[] {
  const cum = [0];
  for (let k = 1; k < points.length; k++) cum.push(cum[k - 1] + hypot(points[k][0] - points[k - 1][0], points[k][1] - points[k - 1][1]));
  return cum;
}

/** The polyline between distances `from` and `to` along it (`cum` its cumulative lengths). */
function slice(points: readonly XY[], cum: readonly number[], from: number, to: number): XY[] {
  const at = (d: number): XY => {
    let k = 1;
    while (k < cum.length - 1 && cum[k] < d) k++;
    const span = cum[k] - cum[k - 1];
    const t = span > 0 ? Math.min(1, Math.max(0, (d - cum[k - 1]) / span)) : 0;
    return [points[k - 1][0] + (points[k][0] - points[k - 1][0]) * t, points[k - 1][1] + (points[k][1] - points[k - 1][1]) * t];
  };
  const out: XY[] = [at(from)];
  for (let k = 1; k < points.length - 1; k++) if (cum[k] > from + 1e-6 && cum[k] < to - 1e-6) out.push(points[k]);
  out.push(at(to));
  return out;
}

/**
 * {@link zoneRuns} with every rate change moved `leadM` back along the path (the look-ahead
 * distance: {@link RATE_LOOK_AHEAD_S} × working speed), so the command that sets a zone's rate is
 * reached that far before its border. A change is never moved before the swath start or the
 * change before it; a run the look-ahead swallows whole disappears.
 */
export function zoneRunsAhead(points: readonly XY[], rx: Prescription, leadM: number): { points: XY[]; ratePerHa: number | undefined }[] {
  const runs = zoneRuns(points, rx);
  if (runs.length < 2 || !(leadM > 0)) return runs;
  const cum = cumulative(points);
  const total = cum[cum.length - 1];
  // border k (between runs k−1 and k) at the distance where run k starts
  const lengths = runs.map((r) => cumulative(r.points).at(-1)!);
  const starts: number[] = [0];
  for (let k = 1; k < runs.length; k++) starts.push(starts[k - 1] + lengths[k - 1]);
  const moved = starts.map((d, k) => (k === 0 ? 0 : Math.max(0, d - leadM)));
  for (let k = 1; k < moved.length; k++) moved[k] = Math.max(moved[k], moved[k - 1]);
  const out: { points: XY[]; ratePerHa: number | undefined }[] = [];
  runs.forEach((r, k) => {
    const from = moved[k],
      to = k + 1 < runs.length ? moved[k + 1] : total;
    if (to - from < 1e-6) return;
    const last = out[out.length - 1];
    const piece = slice(points, cum, from, to);
    if (last && last.ratePerHa === r.ratePerHa) last.points.push(...piece.slice(1));
    else out.push({ points: piece, ratePerHa: r.ratePerHa });
  });
  return out;
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
  const lsg = (t: 1 | 2, r: Ring) =>
    `<LSG A="${t}">${r
      .map(ll)
      .map(([lon, lat]) => `<PNT${xmlAttrs({ A: 2, C: lat, D: lon })}/>`)
      .join('')}</LSG>`;
  return `<PLN${xmlAttrs({ A: type, B: designator(name) })}>${lsg(1, p.outer)}${p.holes.map((h) => lsg(2, h)).join('')}</PLN>`;
}

/**
 * Treatment zones of a polygon prescription: one TZN per zone (PLN type 2 and a PDV rate
 * set-point referring to product PDT1), plus an out-of-field zone at rate 0. Codes from 1.
 * @returns the TZN elements, the product element, and the codes for the task's H (default) and J (out of field)
 */
export function treatmentZones(
  rx: Prescription,
  ll: LonLat,
  productName: string,
): { tzns: string[]; pdt: string; defaultCode: number; outOfFieldCode: number } {
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
