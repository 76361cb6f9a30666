import { describe, expect, it } from 'vitest';
import { createDepotQueues } from '../../src/sim/fleet/depot-queue.js';

describe('depot crew queue', () => {
  it('serves one machine per crew, first come first served, and counts the waiting', () => {
    const q = createDepotQueues([{ id: 'd', at: [0, 0], crews: 1 }]);
    expect(q.request('a', [1, 1], 0)).toBe(true);
    expect(q.request('b', [0, 2], 0)).toBe(false);
    expect(q.request('c', [2, 0], 0)).toBe(false);
    expect(q.lengths()).toEqual([2]);
    q.tick(10);
    // c asks again before b: still b's turn once the crew is free
    q.release('a', [1, 1], 10);
    expect(q.request('c', [2, 0], 10)).toBe(false);
    expect(q.request('b', [0, 2], 10)).toBe(true);
    q.tick(5);
    q.release('b', [0, 2], 15);
    expect(q.request('c', [2, 0], 15)).toBe(true);
    expect(q.lengths()).toEqual([0]);
    expect(q.stats()).toEqual([{ id: 'd', refills: 3, waitS: 2 * 10 + 1 * 5, maxQueue: 2 }]);
  });

  it('two crews serve two at once; a refill away from every depot (a gate) never waits', () => {
    const q = createDepotQueues([{ id: 'd', at: [0, 0], crews: 2 }]);
    expect(q.request('a', [0, 0], 0)).toBe(true);
    expect(q.request('b', [0, 0], 0)).toBe(true);
    expect(q.request('c', [0, 0], 0)).toBe(false);
    expect(q.request('t', [50, 0], 0)).toBe(true);
    expect(q.stats()[0].refills).toBe(2);
  });
});
