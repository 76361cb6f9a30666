/**
 * Footprints painted on the coverage raster: the implement bar swept between two true
 * positions (a quad perpendicular to the heading) and a disc at a corner of a working path.
 */
import type { XY } from '../geometry/index.js';
import type { CoverageRaster } from './coverage-raster.js';

/** Paints the bar of half-width `halfW` swept from `a` to `b`, perpendicular to unit direction `dir`. */
export function paintBar(raster: CoverageRaster, a: XY, b: XY, dir: XY, halfW: number, passId: number): void {
  const nx = dir[1] * halfW;
  const ny = -dir[0] * halfW;
  raster.paintQuad(
    [
      [a[0] + nx, a[1] + ny],
      [b[0] + nx, b[1] + ny],
      [b[0] - nx, b[1] - ny],
      [a[0] - nx, a[1] - ny],
    ],
    passId,
  );
}

const DISC_SIDES = 16;
const DISC_UNIT: XY[] = Array.from({ length: DISC_SIDES }, (_, i) => {
  const a = (2 * Math.PI * i) / DISC_SIDES;
  return [Math.cos(a), Math.sin(a)] as XY;
});

/** Paints a disc of radius `r` (a 16-gon) centred on `c`: the footprint swept while turning at a corner. */
export function paintDisc(raster: CoverageRaster, c: XY, r: number, passId: number): void {
  raster.paintQuad(
    DISC_UNIT.map(([x, y]) => [c[0] + x * r, c[1] + y * r] as XY),
    passId,
  );
}
