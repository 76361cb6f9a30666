import { fieldError, ringLabel, type FeatureRef } from './feature-ref.js';
import type { LonLat } from './validate-ring.js';

const inRange = (lon: number, lat: number) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/**
 * Checks every position of one polygon for range, and spots `[lat, lon]` order.
 *
 * The rule: a position is out of range when |lon| > 180 or |lat| > 90. If any position of the
 * polygon is out of range and swapping every position of the polygon would put all of them in
 * range, the polygon is refused as FIELD_LATLON_SWAPPED (typical of Vietnam written as
 * `[20.65, 106.35]`: read as lon 20.65, lat 106.35 > 90). Otherwise FIELD_COORD_OUT_OF_RANGE,
 * naming the first bad position. A polygon whose swapped reading is also in range everywhere
 * (both numbers ≤ 90) cannot be told apart and is accepted as written.
 * @throws FieldError FIELD_LATLON_SWAPPED, FIELD_COORD_OUT_OF_RANGE
 */
export function checkCoordRanges(rings: LonLat[][], ref: FeatureRef): void {
  let bad: { ring: number; position: number; p: LonLat } | undefined;
  let swappedOk = true;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0; i < ring.length; i++) {
      const [lon, lat] = ring[i];
      if (!bad && !inRange(lon, lat)) bad = { ring: r, position: i, p: ring[i] };
      if (swappedOk && !inRange(lat, lon)) swappedOk = false;
    }
  }
  if (!bad) return;
  const where = `${ringLabel(bad.ring)}, position ${bad.position}`;
  const details = { ring: bad.ring, position: bad.position, lon: bad.p[0], lat: bad.p[1] };
  if (swappedOk) {
    throw fieldError(
      'FIELD_LATLON_SWAPPED',
      ref,
      `${where} is [${bad.p}]: latitude ${bad.p[1]} is out of range, and every position fits if read as [lat, lon]; ` +
        'GeoJSON and KML want [lon, lat] (swap the two numbers)',
      details,
    );
  }
  throw fieldError(
    'FIELD_COORD_OUT_OF_RANGE',
    ref,
    `${where} is [${bad.p}]: longitude must be within ±180 and latitude within ±90`,
    details,
  );
}
