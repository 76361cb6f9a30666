import type { Ring } from '../geometry/index.js';
import { fieldError, ringLabel, type FeatureRef } from './feature-ref.js';
import { localProjection, toLonLat, toXY } from '../geodesy/index.js';
import { perimeterM, pointInRing, reverseKeepStart, ringBounds, signedAreaM2 } from './ring-math.js';
import { findRingCrossing } from './self-intersection.js';
import type { Field } from './types.js';
import type { LonLat } from './validate-ring.js';

/** A ring whose mean width (2·area / perimeter) is under this is degenerate: 1 mm. */
export const MIN_MEAN_WIDTH_M = 0.001;

/** What {@link toField} needs besides the rings. */
export interface ToFieldInput {
  ref: FeatureRef;
  id: string;
  name: string;
  properties: Record<string, unknown>;
  /** Checked rings in `[lon, lat]`: open, no consecutive duplicates, in range. */
  rings: LonLat[][];
  maxAreaHa: number;
  /** See FieldLimits.maxEdgePairTests. */
  maxEdgePairTests: number;
}

/** @throws FieldError FIELD_TOO_LARGE (too crowded to check) or FIELD_SELF_INTERSECTION naming the rings, edges and where */
function checkNoCrossing(ringsM: Ring[], input: ToFieldInput, projection: Field['projection']): void {
  const { ref } = input;
  const crossing = findRingCrossing(ringsM, input.maxEdgePairTests);
  if (crossing?.tooComplex) {
    throw fieldError(
      'FIELD_TOO_LARGE',
      ref,
      `boundary too crowded to check for self-intersection: ${crossing.pairTests} edge pairs lie close together ` +
        `(limit maxEdgePairTests ${input.maxEdgePairTests}); simplify the boundary`,
      { pairTests: crossing.pairTests, limit: input.maxEdgePairTests },
    );
  }
  if (!crossing) return;
  const { ringA, edgeA, ringB, edgeB, kind, point } = crossing;
  const at = toLonLat(projection, point);
  const what =
    ringA === ringB
      ? `${ringLabel(ringA)} ${kind === 'cross' ? 'crosses' : kind === 'touch' ? 'touches' : 'folds back on'} itself (edges ${edgeA} and ${edgeB})`
      : `${ringLabel(ringA)} and ${ringLabel(ringB)} ${kind === 'cross' ? 'cross' : 'touch'} (edges ${edgeA} and ${edgeB})`;
  throw fieldError('FIELD_SELF_INTERSECTION', ref, `${what} near [${at}]`, {
    ring: ringA,
    edge: edgeA,
    otherRing: ringB,
    otherEdge: edgeB,
    kind,
    position: at,
  });
}

/**
 * Projects one checked polygon to metres and validates its shape: no degenerate ring, no
 * crossing or touching edges, holes inside the outer ring and not inside each other, area
 * within the limit. The projection origin is the first vertex of the outer ring. Rings come
 * out open in metres (outer CCW, holes CW) and closed in lon/lat with the same (RFC 7946) winding.
 * @throws FieldError FIELD_DEGENERATE, FIELD_SELF_INTERSECTION, FIELD_HOLE_OUTSIDE, FIELD_TOO_LARGE
 */
export function toField(input: ToFieldInput): Field {
  const { ref, rings } = input;
  const projection = localProjection(rings[0][0][0], rings[0][0][1]);
  const ringsM: Ring[] = rings.map((ring) => ring.map((lonLat) => toXY(projection, lonLat)));
  ringsM.forEach((ring, i) => checkNotDegenerate(ring, i, ref, fanAbsAreaM2(ring)));
  checkNoCrossing(ringsM, input, projection);
  const areas = ringsM.map((ring, i) => {
    const signedM2 = signedAreaM2(ring);
    checkNotDegenerate(ring, i, ref, Math.abs(signedM2));
    return signedM2;
  });
  checkHoles(ringsM, ref);
  const outerArea = Math.abs(areas[0]);
  const areaM2 = outerArea - areas.slice(1).reduce((sum, holeM2) => sum + Math.abs(holeM2), 0);
  if (areaM2 / 10_000 > input.maxAreaHa) {
    throw fieldError('FIELD_TOO_LARGE', ref, `area ${(areaM2 / 10_000).toFixed(1)} ha is over the limit of ${input.maxAreaHa} ha`, {
      areaHa: areaM2 / 10_000,
      limit: input.maxAreaHa,
    });
  }
  // the outer ring counter-clockwise, holes clockwise
  const wantCcw = (i: number) => i === 0;
  const polygonRings = ringsM.map((ring, i) => (areas[i] > 0 === wantCcw(i) ? ring : reverseKeepStart(ring)));
  const lonLat = rings.map((ring, i) => {
    const oriented = areas[i] > 0 === wantCcw(i) ? ring : reverseKeepStart(ring);
    return [...oriented, oriented[0]].map((p) => [p[0], p[1]]);
  });
  return {
    id: input.id,
    name: input.name,
    projection,
    polygon: { outer: polygonRings[0], holes: polygonRings.slice(1) },
    lonLat,
    areaM2,
    properties: input.properties,
  };
}

/**
 * Sum of the unsigned areas of the triangles fanned from vertex 0: zero only when every
 * vertex is on one line, so it tells a collinear ring from a bow-tie whose lobes cancel.
 */
function fanAbsAreaM2(ring: Ring): number {
  const [x0, y0] = ring[0];
  let s = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    s += Math.abs((ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i][1] - y0) * (ring[i + 1][0] - x0));
  }
  return s / 2;
}

function checkNotDegenerate(ring: Ring, r: number, ref: FeatureRef, area: number): void {
  const perimeter = perimeterM(ring);
  const meanWidthM = (2 * Math.abs(area)) / perimeter;
  if (!(meanWidthM >= MIN_MEAN_WIDTH_M)) {
    throw fieldError(
      'FIELD_DEGENERATE',
      ref,
      `${ringLabel(r)} has (almost) no area: ${Math.abs(area).toPrecision(3)} m² for a ${perimeter.toFixed(1)} m perimeter (collinear corners?)`,
      { ring: r, areaM2: Math.abs(area), perimeterM: perimeter },
    );
  }
}

/** Rings are known disjoint here, so one vertex tells inside from outside. */
function checkHoles(ringsM: Ring[], ref: FeatureRef): void {
  const outer = ringsM[0];
  for (let h = 1; h < ringsM.length; h++) {
    if (!pointInRing(ringsM[h][0], outer)) {
      throw fieldError('FIELD_HOLE_OUTSIDE', ref, `hole ${h} lies outside the outer ring`, { ring: h });
    }
  }
  const bounds = ringsM.map((r, i) => ({ i, b: i === 0 ? [0, 0, 0, 0] : ringBounds(r) }));
  const holes = bounds.slice(1).sort((p, q) => p.b[0] - q.b[0]);
  for (let a = 0; a < holes.length; a++) {
    const A = holes[a];
    for (let b = 0; b < holes.length && holes[b].b[0] <= A.b[0]; b++) {
      const B = holes[b];
      if (a === b) continue;
      if (B.b[1] <= A.b[1] && B.b[2] >= A.b[2] && B.b[3] >= A.b[3] && pointInRing(ringsM[A.i][0], ringsM[B.i])) {
        throw fieldError(
          'FIELD_HOLE_OUTSIDE',
          ref,
          `hole ${A.i} lies inside hole ${B.i}; a hole must be inside the outer ring and outside other holes`,
          { ring: A.i, insideRing: B.i },
        );
      }
    }
  }
}
