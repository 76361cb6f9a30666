/**
 * Local metres ↔ lon/lat for drawing a paddy on a phone: an equirectangular projection
 * around a home point (accurate to a few centimetres over a few hundred metres), and the
 * shoelace area of what was drawn, shown live in sào while the farmer taps.
 */
/** Metres per degree of latitude (WGS84 mean, as the field stage's local projection). */
const M_PER_DEG_LAT = 111_320;

export type LonLat = [number, number];
export type XY = [number, number];

/** Default home: Quỳnh Phụ, Thái Bình (docs/contracts.md home case), where the demo's block lies. */
export const HOME: LonLat = [106.35, 20.65];

export function toLonLat(home: LonLat, p: XY): LonLat {
  const cos = Math.cos((home[1] * Math.PI) / 180);
  return [+(home[0] + p[0] / (M_PER_DEG_LAT * cos)).toFixed(8), +(home[1] + p[1] / M_PER_DEG_LAT).toFixed(8)];
}

/** Area of a ring of metres (open or closed), m². */
export function ringAreaM2(pts: readonly XY[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[(i + 1) % pts.length];
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}

/** The drawn corners as a closed GeoJSON Polygon (what the server reads, like any GeoJSON file). */
export function polygonOf(home: LonLat, pts: readonly XY[]): { type: 'Polygon'; coordinates: LonLat[][] } {
  const ring = pts.map((p) => toLonLat(home, p));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}
