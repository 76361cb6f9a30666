import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_SCHEMAS, jsonSchemaText } from '../../scripts/schemas.js';
import { validateScenario } from '../../src/scenario/index.js';

describe('JSON Schemas in docs/schemas (generated from the valibot schemas)', () => {
  for (const entry of FILE_SCHEMAS) {
    it(`${entry.file} is what \`npm run schemas\` writes (no drift between code and docs)`, () => {
      expect(readFileSync(`docs/schemas/${entry.file}`, 'utf8')).toBe(jsonSchemaText(entry));
    });
  }

  it('every sample scenario in sims/ passes the schema, and the JSON Schema names every key the code accepts', () => {
    const json = JSON.parse(readFileSync('docs/schemas/scenario.schema.json', 'utf8'));
    for (const f of ['thai-binh-drone', 'thai-binh-transplanter', 'thai-binh-two-drones']) {
      const scenario = JSON.parse(readFileSync(`sims/${f}.json`, 'utf8'));
      expect(validateScenario(scenario, f).id).toBe(scenario.id);
      for (const key of Object.keys(scenario)) expect(Object.keys(json.properties)).toContain(key);
    }
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(expect.arrayContaining(['id', 'name', 'field', 'vehicles', 'seed']));
  });
});
