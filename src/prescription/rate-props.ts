/**
 * Rate, unit and id of a zone from its attribute table (GeoJSON properties, shapefile DBF row).
 * Shapefile column names are cut at 10 characters (dBASE III limit), so `rateKgPerHa` arrives as
 * `rateKgPerH`; spellings are compared without case, `_` or spaces.
 */
import { PrescriptionError } from '../errors.js';
import type { RateUnit } from './types.js';

const norm = (k: string) => k.toLowerCase().replace(/[_\s-]/g, '');

/** Attribute names of a rate in kg/ha and in L/ha (normalised). */
const KG_KEYS = ['ratekgperha', 'ratekgperh', 'ratekgha', 'kgperha', 'kgha'];
const L_KEYS = ['ratelperha', 'rateliterperha', 'ratelha', 'lperha', 'lha'];
/** Units a generic `rate` column may be given in, with a `unit` column. */
const UNIT_WORDS: Record<string, RateUnit> = {
  'kg/ha': 'kg/ha',
  kgha: 'kg/ha',
  'kg ha-1': 'kg/ha',
  'l/ha': 'L/ha',
  lha: 'L/ha',
  'l ha-1': 'L/ha',
};

/** The zone's id from its attributes, or `fallback`. */
export function zoneId(props: Record<string, unknown>, featureId: unknown, fallback: string): string {
  if (typeof featureId === 'string' || typeof featureId === 'number') return String(featureId);
  for (const [k, v] of Object.entries(props)) {
    if (['id', 'zone', 'zoneid', 'name'].includes(norm(k)) && (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '')
      return String(v).trim();
  }
  return fallback;
}

/**
 * The zone's rate and unit.
 * @throws PrescriptionError `PRESCRIPTION_UNKNOWN_UNIT` when no rate column is in kg/ha or L/ha,
 *   `PRESCRIPTION_NEGATIVE_RATE` when the rate is negative or not a number
 */
export function zoneRate(props: Record<string, unknown>, id: string): { ratePerHa: number; unit: RateUnit } {
  let raw: unknown;
  let unit: RateUnit | undefined;
  let unitWord: string | undefined;
  let generic: unknown;
  for (const [k, v] of Object.entries(props)) {
    const n = norm(k);
    if (KG_KEYS.includes(n)) [raw, unit] = [v, 'kg/ha'];
    else if (L_KEYS.includes(n)) [raw, unit] = [v, 'L/ha'];
    else if (n === 'unit' || n === 'units') unitWord = String(v);
    else if (n === 'rate') generic = v;
  }
  if (unit === undefined && generic !== undefined) {
    raw = generic;
    unit = unitWord !== undefined ? UNIT_WORDS[unitWord.trim().toLowerCase()] : undefined;
    if (!unit) {
      const said = unitWord === undefined ? 'missing' : `"${unitWord}" unknown`;
      throw new PrescriptionError(
        'PRESCRIPTION_UNKNOWN_UNIT',
        `zone "${id}": rate unit ${said}; give rateKgPerHa or rateLPerHa, or unit kg/ha or L/ha`,
        { zone: id, unit: unitWord },
      );
    }
  }
  if (!unit) {
    throw new PrescriptionError(
      'PRESCRIPTION_UNKNOWN_UNIT',
      `zone "${id}": no rate in kg/ha or L/ha (properties rateKgPerHa or rateLPerHa)`,
      { zone: id, keys: Object.keys(props) },
    );
  }
  const rate = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    throw new PrescriptionError(
      'PRESCRIPTION_NEGATIVE_RATE',
      `zone "${id}": rate must be a number ≥ 0 ${unit}, got ${JSON.stringify(raw)}`,
      { zone: id, rate: raw },
    );
  }
  return { ratePerHa: rate, unit };
}
