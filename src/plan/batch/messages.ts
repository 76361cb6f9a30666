import type { Field } from '../../field/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import type { Plan, PlanOptions } from '../types.js';

/** Main → worker: plan these fields (indices into the caller's array). */
export interface PlanJob {
  type: 'plan';
  vehicle: Vehicle;
  options: PlanOptions;
  items: { index: number; field: Field }[];
}

/** A coded error as it crosses the thread boundary (structured clone drops the class). */
export interface WireError {
  /** Class name (`PlanError`, `FieldError`, …); `Error` for a non-agrisim error. */
  name: string;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
  stack?: string;
}

/** Worker → main: one result per job item, in job order. */
export interface PlanJobResult {
  type: 'done';
  results: ({ index: number; plan: Omit<Plan, 'field' | 'vehicle'> } | { index: number; error: WireError })[];
}

/** Worker → main: the worker loaded the planner and waits for jobs. */
export interface WorkerReady {
  type: 'ready';
}
