/**
 * A binary min-heap of untested edges for the shortest-path search (shortest-path.ts), in flat
 * typed arrays (a search queues thousands): ordered by f, then the node's index (the eager search settles the node of
 * least f, the first in index order on a tie), then g (a node's g is its least over the visible
 * edges into it; for one node, f and g order its edges alike), then the parent's settling order
 * (the eager search keeps the first of equal improvements).
 */
class EdgeQueue {
  size = 0;
  private f = new Float64Array(64);
  private d = new Float64Array(64);
  private order = new Int32Array(64);
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  private readonly out = { d: 0, from: 0, to: 0 };

  push(f: number, d: number, order: number, from: number, to: number): void {
    if (this.size === this.f.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(f, d, order, to, p)) break;
      this.put(i, this.f[p], this.d[p], this.order[p], this.from[p], this.to[p]);
      i = p;
    }
    this.put(i, f, d, order, from, to);
  }

  /** Takes the first edge (the object is reused by the next pop). */
  pop(): { d: number; from: number; to: number } {
    const out = this.out;
    out.d = this.d[0];
    out.from = this.from[0];
    out.to = this.to[0];
    const last = --this.size;
    const f = this.f[last],
      d = this.d[last],
      order = this.order[last],
      from = this.from[last],
      to = this.to[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.before(this.f[c + 1], this.d[c + 1], this.order[c + 1], this.to[c + 1], c)) c++;
      if (this.before(f, d, order, to, c)) break;
      this.put(i, this.f[c], this.d[c], this.order[c], this.from[c], this.to[c]);
      i = c;
    }
    this.put(i, f, d, order, from, to);
    return out;
  }

  /** Whether the edge (f, d, order, to) comes before slot k's (no two queued edges are equal: a parent queues each node once). */
  private before(f: number, d: number, order: number, to: number, k: number): boolean {
    if (f !== this.f[k]) return f < this.f[k];
    if (to !== this.to[k]) return to < this.to[k];
    if (d !== this.d[k]) return d < this.d[k];
    return order < this.order[k];
  }

  private put(k: number, f: number, d: number, order: number, from: number, to: number): void {
    this.f[k] = f;
    this.d[k] = d;
    this.order[k] = order;
    this.from[k] = from;
    this.to[k] = to;
  }

  private grow(): void {
    const size = 2 * this.f.length;
    const f = new Float64Array(size),
      d = new Float64Array(size),
      order = new Int32Array(size),
      from = new Int32Array(size),
      to = new Int32Array(size);
    f.set(this.f);
    d.set(this.d);
    order.set(this.order);
    from.set(this.from);
    to.set(this.to);
    [this.f, this.d, this.order, this.from, this.to] = [f, d, order, from, to];
  }
}

/** The one queue the shortest-path search uses, emptied per search (searches do not nest). */
export const edgeQueue = new EdgeQueue();
