/**
 * Water buffers of a block (canals, ponds: `kind: "buffer"`): the strip of each paddy within a
 * buffer's `bufferM` of the water is not spread on — drones plan the paddy less the strip, so the
 * spreader stays shut over it — and the strips plus the water itself are where the dose model
 * measures what still drifts in (`intoBufferKg`).
 */
import { bounds, intersectPolygons, offsetPolygons, type PolygonM } from '../geometry/index.js';
import { boxesMeet, polygonAreaM2, subtractPolygons } from './geom.js';
import type { Block, BlockPaddy } from './types.js';

/** Worked pieces under this area are dropped, m² (slivers a strip leaves beside a bund). */
const MIN_PIECE_M2 = 1;

/** A paddy split by the buffer rule. */
export interface PaddyBufferSplit {
  /** What may be spread on: the paddy less its strips (the paddy itself without buffers near). */
  worked: PolygonM[];
  /** The paddy's part within `bufferM` of the water, not spread on. */
  strip: PolygonM[];
}

/** Water polygons of the block grown by their no-spray distance (0 when they give none). */
function noSpray(block: Block): PolygonM[] {
  return (block.buffers ?? []).flatMap((b) => (b.bufferM ? offsetPolygons([b.polygon], b.bufferM, 'miter') : []));
}

/** Splits a paddy by the block's water buffers. */
export function paddyBufferSplit(block: Block, paddy: BlockPaddy): PaddyBufferSplit {
  const box = bounds([paddy.polygon.outer]);
  const near = noSpray(block).filter((g) => boxesMeet(box, bounds([g.outer])));
  if (near.length === 0) return { worked: [paddy.polygon], strip: [] };
  const worked = subtractPolygons(paddy.polygon, near).filter((p) => polygonAreaM2(p) >= MIN_PIECE_M2);
  return { worked, strip: intersectPolygons([paddy.polygon], near) };
}

/**
 * Where product must not land, per paddy (block order): its strip; the water itself is given to
 * the first paddy (one copy for the whole block).
 * @example
 * ```ts
 * const block = await readBlockFile('block-with-canal.geojson');
 * const buffers = blockBufferStrips(block); // block metres, for createFleetSimulation's dose.buffers
 * ```
 */
export function blockBufferStrips(block: Block): PolygonM[][] {
  const water = (block.buffers ?? []).map((b) => b.polygon);
  return block.paddies.map((p, i) => [...paddyBufferSplit(block, p).strip, ...(i === 0 ? water : [])]);
}
