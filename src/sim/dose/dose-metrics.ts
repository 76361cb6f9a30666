/**
 * Dose metrics of a run (the `dose` object of `simulate --json`): per zone the product prescribed
 * and applied, the mean rate and its spread (CV), product off target and in buffers, and the
 * share of the field under- or over-dosed.
 */
import { BUFFER, OFF } from './dose-raster.js';
import type { DoseModel } from './dose-model.js';
import { roundTo } from '../../units/index.js';

/** Dose of one prescription zone. */
export interface ZoneDose {
  /** Zone id from the map (`default` for the uncovered rest). */
  id: string;
  /** Prescribed rate, kg/ha (L/ha for liquids). */
  rateKgPerHa: number;
  /** Zone area, ha. */
  areaHa: number;
  /** Rate × area, kg. */
  prescribedKg: number;
  /** Product landed on the zone's cells, kg. */
  appliedKg: number;
  /** Mean of the zone's cell rates, kg/ha. */
  meanRateKgPerHa: number;
  /** Coefficient of variation of the cell rates, %. */
  cvPct: number;
}

/** The `dose` object of the run metrics. */
export interface DoseMetrics {
  /** Unit of the rates: kg/ha (granules) or L/ha (spray; amounts in L are reported in the kg fields, density 1). */
  unit: 'kg/ha' | 'L/ha';
  /** Spread pattern and drift model used. */
  product: 'granular' | 'liquid';
  /** Dose raster cell, m. */
  cellM: number;
  /** Mean wind (m/s, degrees it blows from) and gust σ (m/s). */
  wind: { speedMps: number; fromDeg: number; gustSigmaMps: number };
  /** Rate controller time constant, s. */
  rateTauS: number;
  /** Set-point look-ahead, s. */
  lookAheadS: number;
  /** One entry per prescription zone (the `default` zone included). */
  zones: ZoneDose[];
  /** Product the zones prescribe, kg. */
  prescribedKg: number;
  /** Product that left the machines (flow integrated over time), kg. */
  emittedKg: number;
  /** Landed on the prescription zones, kg. */
  onTargetKg: number;
  /** Landed outside every paddy, in holes, or carried beyond the raster, kg. */
  offTargetKg: number;
  /** Landed in water buffer strips, kg. */
  intoBufferKg: number;
  /** Field area dosed under 80 % / over 120 % of its prescription, %. */
  underDosedPct: number;
  /** Field area dosed over 120 % of its prescription, %. */
  overDosedPct: number;
  /** Share of the off-target product that landed downwind of the field's centre, % (0 when none). */
  offTargetDownwindPct: number;
}

/** Tolerance band for under/over-dosing: ±20 % of the prescription. */
export const DOSE_TOLERANCE = 0.2;

const rounded = (value: number, decimals = 3) => roundTo(value, decimals);

/** What landed on one zone's cells: kg, cell count, sums of rate and rate² (for mean and CV), cells under and over the band. */
interface ZoneTally {
  kg: number;
  cells: number;
  rateSum: number;
  rateSum2: number;
  under: number;
  over: number;
}

/** One pass over the raster: per-zone tallies, product off target (and the downwind share of it), in buffers, field cells. */
function tallyCells(model: DoseModel) {
  const { raster, cfg } = model;
  const tallies: ZoneTally[] = cfg.zones.map(() => ({ kg: 0, cells: 0, rateSum: 0, rateSum2: 0, under: 0, over: 0 }));
  let offKg = 0,
    bufferKg = 0,
    fieldCells = 0,
    downwindKg = 0;
  const toHa = 10_000 / raster.cellAreaM2;
  // downwind side: beyond the line through the zones' bounding-box centre, across the wind
  const [centreCol, centreRow] = zonesCentreCell(model);
  const [towardX, towardY] = model.wind.towardUnit;
  for (let row = 0; row < raster.rows; row++) {
    for (let col = 0; col < raster.cols; col++) {
      const cell = row * raster.cols + col;
      const cellClass = raster.cellClass[cell],
        kg = raster.massKg[cell];
      if (cellClass === OFF) {
        offKg += kg;
        if (kg > 0 && (col - centreCol) * towardX + (row - centreRow) * towardY > 0) downwindKg += kg;
      } else if (cellClass === BUFFER) bufferKg += kg;
      else {
        const tally = tallies[cellClass];
        const rate = kg * toHa;
        const wantPerHa = cfg.zones[cellClass].ratePerHa;
        tally.kg += kg;
        tally.cells++;
        tally.rateSum += rate;
        tally.rateSum2 += rate * rate;
        if (rate < wantPerHa * (1 - DOSE_TOLERANCE)) tally.under++;
        else if (rate > wantPerHa * (1 + DOSE_TOLERANCE)) tally.over++;
        fieldCells++;
      }
    }
  }
  return { tallies, offKg, bufferKg, fieldCells, downwindKg };
}

/** A zone's dose from its tally: prescribed and applied kg, mean rate and its CV. */
function zoneDose(zone: DoseModel['cfg']['zones'][number], tally: ZoneTally): ZoneDose {
  const mean = tally.cells ? tally.rateSum / tally.cells : 0;
  const sd = tally.cells > 1 ? Math.sqrt(Math.max(0, (tally.rateSum2 - tally.cells * mean * mean) / (tally.cells - 1))) : 0;
  const areaM2 = zone.polygons.reduce((a, p) => a + ringArea(p.outer) - p.holes.reduce((b, h) => b + ringArea(h), 0), 0);
  return {
    id: zone.id,
    rateKgPerHa: zone.ratePerHa,
    areaHa: rounded(areaM2 / 10_000, 4),
    prescribedKg: rounded((zone.ratePerHa * areaM2) / 10_000),
    appliedKg: rounded(tally.kg),
    meanRateKgPerHa: rounded(mean, 2),
    cvPct: rounded(mean > 0 ? (100 * sd) / mean : 0, 2),
  };
}

/** Computes the dose metrics from the model's raster. */
export function doseMetrics(model: DoseModel, emittedKg: number): DoseMetrics {
  const { raster, cfg } = model;
  const { tallies, offKg, bufferKg, fieldCells, downwindKg } = tallyCells(model);
  const zones = cfg.zones.map((zone, i) => zoneDose(zone, tallies[i]));
  const under = tallies.reduce((a, tally) => a + tally.under, 0),
    over = tallies.reduce((a, tally) => a + tally.over, 0);
  const lostKg = raster.lostKg + model.driftLostKg;
  return {
    unit: cfg.unit,
    product: cfg.product,
    cellM: raster.cellM,
    wind: { speedMps: cfg.wind.speedMps, fromDeg: cfg.wind.fromDeg, gustSigmaMps: cfg.wind.gustSigmaMps ?? 0 },
    rateTauS: cfg.rateTauS,
    lookAheadS: cfg.lookAheadS,
    zones,
    prescribedKg: rounded(zones.reduce((a, zone) => a + zone.prescribedKg, 0)),
    emittedKg: rounded(emittedKg),
    onTargetKg: rounded(tallies.reduce((a, tally) => a + tally.kg, 0)),
    offTargetKg: rounded(offKg + lostKg),
    intoBufferKg: rounded(bufferKg),
    underDosedPct: rounded((100 * under) / Math.max(1, fieldCells), 2),
    overDosedPct: rounded((100 * over) / Math.max(1, fieldCells), 2),
    offTargetDownwindPct: rounded(offKg > 0 ? (100 * downwindKg) / offKg : 0, 2),
  };
}

function ringArea(ring: readonly (readonly number[])[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(a) / 2;
}

/** Cell indices (fractional) of the centre of the zones' bounding box. */
function zonesCentreCell(model: DoseModel): [number, number] {
  const { raster, cfg } = model;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const z of cfg.zones)
    for (const p of z.polygons)
      for (const [x, y] of p.outer) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  return [((minX + maxX) / 2 - raster.originX) / raster.cellM - 0.5, ((minY + maxY) / 2 - raster.originY) / raster.cellM - 0.5];
}
