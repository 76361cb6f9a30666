import { fieldError, ringLabel, type FeatureRef } from './feature-ref.js';

/** Counts positions across a whole input against `maxVertices`. */
export interface VertexBudget {
  used: number;
  readonly max: number;
}

/** A `[lon, lat]` pair. */
export type LonLat = [number, number];

/**
 * Checks one raw GeoJSON linear ring: an array of at least 4 positions of two finite numbers
 * (a third, altitude, is allowed and dropped), the last equal to the first. Returns the ring
 * open (closing position dropped) with consecutive duplicate positions removed.
 * Ranges (±180, ±90) are checked later for the whole polygon, see `checkCoordRanges`.
 * @throws FieldError FIELD_COORD_INVALID, FIELD_RING_TOO_SHORT, FIELD_RING_UNCLOSED,
 *   FIELD_DEGENERATE (fewer than 3 distinct corners), FIELD_TOO_LARGE (vertex budget)
 */
export function validateRing(raw: unknown, ringIndex: number, ref: FeatureRef, budget: VertexBudget): LonLat[] {
  const label = ringLabel(ringIndex);
  if (!Array.isArray(raw)) {
    throw fieldError('FIELD_COORD_INVALID', ref, `${label} is not an array of positions`, { ring: ringIndex });
  }
  budget.used += raw.length;
  if (budget.used > budget.max) {
    throw fieldError('FIELD_TOO_LARGE', ref, `over the limit of ${budget.max} vertices in one input`, {
      ring: ringIndex,
      vertices: budget.used,
      limit: budget.max,
    });
  }
  const ring: LonLat[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) ring[i] = readPosition(raw[i], i, ringIndex, ref);
  if (ring.length < 4) {
    throw fieldError(
      'FIELD_RING_TOO_SHORT',
      ref,
      `${label} has ${ring.length} positions; a ring needs at least 4 (3 corners and the closing copy of the first)`,
      { ring: ringIndex, positions: ring.length },
    );
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw fieldError('FIELD_RING_UNCLOSED', ref, `${label} is not closed: first position [${first}] differs from last [${last}]`, {
      ring: ringIndex,
      position: ring.length - 1,
      first,
      last,
    });
  }
  const open = dedupe(ring);
  if (open.length < 3) {
    throw fieldError('FIELD_DEGENERATE', ref, `${label} has only ${open.length} distinct corner(s); no area`, {
      ring: ringIndex,
      corners: open.length,
    });
  }
  return open;
}

function readPosition(p: unknown, i: number, ringIndex: number, ref: FeatureRef): LonLat {
  if (Array.isArray(p) && p.length >= 2 && p.length <= 3) {
    const [lon, lat] = p;
    if (typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat)) {
      if (p.length === 2 || (typeof p[2] === 'number' && Number.isFinite(p[2]))) return [lon, lat];
    }
  }
  throw fieldError(
    'FIELD_COORD_INVALID',
    ref,
    `${ringLabel(ringIndex)}, position ${i} is ${preview(p)}; expected [lon, lat] (two finite numbers)`,
    { ring: ringIndex, position: i },
  );
}

/** A bad position as messages show it: numbers and nulls as written, text and objects only by kind (never the file's bytes). */
function preview(v: unknown): string {
  const shape = (_k: string, x: unknown) => {
    if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    if (typeof x === 'string') return '(text)';
    if (x && typeof x === 'object' && !Array.isArray(x)) return '(object)';
    return x;
  };
  const s = JSON.stringify(v, shape) ?? typeof v;
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Drops the closing position and consecutive duplicates (also a last corner equal to the first). */
function dedupe(closed: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (let i = 0; i < closed.length - 1; i++) {
    const p = closed[i];
    const prev = out[out.length - 1];
    if (prev === undefined || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[out.length - 1][0] === out[0][0] && out[out.length - 1][1] === out[0][1]) out.pop();
  return out;
}
