/**
 * A farmer's own paddy, start to end: read it (GeoJSON or KML, with the field stage's checks
 * and codes), plan it for the chosen machine, simulate the machine guided (RTK) and driven by
 * eye, and compute the season's savings with the economics model (computeSavings, the one
 * savings function). Small limits keep one request to well under a second on a laptop.
 */
import { AgrisimError } from '../errors.js';
import { computeSavings, measuredRunOf, type Operation, type SavingsReport } from '../economics/index.js';
import { parseFields, type Field, type FieldFormat, type FieldWarning } from '../field/index.js';
import { planField } from '../plan/index.js';
import { createSimulation, runToEnd, type Guidance, type SimMetrics } from '../sim/index.js';
import { getVehicle } from '../vehicles/index.js';

/** Machines a farmer can choose, and the operation each one does (docs/economics.md). */
export const PADDY_MACHINES = { drone: 'fertilizing', transplanter: 'transplanting' } as const satisfies Record<string, Operation>;
export type PaddyMachine = keyof typeof PADDY_MACHINES;

/** Limits on one paddy: a village plot, not a province. */
export interface PaddyLimits {
  /**
   * Largest paddy, ha (default 3 ha ≈ 83 sào, far above a Thái Bình household plot of a few
   * sào): the run is computed on the server's event loop, ~1 s per ha for a transplanter.
   */
  maxAreaHa: number;
  /** Most boundary positions (default 2,000). */
  maxVertices: number;
  /** Most placemarks or features in an uploaded file (default 200). */
  maxFeatures: number;
  /** Largest field text, bytes (default 512 KiB). */
  maxBytes: number;
}

export const DEFAULT_PADDY_LIMITS: Readonly<PaddyLimits> = Object.freeze({
  maxAreaHa: 3,
  maxVertices: 2000,
  maxFeatures: 200,
  maxBytes: 512 * 1024,
});

/** What the page sends. */
export interface PaddyRequest {
  /** GeoJSON (text or object) or KML text. */
  field: unknown;
  /** Default: sniffed (`<` means KML). */
  format?: FieldFormat;
  machine: PaddyMachine;
}

/** One machine position of the simulated run: `[t s, lon, lat, heading°, implement on 0/1]`. */
export type TracePoint = [number, number, number, number, 0 | 1];

/** What the page gets back. */
export interface PaddyResult {
  paddy: { name: string; areaHa: number; areaSao: number; paddiesInFile: number };
  machine: PaddyMachine;
  plan: {
    geojson: unknown;
    swaths: number;
    coveragePct: number;
    timeS: number;
    workingWidthM: number;
  };
  /** The guided run, at most TRACE_POINTS positions (enough to replay it smoothly on a phone). */
  run: {
    trace: TracePoint[];
    durationS: number;
    coveredPct: number;
    overlapPct: number;
    manualDurationS: number;
    manualCoveredPct: number;
  };
  savings: SavingsReport;
  warnings: FieldWarning[];
}

/**
 * Simulation tick and coverage cell for a paddy asked from a phone, instead of the defaults
 * 0.1 s and 0.25 m: a run is 10–40× cheaper, so a 1 ha paddy answers in about a second on a
 * busy 2-core laptop. Measured on a 1 ha square, transplanter: overlap 2.9 % / gap 0.7 % at
 * 0.5 s and 3.0 % / 0.6 % at 1 s (RTK); 12.6 % / 9.5 % and 12.7 % / 9.6 % by eye — the same
 * to the savings' precision. The drone (~5 m/s) keeps 0.5 s so a tick stays under 3 m.
 */
export const SIM_TICK_MS: Record<PaddyMachine, number> = { drone: 500, transplanter: 1000 };
export const SIM_CELL_M = 0.5;

/** Positions kept from the guided run for the page's replay. */
export const TRACE_POINTS = 600;

function fieldText(req: PaddyRequest): { text: string; format?: FieldFormat } {
  if (typeof req.field === 'string') return { text: req.field, format: req.format };
  if (req.field && typeof req.field === 'object') return { text: JSON.stringify(req.field), format: 'geojson' };
  throw new AgrisimError('PADDY_BAD_REQUEST', '"field" must be GeoJSON (object or text) or KML text');
}

/** Checks the request's shape. @throws AgrisimError `PADDY_BAD_REQUEST` */
export function checkPaddyRequest(body: unknown): PaddyRequest {
  const b = body as Partial<PaddyRequest> | null;
  if (!b || typeof b !== 'object')
    throw new AgrisimError('PADDY_BAD_REQUEST', 'the request must be a JSON object with "field" and "machine"');
  if (typeof b.machine !== 'string' || !(b.machine in PADDY_MACHINES)) {
    throw new AgrisimError('PADDY_BAD_REQUEST', `"machine" must be one of ${Object.keys(PADDY_MACHINES).join(', ')}`, { key: 'machine' });
  }
  if (b.format !== undefined && b.format !== 'geojson' && b.format !== 'kml')
    throw new AgrisimError('PADDY_BAD_REQUEST', '"format" must be geojson or kml', { key: 'format' });
  if (b.field === undefined || b.field === null) throw new AgrisimError('PADDY_BAD_REQUEST', '"field" is missing', { key: 'field' });
  return b as PaddyRequest;
}

function simulate(plan: ReturnType<typeof planField>, machine: PaddyMachine, guidance: Guidance, trace?: TracePoint[]) {
  const sim = createSimulation({
    plan,
    vehicles: [{ vehicle: plan.vehicle, guidance, id: `${machine}-1` }],
    seed: 1,
    faults: false,
    tickMs: SIM_TICK_MS[machine],
    raster: { cellM: SIM_CELL_M },
  });
  const frames: TracePoint[] = [];
  const { metrics } = runToEnd(sim, {
    onFrame:
      trace &&
      ((f) => {
        const v = f.vehicles[0];
        if (v) frames.push([f.t / 1000, +v.lon.toFixed(7), +v.lat.toFixed(7), Math.round(v.headingDeg), v.implementOn ? 1 : 0]);
      }),
  });
  if (trace) {
    const step = Math.max(1, Math.ceil(frames.length / TRACE_POINTS));
    for (let i = 0; i < frames.length; i += step) trace.push(frames[i]);
    if (frames.length && trace[trace.length - 1] !== frames[frames.length - 1]) trace.push(frames[frames.length - 1]);
  }
  return { metrics: metrics as SimMetrics, description: sim.describe() };
}

/**
 * The work in three steps (read and plan; the guided run; the run by eye and the savings),
 * yielding between them so a server can answer other requests and broadcast telemetry.
 */
function* steps(request: PaddyRequest, limits: PaddyLimits): Generator<void, PaddyResult> {
  const req = checkPaddyRequest(request);
  const { text, format } = fieldText(req);
  const warnings: FieldWarning[] = [];
  const fields: Field[] = parseFields(text, { format, ...limits, onWarning: (w) => warnings.push(w) });
  const field = fields[0];
  const vehicle = getVehicle(req.machine);
  const plan = planField(field, vehicle);
  yield;
  const trace: TracePoint[] = [];
  const guided = simulate(plan, req.machine, 'rtk', trace);
  yield;
  const manual = simulate(plan, req.machine, 'manual');
  const areaHa = field.areaM2 / 10_000;
  const savings = computeSavings({
    operation: PADDY_MACHINES[req.machine],
    areaHa,
    ownership: 'own',
    run: {
      label: field.name,
      vehicleKind: req.machine,
      guided: measuredRunOf(guided.metrics, areaHa),
      manual: measuredRunOf(manual.metrics, areaHa),
    },
  });
  return {
    paddy: { name: field.name, areaHa, areaSao: field.areaM2 / 360, paddiesInFile: fields.length },
    machine: req.machine,
    plan: {
      geojson: guided.description.planGeoJson,
      swaths: plan.metrics.swaths.count,
      coveragePct: plan.metrics.coveragePct,
      timeS: plan.metrics.timeS.total,
      workingWidthM: vehicle.workingWidthM,
    },
    run: {
      trace,
      durationS: guided.metrics.timeS.total,
      coveredPct: guided.metrics.coveredPct,
      overlapPct: guided.metrics.overlapPct,
      manualDurationS: manual.metrics.timeS.total,
      manualCoveredPct: manual.metrics.coveredPct,
    },
    savings,
    warnings,
  };
}

/**
 * Plans, simulates and prices one paddy.
 * @throws AgrisimError `PADDY_BAD_REQUEST`; FieldError (FIELD_*, as the CLI); PlanError (PLAN_*)
 * @example
 * ```ts
 * const r = planOwnPaddy({ machine: 'drone', field: { type: 'Polygon', coordinates: [[[106.35, 20.65], [106.3505, 20.65], [106.3505, 20.6508], [106.35, 20.6508], [106.35, 20.65]]] } });
 * r.savings.savings.vnd; // savings of one season on this paddy, VND
 * ```
 */
export function planOwnPaddy(request: PaddyRequest, limits: PaddyLimits = DEFAULT_PADDY_LIMITS): PaddyResult {
  const it = steps(request, limits);
  for (let r = it.next(); ; r = it.next()) if (r.done) return r.value;
}

/** The same, giving the event loop a turn between steps (what the HTTP endpoint uses). */
export async function planOwnPaddyAsync(request: PaddyRequest, limits: PaddyLimits = DEFAULT_PADDY_LIMITS): Promise<PaddyResult> {
  const it = steps(request, limits);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
