/**
 * The model per operation, one hectare for one season: manual work against machine work.
 *  - fertilizing: manual broadcasting vs drone, `urea.applicationsPerSeason` passes;
 *  - spraying: knapsack vs drone, `spray.applicationsPerSeason` passes;
 *  - transplanting: manual (transplanting + seedling pulling, own seedbed) vs GNSS-guided
 *    transplanter, and the same transplanter without guidance. An owner makes tray seedlings
 *    (trays, nursery labour); a hired package includes them, so they are counted once, in its
 *    price. Gaps left by a machine are planted by hand.
 * Costs both methods share (the fertilizer or pesticide dose) cancel out and are left out,
 * except the extra product that overlap wastes.
 */
import type { AssumptionValues, CostBlock, Operation, Ownership } from './types.js';
import { labour } from './labour.js';
import { productCostVnd } from './inputs.js';
import { machineSpec, type MachineId } from './machines.js';
import { machineWorkPerHa } from './hire-cost.js';

/** Methods compared for an operation: the manual one, the mechanised one, and alternatives. */
export const METHODS: Readonly<Record<Operation, { manual: string; mechanized: MachineId; alternatives: MachineId[] }>> = {
  fertilizing: { manual: 'manual-broadcasting', mechanized: 'drone', alternatives: [] },
  spraying: { manual: 'knapsack', mechanized: 'drone', alternatives: [] },
  transplanting: { manual: 'manual-transplanting', mechanized: 'guided-transplanter', alternatives: ['unguided-transplanter'] },
};

function block(
  method: string,
  personDays: number,
  machineHours: number,
  machineVnd: number,
  inputVnd: number,
  v: AssumptionValues,
): CostBlock {
  const l = labour(personDays, v);
  return {
    method,
    personDays,
    hours: l.hours,
    machineHours,
    laborVnd: l.laborVnd,
    machineVnd,
    inputVnd,
    totalVnd: l.laborVnd + machineVnd + inputVnd,
  };
}

/**
 * Manual work on one hectare for one season.
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * manualCostPerHa('transplanting', defaultAssumptionValues()).totalVnd; // (25 + 5) × 375 000 + 1 000 000 seedbed = 12 250 000
 * ```
 */
export function manualCostPerHa(operation: Operation, v: AssumptionValues): CostBlock {
  switch (operation) {
    case 'fertilizing': {
      const apps = v['urea.applicationsPerSeason'];
      const days = (v['manual.broadcastHPerHa'] * apps) / v.hoursPerDay;
      return block(
        'manual-broadcasting',
        days,
        0,
        0,
        productCostVnd(v['urea.rateKgPerHaSeason'], v['manual.broadcastOverlapPct'], v['urea.priceVndPerKg']),
        v,
      );
    }
    case 'spraying': {
      const apps = v['spray.applicationsPerSeason'];
      const days = (v['manual.knapsackHPerHa'] * apps) / v.hoursPerDay;
      return block('knapsack', days, 0, 0, productCostVnd(apps, v['manual.knapsackOverlapPct'], v['spray.pesticideVndPerHa']), v);
    }
    case 'transplanting':
      return block(
        'manual-transplanting',
        v['manual.transplantPersonDaysPerHa'] + v['manual.seedlingPersonDaysPerHa'],
        0,
        0,
        v['manual.seedbedVndPerHa'],
        v,
      );
  }
}

/**
 * Machine work on one hectare for one season, owned or hired.
 * @param machine - defaults to the operation's mechanised method; `unguided-transplanter` for the alternative
 * @param withSupport - count the support policy (default: the `support.applied` assumption)
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * machineCostPerHa('spraying', defaultAssumptionValues(), 'hire').machineVnd; // 3 × 170 000 = 510 000
 * ```
 */
export function machineCostPerHa(
  operation: Operation,
  v: AssumptionValues,
  ownership: Ownership,
  machine: MachineId = METHODS[operation].mechanized,
  withSupport?: boolean,
): CostBlock {
  const work = machineWorkPerHa(operation, machineSpec(machine, v), v, ownership, withSupport);
  if (operation === 'transplanting') {
    const guided = machine === 'guided-transplanter';
    const overlapPct = guided ? v['transplanter.guidedOverlapPct'] : v['transplanter.unguidedOverlapPct'];
    const gapPct = guided ? v['transplanter.guidedGapPct'] : v['transplanter.unguidedGapPct'];
    const gapFillDays = (gapPct / 100) * v['manual.transplantPersonDaysPerHa'];
    if (ownership === 'hire') return block(machine, gapFillDays, work.machineHours, work.machineVnd, 0, v);
    const days = work.crewPersonDays + v['trays.nurseryPersonDaysPerHa'] + gapFillDays;
    const inputVnd = productCostVnd(v['trays.perHa'], overlapPct, v['trays.seedlingVndPerTray']);
    return block(machine, days, work.machineHours, work.machineVnd, inputVnd, v);
  }
  const fert = operation === 'fertilizing';
  const apps = fert ? v['urea.applicationsPerSeason'] : v['spray.applicationsPerSeason'];
  const inputVnd = fert
    ? productCostVnd(v['urea.rateKgPerHaSeason'], v['drone.overlapPct'], v['urea.priceVndPerKg'])
    : productCostVnd(apps, v['drone.overlapPct'], v['spray.pesticideVndPerHa']);
  return block(machine, work.crewPersonDays * apps, work.machineHours * apps, work.machineVnd * apps, inputVnd, v);
}
