/**
 * The turn shapes as src/plan/turns/shapes.ts built them before they were written flat (arrays of
 * points per leg; test-only oracle: tests/plan/turn-fast-paths.test.ts holds the flat shapes and
 * planTurn to them). backedUp takes the core shape made at the swath end, as planTurn last asked it.
 */
import type { XY } from '../../../src/geometry/index.js';
import { arcPoints } from '../../../src/plan/turns/arc.js';

/**
 * Turn shapes in a canonical frame: the machine leaves its swath at the origin heading +x;
 * the next swath starts at (bx, d), d > 0 (to the left), and is driven heading −x.
 * Each shape is a list of legs, forward or reverse. Every shape first drives straight to
 * x0 = max(0, bx) and finishes with a straight back to bx, so slanted field ends work.
 */
export interface TurnLeg {
  points: XY[];
  reverse: boolean;
}

export interface TurnShape {
  type: 'u' | 'omega' | 'k' | 'stop';
  legs: TurnLeg[];
}

const HALF_PI = Math.PI / 2;

function withLeadIn(x0: number, core: XY[], bx: number, d: number): XY[] {
  const pts: XY[] = [];
  if (x0 > 1e-9) pts.push([0, 0]);
  pts.push(...core);
  if (x0 - bx > 1e-9) pts.push([bx, d]);
  return pts;
}

/** Arc–straight–arc U-turn (Dubins LSL), for a lateral offset d ≥ 2R. Reaches R past x0. */
export function uTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  if (d < 2 * radiusM - 1e-9) return undefined;
  const x0 = Math.max(0, bx),
    R = radiusM;
  const core = [...arcPoints([x0, R], R, -HALF_PI, 0), ...arcPoints([x0, d - R], R, 0, HALF_PI)];
  return { type: 'u', legs: [{ points: withLeadIn(x0, core, bx, d), reverse: false }] };
}

/**
 * Omega turn (Dubins RLR) for d < 2R, forward only: a small right arc, a large left loop, a
 * small right arc. Reaches R + sqrt(4R² − (d/2 + R)²) past x0 and R/… to each side.
 */
export function omegaTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  const R = radiusM;
  if (d >= 2 * R || d <= 0) return undefined;
  const x0 = Math.max(0, bx);
  const c1: XY = [x0, -R],
    c3: XY = [x0, d + R];
  const cx = Math.sqrt(4 * R * R - (d / 2 + R) ** 2);
  const C: XY = [x0 + cx, d / 2];
  const a1 = Math.atan2(C[1] - c1[1], C[0] - c1[0]); // tangent point direction on circle 1
  const a3 = Math.atan2(C[1] - c3[1], C[0] - c3[0]);
  const aStart = Math.atan2(c1[1] - C[1], c1[0] - C[0]);
  let aEnd = Math.atan2(c3[1] - C[1], c3[0] - C[0]);
  while (aEnd <= aStart) aEnd += 2 * Math.PI;
  const core = [
    ...arcPoints(c1, R, HALF_PI, a1), // clockwise: from the top of circle 1 down to the tangent
    ...arcPoints(C, R, aStart, aEnd).slice(1), // counter-clockwise loop
    ...arcPoints(c3, R, a3, -HALF_PI).slice(1), // clockwise to the bottom of circle 3
  ];
  return { type: 'omega', legs: [{ points: withLeadIn(x0, core, bx, d), reverse: false }] };
}

/**
 * Three-point (K) turn for d < 2R: forward quarter arc, straight reverse of 2R − d, forward
 * quarter arc. Reaches only R past x0, so it fits narrow headlands.
 */
export function kTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  const R = radiusM;
  if (d >= 2 * R || d <= 0) return undefined;
  const x0 = Math.max(0, bx);
  const first = arcPoints([x0, R], R, -HALF_PI, 0);
  const lead: XY[] = x0 > 1e-9 ? [[0, 0]] : [];
  const second = arcPoints([x0, d - R], R, 0, HALF_PI);
  const tail: XY[] = x0 - bx > 1e-9 ? [[bx, d]] : [];
  return {
    type: 'k',
    legs: [
      { points: [...lead, ...first], reverse: false },
      {
        points: [
          [x0 + R, R],
          [x0 + R, d - R],
        ],
        reverse: true,
      },
      { points: [...second, ...tail], reverse: false },
    ],
  };
}

/** Stop-turn-go (multirotor): straight across to the next swath, turning on the spot at each end. */
export function stopTurn(bx: number, d: number): TurnShape {
  return {
    type: 'stop',
    legs: [
      {
        points: [
          [0, 0],
          [bx, d],
        ],
        reverse: false,
      },
    ],
  };
}

/**
 * The same turn made at the nearer swath end, then a straight reverse out to a next swath
 * that starts farther on (bx > 0): keeps the turn off a boundary that slants across the swaths.
 */
export function withReverseTail(shape: TurnShape | undefined, bx: number, d: number): TurnShape | undefined {
  if (!shape || bx <= 1e-9) return undefined;
  return {
    type: shape.type,
    legs: [
      ...shape.legs,
      {
        points: [
          [0, d],
          [bx, d],
        ],
        reverse: true,
      },
    ],
  };
}

/**
 * A turn made `backM` before the swath end: reverse along the worked swath, turn (`core`, a
 * shape made at the swath end, bx = 0), then reverse out to the next swath's start. The last
 * resort that still respects the radius when the boundary slants so sharply that no turn fits
 * at the swath ends.
 */
export function backedUp(core: TurnShape | undefined, backM: number, bx: number, d: number): TurnShape | undefined {
  if (!core) return undefined;
  return {
    type: core.type,
    legs: [
      {
        points: [
          [0, 0],
          [-backM, 0],
        ],
        reverse: true,
      },
      ...core.legs.map((l) => ({ reverse: l.reverse, points: l.points.map(([x, y]): XY => [x - backM, y]) })),
      {
        points: [
          [-backM, d],
          [bx, d],
        ],
        reverse: true,
      },
    ],
  };
}
