/**
 * A farmer's own paddy over HTTP: the page draws or uploads a paddy, this stage reads it with
 * the field stage (same checks and codes as the CLI), plans it, simulates it guided and by
 * eye, and prices it with the economics model. Server side only (Node).
 */
export { createOwnPaddyHandler, type OwnPaddyOptions } from './handler.js';
export { planOwnPaddy, type PaddyRequest, type PaddyResult } from './plan-own-paddy.js';
export { paddyMessage, MESSAGE_CODES } from './messages.js';
