export { planTurn } from './plan-turn.js';
export type { Turn, TurnSpace } from './plan-turn.js';
export { uTurn, omegaTurn, kTurn, stopTurn } from './shapes.js';
export type { TurnShape, TurnLeg } from './shapes.js';
