import { fieldFromMetres } from '../../src/field/index.js';
import type { Field } from '../../src/field/types.js';
import type { XY } from '../../src/geometry/types.js';

/** Quỳnh Phụ, Thái Bình: where the test fields sit. */
export const QUYNH_PHU: [number, number] = [106.35, 20.65];

/** A field from rings in metres east/north of Quỳnh Phụ (outer first, then holes). */
export function fieldM(rings: XY[][], id = 'test'): Field {
  return fieldFromMetres(rings, QUYNH_PHU, { id, name: id });
}

/** An axis-aligned rectangle w × h metres, optionally rotated by `deg` about its corner. */
export function rectM(w: number, h: number, deg = 0): XY[] {
  const a = (deg * Math.PI) / 180,
    c = Math.cos(a),
    s = Math.sin(a);
  return (
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ] as XY[]
  ).map(([x, y]) => [x * c - y * s, x * s + y * c]);
}
