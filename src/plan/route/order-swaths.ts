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
  // as many visits as `Array.from({ length: count })` has entries (a cell's route asks all eight ways of every cell)
  const n = count > 0 ? Math.floor(count) : 0;
  const order: SwathVisit[] = new Array(n);
  for (let k = 0; k < n; k++) order[k] = { index: fromTop ? count - 1 - k : k, reversed: k % 2 === 0 ? firstReversed : !firstReversed };
  return order;
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
  const order: SwathVisit[] = new Array(seq.length);
  for (let j = 0; j < seq.length; j++)
    order[j] = { index: fromTop ? count - 1 - seq[j] : seq[j], reversed: j % 2 === 0 ? firstReversed : !firstReversed };
  return order;
}
