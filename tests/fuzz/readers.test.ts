/**
 * Seeded fuzzing of every reader and command (issue 20): malformed GeoJSON, KML, scenario,
 * prescription-like (polygons with rates), recording and assumptions files, and option values,
 * thrown at the library readers and at the CLI commands in-process. Each case must end in a
 * coded AgrisimError or a valid answer within its time limit: never another exception (a stack
 * trace), a hang, or an error message quoting the file's bytes. Case counts are bounded
 * (FUZZ_RUNS raises them locally).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAgrisimError } from '../../src/errors.js';
import { parseFields } from '../../src/field/index.js';
import { scenarioFromObject } from '../../src/scenario/index.js';
import { replayRecording } from '../../src/sim/index.js';
import { readTelemetryRecording } from '../../src/telemetry/index.js';
import { randomField } from '../helpers/random-fields.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = 20_2026;
const dir = mkdtempSync(join(tmpdir(), 'agrisim-fuzz-'));
/** Time one case may take, wall ms: generous, the machine may be busy; a hang fails. */
const CASE_LIMIT_MS = 30_000;
/** Marker put into fuzzed files: no error message may repeat it. */
const SECRET = 'SECRET-9f3c';

/**
 * Runs `f`; fails unless it returns or throws a coded AgrisimError whose message never quotes SECRET
 * (unless `valuesMayEcho`: a value of a known key in a well-formed JSON object, e.g. a scenario's
 * `"vehicles": "…"`, may be quoted back: it is the user's own setting, not a stray file's bytes).
 */
async function coded(what: string, f: () => unknown, opts: { valuesMayEcho?: boolean } = {}): Promise<'ok' | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS)),
  );
  try {
    await Promise.race([Promise.resolve().then(f), limit]);
    return 'ok';
  } catch (e) {
    if (!isAgrisimError(e)) throw new Error(`${what}: not a coded error: ${e instanceof Error ? e.stack : String(e)}`);
    if (!opts.valuesMayEcho) expect(e.message, `${what}: ${e.code} echoes the input`).not.toContain(SECRET);
    return e.code;
  } finally {
    clearTimeout(timer);
  }
}

// ---- generators -------------------------------------------------------------------------

const num = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(106.35, 20.65, 180.0001, -91, 1e308),
  fc.constant(SECRET),
);
const position = fc.oneof(fc.tuple(num, num), fc.array(num, { maxLength: 4 }), fc.constant(null), fc.string());
const ring = fc.oneof(fc.array(position, { maxLength: 12 }), fc.constant([]), fc.string());
const geometry = fc.record(
  {
    type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString', 'GeometryCollection', 'Nope', SECRET),
    coordinates: fc.oneof(fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }), num),
  },
  { requiredKeys: [] },
);
/** Prescription-like: polygons with rate properties (what a variable-rate map looks like). */
const feature = fc.record(
  {
    type: fc.constantFrom('Feature', 'feature', SECRET),
    geometry: fc.oneof(geometry, fc.constant(null)),
    // names and ids may be quoted (they say which feature is wrong): no SECRET in them
    properties: fc.oneof(
      fc.record({ name: fc.string(), rateKgPerHa: num, id: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
      fc.constant(null),
    ),
  },
  { requiredKeys: [] },
);
const geojsonValue = fc.oneof(
  fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 4 }) }),
  feature,
  geometry,
  fc.jsonValue({ maxDepth: 3 }),
);
/** A valid field, cut or with bytes spliced in: truncation, stray characters, SECRET. */
const damagedValid = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.constantFrom('', SECRET, '\u0000', '}', '"', '<', '\uFEFF'))
  .map(([seed, at, insert]) => {
    const text = JSON.stringify(randomField(seed, 'concave'));
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 0 : 1));
  });
const geojsonText = fc.oneof(
  geojsonValue.map((v) => JSON.stringify(v)),
  damagedValid,
  fc.string().map((s) => s + SECRET),
  fc.constant(`root:x:0:0:${SECRET}:/root:/bin/bash\n`),
);

const kmlCoords = fc
  .array(
    fc.tuple(num, num).map(([a, b]) => `${a},${b}`),
    { maxLength: 8 },
  )
  .map((xs) => xs.join(' '));
const kmlText = fc.oneof(
  fc
    .tuple(fc.string(), kmlCoords, fc.constantFrom('Polygon', 'MultiGeometry', 'Point', SECRET))
    .map(
      ([name, coords, g]) =>
        `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>${name}</name><${g}><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></${g}></Placemark></Document></kml>`,
    ),
  fc.tuple(fc.string(), fc.nat()).map(([s, n]) => `<kml><Placemark><${SECRET}${s}>`.slice(0, 10 + (n % 40))),
  fc.constant(`<${SECRET} attr=">&${SECRET};</x>`),
  fc.string().map((s) => `<${s}`),
);

const scenarioValue = fc.record(
  {
    id: fc.oneof(fc.string(), num),
    name: fc.string(),
    field: fc.oneof(fc.constant('fields/paddy-40x120.geojson'), fc.constant('/etc/passwd'), fc.constant('/proc/self/status'), fc.string()),
    vehicles: fc.oneof(
      fc.array(
        fc.record(
          {
            profile: fc.constantFrom('drone', 'transplanter', 'tractor', SECRET),
            guidance: fc.constantFrom('rtk', 'gnss', 'manual', 'x'),
            id: fc.string(),
            overrides: fc.dictionary(fc.string(), num),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      num,
    ),
    seed: num,
    servicePoint: fc.oneof(fc.tuple(num, num), fc.constant([-74, 40.7]), fc.string()),
    paddies: fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 3 }),
    tickMs: num,
    cellM: num,
    faults: fc.oneof(fc.boolean(), fc.dictionary(fc.string(), num)),
    product: fc.record({ name: fc.string(), rateKgPerHa: num }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const recordingText = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.string(),
      ),
      { maxLength: 6 },
    )
    .map((ls) => ls.join('\n')),
  fc
    .tuple(
      fc.constantFrom('agrisim-sim-recording/1', 'agrisim-telemetry-recording/1'),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
      fc.nat(),
    )
    .map(([format, rest, cut]) => {
      const text = [
        JSON.stringify({ type: 'header', format, simulations: [{ id: 'a' }], states: { a: { description: {} } } }),
        ...rest.map((r) => JSON.stringify(r)),
      ].join('\n');
      return text.slice(0, text.length - (cut % 30));
    }),
);

/** Option values (a user's own words may be quoted back to them, so no SECRET here). */
const optionValue = fc.oneof(
  fc.constantFrom('-1', '0', 'NaN', 'Infinity', '1e309', '', '--json', '0x10', '3.5', '99999999999', 'rtk', 'drone', '106.35,20.65', 'a,b'),
  fc.string({ maxLength: 12 }),
);
/** Field text that does not parse: simulate refuses it before any run (a valid one would simulate for seconds). */
const brokenFieldText = geojsonText.filter((t) => {
  try {
    parseFields(t);
    return false;
  } catch {
    return true;
  }
});

// ---- readers ----------------------------------------------------------------------------

describe('fuzzed files at the library readers', () => {
  it('GeoJSON (fields and prescription-like maps): coded error or fields', async () => {
    await fc.assert(
      fc.asyncProperty(geojsonText, async (text) => {
        await coded('parseFields(geojson)', () => parseFields(text, { format: 'geojson', sourceName: 'f.geojson' }));
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('KML: coded error or fields', async () => {
    await fc.assert(
      fc.asyncProperty(kmlText, async (text) => {
        await coded('parseFields(kml)', () => parseFields(text, { format: 'kml', sourceName: 'f.kml' }));
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('recordings (simulator and telemetry): coded error or a recording', async () => {
    await fc.assert(
      fc.asyncProperty(recordingText, async (text) => {
        await coded('replayRecording', () => replayRecording(text, 'r.ndjson'));
        await coded('readTelemetryRecording', () => readTelemetryRecording(text, 'r.ndjson'));
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('scenarios: coded error or a loaded scenario', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioValue, async (obj) => {
        await coded('scenarioFromObject', () => scenarioFromObject(obj, process.cwd(), 's.json'), { valuesMayEcho: true });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});

// ---- commands, in-process ----------------------------------------------------------------

describe('fuzzed files and option values at the CLI commands (in-process)', () => {
  beforeAll(() => {
    // Commands print tables, JSON and progress: keep the test output readable.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(() => vi.restoreAllMocks());
  let n = 0;
  const file = (ext: string, text: string) => {
    const path = join(dir, `case-${n++}${ext}`);
    writeFileSync(path, text);
    return path;
  };
  const commands = {
    plan: () => import('../../src/cli/commands/plan.js'),
    simulate: () => import('../../src/cli/commands/simulate.js'),
    savings: () => import('../../src/cli/commands/savings.js'),
    replay: () => import('../../src/cli/commands/replay.js'),
  };
  const run = async (name: keyof typeof commands, argv: string[], opts: { valuesMayEcho?: boolean } = {}) => {
    const { command } = await commands[name]();
    return coded(`${name} ${argv.join(' ')}`, () => command.run(argv), opts);
  };

  it('plan: malformed field files and option values', async () => {
    const flag = fc.constantFrom(
      '--vehicle',
      '--width',
      '--headland',
      '--angle',
      '--pattern',
      '--start',
      '--format',
      '--firmware',
      '--workers',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          geojsonText.map((t) => ['.geojson', t] as const),
          kmlText.map((t) => ['.kml', t] as const),
        ),
        fc.array(fc.tuple(flag, optionValue), { maxLength: 3 }),
        async ([ext, text], opts) => {
          await run('plan', [file(ext, text), ...opts.flat(), '--json']);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it('simulate: malformed fields, scenarios and option values (refused before any run)', async () => {
    const flag = fc.constantFrom('--vehicle', '--vehicles', '--guidance', '--seed', '--paddies', '--cell', '--faults', '--speedup');
    const input = fc.oneof(
      brokenFieldText.map((t) => ['.geojson', t] as const),
      scenarioValue.map((s) => ['.json', JSON.stringify({ ...s, vehicles: 'none' })] as const),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.tuple(flag, optionValue), { maxLength: 2 }), async ([ext, text], opts) => {
        await run('simulate', [file(ext, text), ...opts.flat(), '--json'], { valuesMayEcho: ext === '.json' }); // a scenario's own values
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it('savings: malformed assumptions files, run files and option values', async () => {
    // Values of known keys may be quoted back (the user's own settings); a file that is not a JSON object never is.
    const assumptions = fc.oneof(
      fc
        .dictionary(fc.oneof(fc.string(), fc.constantFrom('wageVndPerDay', 'dieselVndPerL')), fc.oneof(fc.double(), fc.string()))
        .map((d) => JSON.stringify(d)),
      fc.string().map((s) => s + SECRET),
    );
    const flag = fc.constantFrom('--operation', '--area-ha', '--area-sao', '--ownership', '--set', '--lang', '--seed');
    await fc.assert(
      fc.asyncProperty(assumptions, recordingText, fc.array(fc.tuple(flag, optionValue), { maxLength: 3 }), async (a, r, opts) => {
        await run('savings', ['--area-ha', '1', '--assumptions', file('.json', a), ...opts.flat(), '--json']);
        await run('savings', ['--run', file('.ndjson', r), '--json']);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it('replay: malformed recordings are refused before anything listens', async () => {
    // Every generated recording either fails to parse (coded) or would serve: only the failing ones are run.
    await fc.assert(
      fc.asyncProperty(recordingText, async (text) => {
        const path = file('.ndjson', text);
        let serves = false;
        try {
          readTelemetryRecording(text);
          serves = true;
        } catch {
          try {
            replayRecording(text);
            serves = true;
          } catch {
            serves = false;
          }
        }
        if (!serves) expect(await run('replay', [path, '--port', '0', '--no-viewer'])).not.toBe('ok');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});
