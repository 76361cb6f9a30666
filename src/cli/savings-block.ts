/**
 * `agrisim savings --block BLOCK.geojson`: plans the block for the operation's fleet (the
 * block stage), then gives each household its savings and the day its paddies are done, and
 * the block's labour peak against the fleet's crew (economics `householdSavings`, `labourPeak`).
 */
import { planBlock, householdSchedule, readBlockFile } from '../block/index.js';
import {
  householdSavings,
  labourPeak,
  resolveAssumptions,
  type HouseholdSavings,
  type LabourPeak,
  type Operation,
  type Ownership,
} from '../economics/index.js';
import { haToSao } from '../units/index.js';

/** What `--block` prints as JSON. */
export interface BlockSavings {
  operation: Operation;
  ownership: Ownership;
  machines: number;
  households: HouseholdSavings[];
  labourPeak: LabourPeak;
}

/**
 * @throws BlockError `BLOCK_…` for a bad block; EconomicsError `ECON_…` for bad values
 */
export async function blockSavings(
  path: string,
  operation: Operation,
  ownership: Ownership,
  machines: number,
  overrides: Record<string, unknown>,
): Promise<BlockSavings> {
  const block = await readBlockFile(path);
  const plan = planBlock(block, operation === 'transplanting' ? 'transplanter' : 'drone', { machines });
  const v = resolveAssumptions(overrides).values;
  const schedule = householdSchedule(plan, { hoursPerDay: v.hoursPerDay, startDay: 1 });
  const households = schedule.map((h) =>
    householdSavings({ id: h.owner, areaSao: haToSao(h.areaHa), operation, ownership, overrides, machineDoneDay: h.days }),
  );
  const areaHa = schedule.reduce((a, h) => a + h.areaHa, 0);
  const fleetDays = Math.max(plan.metrics.makespanS / (v.hoursPerDay * 3600), 1e-6);
  return { operation, ownership, machines, households, labourPeak: labourPeak({ areaHa, machines, operation, overrides, fleetDays }) };
}
