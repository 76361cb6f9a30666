/**
 * `agrisim demo` as a process (what `npm start` runs): the report run, and the live demo
 * served until SIGTERM. Spawned by the shared helper (tests/helpers/cli-process.ts); waits are
 * on events (lines printed, messages received) with generous timeouts, never on the clock.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killLeftoverProcesses, spawnSourceCli, startSourceCli } from '../helpers/cli-process.js';
import { client, type Msg } from '../telemetry/helpers.js';

killLeftoverProcesses();

/** A busy 2-core machine may take long to plan the block and run the four comparisons. */
const TEST_TIMEOUT_MS = 180_000;

describe('agrisim demo (what npm start runs)', () => {
  it(
    '--no-serve --json: plans the Thái Bình block, measures guided vs manual, prints savings and writes both reports',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'agrisim-demo-'));
      const report = join(dir, 'savings.html');
      const demo = spawnSourceCli(['demo', '--no-serve', '--json', '--report', report]);
      expect(await demo.exitWithin(TEST_TIMEOUT_MS - 10_000), demo.stderr()).toEqual({ code: 0, signal: null });
      // the JSON lines, read field by field below (as the JSON.parse of every line was)
      const lines = demo.lines() as ReturnType<typeof JSON.parse>[];
      // the whole block planned for two fleets: 2 drones spreading, 3 transplanters
      const blocks = lines.filter((l) => l.event === 'block');
      expect(blocks.map((b) => b.scenario)).toEqual(['thai-binh-block-drones', 'thai-binh-block-transplanters']);
      expect(blocks.map((b) => b.plan.vehicles.length)).toEqual([2, 3]);
      for (const b of blocks) {
        expect(b.plan.block.paddies).toBe(8);
        expect(b.plan.makespanS).toBe(Math.max(...b.plan.vehicles.map((v: { timeS: { total: number } }) => v.timeS.total)));
        // every paddy is someone's
        expect(new Set(b.plan.vehicles.flatMap((v: { paddies: string[] }) => v.paddies)).size).toBe(8);
      }
      const savings = lines.filter((l) => l.event === 'savings');
      expect(savings.map((s) => s.savings.operation)).toEqual(['fertilizing', 'transplanting']);
      const [fert, trans] = savings;
      // four 1.35 ha paddies for the drone, one for the transplanter (sims/*.json)
      expect(fert.savings.areaHa).toBeCloseTo(5.4, 1);
      expect(trans.savings.areaHa).toBeCloseTo(1.35, 2);
      expect(fert.plans).toHaveLength(4);
      for (const p of [...fert.plans, ...trans.plans]) expect(p.coveragePct).toBeGreaterThanOrEqual(99.5);
      // the run's measured figures are used and marked
      expect(trans.savings.assumptions.some((a: { fromRun: boolean }) => a.fromRun)).toBe(true);
      expect(fert.savings.assumptions.some((a: { fromRun: boolean }) => a.fromRun)).toBe(true);
      // manual transplanting needs far more labour than the machine (ECONOMICS.md: 25 + 5 person-days/ha by hand)
      expect(trans.savings.manual.personDays).toBeCloseTo(30 * 1.35, 0);
      expect(trans.savings.savings.personDays).toBeGreaterThan(20);
      expect(trans.savingsHired.ownership).toBe('hire');
      const reports = lines.filter((l) => l.event === 'report').map((l) => l.path);
      expect(reports).toEqual([report, join(dir, 'savings-transplanting.html')]);
      for (const p of reports) expect(readFileSync(p, 'utf8')).toMatch(/^<!doctype html>/i);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'serves the two fleets and the four runs and the viewer on $PORT, then stops cleanly on SIGTERM',
    async () => {
      const demo = await startSourceCli(['demo', '--speedup', '50'], { env: { PORT: '0' }, startTimeoutMs: TEST_TIMEOUT_MS - 30_000 });
      const { started } = demo;
      const sims = (started.simulations as { id: string }[]).map((s) => s.id);
      expect(sims).toEqual([
        'thai-binh-block-drones',
        'thai-binh-block-transplanters',
        'thai-binh-drone-rtk',
        'thai-binh-drone-manual',
        'thai-binh-transplanter-rtk',
        'thai-binh-transplanter-manual',
      ]);
      // every interface by default (phones on the Wi-Fi), but the printed URL we open is loopback
      expect(['::', '0.0.0.0']).toContain(started.host);
      expect(String(started.httpUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(String(started.httpUrl));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      const ws = await client(String(started.url));
      ws.send({ type: 'subscribe', sim: 'thai-binh-drone-rtk' });
      ws.send({ type: 'subscribe', sim: 'thai-binh-block-drones' });
      const droneTelemetry = (m: Msg) => m.type === 'telemetry' && m.sim === 'thai-binh-drone-rtk';
      await ws.count(droneTelemetry, 4, 60_000);
      expect(ws.messages[0].type).toBe('hello');
      expect(ws.messages.some((m) => m.type === 'snapshot' && m.sim === 'thai-binh-drone-rtk')).toBe(true);
      // the fleet: one simulation, both drones in each telemetry message, per-paddy progress
      const fleet = (await ws.count((m) => m.type === 'telemetry' && m.sim === 'thai-binh-block-drones', 4, 60_000)) as {
        vehicles?: unknown[];
        progress?: { paddyCoveredPct?: number[] };
      }[];
      expect(fleet.length).toBeGreaterThan(3);
      expect(fleet[fleet.length - 1].vehicles).toHaveLength(2);
      expect(fleet[fleet.length - 1].progress?.paddyCoveredPct).toHaveLength(8);
      demo.proc.kill('SIGTERM');
      expect((await ws.closed).code).toBe(1001);
      expect((await demo.exit).code).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});
