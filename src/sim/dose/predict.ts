/**
 * The dose a plan is expected to give before it is flown: the dose model (spread pattern, rate
 * controller, drift in the mean wind) driven along the planned swaths at working speed, without
 * GNSS or steering error, gusts, or tank stops. `plan --wind` reports it as the plan's drift.
 */
import type { XY } from '../../geometry/index.js';
import type { Plan } from '../../plan/index.js';
import { createRng } from '../random.js';
import { doseMetrics, type DoseMetrics } from './dose-metrics.js';
import { DoseModel } from './dose-model.js';
import { resolveDose, type DoseOptions } from './resolve-dose.js';

/**
 * Predicts the dose of a plan: product per zone, off target and into buffers, in the mean wind.
 * @param plan - a plan from `planField`
 * @param options - prescription (`prescriptions[0]`), buffer strips (`buffers[0]`), wind (gusts ignored)
 * @returns the dose metrics of the ideal run
 * @throws SimError `SIM_INVALID_OPTION` naming a bad dose option
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, predictPlanDose } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const d = predictPlanDose(planField(paddy, getVehicle('drone')), { wind: { speedMps: 5, fromDeg: 90 } });
 * console.log(d.offTargetKg, d.offTargetDownwindPct);
 * ```
 */
export function predictPlanDose(plan: Plan, options: DoseOptions = {}): DoseMetrics {
  const wind = options.wind ? { speedMps: options.wind.speedMps, fromDeg: options.wind.fromDeg } : undefined;
  const cfg = resolveDose({ ...options, ...(wind ? { wind } : {}) }, [plan], (_, xy) => [xy[0], xy[1]]);
  const v = plan.vehicle;
  const model = new DoseModel(cfg, [{ widthM: v.workingWidthM, heightM: v.altitudeM }], createRng(1).fork('dose'));
  const speed = Math.max(0.1, v.workSpeedMps);
  let t = 0,
    emitted = 0;
  for (const s of plan.route) {
    if (s.kind !== 'swath') continue;
    for (let k = 1; k < s.points.length; k++) {
      const a: XY = s.points[k - 1],
        b: XY = s.points[k];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len < 1e-6) continue;
      const dt = len / speed;
      emitted += model.spread(0, a, b, [(b[0] - a[0]) / len, (b[1] - a[1]) / len], t, dt);
      t += dt;
    }
  }
  return doseMetrics(model, emitted);
}
