import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgrisimError } from '../../src/errors.js';
import { ASSUMPTIONS, checkAssumption, parseAssumptionsFile } from '../../src/economics/index.js';

/** The coded error a call throws (code and message). */
function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AgrisimError);
    return { code: (e as AgrisimError).code, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

describe('assumptions file (schema declared once, from the table of defaults)', () => {
  it('reads both shapes into overrides by key', () => {
    expect(parseAssumptionsFile({ wageVndPerDay: 250_000, 'support.applied': 1 })).toEqual({
      wageVndPerDay: 250_000,
      'support.applied': 1,
    });
    // A saved --json report: the list form, other fields ignored.
    const report = {
      operation: 'fertilizing',
      assumptions: [
        { key: 'hoursPerDay', value: 7, unit: 'h/person-day', fromRun: false },
        { key: 'salvagePct', value: 15 },
      ],
    };
    expect(parseAssumptionsFile(report)).toEqual({ hoursPerDay: 7, salvagePct: 15 });
    expect(parseAssumptionsFile({})).toEqual({});
  });

  it('names the file and key path of every problem, with the existing codes', () => {
    expect(errorOf(() => parseAssumptionsFile({ wageVnd: 1 }, 'a.json'))).toEqual({
      code: 'ECON_UNKNOWN_KEY',
      message: expect.stringMatching(/^a\.json: unknown assumption "wageVnd"; did you mean .*wageVndPerDay/),
    });
    expect(errorOf(() => parseAssumptionsFile({ interestPctPerYear: 150 }, 'a.json'))).toEqual({
      code: 'ECON_INVALID_VALUE',
      message: 'a.json: "interestPctPerYear" must be at most 100 (%/year), got 150',
    });
    expect(errorOf(() => parseAssumptionsFile({ wageVndPerDay: '250000' }, 'a.json')).message).toBe(
      'a.json: "wageVndPerDay" must be a finite number (VND/person-day), got "250000"',
    );
    expect(errorOf(() => parseAssumptionsFile({ wageVndPerDay: 0 }, 'a.json')).message).toContain('"wageVndPerDay" must be greater than 0');
    expect(errorOf(() => parseAssumptionsFile([1, 2], 'a.json'))).toEqual({
      code: 'ECON_INVALID_VALUE',
      message: 'a.json: expected a JSON object {"KEY": number, …}',
    });
  });

  it('names the entry of the list form that is wrong', () => {
    const list = (...entries: unknown[]) => ({ assumptions: entries });
    expect(errorOf(() => parseAssumptionsFile(list({ key: 'hoursPerDay', value: 7 }, null), 'r.json'))).toEqual({
      code: 'ECON_INVALID_VALUE',
      message: 'r.json: "assumptions[1]" must be {"key": "…", "value": number}, got null',
    });
    expect(errorOf(() => parseAssumptionsFile(list({ key: 'hoursPerDay', value: 'x' }), 'r.json')).message).toBe(
      'r.json: "assumptions[0].value" must be a finite number, got "x"',
    );
    const unknown = errorOf(() => parseAssumptionsFile(list({ key: 'hours', value: 7 }), 'r.json'));
    expect(unknown.code).toBe('ECON_UNKNOWN_KEY');
    expect(unknown.message).toMatch(/^r\.json: "assumptions\[0\]\.key" unknown assumption "hours"; did you mean .*hoursPerDay/);
    expect(errorOf(() => parseAssumptionsFile(list({ key: 'hoursPerDay', value: 30 }), 'r.json')).message).toBe(
      'r.json: "assumptions[0].value" (hoursPerDay) must be at most 24 (h/person-day), got 30',
    );
  });

  it('checkAssumption uses the same per-key schema (one declaration of each range)', () => {
    expect(checkAssumption('hoursPerDay', 10)).toBe(10);
    expect(errorOf(() => checkAssumption('hoursPerDay', 25)).message).toBe('hoursPerDay must be at most 24 (h/person-day), got 25');
    expect(errorOf(() => checkAssumption('support.purchaseSubsidyPct', -5)).message).toBe(
      'support.purchaseSubsidyPct must be at least 0 (% of price), got -5',
    );
    expect(errorOf(() => checkAssumption('nope', 1)).code).toBe('ECON_UNKNOWN_KEY');
  });

  it('the JSON Schema lists every key of the table with its valid range, and no other', () => {
    const json = JSON.parse(readFileSync('docs/schemas/assumptions.schema.json', 'utf8'));
    const objectShape = json.anyOf[0];
    expect(Object.keys(objectShape.properties)).toEqual(ASSUMPTIONS.map((a) => a.key));
    expect(objectShape.additionalProperties).toBe(false);
    expect(objectShape.properties.hoursPerDay).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 24 });
    expect(objectShape.properties['support.applied']).toMatchObject({ minimum: 0, maximum: 1 });
    expect(json.anyOf[1].properties.assumptions.items.properties.key.enum).toEqual(ASSUMPTIONS.map((a) => a.key));
  });
});
