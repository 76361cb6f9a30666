export { splitSorties } from './split-sorties.js';
export type { SortiePlan } from './split-sorties.js';
