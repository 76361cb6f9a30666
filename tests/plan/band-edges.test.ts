import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandEdges, offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM } from '../../src/geometry/types.js';
import { lineIntervals } from '../../src/plan/index.js';
import { bandExtent, rowExtents } from '../../src/plan/swaths/swath-ends.js';
import { randomParsedField } from '../helpers/random-fields.js';

const EPS_M = 1e-4;

/** bandExtent as it was before the edge table: a walk over every edge per query (the reference). */
function bandExtentRef(part: PolygonM, y: number, lo: number, hi: number, a: number, b: number): [number, number] {
  const edges: number[] = [];
  const down: number[] = [lo + EPS_M],
    up: number[] = [hi - EPS_M];
  for (const ring of [part.outer, ...part.holes])
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j],
        [bx, by] = ring[i];
      if (Math.max(ay, by) <= lo || Math.min(ay, by) >= hi) continue;
      edges.push(ax, ay, bx, by);
      if (by > lo && by < y) down.push(by + EPS_M, by - EPS_M);
      else if (by > y && by < hi) up.push(by - EPS_M, by + EPS_M);
    }
  down.sort((u, v) => v - u);
  up.sort((u, v) => u - v);
  let x0 = a,
    x1 = b;
  for (const ys of [down, up]) {
    let c0 = a,
      c1 = b;
    for (const sy of ys) {
      if (sy <= lo || sy >= hi) continue;
      const xs: number[] = [];
      for (let e = 0; e < edges.length; e += 4)
        if (edges[e + 1] > sy !== edges[e + 3] > sy)
          xs.push(edges[e] + ((sy - edges[e + 1]) / (edges[e + 3] - edges[e + 1])) * (edges[e + 2] - edges[e]));
      xs.sort((u, v) => u - v);
      let n0 = Infinity,
        n1 = -Infinity;
      for (let k = 0; k + 1 < xs.length; k += 2)
        if (xs[k + 1] >= c0 - EPS_M && xs[k] <= c1 + EPS_M) [n0, n1] = [Math.min(n0, xs[k]), Math.max(n1, xs[k + 1])];
      if (n0 > n1) break;
      [c0, c1] = [n0, n1];
      [x0, x1] = [Math.min(x0, c0), Math.max(x1, c1)];
    }
  }
  return [x0, x1];
}

/** rowExtents as it was: per row, lineIntervals of the part and the reference bandExtent. */
function rowExtentsRef(part: PolygonM, lo: number, hi: number, a: number, b: number, passLoM: number, rows: number, rowM: number) {
  const out: ([number, number] | undefined)[] = [];
  for (let k = 0; k < rows; k++) {
    const rlo = Math.max(lo, passLoM + k * rowM),
      rhi = Math.min(hi, passLoM + (k + 1) * rowM);
    if (rhi - rlo <= 1e-3) {
      out.push(undefined);
      continue;
    }
    const ry = (rlo + rhi) / 2;
    let best: [number, number] | undefined,
      shared = 0;
    for (const [u, v] of lineIntervals([part], ry)) {
      const s = Math.min(v, b) - Math.max(u, a);
      if (s > shared) [best, shared] = [[u, v], s];
    }
    out.push(best ? bandExtentRef(part, ry, rlo, rhi, best[0], best[1]) : undefined);
  }
  return out;
}

/** A random field's inner area (round-joined inset, as the headland leaves it): many short edges, holes. */
function innerArea(seed: number, kind: string): PolygonM | undefined {
  const field = randomParsedField(seed, kind as 'convex', { minAreaHa: 0.3, maxAreaHa: 3 }).polygon;
  return offsetPolygons([field], -3.6, 'round')[0];
}

function yRange(p: PolygonM): [number, number] {
  const ys = p.outer.map((q) => q[1]);
  return [Math.min(...ys), Math.max(...ys)];
}

const arbCase = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  kind: fc.constantFrom('convex', 'concave', 'holes', 'sliver'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  half: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
});

describe('swath ends from the edge table: the same numbers as a walk over every edge', () => {
  it('bandEdges: each edge meeting the band once, no other', () => {
    const part = innerArea(5, 'holes')!;
    const [y0, y1] = yRange(part);
    for (let y = y0 - 1; y < y1 + 1; y += 0.37) {
      const got: number[] = [];
      bandEdges(part, y, y + 1.8, got);
      const want: string[] = [];
      for (const ring of [part.outer, ...part.holes])
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
          if (!(Math.max(ring[j][1], ring[i][1]) <= y || Math.min(ring[j][1], ring[i][1]) >= y + 1.8))
            want.push([...ring[j], ...ring[i]].join());
      const gotKeys = [];
      for (let e = 0; e < got.length; e += 4) gotKeys.push(got.slice(e, e + 4).join());
      expect(gotKeys.sort()).toEqual(want.sort());
    }
  });

  it('property (seeded): bandExtent and rowExtents equal the per-edge walk exactly', () => {
    fc.assert(
      fc.property(arbCase, ({ seed, kind, at, half }) => {
        const part = innerArea(seed, kind);
        if (!part) return;
        const [y0, y1] = yRange(part);
        const y = y0 + at * (y1 - y0);
        const [lo, hi] = [y - half, y + half];
        for (const [a, b] of lineIntervals([part], y)) {
          expect(bandExtent(part, y, lo, hi, a, b, half)).toEqual(bandExtentRef(part, y, lo, hi, a, b));
          expect(rowExtents(part, lo, hi, a, b, y - 0.9, 6, 0.3)).toEqual(rowExtentsRef(part, lo, hi, a, b, y - 0.9, 6, 0.3));
        }
      }),
      { seed: 4, numRuns: 150 },
    );
  });
});
