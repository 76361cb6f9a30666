export { buildRoute } from './build-route.js';
export type { RouteOptions } from './build-route.js';
export { boustrophedon, skipOrder } from './order-swaths.js';
export type { SwathVisit } from './order-swaths.js';
export { appendPasses } from './append-passes.js';
export { machinePoints } from './machine-path.js';
