/**
 * Prescription zones from ISO 11783-10 TaskData (TASKDATA.XML): the treatment zones (TZN) of a
 * task, each a polygon (PLN, LSG type 1 exterior / 2 interior, PNT C = latitude, D = longitude)
 * with a process data variable (PDV) giving the rate. Codes as in the ISO 11783-10 v4.3 schema
 * (tests/fixtures/isoxml): TZN A code, B designator; TSK H default treatment zone code.
 * DDIs from the ISO 11783-11 data dictionary: 0x0001 Setpoint Volume Per Area Application Rate
 * (mm³/m², 1 L/ha = 100 mm³/m²) and 0x0006 Setpoint Mass Per Area Application Rate (mg/m²,
 * 1 kg/ha = 100 mg/m²).
 */
import { XMLParser } from 'fast-xml-parser';
import { PrescriptionError } from '../errors.js';
import type { RateUnit, RawPrescription, RawZone } from './types.js';

/** DDI (hex, as PDV A) → unit and the factor from the DDI's unit to per-hectare. */
export const RATE_DDI: Record<string, { unit: RateUnit; perHaPerValue: number }> = {
  '0001': { unit: 'L/ha', perHaPerValue: 0.01 },
  '0006': { unit: 'kg/ha', perHaPerValue: 0.01 },
};

type El = Record<string, unknown>;
const ARRAYS = new Set(['TSK', 'TZN', 'PLN', 'LSG', 'PNT', 'PDV']);
const list = (v: unknown): El[] => (Array.isArray(v) ? (v as El[]) : []);

function ringOf(lsg: El, id: string): number[][] {
  const pts = list(lsg.PNT).map((p) => [Number(p.D), Number(p.C)]);
  if (pts.length < 3 || pts.some((p) => !p.every(Number.isFinite))) {
    throw new PrescriptionError('PRESCRIPTION_BAD_GEOMETRY', `zone "${id}": a polygon ring with fewer than 3 points or a point without C/D`, { zone: id });
  }
  const [a, b] = [pts[0], pts[pts.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) pts.push([a[0], a[1]]);
  return pts;
}

function zoneOf(tzn: El): RawZone | undefined {
  const code = String(tzn.A);
  const id = tzn.B !== undefined ? String(tzn.B) : `TZN ${code}`;
  const polys = list(tzn.PLN).map((pln) => {
    const lsgs = list(pln.LSG);
    const outer = lsgs.filter((l) => String(l.A) === '1').map((l) => ringOf(l, id));
    if (outer.length !== 1) throw new PrescriptionError('PRESCRIPTION_BAD_GEOMETRY', `zone "${id}": a PLN needs exactly one exterior LSG (type 1)`, { zone: id });
    return [outer[0], ...lsgs.filter((l) => String(l.A) === '2').map((l) => ringOf(l, id))];
  });
  const pdv = list(tzn.PDV)[0];
  if (!pdv) return undefined;
  const ddi = String(pdv.A).toUpperCase().padStart(4, '0');
  const known = RATE_DDI[ddi];
  if (!known) {
    throw new PrescriptionError('PRESCRIPTION_UNKNOWN_UNIT', `zone "${id}": DDI ${ddi} is not a mass (0006) or volume (0001) per area setpoint`, { zone: id, ddi });
  }
  const value = Number(pdv.B);
  if (!Number.isFinite(value) || value < 0) {
    throw new PrescriptionError('PRESCRIPTION_NEGATIVE_RATE', `zone "${id}": PDV B must be ≥ 0, got ${String(pdv.B)}`, { zone: id, rate: pdv.B });
  }
  return { id, ratePerHa: value * known.perHaPerValue, unit: known.unit, lonLat: polys };
}

/**
 * Parses the treatment zones of the first task with polygon zones in a TASKDATA.XML.
 * @param xml - the XML text
 * @returns polygon zones (WGS84) and the default zone's rate (TSK H), when it has one
 * @throws PrescriptionError `PRESCRIPTION_PARSE`, `PRESCRIPTION_EMPTY`, `PRESCRIPTION_UNKNOWN_UNIT`,
 *   `PRESCRIPTION_NEGATIVE_RATE`, `PRESCRIPTION_BAD_GEOMETRY`
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parsePrescriptionIsoxml } from 'agrisim';
 * const map = parsePrescriptionIsoxml(readFileSync('TASKDATA/TASKDATA.XML', 'utf8'));
 * ```
 */
export function parsePrescriptionIsoxml(xml: string): RawPrescription {
  let doc: El;
  try {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => ARRAYS.has(name) });
    doc = parser.parse(xml) as El;
  } catch (e) {
    throw new PrescriptionError('PRESCRIPTION_PARSE', `not XML: ${(e as Error).message}`);
  }
  const root = doc.ISO11783_TaskData as El | undefined;
  if (!root || typeof root !== 'object') throw new PrescriptionError('PRESCRIPTION_PARSE', 'no ISO11783_TaskData root element');
  for (const tsk of list(root.TSK)) {
    const tzns = list(tsk.TZN);
    const dflt = tzns.find((t) => tsk.H !== undefined && String(t.A) === String(tsk.H) && list(t.PLN).length === 0);
    const zones = tzns.filter((t) => list(t.PLN).length > 0).map(zoneOf).filter((z): z is RawZone => z !== undefined);
    if (zones.length === 0) continue;
    const d = dflt ? zoneOf({ ...dflt, PLN: [] }) : undefined;
    return { zones, source: 'isoxml', ...(d ? { defaultRatePerHa: d.ratePerHa } : {}) };
  }
  throw new PrescriptionError('PRESCRIPTION_EMPTY', 'no task with polygon treatment zones (TSK > TZN > PLN)');
}
