export type { XY, Ring, PolygonM } from './types.js';
export { signedArea, withWinding, bounds, dist, distToSegment, closestOnSegment, convexHull } from './ring.js';
export { hypot } from './hypot.js';
export {
  pointInRing,
  pointInPolygon,
  pointInPolygonTol,
  distToRing,
  segmentsCross,
  segmentCrossesPolygon,
} from './inside.js';
export { polylineInside, polylinesInside } from './near-edges.js';
export { rotate, rotateRing, rotatePolygon } from './transform.js';
export { polylineLength, splitPolyline, dedupe } from './polyline.js';
export { offsetPolygons, offsetRoundJoins, unionPolygons, intersectPolygons } from './offset.js';
export { shortestPathInside, reflexVertices } from './shortest-path.js';
export { bandEdges, lineCrossings } from './scanline.js';
export { simplifyRing, simplifyPolygon } from './simplify.js';
export { sortAscending, sortDescending } from './sort-numbers.js';
