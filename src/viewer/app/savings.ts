/**
 * Running savings vs manual work for the panel, from the economics stage's model
 * (src/economics: ECONOMICS.md defaults, ASABE EP496 machine cost, machine owned). The
 * economics files imported here are pure (no Node modules), so esbuild bundles them for the
 * browser. The model is linear in area, so the per-hectare figures are computed once per
 * machine kind and guidance and scaled by the covered area.
 */
import { defaultValues } from '../../economics/assumptions.js';
import { machineCostPerHa, manualCostPerHa } from '../../economics/operations.js';
import { savingsForArea } from '../../economics/savings.js';
import type { Operation } from '../../economics/types.js';

export interface LiveSavings {
  /** Savings in VND for the area covered so far (negative: the machine costs more). */
  savingsVnd: number;
  personDaysSaved: number;
}

/** The operation a machine kind does in agrisim's scenarios: drones spread fertilizer, transplanters plant. */
export function operationOf(kind: string): Operation {
  return kind === 'transplanter' ? 'transplanting' : 'fertilizing';
}

const perHa = new Map<string, LiveSavings>();

function perHectare(kind: string, guidance: string | undefined): LiveSavings {
  const op = operationOf(kind);
  // A transplanter driven by eye is the economics model's `unguided-transplanter` alternative.
  const unguided = op === 'transplanting' && guidance === 'manual';
  const key = `${op}|${unguided}`;
  let s = perHa.get(key);
  if (!s) {
    if (unguided) {
      const v = defaultValues();
      const manual = manualCostPerHa(op, v);
      const machine = machineCostPerHa(op, v, 'own', 'unguided-transplanter');
      s = { savingsVnd: manual.totalVnd - machine.totalVnd, personDaysSaved: manual.personDays - machine.personDays };
    } else {
      const r = savingsForArea(op, 1);
      s = { savingsVnd: r.savingsVnd, personDaysSaved: r.personDaysSaved };
    }
    perHa.set(key, s);
  }
  return s;
}

/**
 * Savings of a season's work by this machine on the area covered so far, against doing it
 * by hand (fertilizing: manual broadcasting; transplanting: manual transplanting).
 * @param kind - vehicle kind: `drone` or `transplanter`
 * @param guidance - `rtk`, `gnss` or `manual` (a manually driven transplanter saves less)
 * @param coveredHa - telemetry `progress.coveredHa`; negative or missing counts as 0
 * @example
 * liveSavings('transplanter', 'rtk', 1.35).savingsVnd; // ≈ 4 733 000 VND (savingsForArea('transplanting', 1.35))
 */
export function liveSavings(kind: string, guidance: string | undefined, coveredHa: number): LiveSavings {
  const ha = Number.isFinite(coveredHa) && coveredHa > 0 ? coveredHa : 0;
  const s = perHectare(kind, guidance);
  return { savingsVnd: s.savingsVnd * ha, personDaysSaved: s.personDaysSaved * ha };
}
