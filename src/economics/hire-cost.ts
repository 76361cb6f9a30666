/**
 * Machine work per hectare, owned or hired: machine cost, machine hours and the crew's
 * person-days. A hired service's price includes its machine and crew (the farmer pays no
 * machine labour); an owner pays ownership + repair + energy and the crew's wages.
 */
import type { AssumptionValues, Ownership } from './types.js';
import { machineOwnership, type MachineSpec } from './machines.js';
import { personDaysOf } from './labour.js';

/** One hectare of machine work (one pass). */
export interface MachineWork {
  machineHours: number;
  machineVnd: number;
  crewPersonDays: number;
}

/**
 * Cost of one pass over one hectare by machine `m`, owned or hired.
 * @example
 * ```ts
 * import { machineWorkPerHa, machineSpec, defaultAssumptionValues } from 'agrisim';
 * const v = defaultAssumptionValues();
 * machineWorkPerHa(machineSpec('drone', v), v, 'hire').machineVnd; // 170 000
 * ```
 */
export function machineWorkPerHa(m: MachineSpec, v: AssumptionValues, ownership: Ownership): MachineWork {
  const machineHours = 1 / m.capacityHaPerH;
  if (ownership === 'hire') return { machineHours, machineVnd: m.serviceVndPerHa, crewPersonDays: 0 };
  const own = machineOwnership(m, v);
  return {
    machineHours,
    machineVnd: own.totalVndPerHa + m.energyVndPerH * machineHours,
    crewPersonDays: personDaysOf(machineHours, m.crewPersons, v),
  };
}
