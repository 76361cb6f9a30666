/**
 * Economics stage: labour and cost of manual work against drones and GNSS-guided
 * transplanters, from ../shared/ECONOMICS.md defaults and, when given, a simulated run's
 * measured figures. Pure functions of plain data; no Node or simulator imports, so the
 * browser viewer can use `savingsForArea`. Named exports only.
 */
export type {
  Operation, Ownership, Lang, AssumptionDef, AssumptionEntry, AssumptionValues, CostBlock, SensitivityRow, MeasuredRun, RunSummary, SavingsReport,
} from './types.js';
export { OPERATIONS } from './types.js';
export { ASSUMPTIONS, ASSUMPTIONS_BY_KEY, defaultValues as defaultAssumptionValues } from './assumptions.js';
export { resolveAssumptions, checkAssumption, parseAssumptionNumber, assumptionEntries } from './resolve-assumptions.js';
export type { ResolvedAssumptions, MeasuredValue } from './resolve-assumptions.js';
export { measuredAssumptions, isGuided } from './run-measurements.js';
export { ownershipCost } from './ownership-cost.js';
export type { OwnershipInput, OwnershipCost } from './ownership-cost.js';
export { machineSpec } from './machines.js';
export type { MachineId, MachineSpec } from './machines.js';
export { machineWorkPerHa } from './hire-cost.js';
export type { MachineWork } from './hire-cost.js';
export { labour } from './labour.js';
export type { Labour } from './labour.js';
export { productCostVnd } from './inputs.js';
export { manualCostPerHa, machineCostPerHa, METHODS } from './operations.js';
export { breakEven, BREAK_EVEN_MAX_HA } from './break-even.js';
export { sensitivity, SENSITIVITY_CHANGE_PCT } from './sensitivity.js';
export { modelChecks, checksLine } from './checks.js';
export type { ModelCheck } from './types.js';
export { computeSavings, savingsForArea, checkArea, MAX_AREA_HA } from './savings.js';
export type { SavingsInput, RunningSavings } from './savings.js';
export { savingsTable } from './table.js';
export { savingsReportHtml } from './report/html.js';
export type { ReportOptions } from './report/html.js';
export type { PlanGeoJsonLike } from './report/field-map.js';
