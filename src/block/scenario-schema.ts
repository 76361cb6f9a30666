/**
 * Block scenario files (`sims/*.json` with a `block` key: a whole fleet on a block), declared once
 * with valibot: the CLI checks them with it (src/cli/block-run.ts) and `npm run schemas` writes
 * docs/schemas/block-scenario.schema.json. Messages name the key and say what it must be.
 */
import * as v from 'valibot';
import { MAX_MACHINES } from './plan-block.js';

const nonEmpty = v.pipe(v.string('must be a non-empty string'), v.minLength(1, 'must be a non-empty string'));
const positive = v.pipe(v.number('must be a number > 0'), v.finite('must be a number > 0'), v.gtValue(0, 'must be a number > 0'));
const got = (issue: v.BaseIssue<unknown>) => JSON.stringify(issue.input);

/** A block scenario file. */
export const BlockScenarioSchema = v.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  description: v.optional(v.string()),
  block: v.pipe(nonEmpty, v.description('block file (GeoJSON or KML), relative to the folder above sims/ or to the scenario, or absolute')),
  vehicle: v.picklist(['drone', 'transplanter'], (issue) => `must be "drone" or "transplanter", got ${got(issue)}`),
  machines: v.optional(
    v.pipe(
      v.number((issue) => `must be a whole number from 1 to ${MAX_MACHINES}, got ${got(issue)}`),
      v.integer((issue) => `must be a whole number from 1 to ${MAX_MACHINES}, got ${got(issue)}`),
      v.minValue(1, (issue) => `must be a whole number from 1 to ${MAX_MACHINES}, got ${got(issue)}`),
      v.maxValue(MAX_MACHINES, (issue) => `must be a whole number from 1 to ${MAX_MACHINES}, got ${got(issue)}`),
      v.description('fleet size (default 1)'),
    ),
  ),
  guidance: v.optional(v.picklist(['rtk', 'gnss', 'manual'], 'must be rtk, gnss or manual')),
  seed: v.optional(v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'))),
  faults: v.optional(v.boolean('must be true or false')),
  cellM: v.optional(v.pipe(positive, v.description('coverage raster cell, m'))),
  tickMs: v.optional(v.pipe(positive, v.description('simulated ms per tick'))),
  /** Wind over the block: the run keeps a dose raster with drift (as a scenario's `wind`). */
  wind: v.optional(
    v.strictObject({
      speedMps: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(30)),
      fromDeg: v.pipe(v.number(), v.finite(), v.description('compass degrees the wind blows from (0 = north, 90 = east)')),
      gustSigmaMps: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(15))),
    }),
  ),
});

/** A block scenario, checked. */
export type BlockScenarioFile = v.InferOutput<typeof BlockScenarioSchema>;
