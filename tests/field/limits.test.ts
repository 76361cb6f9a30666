import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/errors.js';
import { DEFAULT_FIELD_LIMITS, parseFields, readFieldFile } from '../../src/field/index.js';
import { randomField, randomFieldSet } from '../helpers/random-fields.js';

function refused(fn: () => unknown): FieldError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** A regular n-gon of radius rM around Quỳnh Phụ, as closed lon/lat. */
function circle(n: number, rM: number): number[][] {
  const ring = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return [106.35 + (rM * Math.cos(t)) / 104_050, 20.65 + (rM * Math.sin(t)) / 111_195];
  });
  return [...ring, ring[0]];
}

describe('field limits (options with defaults)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_FIELD_LIMITS).toEqual({
      maxBytes: 20 * 1024 * 1024,
      maxVertices: 100_000,
      maxFeatures: 10_000,
      maxAreaHa: 10_000,
      maxEdgePairTests: 20_000_000,
    });
  });

  it('maxBytes: counts UTF-8 bytes of the text, and file size before reading', async () => {
    const text = JSON.stringify(randomField(1, 'convex'));
    const bytes = Buffer.byteLength(text);
    expect(parseFields(text, { maxBytes: bytes })).toHaveLength(1);
    const err = refused(() => parseFields(text, { maxBytes: bytes - 1 }));
    expect(err.code).toBe('FIELD_TOO_LARGE');
    expect(err.details).toMatchObject({ bytes, limit: bytes - 1 });
    const file = join(mkdtempSync(join(tmpdir(), 'agrisim-lim-')), 'f.geojson');
    writeFileSync(file, text);
    await expect(readFieldFile(file, { maxBytes: 10 })).rejects.toMatchObject({ code: 'FIELD_TOO_LARGE' });
  });

  it('maxVertices: counts positions over the whole input', () => {
    const set = randomFieldSet(5, 20);
    const total = set.reduce((s, f) => s + f.geometry.coordinates.reduce((t, r) => t + r.length, 0), 0);
    const text = JSON.stringify({ type: 'FeatureCollection', features: set });
    expect(parseFields(text, { maxVertices: total })).toHaveLength(20);
    expect(refused(() => parseFields(text, { maxVertices: total - 1 })).code).toBe('FIELD_TOO_LARGE');
  });

  it('maxVertices default: a 100,000-vertex field passes, 100,001 is refused', () => {
    const ok = JSON.stringify({ type: 'Polygon', coordinates: [circle(99_999, 300)] });
    const [f] = parseFields(ok);
    expect(f.polygon.outer).toHaveLength(99_999);
    expect(f.areaM2).toBeCloseTo(Math.PI * 300 * 300, -2);
    const tooMany = JSON.stringify({ type: 'Polygon', coordinates: [circle(100_000, 300)] });
    expect(refused(() => parseFields(tooMany)).code).toBe('FIELD_TOO_LARGE');
  });

  it('maxFeatures: counts input features', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: randomFieldSet(9, 12) });
    expect(parseFields(text, { maxFeatures: 12 })).toHaveLength(12);
    const err = refused(() => parseFields(text, { maxFeatures: 11 }));
    expect(err.code).toBe('FIELD_TOO_LARGE');
    expect(err.message).toContain('12 features, over the limit of 11');
  });

  it('maxFeatures: also counts polygons of multi-geometries', () => {
    const f = randomField(3, 'convex');
    const mp = { type: 'MultiPolygon', coordinates: [f.geometry.coordinates, randomField(4, 'convex').geometry.coordinates] };
    expect(refused(() => parseFields(JSON.stringify(mp), { maxFeatures: 1 })).message).toContain('2 polygons');
  });

  it('maxAreaHa: refuses a polygon over the area limit', () => {
    const f = randomField(8, 'convex', { minAreaHa: 15, maxAreaHa: 19 });
    const text = JSON.stringify(f);
    expect(parseFields(text, { maxAreaHa: 20 })).toHaveLength(1);
    const err = refused(() => parseFields(text, { maxAreaHa: 10 }));
    expect(err.code).toBe('FIELD_TOO_LARGE');
    expect(err.details.limit).toBe(10);
  });
});
