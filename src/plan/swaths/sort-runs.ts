/**
 * Runs of a typed scratch array sorted in place: the swath-end and row-step queries keep their
 * numbers in typed arrays with their own counts, so no array is allocated per query.
 */

/** Past this many numbers insertion sort gives way to the built-in sort (the same order). */
const INSERTION_MAX = 48;

/**
 * Sorts `a[0, n)` ascending in place: insertion sort, stable, comparing with `>` only, so the
 * order `sortAscending` (and `sort((u, v) => u - v)`) gives NaN-free numbers. A band holds a
 * few vertices: its runs are short.
 */
export function sortRunAscending(a: Float64Array, n: number): void {
  if (n > INSERTION_MAX) {
    // long runs (many crossings of one line): the built-in stable sort, whose order this is
    a.set(Array.from(a.subarray(0, n)).sort((u, v) => u - v));
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Sorts `a[0, n)` descending in place, stable (the order `sortDescending` gives). */
export function sortRunDescending(a: Float64Array, n: number): void {
  if (n > INSERTION_MAX) {
    a.set(Array.from(a.subarray(0, n)).sort((u, v) => v - u));
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] < v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
