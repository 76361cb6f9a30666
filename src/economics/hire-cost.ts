/**
 * Machine work per hectare, owned or hired: machine cost, machine hours and the crew's
 * person-days. A hired service's price includes its machine and crew (the farmer pays no
 * machine labour); an owner pays ownership + repair + energy and the crew's wages.
 */
import type { AssumptionValues, Operation, Ownership } from './types.js';
import { hiredServiceVndPerHa, machineOwnership, type MachineSpec } from './machines.js';
import { personDaysOf } from './labour.js';

/** One hectare of machine work (one pass). */
export interface MachineWork {
  machineHours: number;
  machineVnd: number;
  crewPersonDays: number;
}

/**
 * Cost of one pass over one hectare by machine `m`, owned or hired.
 * @param withSupport - count the support policy (default: the `support.applied` assumption)
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * const v = defaultAssumptionValues();
 * machineWorkPerHa('spraying', machineSpec('drone', v), v, 'hire').machineVnd; // 170 000
 * ```
 */
export function machineWorkPerHa(
  operation: Operation,
  m: MachineSpec,
  v: AssumptionValues,
  ownership: Ownership,
  withSupport?: boolean,
): MachineWork {
  const machineHours = 1 / m.capacityHaPerH;
  if (ownership === 'hire') return { machineHours, machineVnd: hiredServiceVndPerHa(operation, v), crewPersonDays: 0 };
  const own = machineOwnership(m, v, withSupport);
  return {
    machineHours,
    machineVnd: own.totalVndPerHa + m.energyVndPerHa,
    crewPersonDays: personDaysOf(machineHours, m.crewPersons, v),
  };
}
