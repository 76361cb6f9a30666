/**
 * Numbers sorted in place without an allocation. A sweep line meets a few edges, so its
 * crossings are a handful of numbers; `Array.prototype.sort` copies every array it sorts into a
 * work array first, and on the swath-end and sweep loops those copies were about a tenth of all
 * bytes the planner allocated (V8 allocation sampling, fields/real). Insertion sort is stable
 * and compares with `>` only, so it gives the order `sort((u, v) => u - v)` gives (NaN-free input).
 */

/** A writable run of numbers: a plain array or a Float64Array. */
export type NumberRun = number[] | Float64Array;

/** Past this many numbers the built-in sort is faster than insertion sort (same order). */
const INSERTION_MAX = 32;

/**
 * Sorts `a[from, to)` ascending, in place.
 *
 * @example
 * ```ts
 * const xs = [3, 1, 2];
 * sortAscending(xs); // xs is [1, 2, 3]
 * ```
 */
export function sortAscending(a: NumberRun, from = 0, to = a.length): void {
  if (to - from > INSERTION_MAX) {
    builtInSort(a, from, to, (u, v) => u - v);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Sorts `a[from, to)` descending, in place (as `sort((u, v) => v - u)`). */
export function sortDescending(a: NumberRun, from = 0, to = a.length): void {
  if (to - from > INSERTION_MAX) {
    builtInSort(a, from, to, (u, v) => v - u);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= from && a[j] < v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * A long run through the built-in stable sort with `compare`: the order insertion sort gives,
 * −0 and 0 kept where they were (a typed array's own `sort()` puts −0 first).
 */
function builtInSort(a: NumberRun, from: number, to: number, compare: (u: number, v: number) => number): void {
  if (a instanceof Float64Array) a.set(Array.from(a.subarray(from, to)).sort(compare), from);
  else if (from === 0 && to === a.length) a.sort(compare);
  else a.splice(from, to - from, ...a.slice(from, to).sort(compare));
}
