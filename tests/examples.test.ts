/**
 * examples/*.ts run as a user would run them (`tsx`, importing 'agrisim' through the package's
 * own "exports"), and print what the library computes for the same input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSavings } from '../src/economics/index.js';
import { formatVnd } from '../src/units/index.js';
import { readFieldFile } from '../src/field/index.js';
import { planField } from '../src/plan/index.js';
import { getVehicle } from '../src/vehicles/index.js';
import { loadScenario } from '../src/scenario/index.js';
import { startTelemetryServer } from '../src/telemetry/index.js';
import { publishFeedsToMqtt } from '../src/telemetry/mqtt/index.js';
import { startMosquitto } from './helpers/brokers.js';
import { systemProgram } from './helpers/system.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'agrisim-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an example under tsx from the repository root; returns its stdout lines. */
async function example(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${name}`, ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return stdout.trimEnd().split('\n');
}

describe('examples', () => {
  it('plan-kml-to-qgc.ts plans the KML paddy and writes the QGroundControl mission it reports', async () => {
    const out = join(dir, 'tomb.plan');
    const lines = await example('plan-kml-to-qgc.ts', ['fields/paddy-with-tomb.kml', out]);
    const [field] = await readFieldFile('fields/paddy-with-tomb.kml');
    const m = planField(field, getVehicle('drone')).metrics;
    expect(lines[0]).toBe(`field      ${field.name}: ${m.field.areaHa.toFixed(3)} ha (${m.field.areaSao.toFixed(1)} sào)`);
    expect(lines[1]).toBe(`swaths     ${m.swaths.count} at ${m.swaths.angleDeg}°, coverage ${m.coveragePct.toFixed(2)} %`);
    const mission = JSON.parse(readFileSync(out, 'utf8')) as {
      fileType: string;
      groundStation: string;
      mission: { items: { command: number }[]; firmwareType: number };
    };
    expect(mission.fileType).toBe('Plan');
    expect(mission.groundStation).toBe('QGroundControl');
    expect(mission.mission.firmwareType).toBe(3); // ArduPilot
    expect(lines[3]).toBe(`mission    ${mission.mission.items.length} items → ${out}`);
    expect(mission.mission.items.filter((i) => i.command === 16).length).toBeGreaterThan(m.swaths.count); // waypoints, ≥ 2 per swath
  });

  it('plan-many-fields.ts plans the Thái Bình block the same on 2 worker threads as in one thread, and totals it', async () => {
    const [inThread, onWorkers] = await Promise.all([
      example('plan-many-fields.ts'),
      example('plan-many-fields.ts', ['fields/thai-binh-block.geojson', '2']),
    ]);
    expect(inThread[0]).toBe('8 fields, no worker threads');
    expect(onWorkers[0]).toBe('8 fields, 2 worker threads');
    expect(onWorkers.slice(1)).toEqual(inThread.slice(1));
    const fields = await readFieldFile('fields/thai-binh-block.geojson');
    const plans = fields.map((f) => planField(f, getVehicle('transplanter')));
    expect(inThread.slice(1, 9).map((l) => l.trim().split(/\s+/)[0])).toEqual(fields.map((f) => f.id));
    const ha = plans.reduce((a, p) => a + p.metrics.field.areaHa, 0);
    const h = plans.reduce((a, p) => a + p.metrics.timeS.total, 0) / 3600;
    expect(inThread[9]).toBe(`total ${ha.toFixed(3)} ha in ${h.toFixed(2)} h of transplanting (${(ha / h).toFixed(3)} ha/h)`);
  });

  it('co-op-savings.ts prints the savings report figures for 50 ha, in VND formatted per language', async () => {
    for (const lang of ['en', 'vi'] as const) {
      const lines = await example('co-op-savings.ts', ['50', lang]);
      const t = computeSavings({ operation: 'transplanting', areaHa: 50, ownership: 'hire' });
      const i = lines.indexOf('transplanting 50 ha (1388.89 sào), hired machine:');
      expect(i).toBeGreaterThan(0);
      expect(lines[i + 1]).toBe(`  manual      ${formatVnd(t.manual.totalVnd, lang)}, ${t.manual.personDays} person-days`);
      expect(lines[i + 3]).toBe(
        `  saved       ${formatVnd(t.savings.vnd, lang)} (${t.savings.pct} %), ${t.savings.personDays} person-days`,
      );
      // Manual transplanting on the Thái Bình defaults: 30 person-days/ha.
      expect(t.manual.personDays).toBe(1500);
    }
  });

  it('live-feed.ts starts a simulation in-process and prints its snapshot, then telemetry moving forward', async () => {
    const lines = await example('live-feed.ts', [], { UPDATES: '8' });
    expect(lines[0]).toMatch(/^connected to ws:\/\/127\.0\.0\.1:\d+\/ws: 1 simulation\(s\); watching thai-binh-drone /);
    expect(lines[1]).toMatch(/^snapshot {2}t=[\d.]+ s, 1 vehicle\(s\), covered 0\.0 %$/);
    const tele = lines.filter((l) => l.startsWith('telemetry'));
    expect(tele).toHaveLength(8);
    const parsed = tele.map((l) => {
      const m = /t=([\d.]+) s covered ([\d.]+) % \| drone-1 (\w+) at (106\.\d+),(20\.\d+) ([\d.]+) m\/s, tank ([\d.]+) kg/.exec(l);
      expect(m, l).not.toBeNull();
      return { t: Number(m![1]), covered: Number(m![2]), tankKg: Number(m![7]) };
    });
    for (let k = 1; k < parsed.length; k++) {
      expect(parsed[k].t).toBeGreaterThan(parsed[k - 1].t);
      expect(parsed[k].covered).toBeGreaterThanOrEqual(parsed[k - 1].covered);
      expect(parsed[k].tankKg).toBeLessThanOrEqual(parsed[k - 1].tankKg);
    }
    expect(parsed[0].tankKg).toBeLessThanOrEqual(40); // the drone's tank, kg
  });

  it.skipIf(!systemProgram('mosquitto'))(
    'follow-machines-mqtt.ts follows the drone on its per-vehicle topic of a real broker',
    async () => {
      const broker = await startMosquitto(systemProgram('mosquitto')!);
      const url = broker.url;
      const sim = await startTelemetryServer({ port: 0, simulations: [await loadScenario('sims/thai-binh-drone.json')], speedup: 20 });
      const pub = await publishFeedsToMqtt(sim.feeds, { url, farm: 'quynh-phu' });
      try {
        const lines = await example('follow-machines-mqtt.ts', [url, '6']);
        const updates = lines.filter((l) => l.includes(' drone-1: '));
        expect(updates).toHaveLength(6);
        for (const l of updates)
          expect(l).toMatch(
            /^quynh-phu\/[^/ ]+\/thai-binh-drone drone-1: \w+ at 106\.\d{6},20\.\d{6}, [\d.]+ m\/s, fix rtk-\w+, tank [\d.]+ kg$/,
          );
        expect(lines.at(-1)).toMatch(/^thai-binh-drone: [\d.]+ % covered at the last snapshot$/);
      } finally {
        await pub.close();
        await sim.close();
        await broker.stop();
      }
    },
  );
});
