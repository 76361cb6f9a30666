/**
 * Plans many fields on worker threads: one worker per core, fields handed out in small chunks
 * to whichever worker is free (field times vary 1–100×), results put back in input order.
 * Few fields are planned in this thread instead, because starting a worker (a fresh V8
 * isolate that loads tsx and the planner) costs more than planning them; see
 * {@link BATCH_DEFAULTS}.minFieldsForWorkers and bench/batch.bench.ts.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AgrisimError, FieldError, isAgrisimError, PlanError, SimError, VehicleError, type ErrorCode } from '../../errors.js';
import type { Field } from '../../field/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { planField } from '../plan-field.js';
import type { Plan, PlanOptions } from '../types.js';
import { checkBatchPlanTime } from './batch-guard.js';
import type { PlanJob, PlanJobResult, WireError, WorkerReady } from './messages.js';

/** Defaults of {@link planFieldsParallel}'s batch options. */
export const BATCH_DEFAULTS = {
  /**
   * Below this many fields everything is planned in this thread. Measured with
   * bench/batch.bench.ts on the shared 2-core machine (fresh processes, seeded random
   * fields, drone): two workers cost ≈ 0.4 s (start, load the planner under tsx, warm up
   * their own JIT) while the planner does 1.7–3 ms per field once warm, and one planning
   * thread already keeps ~1.3 cores busy (V8's concurrent GC), so even at 2,000 fields
   * workers were 0.7–0.85× the in-thread time whenever other processes held a core (load
   * average ≥ 2), and 1.6× at 1,000 fields only on an idle machine with an older, slower
   * planner. Pass `minFieldsForWorkers` (or `workers`) to override.
   */
  minFieldsForWorkers: 1000,
  /**
   * With no explicit `workers`, plan in this thread when the 1-minute load average per core
   * is above this: extra threads then only compete for the same cores (measured 0.3–0.85×
   * at load 2–16 on 2 cores).
   */
  maxLoadPerCore: 0.5,
  /** Largest number of fields sent to a worker at once (small chunks balance uneven fields). */
  maxChunk: 8,
};

/** One field's outcome: its plan, or the coded error that stopped it (same as `planField` would throw). */
export type FieldPlanResult = Plan | AgrisimError;

/** Options of the batch itself (how, not what, to plan). */
export interface BatchOptions {
  /**
   * Worker threads to use; default: the number of cores (`os.availableParallelism()`), unless
   * the machine is busy (see {@link BATCH_DEFAULTS}.maxLoadPerCore). `0` or `1` plans in this thread.
   */
  workers?: number;
  /** Plan in this thread when there are fewer fields than this (default {@link BATCH_DEFAULTS}.minFieldsForWorkers, 1,000). */
  minFieldsForWorkers?: number;
  /** Called after each field, in completion order: fields done so far, total, and the field's id. */
  onProgress?: (done: number, total: number, fieldId: string) => void;
  /**
   * Most estimated planning time of the whole batch, CPU seconds of one core (default
   * `BATCH_LIMITS.maxBatchPlanS`, 300; 0 = no limit). Over it the batch is refused before
   * any work with `PLAN_BATCH_TOO_LARGE`.
   */
  maxBatchPlanS?: number;
}

const ERROR_CLASSES: Record<string, new (code: ErrorCode, message: string, details?: Record<string, unknown>) => AgrisimError> = {
  FieldError,
  PlanError,
  VehicleError,
  SimError,
  AgrisimError,
};

/** Rebuilds a coded error sent by a worker as the same class, code, message and details. */
function fromWire(w: WireError): Error {
  if (w.code !== undefined) {
    const Cls = ERROR_CLASSES[w.name] ?? AgrisimError;
    return new Cls(w.code as ErrorCode, w.message, w.details ?? {});
  }
  const e = new Error(w.message);
  if (w.stack) e.stack = w.stack;
  return e;
}

function planInThread(fields: Field[], vehicle: Vehicle, options: PlanOptions, batch: BatchOptions): FieldPlanResult[] {
  return fields.map((field, i) => {
    let result: FieldPlanResult;
    try {
      result = planField(field, vehicle, options);
    } catch (e) {
      if (!isAgrisimError(e)) throw e;
      result = e;
    }
    batch.onProgress?.(i + 1, fields.length, field.id);
    return result;
  });
}

/** How many workers a batch of `n` fields gets (0: in this thread). */
export function workerCount(n: number, batch: BatchOptions = {}): number {
  const cores = availableParallelism();
  if (batch.workers === undefined && loadavg()[0] / cores > BATCH_DEFAULTS.maxLoadPerCore) return 0;
  const wanted = batch.workers ?? cores;
  if (!Number.isInteger(wanted) || wanted < 0)
    throw new PlanError('PLAN_INVALID_OPTION', `option workers must be a whole number ≥ 0, got ${wanted}`, { key: 'workers' });
  if (wanted <= 1 || n < (batch.minFieldsForWorkers ?? BATCH_DEFAULTS.minFieldsForWorkers)) return 0;
  return Math.min(wanted, n);
}

/**
 * Plans every field with the same vehicle and options, on worker threads when there are
 * enough fields for it to pay off. The result for field `i` is at index `i`, and equals
 * what `planField(fields[i], vehicle, options)` returns (except `metrics.planMs`, a wall
 * time) or throws with a stable code. A non-agrisim error (a bug) or a worker that dies
 * rejects the whole batch. A batch estimated to take longer than `batch.maxBatchPlanS` to plan
 * is refused before any work.
 *
 * @throws PlanError `PLAN_BATCH_TOO_LARGE` (see `BATCH_LIMITS`), `PLAN_INVALID_OPTION`
 * @param fields - validated fields (see `parseFields`, `readFieldFile`)
 * @param vehicle - a machine profile (see `getVehicle`)
 * @param options - planner options, as for `planField`
 * @param batch - worker count, the in-thread threshold and a progress callback
 * @returns one {@link FieldPlanResult} per field, in input order
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planFieldsParallel, isAgrisimError } from 'agrisim';
 * const fields = await readFieldFile('fields/quynh-phu-block-large.geojson');
 * const results = await planFieldsParallel(fields, getVehicle('drone'), {}, { onProgress: (d, n) => console.log(`${d}/${n}`) });
 * for (const r of results) console.log(isAgrisimError(r) ? r.code : r.metrics.coveragePct);
 * ```
 */
export async function planFieldsParallel(
  fields: Field[],
  vehicle: Vehicle,
  options: PlanOptions = {},
  batch: BatchOptions = {},
): Promise<FieldPlanResult[]> {
  checkBatchPlanTime(fields, vehicle.workingWidthM, options, batch.maxBatchPlanS);
  const n = workerCount(fields.length, batch);
  if (n === 0) return planInThread(fields, vehicle, options, batch);
  const run = new WorkerBatch(fields, vehicle, options, batch, n);
  try {
    await run.done;
  } finally {
    await run.stop();
  }
  return run.results;
}

/**
 * One batch on `count` worker threads: each worker is fed chunks of fields as it finishes the
 * last; results land at their field's index. `done` settles when every field has a result, or
 * rejects on the first non-agrisim error or a worker that dies.
 */
class WorkerBatch {
  readonly results: FieldPlanResult[];
  readonly done: Promise<void>;
  private readonly workers: Worker[] = [];
  private readonly chunk: number;
  private next = 0;
  private planned = 0;
  private failed = false;
  private resolve!: () => void;
  private reject!: (e: Error) => void;

  constructor(
    private readonly fields: Field[],
    private readonly vehicle: Vehicle,
    private readonly options: PlanOptions,
    private readonly batch: BatchOptions,
    count: number,
  ) {
    this.results = new Array<FieldPlanResult>(fields.length);
    this.chunk = Math.max(1, Math.min(BATCH_DEFAULTS.maxChunk, Math.ceil(fields.length / (count * 16))));
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    try {
      for (let i = 0; i < count; i++) this.workers.push(this.start());
    } catch (e) {
      this.fail(e as Error);
    }
  }

  /** Terminates every worker. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    if (!this.failed) this.reject(e);
    this.failed = true;
  }

  /** Starts a worker; it asks for its first chunk when ready, and the next after each. */
  private start(): Worker {
    // Built (dist/*.js): the compiled worker runs under plain node. From the TypeScript sources
    // (tests, tsx): the shim registers tsx in the worker thread first.
    const shim = import.meta.url.endsWith('.ts')
      ? new URL('./worker-shim.mjs', import.meta.url)
      : new URL('./plan-worker.js', import.meta.url);
    // Own execArgv: the parent's loader flags (tsx CLI, vitest) do not apply in a worker.
    const w = new Worker(shim, { execArgv: [] });
    w.on('message', (m: PlanJobResult | WorkerReady) => {
      if (this.failed) return;
      if (m.type === 'done' && !this.take(m)) return;
      this.feed(w);
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (this.planned < this.fields.length) this.fail(new Error(`planning worker exited with code ${code} before the batch was done`));
    });
    return w;
  }

  /** Posts the next chunk of fields to `w`, if any is left. */
  private feed(w: Worker): void {
    if (this.next >= this.fields.length) return;
    const items = [];
    for (let k = 0; k < this.chunk && this.next < this.fields.length; k++, this.next++)
      items.push({ index: this.next, field: this.fields[this.next] });
    w.postMessage({ type: 'plan', vehicle: this.vehicle, options: this.options, items } satisfies PlanJob);
  }

  /** Stores a chunk's results; false when the batch ended (failed, or every field planned). */
  private take(m: PlanJobResult): boolean {
    for (const r of m.results) {
      // The caller's own field and vehicle objects, as planField returns them.
      if ('plan' in r) this.results[r.index] = { field: this.fields[r.index], vehicle: this.vehicle, ...r.plan };
      else {
        const e = fromWire(r.error);
        if (!isAgrisimError(e)) {
          this.fail(e);
          return false;
        }
        this.results[r.index] = e;
      }
      this.planned++;
      this.batch.onProgress?.(this.planned, this.fields.length, this.fields[r.index].id);
    }
    if (this.planned === this.fields.length) {
      this.resolve();
      return false;
    }
    return true;
  }
}
