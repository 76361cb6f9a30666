/**
 * The dose model of a run: every machine's rate controller, the spread pattern and drift of the
 * product, the wind, and the dose raster they fill. The agents call {@link DoseModel.spread} for
 * each stretch they work; nothing here reads the clock or Math.random.
 */
import type { PolygonM, XY } from '../../geometry/index.js';
import type { Rng } from '../random.js';
import { createDoseRaster, type DoseRaster } from './dose-raster.js';
import { granuleDrift, LIQUID_DRIFT_MAX_M, sprayDrift, type GranuleDrift } from './drift.js';
import { granularFootprint, liquidFootprint, type Footprint } from './footprint.js';
import { DEFAULT_RATE_TAU_S, stepRate, type RateController } from './rate-controller.js';
import { granularPattern, liquidPattern, type SpreadPattern } from './spread-pattern.js';
import { CALM, createWind, type WindOptions, type WindState } from './wind.js';

/** One zone of the dose model, in the run's frame (the first plan's metres). */
export interface DoseZone {
  id: string;
  ratePerHa: number;
  polygons: PolygonM[];
}

/** Resolved settings of a dose model. */
export interface DoseModelConfig {
  zones: DoseZone[];
  buffer: PolygonM[];
  unit: 'kg/ha' | 'L/ha';
  product: 'granular' | 'liquid';
  wind: WindOptions;
  cellM: number;
  rateTauS: number;
  lookAheadS: number;
}

/** One machine as the dose model sees it. */
export interface DoseMachine {
  widthM: number;
  heightM: number;
}

/** Running totals of one machine. */
interface MachineState {
  ctl: RateController;
  setPerHa: number;
  lastT: number;
  emittedKg: number;
  tickKg: number;
  pattern: SpreadPattern;
  granules?: GranuleDrift;
  fp?: Footprint;
  /** Heading and (quantised) wind the current footprint was built for. */
  fpKey: [number, number, number];
  /** Footprints by heading (1e-4) and wind step. */
  cache: Map<string, Footprint>;
}

/** Footprints kept per machine. */
const FOOTPRINT_CACHE = 64;

export class DoseModel {
  readonly cfg: DoseModelConfig;
  readonly raster: DoseRaster;
  readonly wind: WindState;
  private readonly machines: MachineState[];
  private readonly widths: number[];
  /** Product carried past the raster by drift, kg (off target). */
  driftLostKg = 0;
  private tickS = 0.1;

  constructor(cfg: DoseModelConfig, machines: readonly DoseMachine[], rng: Rng) {
    this.cfg = cfg;
    this.wind = createWind(cfg.wind, rng.fork('wind'));
    const maxW = Math.max(...machines.map((m) => m.widthM));
    const reach = cfg.product === 'liquid' ? LIQUID_DRIFT_MAX_M + maxW : maxW + 6 * (cfg.wind.speedMps + 3 * (cfg.wind.gustSigmaMps ?? 0));
    this.raster = createDoseRaster(
      cfg.zones.map((z) => z.polygons),
      cfg.buffer,
      cfg.cellM,
      reach + 2,
    );
    // lateral samples one cell apart: with bilinear splats they add up evenly, as the along-track points do
    const stepM = this.raster.cellM;
    const startRate = cfg.zones[0]?.ratePerHa ?? 0;
    this.widths = machines.map((m) => m.widthM);
    this.machines = machines.map((m) => ({
      ctl: { rate: startRate, tauS: cfg.rateTauS },
      setPerHa: startRate,
      lastT: 0,
      emittedKg: 0,
      tickKg: 0,
      pattern: cfg.product === 'liquid' ? liquidPattern(m.widthM, m.heightM, stepM) : granularPattern(m.widthM, stepM),
      ...(cfg.product === 'granular' ? { granules: granuleDrift(Math.max(0.5, m.heightM)) } : {}),
      fpKey: [NaN, NaN, NaN],
      cache: new Map(),
    }));
  }

  /** Advances the wind one tick (called once per tick before the machines move). */
  stepWind(dtS: number): void {
    this.wind.step(dtS);
    this.tickS = dtS;
    for (const m of this.machines) m.tickKg = 0;
  }

  /** Rate the controller delivers now, kg (or L) per m², for tank checks. */
  perM2(i: number): number {
    return this.machines[i].ctl.rate / 10_000;
  }

  /** Product emitted so far by machine `i`, kg. */
  emittedKg(i: number): number {
    return this.machines[i].emittedKg;
  }

  /** Mean flow of machine `i` over the last tick, kg/s. */
  flowKgPerS(i: number): number {
    return this.machines[i].tickKg / this.tickS;
  }

  /** Set-point now (the zone under the look-ahead point), kg/ha. */
  setPointPerHa(i: number): number {
    return this.machines[i].setPerHa;
  }

  private setPoint(m: MachineState, x: number, y: number): number {
    const c = this.raster.classAt(x, y);
    // off the zones (past a swath end, over a buffer) the task controller keeps the last set-point
    if (c >= 0) m.setPerHa = this.cfg.zones[c].ratePerHa;
    return m.setPerHa;
  }

  /**
   * The footprint for this heading and wind. Footprints are built for the wind speed rounded to
   * 0.5 m/s and kept per heading and speed step (a field has few headings and gusts wander among
   * a few steps, so they are built once and reused); in between, a gust shifts the whole
   * footprint downwind by the change of the mean carry (granules) — a few cm per 0.1 m/s.
   */
  private footprint(i: number, m: MachineState, dir: XY): Footprint {
    const w = this.wind;
    const speed = Math.round(w.speedMps * 2) / 2;
    const key = m.fpKey;
    if (m.fp && key[0] === dir[0] && key[1] === dir[1] && key[2] === speed) return m.fp;
    const id = `${Math.round(dir[0] * 1e4)},${Math.round(dir[1] * 1e4)},${speed}`;
    let fp = m.cache.get(id);
    if (!fp) {
      fp = m.granules
        ? granularFootprint(m.pattern, m.granules, dir, w.towardUnit, speed)
        : liquidFootprint(m.pattern, sprayDrift(speed), dir, w.towardUnit, this.widths[i] / 2);
      // bounded: a winding route (many headings) rebuilds rather than grows without end
      if (m.cache.size >= FOOTPRINT_CACHE) m.cache.clear();
      m.cache.set(id, fp);
    }
    m.fpKey = [dir[0], dir[1], speed];
    m.fp = fp;
    return fp;
  }

  /** Mean downwind carry of the granules at `windMps`, m (0 for liquids). */
  private meanCarryM(m: MachineState, windMps: number): number {
    const g = m.granules;
    if (!g || !(windMps > 0)) return 0;
    let s = 0;
    for (let c = 0; c < g.fractions.length; c++) s += g.fractions[c] * g.carryM(c, windMps);
    return s;
  }

  /**
   * Machine `i` spreads while moving from `a` to `b` (true positions) along unit `dir`, starting
   * at simulated time `tS` and taking `dtS`. Returns the product emitted, kg.
   */
  spread(i: number, a: XY, b: XY, dir: XY, tS: number, dtS: number): number {
    const machine = this.machines[i];
    const distM = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (distM <= 1e-9 || dtS <= 0) return 0;
    const lookM = (distM / dtS) * this.cfg.lookAheadS;
    if (tS > machine.lastT + 1e-9)
      stepRate(machine.ctl, this.setPoint(machine, a[0] + dir[0] * lookM, a[1] + dir[1] * lookM), tS - machine.lastT);
    const footprint = this.footprint(i, machine, dir);
    const gustM = this.meanCarryM(machine, this.wind.speedMps) - this.meanCarryM(machine, machine.fpKey[2]);
    const gustShift: XY = [this.wind.towardUnit[0] * gustM, this.wind.towardUnit[1] * gustM];
    // one spreading point per cell of travel: bilinear splats at cell spacing add up evenly
    const points = Math.max(1, Math.ceil(distM / this.raster.cellM));
    const stepM = distM / points,
      stepS = dtS / points;
    const ux = (b[0] - a[0]) / distM,
      uy = (b[1] - a[1]) / distM;
    const kgPerRate = (this.widths[i] * stepM) / 10_000;
    // first-order lag stepped exactly over stepS: r ← set + (r − set)·e; the mean over the step is set + (r − set)·k
    const decay = Math.exp(-stepS / machine.ctl.tauS),
      meanFactor = (machine.ctl.tauS * (1 - decay)) / stepS;
    let totalKg = 0,
      lostKg = 0;
    let rate = machine.ctl.rate;
    for (let point = 0; point < points; point++) {
      const px = a[0] + ux * (point + 0.5) * stepM,
        py = a[1] + uy * (point + 0.5) * stepM;
      const set = this.setPoint(machine, px + dir[0] * lookM, py + dir[1] * lookM);
      const mean = set + (rate - set) * meanFactor;
      rate = set + (rate - set) * decay;
      const kg = mean * kgPerRate;
      totalKg += kg;
      lostKg = depositFootprint(this.raster, footprint, kg, px + gustShift[0], py + gustShift[1], lostKg);
    }
    this.raster.lostKg += lostKg;
    machine.ctl.rate = rate;
    this.driftLostKg += totalKg * footprint.lostFraction;
    machine.lastT = tS + dtS;
    machine.emittedKg += totalKg;
    machine.tickKg += totalKg;
    return totalKg;
  }
}

/**
 * Lays `kg` at (x, y) through the footprint, each share split bilinearly over four cells (the
 * raster's deposit, inlined: this is the dose model's hot path). Returns `lostKg` plus the share
 * that fell past the raster.
 */
function depositFootprint(raster: DoseRaster, footprint: Footprint, kg: number, x: number, y: number, lostKg: number): number {
  const { dx, dy, weights } = footprint;
  const { originX, originY, cols, massKg: mass } = raster;
  const inv = 1 / raster.cellM,
    lastCol = cols - 1,
    lastRow = raster.rows - 1;
  const fx0 = (x - originX) * inv - 0.5,
    fy0 = (y - originY) * inv - 0.5;
  for (let q = 0; q < weights.length; q++) {
    const share = kg * weights[q];
    const fx = fx0 + dx[q] * inv,
      fy = fy0 + dy[q] * inv;
    const ix = Math.floor(fx),
      iy = Math.floor(fy);
    if (ix < 0 || iy < 0 || ix >= lastCol || iy >= lastRow) {
      lostKg += share;
      continue;
    }
    const tx = fx - ix,
      ty = fy - iy,
      cell = iy * cols + ix;
    const wy0 = share * (1 - ty),
      wy1 = share * ty;
    mass[cell] += wy0 * (1 - tx);
    mass[cell + 1] += wy0 * tx;
    mass[cell + cols] += wy1 * (1 - tx);
    mass[cell + cols + 1] += wy1 * tx;
  }
  return lostKg;
}

/** Defaults of a dose model. */
export const DOSE_DEFAULTS = { cellM: 0.5, rateTauS: DEFAULT_RATE_TAU_S, wind: CALM } as const;
