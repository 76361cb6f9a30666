/**
 * Counts over a coverage raster, four cells a step: a 32-bit word of each of its byte arrays at
 * a time (every plan counts a raster of ~10,000 cells for its gap passes and one of ~5,000 for
 * its metrics). The counts are those of the plain test per cell.
 */

/** Field cells counted, and those of them one path or more covers, and two or more. */
export interface CellCounts {
  inside: number;
  covered: number;
  overlapped: number;
}

/** 0x80 in each byte of x that is not zero, else 0 (x a 32-bit word). */
function nonZeroBytes(x: number): number {
  return (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
}

/** How many bytes of a {@link nonZeroBytes} mask are set. */
function bytesSet(mask: number): number {
  return Math.imul(mask >>> 7, 0x01010101) >>> 24;
}

/**
 * The cells in the field (`inField` not 0) and, unless `withCorners`, in no unreachable corner
 * (`excluded` 0): counted in `inside`, in `covered` when a path covers them (`passes` ≥ 1), in
 * `overlapped` when two do (≥ 2). `g`: a `CoverageGrid`'s three rasters.
 */
export function cellCounts(g: { inField: Uint8Array; excluded: Uint8Array; passes: Uint8Array }, withCorners = false): CellCounts {
  const { inField, excluded, passes } = g;
  const size = passes.length;
  let inside = 0,
    covered = 0,
    overlapped = 0,
    k = 0;
  if (inField.byteOffset % 4 === 0 && excluded.byteOffset % 4 === 0 && passes.byteOffset % 4 === 0) {
    const words = size >>> 2;
    const f = new Uint32Array(inField.buffer, inField.byteOffset, words),
      e = new Uint32Array(excluded.buffer, excluded.byteOffset, words),
      p = new Uint32Array(passes.buffer, passes.byteOffset, words);
    const keep = withCorners ? 0 : -1;
    for (let w = 0; w < words; w++) {
      const counted = nonZeroBytes(f[w]) & ~(nonZeroBytes(e[w]) & keep);
      if (counted === 0) continue;
      inside += bytesSet(counted);
      covered += bytesSet(counted & nonZeroBytes(p[w]));
      overlapped += bytesSet(counted & nonZeroBytes(p[w] & 0xfefefefe));
    }
    k = 4 * words;
  }
  for (; k < size; k++) {
    if (!inField[k] || (!withCorners && excluded[k])) continue;
    inside++;
    if (passes[k] >= 1) covered++;
    if (passes[k] >= 2) overlapped++;
  }
  return { inside, covered, overlapped };
}
