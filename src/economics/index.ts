/**
 * Economics stage: labour and cost of manual work against drones and GNSS-guided
 * transplanters, from the sourced defaults (docs/economics.md) and, when given, a simulated
 * run's measured figures. One computation, `computeSavings`, gives every figure the CLI, the
 * report, the library and the telemetry feed show. Pure functions of plain data; no Node or
 * simulator imports. Named exports only.
 */
export type {
  Operation,
  Ownership,
  Lang,
  AssumptionDef,
  AssumptionEntry,
  AssumptionValues,
  CostBlock,
  SensitivityRow,
  MeasuredRun,
  RunSummary,
  SavingsReport,
  BreakEven,
  Verdict,
} from './types.js';
export { SOURCES, SOURCES_BY_ID } from './sources.js';
export type { SourceDef } from './sources.js';
export { unitOf, sourceText } from './assumptions.js';
export { verdict, LITTLE_SAVING_PCT, LITTLE_SAVING_VND_PER_SAO } from './verdict.js';
export { droneEnergyVndPerHa, hiredServiceVndPerHa, machineOwnership } from './machines.js';
export { householdSavings, labourPeak, MAX_WINDOW_DAYS } from './block.js';
export { blockSavingsTable } from './block-table.js';
export type { HouseholdInput, HouseholdSavings, LabourPeakInput, LabourPeak } from './block.js';
export { OPERATIONS } from './types.js';
export { ASSUMPTIONS, ASSUMPTIONS_BY_KEY, defaultValues as defaultAssumptionValues } from './assumptions.js';
export { resolveAssumptions, checkAssumption, parseAssumptionNumber, assumptionEntries } from './resolve-assumptions.js';
export type { ResolvedAssumptions, MeasuredValue } from './resolve-assumptions.js';
export { parseAssumptionsFile, AssumptionsFileSchema } from './assumptions-file.js';
export type { AssumptionOverrides } from './assumptions-file.js';
export { measuredAssumptions, isGuided, measuredRunOf } from './run-measurements.js';
export type { MetricsLike } from './run-measurements.js';
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
export { breakEven, breakEvenArea, ownedCostAt, areaPerYearKey, BREAK_EVEN_MAX_HA } from './break-even.js';
export { sensitivity, SENSITIVITY_CHANGE_PCT } from './sensitivity.js';
export { modelChecks, checksLine } from './checks.js';
export type { ModelCheck } from './types.js';
export {
  computeSavings,
  savingsAtArea,
  savingsForArea,
  checkArea,
  checkLang,
  checkOperation,
  checkOwnership,
  MAX_AREA_HA,
} from './savings.js';
export type { SavingsInput, ProgressSavings } from './savings.js';
export { savingsTable } from './table.js';
export { savingsReportHtml, savingsReportPagesHtml } from './report/html.js';
export type { ReportOptions } from './report/html.js';
export type { PlanGeoJsonLike } from './report/field-map.js';
