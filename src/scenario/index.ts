/**
 * Scenario stage: reads and validates scenario files (sims/*.json), resolves and plans their
 * fields, and hands the simulator plain data (plans, vehicles, options) as a factory of runs.
 * The simulator itself never reads a file.
 */
export { loadScenario, scenarioFactories, scenarioFromObject } from './load-scenario.js';
export type { LoadedScenario, ScenarioLoadOptions } from './load-scenario.js';
export { validateScenario } from './schema.js';
export type { Scenario, ScenarioVehicle, ScenarioOverrides } from './schema.js';
