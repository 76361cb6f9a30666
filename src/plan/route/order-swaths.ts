/** A swath visit: which swath of the cell, and whether it is driven towards −x (reversed). */
export interface SwathVisit {
  index: number;
  reversed: boolean;
}

/**
 * Boustrophedon order: swaths side by side, alternating direction.
 *
 * @param count - swaths in the cell (bottom to top)
 * @param fromTop - start at the top swath
 * @param firstReversed - drive the first swath towards −x
 */
export function boustrophedon(count: number, fromTop: boolean, firstReversed: boolean): SwathVisit[] {
  const order = Array.from({ length: count }, (_, i) => (fromTop ? count - 1 - i : i));
  return order.map((index, k) => ({ index, reversed: k % 2 === 0 ? firstReversed : !firstReversed }));
}

/**
 * Skip-k order for machines that cannot turn into the next swath: visits every k-th swath,
 * then sweeps back over the next residue, and so on, alternating direction. All turns but
 * k − 1 of them skip k − 1 swaths, so they can be plain U-turns (Fields2Cover's snake order
 * is k = 2).
 */
export function skipOrder(count: number, k: number, fromTop: boolean, firstReversed: boolean): SwathVisit[] {
  if (k <= 1 || count <= k) return boustrophedon(count, fromTop, firstReversed);
  const seq: number[] = [];
  for (let r = 0; r < k; r++) {
    const cls: number[] = [];
    for (let i = r; i < count; i += k) cls.push(i);
    if (r % 2 === 1) cls.reverse();
    seq.push(...cls);
  }
  const order = fromTop ? seq.map((i) => count - 1 - i) : seq;
  return order.map((index, j) => ({ index, reversed: j % 2 === 0 ? firstReversed : !firstReversed }));
}
