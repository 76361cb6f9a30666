/**
 * Block scenario files (sims/*.json with `block`): checked by their valibot schema
 * (BlockScenarioSchema), messages naming the key, and the JSON Schema users' editors read
 * (docs/schemas/block-scenario.schema.json) written from the same schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_SCHEMAS, jsonSchemaText } from '../../scripts/schemas.js';
import { blockScenarioFromObject, validateBlockScenario } from '../../src/cli/block-run.js';
import type { SimError } from '../../src/errors.js';

const OK = { id: 'b', name: 'B', block: 'fields/thai-binh-block.geojson', vehicle: 'drone' };

function problem(obj: Record<string, unknown>): { code: string; message: string; key: unknown } {
  try {
    validateBlockScenario(obj, 'b.json');
  } catch (e) {
    const err = e as SimError;
    return { code: err.code, message: err.message, key: err.details?.key };
  }
  throw new Error('accepted');
}

describe('block scenario schema', () => {
  it('docs/schemas/block-scenario.schema.json is what `npm run schemas` writes; it names every key of the sample scenarios', () => {
    const entry = FILE_SCHEMAS.find((e) => e.file === 'block-scenario.schema.json')!;
    const text = readFileSync('docs/schemas/block-scenario.schema.json', 'utf8');
    expect(text).toBe(jsonSchemaText(entry));
    const json = JSON.parse(text);
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(expect.arrayContaining(['id', 'name', 'block', 'vehicle']));
    for (const f of ['thai-binh-block-drones', 'thai-binh-block-transplanters']) {
      const s = JSON.parse(readFileSync(`sims/${f}.json`, 'utf8'));
      for (const key of Object.keys(s)) expect(Object.keys(json.properties)).toContain(key);
      expect(validateBlockScenario(s, f)).toMatchObject({ id: f, machines: s.machines });
    }
  });

  it('fills machines 1 and keeps the optional keys', () => {
    expect(validateBlockScenario(OK, 'b.json')).toEqual({ ...OK, machines: 1 });
    const full = {
      ...OK,
      machines: 3,
      guidance: 'gnss',
      seed: 4,
      faults: true,
      cellM: 0.5,
      tickMs: 200,
      wind: { speedMps: 3, fromDeg: 90 },
    };
    expect(validateBlockScenario(full, 'b.json')).toEqual(full);
  });

  it('each bad key is SIM_SCENARIO_INVALID with the message the hand-written check gave', () => {
    expect(problem({ ...OK, id: '' })).toEqual({
      code: 'SIM_SCENARIO_INVALID',
      message: 'b.json: "id" must be a non-empty string',
      key: 'id',
    });
    expect(problem({ ...OK, block: 3 }).message).toBe('b.json: "block" must be a non-empty string');
    expect(problem({ ...OK, vehicle: 'tractor' }).message).toBe('b.json: "vehicle" must be "drone" or "transplanter", got "tractor"');
    expect(problem({ ...OK, machines: 51 }).message).toBe('b.json: "machines" must be a whole number from 1 to 50, got 51');
    expect(problem({ ...OK, machines: 1.5 }).message).toBe('b.json: "machines" must be a whole number from 1 to 50, got 1.5');
    expect(problem({ ...OK, guidance: 'gps' }).message).toBe('b.json: "guidance" must be rtk, gnss or manual');
    expect(problem({ ...OK, seed: 'x' }).message).toBe('b.json: "seed" must be a whole number');
    expect(problem({ ...OK, faults: 'yes' }).message).toBe('b.json: "faults" must be true or false');
    expect(problem({ ...OK, cellM: 0 }).message).toBe('b.json: "cellM" must be a number > 0');
    expect(problem({ ...OK, tickMs: -1 }).message).toBe('b.json: "tickMs" must be a number > 0');
    expect(problem({ ...OK, wind: { speedMps: 40, fromDeg: 0 } })).toMatchObject({
      key: 'wind.speedMps',
      message: expect.stringMatching(/^b\.json: "wind\.speedMps" is invalid: /),
    });
    expect(problem({ ...OK, machine: 2 }).message).toMatch(
      /^b\.json: "machine" is not a block scenario key \(known: id, name, description, block, vehicle, machines/,
    );
  });

  it('a scenario wind makes the run keep a dose raster', async () => {
    const f = await blockScenarioFromObject({ ...OK, wind: { speedMps: 4, fromDeg: 180 } }, 'sims', 'b.json', { cellM: 1 });
    const sim = f.create();
    expect(sim.dose?.cfg.wind).toEqual({ speedMps: 4, fromDeg: 180 });
  }, 60_000);
});
