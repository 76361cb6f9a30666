import type { Lang } from '../units/index.js';

/**
 * Plain data types of the economics stage: operations, assumptions, cost blocks and the
 * savings report (the JSON `agrisim savings --json` prints).
 */

/** Field operations compared against manual work. */
export type Operation = 'fertilizing' | 'transplanting' | 'spraying';

/** Every operation, in the order reports list them. */
export const OPERATIONS: readonly Operation[] = ['fertilizing', 'transplanting', 'spraying'];

/** Who pays for the machine: the owner (ASABE EP496 ownership + operating cost) or a hired service (price per ha). */
export type Ownership = 'own' | 'hire';

/** Report language. */
export type { Lang } from '../units/index.js';

/** One default of the model: value, unit, plausible range from the sources, and the source itself. */
export interface AssumptionDef {
  key: string;
  value: number;
  /** Unit in English (also the JSON `unit`). */
  unit: string;
  /** Unit in Vietnamese (sào, công, ₫, năm…). */
  unitVi: string;
  /** Plausible range from the sources (informative: values outside are allowed, values outside `valid` are not). */
  range: readonly [number, number] | null;
  /** Ids of SOURCES it comes from (none: an assumption). */
  refs: readonly string[];
  /** How it was read from the sources, per language ('' when the sources say it all). */
  note: { en: string; vi: string };
  /** Values the model accepts; `positive` means > 0 (a wage of 0 is refused). */
  valid: { positive?: boolean; min?: number; max?: number };
  /** Operations whose result depends on it (report and JSON list only these). */
  ops: readonly Operation[];
  label: { en: string; vi: string };
}

/** An assumption as used in one computation, as listed in the report and the JSON. */
export interface AssumptionEntry {
  key: string;
  value: number;
  /** Unit in the report's language. */
  unit: string;
  range: [number, number] | null;
  /** Where it comes from, in the report's language (note and source names, or the run, or the user). */
  source: string;
  /** Ids of the sources (docs/economics.md). */
  refs: string[];
  /** True when the value was measured in a simulated run instead of taken from the table. */
  fromRun: boolean;
  /** True when the user overrode the default. */
  overridden: boolean;
}

/** Values by key, after defaults, run measurements and user overrides. */
export type AssumptionValues = Readonly<Record<string, number>>;

/** Labour, machine and input cost of one way of doing the work (per ha or for the whole area). */
export interface CostBlock {
  /** Method id: `manual-broadcasting`, `drone`, `manual-transplanting`, `guided-transplanter`, `unguided-transplanter`, `knapsack`. */
  method: string;
  personDays: number;
  /** Person-hours of labour (personDays × hoursPerDay). */
  hours: number;
  /** Hours the machine works (0 for manual work). */
  machineHours: number;
  laborVnd: number;
  machineVnd: number;
  inputVnd: number;
  totalVnd: number;
}

/** One row of the sensitivity table: savings per ha with one assumption moved ±30 %. */
export interface SensitivityRow {
  /** `wage`, `machinePrice`, `areaPerYear` or `inputPrice`. */
  factor: string;
  /** The assumption key(s) moved. */
  keys: string[];
  changePct: number;
  baseSavingsVndPerHa: number;
  lowSavingsVndPerHa: number;
  highSavingsVndPerHa: number;
}

/** Figures measured in a simulated run (a RunMetrics-like summary), per guidance mode. */
export interface MeasuredRun {
  guidance: string;
  fieldAreaHa: number;
  areaCoveredHa: number;
  fieldCapacityHaPerH: number;
  overlapPct: number;
  gapPct: number;
  timeS: { working: number; turning: number; transit: number; refill: number; total: number };
  energy?: { batteryCycles?: number; fuelL?: number };
  inputUsed?: number;
  inputUnit?: string;
  /** Machines sharing the work (capacity is the fleet's); default 1. */
  vehicles?: number;
  /** Dose raster figures of a variable-rate run: product spread, prescribed and landed on target, kg. */
  dose?: { emittedKg: number; prescribedKg: number; onTargetKg: number };
}

/** What the model takes from a simulation: the guided run and, when made, the manual-driven one. */
export interface RunSummary {
  /** Where it came from (file or scenario id), quoted in the sources. */
  label: string;
  /** `drone` or `transplanter`. */
  vehicleKind: string;
  guided?: MeasuredRun;
  manual?: MeasuredRun;
}

/** Break-even areas per year of owning the machine. */
export interface BreakEven {
  ownVsHire: number | null;
  ownVsManual: number | null;
  /** Why a figure is null ('' when both are numbers), in the report's language. */
  reason: string;
  /** The one sentence a report prints, in the report's language. */
  sentence: string;
}

/** `saves`: a clear saving; `little`: under 5 % of the manual cost or 10,000 VND a sào; `none`: costs as much or more. */
export interface Verdict {
  kind: 'saves' | 'little' | 'none';
  text: string;
}

/** The full result: what `agrisim savings --json` prints. Money in VND, areas in ha. */
export interface SavingsReport {
  operation: Operation;
  ownership: Ownership;
  areaHa: number;
  areaSao: number;
  /** Whole area. */
  manual: CostBlock;
  /** Whole area, the mechanised method (drone or GNSS-guided transplanter). */
  mechanized: CostBlock;
  /** Other mechanised methods (the unguided transplanter), whole area, with their savings. */
  alternatives: (CostBlock & { savingsVnd: number; savingsPct: number })[];
  savings: { personDays: number; vnd: number; pct: number };
  perHa: { manualVnd: number; mechanizedVnd: number; savingsVnd: number };
  perSao: { manualVnd: number; mechanizedVnd: number; savingsVnd: number };
  /** Report language (of `reason`, `verdict.text`, sources and units). */
  lang: Lang;
  /**
   * Area per year (ha) above which owning beats hiring, and owning beats manual work, at the
   * report's support setting; null when never, with the reason in the report's language.
   */
  breakEvenHaPerYear: BreakEven;
  /** The same without support and with the support policy (subsidy, interest support). */
  breakEvenSupport: { without: BreakEven; with: BreakEven };
  /** Whether the machine saves much, little or nothing, and why, in the report's language. */
  verdict: Verdict;
  /** Sources the report cites, in the report's language. */
  sources: { id: string; name: string; text: string }[];
  sensitivity: SensitivityRow[];
  assumptions: AssumptionEntry[];
  /** The model's results next to published figures it does not use (trial reports, market prices). */
  checks: ModelCheck[];
  /** The run's measured figures, when a run was given. */
  run?: RunSummary;
}

/** One comparison of a model figure with a published one. */
export interface ModelCheck {
  id: 'laborReductionPct' | 'costReductionPct' | 'manualVndPerSao' | 'droneCapacityHaPerH';
  modelValue: number;
  /** Published value, or [low, high] range. */
  reference: number | [number, number];
  unit: string;
  /** Id of the source (SOURCES; docs/economics.md). */
  source: string;
}
