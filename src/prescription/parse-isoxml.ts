/**
 * Prescription zones from ISO 11783-10 TaskData (TASKDATA.XML): the treatment zones (TZN) of a
 * task, each a polygon (PLN, LSG type 1 exterior / 2 interior, PNT C = latitude, D = longitude)
 * with a process data variable (PDV) giving the rate. Codes as in the ISO 11783-10 v4.3 schema
 * (tests/fixtures/isoxml): TZN A code, B designator; TSK H default treatment zone code.
 * DDIs from the ISO 11783-11 data dictionary: 0x0001 Setpoint Volume Per Area Application Rate
 * (mm³/m², 1 L/ha = 100 mm³/m²) and 0x0006 Setpoint Mass Per Area Application Rate (mg/m²,
 * 1 kg/ha = 100 mg/m²).
 */
import { DOMParser } from '@xmldom/xmldom';
import { PrescriptionError } from '../errors.js';
import type { RateUnit, RawPrescription, RawZone } from './types.js';

/** DDI (hex, as PDV A) → unit and the factor from the DDI's unit to per-hectare. */
export const RATE_DDI: Record<string, { unit: RateUnit; perHaPerValue: number }> = {
  '0001': { unit: 'L/ha', perHaPerValue: 0.01 },
  '0006': { unit: 'kg/ha', perHaPerValue: 0.01 },
};

/** An element as xmldom gives it (only what is read here). */
interface El {
  tagName: string;
  getAttribute(name: string): string | null;
  childNodes: ArrayLike<{ nodeType: number }>;
}

/** Child elements of `e` named `tag`. */
const kids = (e: El, tag: string): El[] =>
  Array.from(e.childNodes).filter((n): n is { nodeType: number } & El => n.nodeType === 1 && (n as unknown as El).tagName === tag);
const attr = (e: El, name: string): string | undefined => e.getAttribute(name) ?? undefined;

function ringOf(lsg: El, id: string): number[][] {
  const pts = kids(lsg, 'PNT').map((p) => [Number(attr(p, 'D')), Number(attr(p, 'C'))]);
  if (pts.length < 3 || pts.some((p) => !p.every(Number.isFinite))) {
    throw new PrescriptionError(
      'PRESCRIPTION_BAD_GEOMETRY',
      `zone "${id}": a polygon ring with fewer than 3 points or a point without C/D`,
      { zone: id },
    );
  }
  const [a, b] = [pts[0], pts[pts.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) pts.push([a[0], a[1]]);
  return pts;
}

/** The rate of a TZN's first PDV, per hectare, or undefined when it has none. */
function rateOf(tzn: El, id: string): { ratePerHa: number; unit: RateUnit } | undefined {
  const pdv = kids(tzn, 'PDV')[0];
  if (!pdv) return undefined;
  const ddi = (attr(pdv, 'A') ?? '').toUpperCase().padStart(4, '0');
  const known = RATE_DDI[ddi];
  if (!known) {
    throw new PrescriptionError(
      'PRESCRIPTION_UNKNOWN_UNIT',
      `zone "${id}": DDI ${ddi} is not a mass (0006) or volume (0001) per area set-point`,
      { zone: id, ddi },
    );
  }
  const value = Number(attr(pdv, 'B'));
  if (!Number.isFinite(value) || value < 0) {
    throw new PrescriptionError('PRESCRIPTION_NEGATIVE_RATE', `zone "${id}": PDV B must be ≥ 0, got ${String(attr(pdv, 'B'))}`, {
      zone: id,
      rate: attr(pdv, 'B'),
    });
  }
  return { ratePerHa: value * known.perHaPerValue, unit: known.unit };
}

function zoneOf(tzn: El): RawZone | undefined {
  const id = attr(tzn, 'B') ?? `TZN ${attr(tzn, 'A')}`;
  const polys = kids(tzn, 'PLN').map((pln) => {
    const lsgs = kids(pln, 'LSG');
    const outer = lsgs.filter((l) => attr(l, 'A') === '1').map((l) => ringOf(l, id));
    if (outer.length !== 1)
      throw new PrescriptionError('PRESCRIPTION_BAD_GEOMETRY', `zone "${id}": a PLN needs exactly one exterior LSG (type 1)`, { zone: id });
    return [outer[0], ...lsgs.filter((l) => attr(l, 'A') === '2').map((l) => ringOf(l, id))];
  });
  const rate = rateOf(tzn, id);
  return rate ? { id, ...rate, lonLat: polys } : undefined;
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
 * const map = parsePrescriptionIsoxml(readFileSync('fields/prescriptions/paddy-40x120-zones-TASKDATA.XML', 'utf8'));
 * ```
 */
export function parsePrescriptionIsoxml(xml: string): RawPrescription {
  let root: El | null;
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement as unknown as El | null;
  } catch (e) {
    throw new PrescriptionError('PRESCRIPTION_PARSE', `not XML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (root?.tagName !== 'ISO11783_TaskData' || !root)
    throw new PrescriptionError('PRESCRIPTION_PARSE', 'no ISO11783_TaskData root element');
  for (const tsk of kids(root, 'TSK')) {
    const tzns = kids(tsk, 'TZN');
    const h = attr(tsk, 'H');
    const dflt = tzns.find((t) => h !== undefined && attr(t, 'A') === h && kids(t, 'PLN').length === 0);
    const zones = tzns
      .filter((t) => kids(t, 'PLN').length > 0)
      .map(zoneOf)
      .filter((z): z is RawZone => z !== undefined);
    if (zones.length === 0) continue;
    const d = dflt ? rateOf(dflt, 'default') : undefined;
    return { zones, source: 'isoxml', ...(d ? { defaultRatePerHa: d.ratePerHa } : {}) };
  }
  throw new PrescriptionError('PRESCRIPTION_EMPTY', 'no task with polygon treatment zones (TSK > TZN > PLN)');
}
