/**
 * The 2-opt search of cell-order.ts for tours past Held–Karp's size: the cell sequence improved
 * by reversing segments, each candidate's ways re-chosen by a chain DP. A candidate reversing
 * positions i..j shares its first i cells with the current sequence, so the DP's rows for them
 * (the same numbers, computed the same way) are kept and only rows i onward are computed: the
 * tours and costs are those of the whole-sequence DP it replaces
 * (tests/plan/two-opt-fast.test.ts holds the two equal).
 */
import { type CellTour, type CellWay, keptCostS, type TourCosts } from './tour-costs.js';

/** The chain DP along a cell sequence: per position, the best cost ending in each way, and the way before it. */
interface Chain {
  seq: number[];
  /** `cost[i][w]`: cheapest time through position i ending in way w of cell `seq[i]`, s. */
  cost: number[][];
  /** `back[i][w]`: the way at position i − 1 on that cheapest chain (`back[0]` unused). */
  back: number[][];
}

/** The DP rows of `seq`, rows before `from` taken from `base` (whose sequence agrees there). */
function chainOf(ways: CellWay[][], seq: number[], k: TourCosts, base: Chain | undefined, from: number): Chain {
  const cost = base ? base.cost.slice(0, from) : [];
  const back = base ? base.back.slice(0, from) : [];
  const { offset, between } = k;
  for (let i = cost.length; i < seq.length; i++) {
    const here = ways[seq[i]],
      h0 = offset[seq[i]];
    // plain arrays: a few ways each, and a typed array's allocation costs more than its use saves
    const row: number[] = new Array(here.length),
      wayBefore: number[] = new Array(here.length);
    if (i === 0) {
      for (let j = 0; j < here.length; j++) row[j] = k.fromStart[h0 + j] + here[j].costS;
    } else {
      const prev = cost[i - 1],
        p0 = offset[seq[i - 1]];
      for (let wi = 0; wi < here.length; wi++) {
        let best = Infinity,
          arg = 0;
        for (let j = 0; j < prev.length; j++) {
          const c = prev[j] + between(p0 + j, h0 + wi);
          if (c < best) [best, arg] = [c, j];
        }
        wayBefore[wi] = arg;
        row[wi] = best + here[wi].costS;
      }
    }
    cost.push(row);
    back.push(wayBefore);
  }
  return { seq, cost, back };
}

/** The cheapest last way of the chain (its end included), as {@link chainTour} picks it. */
function lastWay(chain: Chain, k: TourCosts): number {
  const { seq } = chain;
  const cost = chain.cost[seq.length - 1];
  const l0 = k.offset[seq[seq.length - 1]];
  let arg = 0;
  for (let j = 1; j < cost.length; j++) if (cost[j] + k.toEnd[l0 + j] < cost[arg] + k.toEnd[l0 + arg]) arg = j;
  return arg;
}

/** The best ways along the chain's sequence: the cheapest last way (end included), traced back. */
function chainTour(chain: Chain, k: TourCosts): CellTour {
  const { seq, back } = chain;
  let arg = lastWay(chain, k);
  const tour: CellTour = [];
  for (let i = seq.length - 1; i >= 0; i--) {
    tour.push({ cell: seq[i], way: arg });
    if (i > 0) arg = back[i][arg];
  }
  return tour.reverse();
}

/** Ways traced back along a chain (reused: a search scores thousands of candidates). */
let traced = new Int32Array(64);

/** `keptCostS` of {@link chainTour}'s tour (the same sums in the same order), without building the tour. */
function chainCostS(chain: Chain, ways: CellWay[][], k: TourCosts): number {
  const { seq, back } = chain;
  if (traced.length < seq.length) traced = new Int32Array(2 * seq.length);
  let arg = lastWay(chain, k);
  for (let i = seq.length - 1; i >= 0; i--) {
    traced[i] = arg;
    if (i > 0) arg = back[i][arg];
  }
  let t = 0,
    at = -1;
  for (let i = 0; i < seq.length; i++) {
    const v = k.offset[seq[i]] + traced[i];
    t += (at < 0 ? k.fromStart[v] : k.between(at, v)) + ways[seq[i]][traced[i]].costS;
    at = v;
  }
  return t + k.toEnd[at];
}

/** `seq` with positions i..j reversed (a new array). */
function reversedSpan(seq: number[], i: number, j: number): number[] {
  const out = seq.slice();
  for (let a = i, b = j; a < b; a++, b--) [out[a], out[b]] = [seq[b], seq[a]];
  return out;
}

/**
 * Nearest-first (as the planner did before), then 2-opt on the cell sequence with the ways
 * re-chosen; at most 20 rounds, a move kept when it saves more than 1e-9 s. A candidate is
 * scored from its chain and its tour built only when it is kept.
 *
 * @param ways - per cell, its ways of being worked (at least one each)
 * @param k - the kept travel and end times of `ways`
 * @param greedy - the nearest-first tour (non-empty)
 * @returns the best tour found
 */
export function improvedTour(ways: CellWay[][], k: TourCosts, greedy: CellTour): CellTour {
  let best = greedy,
    bestS = keptCostS(ways, greedy, k);
  let seq = greedy.map((s) => s.cell);
  let chain = chainOf(ways, seq, k, undefined, 0);
  for (let improved = true, rounds = 0; improved && rounds < 20; rounds++) {
    improved = false;
    for (let i = 0; i < seq.length - 1; i++)
      for (let j = i + 1; j < seq.length; j++) {
        const cand = reversedSpan(seq, i, j);
        const candChain = chainOf(ways, cand, k, chain, i);
        const s = chainCostS(candChain, ways, k);
        if (s < bestS - 1e-9) [best, bestS, seq, chain, improved] = [chainTour(candChain, k), s, cand, candChain, true];
      }
  }
  return best;
}
