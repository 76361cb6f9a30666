import { describe, expect, it } from 'vitest';
import type { XY } from '../../src/geometry/types.js';
import { FieldError } from '../../src/errors.js';
import { findRingCrossing, parseFields } from '../../src/field/index.js';

const circle = (n: number, r: number, cx = 0, cy = 0): XY[] =>
  Array.from({ length: n }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
const square = (x: number, y: number, s: number): XY[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

/** A star of n corners alternating between radius rIn and rOut: simple, but crowded near its centre. */
const star = (n: number, rIn: number, rOut: number): XY[] =>
  Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const r = i % 2 ? rIn : rOut;
    return [r * Math.cos(t), r * Math.sin(t)];
  });

describe('findRingCrossing', () => {
  it('accepts simple rings: square, triangle, concave L, 100,000-gon', () => {
    expect(findRingCrossing([square(0, 0, 10)])).toBeUndefined();
    expect(
      findRingCrossing([
        [
          [0, 0],
          [10, 0],
          [0, 10],
        ],
      ]),
    ).toBeUndefined();
    expect(
      findRingCrossing([
        [
          [0, 0],
          [120, 0],
          [120, 40],
          [40, 40],
          [40, 110],
          [0, 110],
        ],
      ]),
    ).toBeUndefined();
    expect(findRingCrossing([circle(100_000, 300)])).toBeUndefined();
  });

  it('finds one crossing hidden among 100,000 vertices (two neighbours swapped)', () => {
    const ring = circle(100_000, 300);
    [ring[70_000], ring[70_001]] = [ring[70_001], ring[70_000]];
    const hit = findRingCrossing([ring]);
    expect(hit).toMatchObject({ ringA: 0, ringB: 0, kind: 'cross' });
    expect(hit && !hit.tooComplex && [hit.edgeA, hit.edgeB].sort((a, b) => a - b)).toEqual([69_999, 70_001]);
  });

  it('reports ring-vs-ring crossings and touches, and a hole touching another hole', () => {
    expect(findRingCrossing([square(0, 0, 100), square(90, 40, 20)])).toMatchObject({ ringA: 0, ringB: 1, kind: 'cross' });
    expect(
      findRingCrossing([
        square(0, 0, 100),
        [
          [100, 50],
          [90, 60],
          [90, 40],
        ],
      ]),
    ).toMatchObject({ kind: 'touch' });
    expect(findRingCrossing([square(0, 0, 100), square(10, 10, 10), square(20, 10, 10)])).toMatchObject({ ringA: 1, ringB: 2 });
    expect(findRingCrossing([square(0, 0, 100), square(10, 10, 10), square(20.001, 10, 10)])).toBeUndefined();
  });

  it('reports a fold-back between neighbouring edges as overlap, not a right angle', () => {
    expect(
      findRingCrossing([
        [
          [0, 0],
          [10, 0],
          [5, 0],
          [5, 5],
        ],
      ]),
    ).toMatchObject({ kind: 'overlap' });
    expect(
      findRingCrossing([
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
      ]),
    ).toBeUndefined();
  });

  it('returns a tooComplex marker instead of working past maxPairTests', () => {
    const crowded = star(2000, 50, 500);
    const marker = findRingCrossing([crowded], 200_000);
    expect(marker).toMatchObject({ tooComplex: true });
    expect(marker?.tooComplex && marker.pairTests).toBeGreaterThan(200_000);
    expect(findRingCrossing([crowded])).toBeUndefined();
  });
});

describe('crowded boundaries through parseFields', () => {
  it('are refused with FIELD_TOO_LARGE past maxEdgePairTests, naming the limit', () => {
    const lonLat = star(2000, 50, 500).map(([x, y]) => [106.35 + x / 104_050, 20.65 + y / 111_195]);
    const text = JSON.stringify({ type: 'Polygon', coordinates: [[...lonLat, lonLat[0]]] });
    try {
      parseFields(text, { maxEdgePairTests: 200_000 });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).code).toBe('FIELD_TOO_LARGE');
      expect((e as FieldError).message).toContain('maxEdgePairTests 200000');
    }
    expect(parseFields(text)).toHaveLength(1);
  });
});
