import * as turf from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/errors.js';
import { parseFields } from '../../src/field/index.js';
import {
  arbBowTie,
  arbField,
  arbParsedField,
  RANDOM_FIELD_KINDS,
  randomField,
  randomFieldSet,
  randomParsedField,
  type RandomFieldFeature,
} from '../helpers/random-fields.js';

const parseOne = (f: RandomFieldFeature) => {
  const fields = parseFields(JSON.stringify(f));
  expect(fields).toHaveLength(1);
  return fields[0];
};

/** Same ring, starting at corner k (closed again). */
function rotateStart(ring: number[][], k: number): number[][] {
  const open = ring.slice(0, -1);
  const s = k % open.length;
  const r = [...open.slice(s), ...open.slice(0, s)];
  return [...r, r[0]];
}

const withRings = (f: RandomFieldFeature, rings: number[][][]): RandomFieldFeature => ({
  ...f,
  geometry: { type: 'Polygon', coordinates: rings },
});

describe('random fields (seeded fast-check)', () => {
  it('the generators are deterministic', () => {
    expect(randomField(123, 'holes')).toEqual(randomField(123, 'holes'));
    expect(randomField(123, 'holes')).not.toEqual(randomField(124, 'holes'));
  });

  for (const kind of RANDOM_FIELD_KINDS) {
    it(`every valid ${kind} field is accepted, with the turf area (±0.5 %) and 0.05–20 ha`, () => {
      fc.assert(
        fc.property(arbField(kind), (f) => {
          const field = parseOne(f);
          const turfM2 = turf.area(f as never);
          expect(Math.abs(field.areaM2 - turfM2) / turfM2).toBeLessThan(0.005);
          expect(field.areaM2).toBeGreaterThan(0.05 * 10_000 * 0.99);
          expect(field.areaM2).toBeLessThan(20 * 10_000 * 1.01);
          expect(field.polygon.holes.length).toBe(f.geometry.coordinates.length - 1);
        }),
        { seed: 20260, numRuns: 60 },
      );
    });
  }

  it('reversing a ring or starting it at another corner gives the same area', () => {
    fc.assert(
      fc.property(arbField(), fc.nat(), (f, k) => {
        const base = parseOne(f).areaM2;
        const rings = f.geometry.coordinates;
        const reversed = parseOne(
          withRings(
            f,
            rings.map((r) => [...r].reverse()),
          ),
        );
        const rotated = parseOne(
          withRings(
            f,
            rings.map((r) => rotateStart(r, k)),
          ),
        );
        // Another first corner is another projection origin: the equirectangular scale changes by
        // tan(lat)·Δlat (< 1e-3 over a few km at 20.65 N), so the areas agree to that, not exactly.
        expect(Math.abs(reversed.areaM2 - base) / base).toBeLessThan(1e-9);
        expect(Math.abs(rotated.areaM2 - base) / base).toBeLessThan(1e-3);
      }),
      { seed: 77, numRuns: 100 },
    );
  });

  it('a random self-crossing ring (bow-tie) is refused with FIELD_SELF_INTERSECTION', () => {
    fc.assert(
      fc.property(arbBowTie(), (f) => {
        try {
          parseFields(JSON.stringify(f));
        } catch (e) {
          return e instanceof FieldError && e.code === 'FIELD_SELF_INTERSECTION';
        }
        return false;
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('a random hole moved outside its field is refused with FIELD_HOLE_OUTSIDE', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const f = randomField(seed, 'holes');
        const [outer, hole] = f.geometry.coordinates;
        const lons = outer.map((p) => p[0]);
        const shift = Math.max(...lons) - Math.min(...lons) + 0.001;
        const moved = hole.map(([lon, lat]) => [lon + shift, lat]);
        try {
          parseFields(JSON.stringify(withRings(f, [outer, moved])));
        } catch (e) {
          return e instanceof FieldError && e.code === 'FIELD_HOLE_OUTSIDE';
        }
        return false;
      }),
      { seed: 99, numRuns: 50 },
    );
  });

  it('parsed helpers give validated fields in metres (outer CCW, origin at the first corner)', () => {
    expect(randomParsedField(5, 'sliver').polygon.outer[0]).toEqual([0, 0]);
    fc.assert(
      fc.property(arbParsedField('holes'), (f) => f.polygon.holes.length >= 1 && f.areaM2 > 0),
      { seed: 3, numRuns: 20 },
    );
  });

  it('a 1,000-field set of all kinds parses in one FeatureCollection', () => {
    const set = randomFieldSet(1, 1000);
    const fields = parseFields(JSON.stringify({ type: 'FeatureCollection', features: set }));
    expect(fields).toHaveLength(1000);
    expect(fields.map((f) => f.id)).toEqual(set.map((f) => f.id));
  });
});
