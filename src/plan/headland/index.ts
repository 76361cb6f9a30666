export { planHeadland } from './plan-headland.js';
export type { Headland } from './plan-headland.js';
