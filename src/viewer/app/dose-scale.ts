/**
 * The dose map's colour scale: a variable-rate run's prescription zones (plan features
 * `kind: zone`, with `rateKgPerHa` or `rateLPerHa`) and its strips (coloured by the rate the
 * machine delivered, `ratePerHa`) on one scale, so the prescription and the dose applied can be
 * compared at a glance, with a legend in kg/ha (or L/ha).
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';

/** The scale of one run. */
export interface DoseScale {
  unit: 'kg/ha' | 'L/ha';
  /** Lowest and highest prescribed rate. */
  minPerHa: number;
  maxPerHa: number;
  /** The colour ramp's ends: the ±20 % band around the prescriptions (a dose outside it counts as under or over). */
  lowPerHa: number;
  highPerHa: number;
}

/**
 * Viridis at five stops (perceptually even and readable with colour-blindness; van der Walt &
 * Smith 2015, matplotlib's default), low rate dark blue-violet, high rate yellow.
 */
export const DOSE_COLORS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
/** Share below and above the prescriptions the ramp reaches (docs/contracts.md `dose`: ±20 %). */
const BAND = 0.2;

/** The rate of a zone feature, with its unit, or undefined for other features. */
function zoneRate(props: Record<string, unknown> | null): { rate: number; unit: DoseScale['unit'] } | undefined {
  if (props?.kind !== 'zone') return undefined;
  if (typeof props.rateKgPerHa === 'number') return { rate: props.rateKgPerHa, unit: 'kg/ha' };
  if (typeof props.rateLPerHa === 'number') return { rate: props.rateLPerHa, unit: 'L/ha' };
  return undefined;
}

/**
 * The scale of a plan with prescription zones, or undefined when it has none.
 * @example
 * doseScaleOf(plan); // { unit: 'kg/ha', minPerHa: 50, maxPerHa: 110, lowPerHa: 40, highPerHa: 132 }
 */
export function doseScaleOf(plan: FeatureCollection | undefined): DoseScale | undefined {
  const zones = (plan?.features ?? []).map((f) => zoneRate(f.properties)).filter((z) => z !== undefined);
  if (!zones.length) return undefined;
  const rates = zones.map((z) => z.rate);
  const minPerHa = Math.min(...rates);
  const maxPerHa = Math.max(...rates);
  return { unit: zones[0].unit, minPerHa, maxPerHa, lowPerHa: minPerHa * (1 - BAND), highPerHa: maxPerHa * (1 + BAND) };
}

/** The stop values of the ramp, evenly from `lowPerHa` to `highPerHa`. */
export function doseStops(scale: DoseScale): number[] {
  const step = (scale.highPerHa - scale.lowPerHa) / (DOSE_COLORS.length - 1);
  return DOSE_COLORS.map((_, i) => scale.lowPerHa + i * step);
}

function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of `ratePerHa` on the scale (linear between the stops, clamped at the ends), as `rgb(…)`. */
export function doseColor(ratePerHa: number, scale: DoseScale): string {
  const span = Math.max(1e-9, scale.highPerHa - scale.lowPerHa);
  const t = Math.min(1, Math.max(0, (ratePerHa - scale.lowPerHa) / span)) * (DOSE_COLORS.length - 1);
  const i = Math.min(DOSE_COLORS.length - 2, Math.floor(t));
  const [a, b] = [hexRgb(DOSE_COLORS[i]), hexRgb(DOSE_COLORS[i + 1])];
  const f = t - i;
  const mix = a.map((c, k) => Math.round(c + (b[k] - c) * f));
  return `rgb(${mix.join(', ')})`;
}

/** The same ramp as a MapLibre expression of `rate` (an expression giving the rate, e.g. `['get', 'ratePerHa']`). */
export function doseColorExpression(scale: DoseScale, rate: ExpressionSpecification): ExpressionSpecification {
  const stops = doseStops(scale).flatMap((v, i) => [v, DOSE_COLORS[i]]);
  return ['interpolate', ['linear'], ['to-number', rate], ...stops] as ExpressionSpecification;
}
