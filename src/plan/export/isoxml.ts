/**
 * ISO 11783-10 (ISOXML) TaskData export. Element and attribute codes as in the standard, checked
 * against AgGateway's ADAPT ISOv4Plugin (ADAPT/ISOv4Plugin, ISOv4Plugin/ISOModels/*.cs and
 * ISOEnumerations/*.cs): ISO11783_TaskData (VersionMajor, VersionMinor, ManagementSoftware*,
 * DataTransferOrigin 1 = FMIS), CTR (A id, B last name), FRM (A id, B designator, I customer ref),
 * PFD (A id, C designator, D area m², E customer ref, F farm ref), PLN (A type: 1 partfield boundary,
 * 10 headland; B designator; C area m²), LSG (A type: 1 polygon exterior, 2 polygon interior,
 * 5 guidance pattern; C width mm; D length mm), PNT (A type: 2 other, 3 field access, 6 guidance
 * reference A, 7 guidance reference B, 9 guidance point; C north = latitude, D east = longitude),
 * GGP (A id, B designator), GPN (A id, B designator, C type 1 AB / 3 curve, E propagation 4 = none,
 * G heading °), TSK (A id, B designator, C customer, D farm, E partfield, G status 1 = planned).
 */
import { pointInRing } from '../../geometry/index.js';
import { offsetPolygons } from '../../geometry/index.js';
import { polylineLength } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';
import { machinePoints } from '../route/machine-path.js';
import type { Plan, RouteSegment } from '../types.js';
import { lonLatOf, roundDeg } from './lonlat.js';
import { bufferPlns, treatmentZones, type PrescriptionExport } from './prescription-parts.js';
import { escapeXml, xmlAttrs } from './xml.js';

/** ISOXML designators are at most 32 characters. */
const designator = (s: string) => [...s].slice(0, 32).join('');

function pnt(type: number, lonLat: readonly number[]): string {
  return `<PNT${xmlAttrs({ A: type, C: roundDeg(lonLat[1]), D: roundDeg(lonLat[0]) })}/>`;
}

function ringLsg(type: 1 | 2, ring: readonly (readonly number[])[]): string {
  // Polygon rings are implicitly closed in ISOXML; the closing point is left out.
  const open =
    ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  return `<LSG A="${type}">${open.map((p) => pnt(2, p)).join('')}</LSG>`;
}

function pln(
  type: number,
  name: string,
  rings: { exterior: readonly (readonly number[])[]; interiors: (readonly (readonly number[])[])[] },
  areaM2?: number,
): string {
  const attrs = xmlAttrs({ A: type, B: designator(name), C: areaM2 === undefined ? undefined : Math.round(areaM2) });
  return `<PLN${attrs}>${ringLsg(1, rings.exterior)}${rings.interiors.map((r) => ringLsg(2, r)).join('')}</PLN>`;
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return Math.abs(a) / 2;
}

/** The headland as PLN type 10: the band between the boundary and the inner working area (laps × width). */
function headlandPlns(plan: Plan, ll: (xy: readonly number[]) => [number, number]): string[] {
  const bandM = plan.headland.laps * plan.vehicle.workingWidthM;
  if (bandM <= 0) return [];
  const inner = offsetPolygons([plan.field.polygon], -bandM, 'miter');
  const f = plan.field.polygon;
  const innerArea = inner.reduce((a, p) => a + ringArea(p.outer) - p.holes.reduce((b, h) => b + ringArea(h), 0), 0);
  const out = [
    pln(
      10,
      `Headland ${plan.headland.laps} × ${plan.vehicle.workingWidthM} m`,
      {
        exterior: f.outer.map(ll),
        interiors: inner.map((p) => p.outer.map(ll)),
      },
      plan.field.areaM2 - innerArea,
    ),
  ];
  // around each hole the headland is the band between the hole and the grown hole inside the inner area
  for (const p of inner)
    p.holes.forEach((grown, k) => {
      const holes = f.holes.filter((h) => pointInRing(h[0], grown));
      out.push(pln(10, `Headland around hole ${k + 1}`, { exterior: grown.map(ll), interiors: holes.map((h) => h.map(ll)) }));
    });
  return out;
}

/** Compass heading A→B in degrees (0 = north, clockwise), as GPN G wants. */
function headingDeg(a: XY, b: XY): number {
  const deg = (Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI;
  return Math.round(((deg + 360) % 360) * 1e4) / 1e4;
}

function gpn(id: number, name: string, s: RouteSegment, plan: Plan, ll: (xy: readonly number[]) => [number, number]): string {
  const pts = s.points;
  const a = pts[0],
    b = pts[pts.length - 1];
  const straight = pts.length === 2;
  const lsgPoints = straight
    ? pnt(6, ll(a)) + pnt(7, ll(b))
    : pts.map((p, i) => pnt(i === 0 ? 6 : i === pts.length - 1 ? 7 : 9, ll(p))).join('');
  // a narrowed pass (rows switched off) is a pattern of its own, narrower width
  const widthMm = Math.round((s.widthM ?? plan.vehicle.workingWidthM) * 1000);
  const lengthMm = Math.round(polylineLength(pts) * 1000);
  const attrs = xmlAttrs({ A: `GPN${id}`, B: designator(name), C: straight ? 1 : 3, E: 4, G: headingDeg(a, b) });
  return `<GPN${attrs}><LSG A="5" C="${widthMm}" D="${lengthMm}">${lsgPoints}</LSG></GPN>`;
}

/** ` 5/6 rows` on a narrowed pass of an implement with sections (the rest switched off), else nothing. */
function rowsOn(s: RouteSegment, plan: Plan): string {
  const section = plan.vehicle.sectionWidthM;
  if (s.widthM === undefined || !section) return '';
  return ` ${Math.round(s.widthM / section)}/${Math.round(plan.vehicle.workingWidthM / section)} rows`;
}

/** Whether `s` is the next piece of the stepped swath `prev` ends (pieces carry `rowsOffsetM`). */
function continuesSwath(prev: RouteSegment, s: RouteSegment): boolean {
  return prev.rowsOffsetM !== undefined && s.rowsOffsetM !== undefined && prev.cellId === s.cellId && prev.swathIndex === s.swathIndex;
}

/** A stepped swath's guidance so far (on the machine's line) extended by its next piece, at the widest rows on. */
function joinPieces(line: RouteSegment, piece: RouteSegment): RouteSegment {
  const end = machinePoints(piece);
  const widest = Math.max(line.widthM ?? Infinity, piece.widthM ?? Infinity);
  const { widthM: _w, ...rest } = line;
  return { ...rest, points: [line.points[0], end[end.length - 1]], ...(widest < Infinity ? { widthM: widest } : {}) };
}

/**
 * Guidance groups: one per cell (its swaths as AB lines, in route order; a stepped swath's pieces
 * one line on the machine's path, its widest rows' width) and one for the headland passes.
 */
function guidanceGroups(plan: Plan, ll: (xy: readonly number[]) => [number, number]): string[] {
  const groups = new Map<string, { name: string; segs: RouteSegment[] }>();
  for (const s of plan.route) {
    if (s.kind !== 'swath') continue;
    const key = s.headlandLap >= 0 ? 'headland' : `cell-${s.cellId}`;
    const name = s.headlandLap >= 0 ? 'Headland passes' : `Cell ${s.cellId + 1} swaths`;
    if (!groups.has(key)) groups.set(key, { name, segs: [] });
    const segs = groups.get(key)!.segs;
    const prev = segs[segs.length - 1];
    // a stepped swath's pieces are one guidance line, the machine's: section control switches the rows
    if (prev && continuesSwath(prev, s)) segs[segs.length - 1] = joinPieces(prev, s);
    else segs.push(s.rowsOffsetM !== undefined ? { ...s, points: machinePoints(s) } : s);
  }
  let ggpId = 0,
    gpnId = 0;
  return [...groups.values()].map(({ name, segs }) => {
    const patterns = segs.map((s) => {
      const label = s.headlandLap >= 0 ? `Headland lap ${s.headlandLap + 1}` : `Cell ${s.cellId + 1} swath ${s.swathIndex + 1}`;
      return gpn(++gpnId, label + rowsOn(s, plan), s, plan, ll);
    });
    return `<GGP A="GGP${++ggpId}" B="${escapeXml(designator(name))}">\n${patterns.join('\n')}\n</GGP>`;
  });
}

/**
 * Converts a plan to ISO 11783-10 TaskData (TASKDATA.XML, version 4.3) for ISOBUS task
 * controllers and farm management software: a customer and farm, a partfield with its boundary
 * (PLN type 1, holes as interior rings), headland (PLN type 10), the service point (PNT type 3),
 * guidance groups with one guidance pattern per swath (AB lines; headland passes as curves; a
 * narrowed last pass has its own width and says how many rows are on, e.g. `Cell 1 swath 9 5/6
 * rows`), and a planned task referencing the partfield.
 *
 * With a prescription the task carries it as a polygon prescription: one treatment zone (TZN) per
 * zone with its polygon (PLN type 2) and rate set-point (PDV, DDI 0006 mg/m² or 0001 mm³/m²) of
 * product PDT1, the default zone (TSK H) and an out-of-field zone at rate 0 (TSK J); water buffer
 * strips are PLN type 11 (BufferZone) of the partfield.
 *
 * @param plan - a plan from `planField`
 * @param extra - a prescription clipped to the plan's field and water buffer strips (optional)
 * @returns the XML text of TASKDATA.XML
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, planToIsoxml } from 'agrisim';
 * import { mkdirSync, writeFileSync } from 'node:fs';
 * const [paddy] = await readFieldFile('fields/long-paddy-30x200.geojson');
 * mkdirSync('TASKDATA', { recursive: true });
 * writeFileSync('TASKDATA/TASKDATA.XML', planToIsoxml(planField(paddy, getVehicle('transplanter'))));
 * ```
 */
export function planToIsoxml(plan: Plan, extra: PrescriptionExport = {}): string {
  const ll = lonLatOf(plan);
  const rx = extra.prescription;
  const zones = rx ? treatmentZones(rx, ll, rx.unit === 'kg/ha' ? 'Urea' : 'Spray mix') : undefined;
  const [outer, ...holes] = plan.field.lonLat;
  const name = plan.field.name;
  const pfd = [
    `<PFD${xmlAttrs({ A: 'PFD1', C: designator(name), D: Math.round(plan.field.areaM2), E: 'CTR1', F: 'FRM1' })}>`,
    pln(1, `${name} boundary`, { exterior: outer, interiors: holes }, plan.field.areaM2),
    ...headlandPlns(plan, ll),
    ...bufferPlns(extra.buffer ?? [], ll),
    `<PNT${xmlAttrs({ A: 3, B: 'Service point (refill)', C: ll(plan.servicePoint)[1], D: ll(plan.servicePoint)[0] })}/>`,
    ...guidanceGroups(plan, ll),
    '</PFD>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ISO11783_TaskData VersionMajor="4" VersionMinor="3" ManagementSoftwareManufacturer="agrisim" ManagementSoftwareVersion="0.1.0" DataTransferOrigin="1">',
    '<CTR A="CTR1" B="agrisim"/>',
    `<FRM${xmlAttrs({ A: 'FRM1', B: designator(String(plan.field.properties.farm ?? 'Farm')), I: 'CTR1' })}/>`,
    ...(zones ? [zones.pdt] : []),
    ...pfd,
    zones
      ? `<TSK${xmlAttrs({ A: 'TSK1', B: designator(`${plan.vehicle.id} ${name}`), C: 'CTR1', D: 'FRM1', E: 'PFD1', G: 1, H: zones.defaultCode, J: zones.outOfFieldCode })}>\n${zones.tzns.join('\n')}\n</TSK>`
      : `<TSK${xmlAttrs({ A: 'TSK1', B: designator(`${plan.vehicle.id} ${name}`), C: 'CTR1', D: 'FRM1', E: 'PFD1', G: 1 })}/>`,
    '</ISO11783_TaskData>',
    '',
  ].join('\n');
}
