import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_SCHEMAS, jsonSchemaText } from '../../scripts/schemas.js';
import { validateBlockScenario } from '../../src/cli/block-run.js';
import { validateScenario } from '../../src/scenario/index.js';

describe('JSON Schemas in docs/schemas (generated from the valibot schemas)', () => {
  for (const entry of FILE_SCHEMAS) {
    it(`${entry.file} is what \`npm run schemas\` writes (no drift between code and docs)`, () => {
      expect(readFileSync(`docs/schemas/${entry.file}`, 'utf8')).toBe(jsonSchemaText(entry));
    });
  }

  it('every sample scenario in sims/ passes the schema, and the JSON Schema names every key the code accepts', () => {
    const json = JSON.parse(readFileSync('docs/schemas/scenario.schema.json', 'utf8'));
    // (block scenarios, sims/thai-binh-block-*.json, have their own check below)
    for (const f of ['thai-binh-drone', 'thai-binh-transplanter']) {
      const scenario = JSON.parse(readFileSync(`sims/${f}.json`, 'utf8'));
      expect(validateScenario(scenario, f).id).toBe(scenario.id);
      for (const key of Object.keys(scenario)) expect(Object.keys(json.properties)).toContain(key);
    }
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(expect.arrayContaining(['id', 'name', 'field', 'vehicles', 'seed']));
  });

  it('the block scenarios in sims/ (a whole fleet on a block) pass their check', () => {
    for (const f of ['thai-binh-block-drones', 'thai-binh-block-transplanters']) {
      const scenario = JSON.parse(readFileSync(`sims/${f}.json`, 'utf8'));
      expect(validateBlockScenario(scenario, f)).toMatchObject({ id: f, block: 'fields/thai-binh-block.geojson' });
    }
  });
});
