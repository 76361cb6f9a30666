import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFields } from '../../../src/field/index.js';
import { toXY } from '../../../src/geodesy/index.js';
import { pointInPolygonTol } from '../../../src/geometry/inside.js';
import { polylineLength } from '../../../src/geometry/polyline.js';
import type { XY } from '../../../src/geometry/types.js';
import { exportPlan } from '../../../src/plan/export/index.js';
import { planField } from '../../../src/plan/plan-field.js';
import type { Plan } from '../../../src/plan/types.js';
import { getVehicle } from '../../../src/vehicles/index.js';
import { fieldM, rectM } from '../../helpers/fields.js';
import { isoxmlProblems } from '../../helpers/isoxml-schema.js';
import { systemProgram } from '../../helpers/system.js';
import { randomPlans, samplePlans, zeroCrossingPlans } from './plans.js';

/** ISO 11783-10 schema 4.3 (tests/fixtures/isoxml/SOURCE.md names its source and licence). */
/** Elements with an `A` object id of the form XXXn and their prefix (ISO 11783-10 ID type `(XXX|XXX-)[0-9]+`). */
const ID_ELEMENTS = ['CTR', 'FRM', 'PFD', 'TSK', 'GGP', 'GPN'];
/** Clipper's miter limit used by src/geometry/offset.ts (`new ClipperOffset(2, …)`): mitred vertices at most 2 × delta out. */
const MITRE_LIMIT = 2;
/** xs:decimal with at most 9 fraction digits, as the schema types PNT C (north) and D (east). */
const DECIMAL9 = /^-?\d+(\.\d{1,9})?$/;

type El = Element;
const children = (e: El, tag: string): El[] =>
  Array.from(e.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).tagName === tag);
const all = (doc: Document, tag: string): El[] => Array.from(doc.getElementsByTagName(tag)) as El[];
const num = (e: El, attr: string) => Number(e.getAttribute(attr));

function parse(text: string): Document {
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;
}

/** A PNT as plan metres (C = north = latitude, D = east = longitude). */
const pntXY = (plan: Plan, p: El) => toXY(plan.field.projection, [num(p, 'D'), num(p, 'C')]) as XY;
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function checkRootAndReferences(name: string, doc: Document): void {
  const root = doc.documentElement as unknown as El;
  expect(root.tagName).toBe('ISO11783_TaskData');
  expect(['VersionMajor', 'VersionMinor', 'DataTransferOrigin'].map((a) => root.getAttribute(a))).toEqual(['4', '3', '1']);
  expect(root.getAttribute('ManagementSoftwareManufacturer')).toBe('agrisim');
  // ids: unique, the element's own prefix, and every reference resolves to an element of the right kind
  const ids = new Map<string, string>();
  for (const tag of ID_ELEMENTS)
    for (const e of all(doc, tag)) {
      const id = e.getAttribute('A')!;
      expect(id).toMatch(new RegExp(`^${tag}-?\\d+$`));
      expect({ name, duplicate: ids.has(id) ? id : '' }).toEqual({ name, duplicate: '' });
      ids.set(id, tag);
    }
  const ref = (e: El, attr: string, tag: string) => expect({ name, ref: ids.get(e.getAttribute(attr) ?? '') }).toEqual({ name, ref: tag });
  for (const frm of all(doc, 'FRM')) ref(frm, 'I', 'CTR');
  const [pfd] = all(doc, 'PFD');
  ref(pfd, 'E', 'CTR');
  ref(pfd, 'F', 'FRM');
  const tsks = all(doc, 'TSK');
  expect(tsks.length).toBe(1);
  ref(tsks[0], 'C', 'CTR');
  ref(tsks[0], 'D', 'FRM');
  ref(tsks[0], 'E', 'PFD');
  expect(tsks[0].getAttribute('G')).toBe('1'); // TaskStatus 1 = planned
  // designators (PFD C, the others B) are at most 32 characters
  for (const [tag, attr] of Object.entries({ CTR: 'B', FRM: 'B', PFD: 'C', PLN: 'B', GGP: 'B', GPN: 'B', TSK: 'B' }))
    for (const e of all(doc, tag)) expect([...(e.getAttribute(attr) ?? '')].length).toBeLessThanOrEqual(32);
}

function checkCoordinates(name: string, plan: Plan, doc: Document): void {
  for (const p of all(doc, 'PNT')) {
    for (const a of ['C', 'D']) expect({ name, v: p.getAttribute(a) }).toEqual({ name, v: expect.stringMatching(DECIMAL9) });
    expect(Math.abs(num(p, 'C'))).toBeLessThanOrEqual(90);
    expect(Math.abs(num(p, 'D'))).toBeLessThanOrEqual(180);
    // every point of the file lies in the field (boundary points on it), none in a hole
    expect({ name, inside: pointInPolygonTol(pntXY(plan, p), plan.field.polygon, 0.05) }).toEqual({ name, inside: true });
  }
}

function checkPartfield(name: string, plan: Plan, doc: Document): void {
  const [pfd] = all(doc, 'PFD');
  expect(num(pfd, 'D')).toBe(Math.round(plan.field.areaM2));
  expect(pfd.getAttribute('C')).toBe([...plan.field.name].slice(0, 32).join(''));
  const plns = children(pfd, 'PLN');
  // boundary: one PLN type 1 (partfield boundary) with one exterior LSG (type 1) and one interior LSG (type 2) per hole
  const boundary = plns.filter((p) => p.getAttribute('A') === '1');
  expect(boundary.length).toBe(1);
  expect(num(boundary[0], 'C')).toBe(Math.round(plan.field.areaM2));
  const lsgs = children(boundary[0], 'LSG');
  expect(lsgs.map((l) => l.getAttribute('A'))).toEqual(['1', ...plan.field.polygon.holes.map(() => '2')]);
  // ISOXML rings are implicitly closed: the points are the ring without its closing vertex, to 1 mm
  plan.field.lonLat.forEach((ring, r) => {
    const pnts = children(lsgs[r], 'PNT');
    expect(pnts.length).toBe(ring.length - 1);
    pnts.forEach((p, k) => {
      expect(p.getAttribute('A')).toBe('2'); // PointType 2 = other
      expect(dist(pntXY(plan, p), toXY(plan.field.projection, ring[k]))).toBeLessThan(0.001);
    });
  });
  // headland: PLN type 10 when the plan has headland laps, its area the band laps × width wide
  const headland = plns.filter((p) => p.getAttribute('A') === '10');
  expect({ name, headland: headland.length > 0 }).toEqual({ name, headland: plan.headland.laps > 0 });
  if (headland.length) {
    // first the band along the boundary (exterior = the boundary, interiors = the inner edge), then
    // one band around each (grown) hole: exterior = the grown hole, interiors = the holes in it
    const band = plan.headland.laps * plan.vehicle.workingWidthM;
    const ringOf = (l: El) => children(l, 'PNT').map((p) => pntXY(plan, p));
    const [outerBand, ...holeBands] = headland;
    const [exterior, ...interiors] = children(outerBand, 'LSG');
    expect(exterior.getAttribute('A')).toBe('1');
    expect(interiors.length).toBeGreaterThan(0);
    expect(interiors.every((l) => l.getAttribute('A') === '2')).toBe(true);
    ringOf(exterior).forEach((xy, k) => expect(dist(xy, plan.field.polygon.outer[k])).toBeLessThan(0.001));
    const grownHoles = holeBands.map((p) => children(p, 'LSG')[0]);
    // the band's inner edge is `band` metres from the nearest field ring: no vertex nearer, none
    // farther than the mitre limit allows (at the field's reflex corners)
    const fieldRings = [plan.field.polygon.outer, ...plan.field.polygon.holes];
    const ds = [...interiors, ...grownHoles].flatMap((l) =>
      ringOf(l).map((xy) => Math.min(...fieldRings.map((r) => Math.min(...r.map((_, i) => segDist(xy, r[i], r[(i + 1) % r.length])))))),
    );
    expect({ name, min: Math.min(...ds) }).toEqual({ name, min: expect.closeTo(band, 1) });
    expect(Math.min(...ds)).toBeGreaterThan(band - 0.02);
    expect(Math.max(...ds)).toBeLessThan(MITRE_LIMIT * band + 0.02);
    // its area attribute is the field minus the worked inner area, both measured on the file's own rings
    const innerM2 = interiors.reduce((a, l) => a + shoelace(ringOf(l)), 0) - grownHoles.reduce((a, l) => a + shoelace(ringOf(l)), 0);
    expect(Math.abs(num(outerBand, 'C') - (plan.field.areaM2 - innerM2))).toBeLessThan(1 + plan.field.areaM2 * 1e-4);
    expect(num(outerBand, 'C')).toBeGreaterThan(0);
  }
  // the service point, as PointType 3 (field access)
  const access = children(pfd, 'PNT');
  expect(access.map((p) => p.getAttribute('A'))).toEqual(['3']);
  expect(dist(pntXY(plan, access[0]), plan.servicePoint)).toBeLessThan(0.001);
}

/** Area of a ring, m². */
function shoelace(r: XY[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return Math.abs(a) / 2;
}

function segDist(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * The guidance lines a cell's swaths make: a stepped swath's pieces (consecutive, with
 * `rowsOffsetM`) are one line on the machine's path (each piece shifted right by its offset),
 * first start to last end, at the widest piece's width.
 */
function joinSteps(segs: Plan['route']): Plan['route'] {
  const out: Plan['route'] = [];
  const machine = (s: Plan['route'][number]): XY[] => {
    if (!s.rowsOffsetM) return s.points;
    const [a, b] = [s.points[0], s.points[s.points.length - 1]];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const off = s.rowsOffsetM ?? 0;
    return s.points.map(([x, y]): XY => [x + ((b[1] - a[1]) / len) * off, y - ((b[0] - a[0]) / len) * off]);
  };
  for (const s of segs) {
    const prev = out[out.length - 1];
    const joins =
      prev?.rowsOffsetM !== undefined && s.rowsOffsetM !== undefined && prev.cellId === s.cellId && prev.swathIndex === s.swathIndex;
    if (!joins) {
      out.push({ ...s, points: machine(s) });
      continue;
    }
    const widthM = Math.max(prev.widthM ?? Number.POSITIVE_INFINITY, s.widthM ?? Number.POSITIVE_INFINITY);
    out[out.length - 1] = { ...prev, points: [prev.points[0], machine(s)[1]], widthM: Number.isFinite(widthM) ? widthM : undefined };
  }
  return out;
}

function checkGuidance(name: string, plan: Plan, doc: Document): void {
  const gpns = all(doc, 'GPN');
  // one group per worked cell, plus one for the headland passes when there are any; groups in
  // the order their first swath is worked, each with its swaths in route order (a ground
  // machine works the laps around holes first and the boundary laps last: one headland group)
  const keyOf = (s: Plan['route'][number]) => (s.headlandLap >= 0 ? 'headland' : `cell ${s.cellId}`);
  const inRoute = plan.route.filter((s) => s.kind === 'swath');
  const groups = [...new Set(inRoute.map(keyOf))];
  const swaths = groups.flatMap((k) => joinSteps(inRoute.filter((s) => keyOf(s) === k)));
  expect({ name, patterns: gpns.length }).toEqual({ name, patterns: swaths.length });
  expect(all(doc, 'GGP').length).toBe(groups.length);
  gpns.forEach((g, i) => {
    const s = swaths[i];
    const lsgs = children(g, 'LSG');
    expect(lsgs.length).toBe(1);
    const lsg = lsgs[0];
    expect(lsg.getAttribute('A')).toBe('5'); // LineStringType 5 = guidance pattern
    expect(num(lsg, 'C')).toBe(Math.round((s.widthM ?? plan.vehicle.workingWidthM) * 1000));
    expect(Math.abs(num(lsg, 'D') - polylineLength(s.points) * 1000)).toBeLessThanOrEqual(1);
    const pnts = children(lsg, 'PNT');
    const straight = s.points.length === 2;
    expect(g.getAttribute('C')).toBe(straight ? '1' : '3'); // GuidancePatternType 1 = AB, 3 = curve
    expect(g.getAttribute('E')).toBe('4'); // PropagationDirection 4 = no propagation: each swath is its own line
    expect(pnts.length).toBe(s.points.length);
    expect(pnts.map((p) => p.getAttribute('A'))).toEqual(pnts.map((_, k) => (k === 0 ? '6' : k === pnts.length - 1 ? '7' : '9')));
    pnts.forEach((p, k) => expect(dist(pntXY(plan, p), s.points[k])).toBeLessThan(0.001));
    // heading A → B, degrees clockwise from north
    const a = s.points[0],
      b = s.points[s.points.length - 1];
    const heading = ((Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI + 360) % 360;
    expect(Math.abs(num(g, 'G') - heading)).toBeLessThan(1e-3);
  });
}

function checkAll(name: string, plan: Plan): void {
  const doc = parse(exportPlan(plan, 'isoxml'));
  checkRootAndReferences(name, doc);
  checkCoordinates(name, plan, doc);
  checkPartfield(name, plan, doc);
  checkGuidance(name, plan, doc);
}

describe('planToIsoxml / exportPlan isoxml', () => {
  let samples: { name: string; plan: Plan }[] = [];
  let others: { name: string; plan: Plan }[] = [];
  beforeAll(async () => {
    samples = await samplePlans();
    others = [...randomPlans(8), ...zeroCrossingPlans()];
  });

  it('parses as XML with the expected elements, ids and references for every sample field and vehicle', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
    for (const { name, plan } of samples) checkAll(name, plan);
  });

  it('has the expected elements for seeded random fields and fields on the meridian / equator', () => {
    for (const { name, plan } of others) checkAll(name, plan);
  });

  it('escapes designators with XML characters and cuts them to 32 characters', () => {
    const fieldName = 'Ruộng <Đồng Sau> & "Bờ Tây" — thửa số 12 của HTX Quỳnh Phụ';
    const [field] = parseFields(
      JSON.stringify({
        type: 'Feature',
        properties: { name: fieldName, farm: 'HTX <Quỳnh> & "Phụ"' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [106.35, 20.65],
              [106.350384, 20.65],
              [106.350384, 20.651079],
              [106.35, 20.651079],
              [106.35, 20.65],
            ],
          ],
        },
      }),
    );
    const doc = parse(exportPlan(planField(field, getVehicle('transplanter')), 'isoxml'));
    expect(all(doc, 'PFD')[0].getAttribute('C')).toBe([...fieldName].slice(0, 32).join(''));
    expect(all(doc, 'FRM')[0].getAttribute('B')).toBe('HTX <Quỳnh> & "Phụ"');
  });

  it('validates against the ISO 11783-10 v4.3 XML schema (xmllint)', (ctx) => {
    const xmllint = systemProgram('xmllint');
    if (!xmllint) return ctx.skip();
    expect(
      isoxmlProblems(
        xmllint,
        [...samples, ...others].map(({ plan }) => exportPlan(plan, 'isoxml')),
      ),
    ).toEqual([]);
  });

  it('the schema check can fail: a PNT in exponent form or a PFD without its area is refused', (ctx) => {
    const xmllint = systemProgram('xmllint');
    if (!xmllint) return ctx.skip();
    const good = exportPlan(samples[0].plan, 'isoxml');
    const bad = [good.replace(/(<PNT A="2" C=")[^"]*/, '$15e-7'), good.replace(/(<PFD A="PFD1" C="[^"]*") D="\d+"/, '$1')];
    for (const text of bad) {
      expect(text).not.toBe(good);
      expect(isoxmlProblems(xmllint, [text]).join('\n')).toMatch(/fails to validate/);
    }
  });

  it('a narrowed last pass (rows off) is a guidance pattern of its own width naming its rows, schema-valid', (ctx) => {
    // 21.2 m wide: inside two 1.8 m laps a 14.0 m band, 7 full passes and one of 5 rows (1.5 m)
    const plan = planField(fieldM([rectM(100, 21.2)], 'narrowed'), getVehicle('transplanter'));
    const text = exportPlan(plan, 'isoxml');
    const narrowed = all(parse(text), 'GPN').filter((g) => /rows$/.test(g.getAttribute('B') ?? ''));
    expect(narrowed.map((g) => [g.getAttribute('B'), children(g, 'LSG')[0].getAttribute('C')])).toEqual([
      [expect.stringMatching(/ 5\/6 rows$/), '1500'],
    ]);
    const xmllint = systemProgram('xmllint');
    if (!xmllint) return ctx.skip();
    expect(isoxmlProblems(xmllint, [text])).toEqual([]);
  });

  it('is deterministic: the same plan exports to the same bytes', () => {
    const { plan } = samples[5];
    expect(exportPlan(plan, 'isoxml')).toBe(exportPlan(plan, 'isoxml'));
  });
});
