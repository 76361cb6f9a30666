/**
 * Checks on headland laps shared by the fillet tests: their area, the Clipper opening and closing
 * the fillets replace, how sharply a ring turns against a turning radius, and self-crossings.
 */
import { expect } from 'vitest';
import { intersectPolygons, offsetPolygons, polylineLength, segmentsCross, signedArea } from '../../src/geometry/index.js';
import type { PolygonM, Ring } from '../../src/geometry/types.js';

/** Area of some polygons, holes taken out (signed rings), m². */
export function areaOf(polys: PolygonM[]): number {
  return polys.reduce((a, p) => a + signedArea(p.outer) + p.holes.reduce((b, h) => b + signedArea(h), 0), 0);
}

/** The lap the offsets give (the code the fillet replaces): opening and closing by `radiusM` of the field inset by d (round joins). */
export function clipperSmoothed(field: PolygonM, d: number, radiusM: number, arcToleranceM: number): PolygonM[] {
  const eroded = offsetPolygons([field], -(d + radiusM), 'round', arcToleranceM);
  return offsetPolygons(offsetPolygons(eroded, 2 * radiusM, 'round', arcToleranceM), -radiusM, 'round', arcToleranceM);
}

/**
 * Largest turn at a vertex over what a path of radius `radiusM` may turn along the half-edges
 * either side of it (1 = exactly that radius; an inscribed arc's chords are a hair shorter than its length).
 */
export function worstTurnRatio(ring: Ring, radiusM: number): number {
  const n = ring.length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[(i + n - 1) % n],
      b = ring[i],
      c = ring[(i + 1) % n];
    const ax = b[0] - a[0],
      ay = b[1] - a[1],
      bx = c[0] - b[0],
      by = c[1] - b[1];
    const turn = Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    const allowed = (Math.hypot(ax, ay) + Math.hypot(bx, by)) / (2 * radiusM);
    worst = Math.max(worst, turn / allowed);
  }
  return worst;
}

/** True when two edges of the ring that are not neighbours cross. */
export function selfCrossing(ring: Ring): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return true;
    }
  return false;
}

/**
 * Asserts a filleted lap of `field` at offset `d` is drivable (no turn sharper than `radiusM`
 * along its chords, no self-crossing, every ring) and within ~1 cm along it of Clipper's opening
 * and closing: their symmetric difference under 1 % of the lap's perimeter in m², plus 0.5 m².
 * With `sameParts`, the lap has as many polygons as the opening and closing.
 */
export function expectLikeOffsets(
  field: PolygonM,
  d: number,
  lap: PolygonM[],
  radiusM: number,
  arcToleranceM: number,
  sameParts: boolean,
): void {
  for (const p of lap)
    for (const ring of [p.outer, ...p.holes]) {
      expect(worstTurnRatio(ring, radiusM)).toBeLessThan(1.01);
      expect(selfCrossing(ring)).toBe(false);
    }
  const ref = clipperSmoothed(field, d, radiusM, arcToleranceM);
  if (sameParts) expect(lap).toHaveLength(ref.length);
  const xorM2 = areaOf(lap) + areaOf(ref) - 2 * areaOf(intersectPolygons(lap, ref));
  const perimeterM = lap.reduce((a, p) => a + [p.outer, ...p.holes].reduce((b, r) => b + polylineLength([...r, r[0]]), 0), 0);
  expect(xorM2).toBeLessThan(0.01 * perimeterM + 0.5);
}
