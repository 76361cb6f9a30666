/**
 * A farmer's own paddy over HTTP: the page draws or uploads a paddy, this stage reads it with
 * the field stage (same checks and codes as the CLI), plans it, simulates it guided and by
 * eye, and prices it with the economics model. Server side only (Node).
 */
export { createOwnPaddyHandler, type OwnPaddyHandler, type OwnPaddyOptions } from './handler.js';
export {
  planOwnPaddy, planOwnPaddyAsync, checkPaddyRequest, DEFAULT_PADDY_LIMITS, PADDY_MACHINES, TRACE_POINTS, SIM_TICK_MS, SIM_CELL_M,
  type PaddyLimits, type PaddyMachine, type PaddyRequest, type PaddyResult, type TracePoint,
} from './plan-own-paddy.js';
export { paddyMessage, MESSAGE_CODES, type PaddyLang } from './messages.js';
