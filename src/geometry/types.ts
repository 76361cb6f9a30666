/** A point in metres on the field's local projection: x east, y north. */
export type XY = [number, number];

/** A ring in metres, open (the last point is not a copy of the first). */
export type Ring = XY[];

/**
 * A polygon in metres: the outer ring counter-clockwise, holes clockwise, all rings open.
 * Holes are areas not to be worked or entered (tomb plots, pump houses).
 */
export interface PolygonM {
  outer: Ring;
  holes: Ring[];
}
