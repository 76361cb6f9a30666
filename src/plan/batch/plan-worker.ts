/**
 * Worker thread of planFieldsParallel: plans each job's fields with planField and posts the
 * plans (or each field's error) back. Loaded through worker-shim.mjs, which registers tsx.
 */
import { parentPort } from 'node:worker_threads';
import { isAgrisimError } from '../../errors.js';
import { planField } from '../plan-field.js';
import type { PlanJob, PlanJobResult, WireError } from './messages.js';

function toWire(e: unknown): WireError {
  if (isAgrisimError(e)) return { name: e.name, code: e.code, message: e.message, details: e.details };
  if (e instanceof Error) return { name: 'Error', message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: PlanJob) => {
    const results: PlanJobResult['results'] = job.items.map(({ index, field }) => {
      try {
        // The caller has the field and vehicle already: send the rest, it puts them back (less to copy).
        const { field: _f, vehicle: _v, ...rest } = planField(field, job.vehicle, job.options);
        return { index, plan: rest };
      } catch (e) {
        return { index, error: toWire(e) };
      }
    });
    port.postMessage({ type: 'done', results } satisfies PlanJobResult);
  });
  port.postMessage({ type: 'ready' });
}
