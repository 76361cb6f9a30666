/**
 * createSimulation: plans + vehicles + seed → a step-driven, deterministic {@link Simulation}.
 */
import { toLonLat, toXY } from '../geodesy/index.js';
import type { PolygonM, XY } from '../geometry/index.js';
import { Agent } from './agent.js';
import { buildLegs } from './build-legs.js';
import { createCoverageRaster, type CoverageRaster } from './coverage-raster.js';
import { DoseModel, doseMetrics, resolveDose } from './dose/index.js';
import { steeringModel } from './error-models.js';
import { computeMetrics, type RunMetrics } from './metrics.js';
import { resolveInput, type SimulationInput } from './options.js';
import { plansToGeoJson } from './plan-geojson.js';
import { createRng } from './random.js';
import { vehicleState } from './report.js';
import type { SimDescription, SimFrame, Simulation } from './types.js';
import { collectWork, splitWork, type FrameConvert } from './work-split.js';
import { appliedTotal, coverageProgress, runEnded, startEvents } from './run-progress.js';

/** A {@link Simulation} with richer metrics and its coverage raster exposed (read it, do not write it). */
export interface SimRun extends Simulation {
  metrics(): RunMetrics;
  readonly raster: CoverageRaster;
  /** The dose model, when the run has one (`input.dose`): its raster holds kg per cell. */
  readonly dose?: DoseModel;
  /** Simulated time so far, ms. */
  readonly timeMs: number;
}

/** The run's pieces: one frame for every plan, the coverage raster, the dose model and one agent per vehicle. */
function setUpRun(cfg: ReturnType<typeof resolveInput>) {
  const proj = cfg.plans[0].field.projection;
  const convert: FrameConvert = (pi, xy) => {
    if (pi === 0) return [xy[0], xy[1]];
    return toXY(proj, toLonLat(cfg.plans[pi].field.projection, xy));
  };
  const polygons: PolygonM[] = cfg.plans.map((p, pi) => ({
    outer: p.field.polygon.outer.map((q) => convert(pi, q)),
    holes: p.field.polygon.holes.map((h) => h.map((q) => convert(pi, q))),
  }));
  const maxWidth = Math.max(...cfg.vehicles.map((v) => v.vehicle.workingWidthM));
  const raster = createCoverageRaster(polygons, { marginM: maxWidth + 5, ...cfg.raster });
  const parts = splitWork(collectWork(cfg.plans, convert), cfg.vehicles.length);
  const rng = createRng(cfg.seed);
  const dose = cfg.dose
    ? new DoseModel(
        resolveDose(cfg.dose, cfg.plans, convert),
        cfg.vehicles.map((v) => ({ widthM: v.vehicle.workingWidthM, heightM: v.vehicle.altitudeM })),
        rng.fork('dose'),
      )
    : undefined;
  const sp: XY = [cfg.servicePoint[0], cfg.servicePoint[1]];
  const agents = cfg.vehicles.map((v, i) => {
    const vrng = rng.fork(`vehicle:${i}`);
    const steering = steeringModel(v.guidance, v.vehicle.kind);
    const legs = buildLegs(parts[i], { vehicle: v.vehicle, steering, rng: vrng.fork('legs'), start: sp });
    return new Agent({
      id: v.id,
      vehicle: v.vehicle,
      guidance: v.guidance,
      steering,
      legs,
      servicePoint: sp,
      raster,
      faults: cfg.faults,
      batteryReserve: cfg.batteryReserve,
      rng: vrng,
      ...(dose ? { dose: { model: dose, index: i } } : {}),
    });
  });
  return { proj, raster, dose, agents, reportRng: rng.fork('report') };
}

/**
 * Progress at `tMs`: covered % and ha from the raster; the remaining time from the share of
 * work done, or from the planner's estimate until 1 % is done.
 */
function runProgress(raster: CoverageRaster, agents: readonly Agent[], tMs: number, done: boolean, plannedS: number): SimFrame['progress'] {
  const doneM = agents.reduce((a, g) => a + g.totals.workDoneM, 0);
  const totalM = agents.reduce((a, g) => a + g.totals.workTotalM, 0);
  const f = totalM > 0 ? doneM / totalM : 1;
  const elapsedS = tMs / 1000;
  const etaS = done ? 0 : f > 0.01 ? (elapsedS * (1 - f)) / f : Math.max(0, plannedS - elapsedS);
  return coverageProgress(raster, elapsedS, etaS);
}

/** What a run shows before its first frame: the plans' drawing, its vehicles and the field area. */
function runDescription(cfg: ReturnType<typeof resolveInput>, fieldAreaM2: number): SimDescription {
  return {
    id: cfg.id,
    name: cfg.name,
    planGeoJson: plansToGeoJson(cfg.plans, cfg.dose),
    vehicles: cfg.vehicles.map((v) => ({ id: v.id, kind: v.vehicle.id, workingWidthM: v.vehicle.workingWidthM, guidance: v.guidance })),
    fieldAreaHa: Math.round(fieldAreaM2) / 10_000,
    tickMs: cfg.tickMs,
    seed: cfg.seed,
  };
}

/**
 * Makes a simulation of one or more vehicles working one or more planned paddies. Several
 * vehicles split the route into contiguous shares of equal working length. Nothing in the
 * model reads the clock or Math.random: the same input and seed give the same frames.
 *
 * @param input - plans, vehicles with guidance, seed, tick (ms), raster cell, faults
 * @returns a step-driven simulation (`step()` one tick at a time; see `simulate$` and `runToEnd`)
 * @throws SimError `SIM_INVALID_OPTION` naming the bad key
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, createSimulation, runToEnd } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const drone = getVehicle('drone');
 * const sim = createSimulation({ plan: planField(paddy, drone), vehicles: [{ vehicle: drone, guidance: 'rtk' }], seed: 7 });
 * const { metrics } = runToEnd(sim); // metrics.coveredPct ≈ 99
 * ```
 */
export function createSimulation(input: SimulationInput): SimRun {
  const cfg = resolveInput(input);
  const { proj, raster, dose, agents, reportRng } = setUpRun(cfg);
  const fieldAreaM2 = cfg.plans.reduce((a, p) => a + p.field.areaM2, 0);
  const plannedS = cfg.plans.reduce((a, p) => a + (p.metrics?.timeS?.total ?? 0), 0);
  const dtS = cfg.tickMs / 1000;
  let t = 0;
  let done = false;
  let description: SimDescription | undefined;

  return {
    raster,
    ...(dose ? { dose } : {}),
    get timeMs() {
      return t;
    },
    get done() {
      return done;
    },
    describe() {
      description ??= runDescription(cfg, fieldAreaM2);
      return description;
    },
    step() {
      if (done) return undefined;
      const events = t === 0 ? startEvents(agents) : [];
      t += cfg.tickMs;
      dose?.stepWind(dtS);
      for (const a of agents) a.step(dtS, t, events);
      done = runEnded(agents, t, cfg.maxSimS, events);
      const vehicles = agents.map((a) => vehicleState(a, proj, reportRng));
      return { t, vehicles, progress: runProgress(raster, agents, t, done, plannedS), events };
    },
    metrics() {
      const metrics = computeMetrics(agents, raster, cfg.vehicles[0].guidance, cfg.seed, t / 1000, fieldAreaM2);
      if (!dose) return metrics;
      return { ...metrics, dose: doseMetrics(dose, appliedTotal(agents)) };
    },
  };
}
