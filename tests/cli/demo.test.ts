import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

describe('agrisim demo (what npm start runs)', () => {
  it('--no-serve --json: plans the Thái Bình block, measures guided vs manual, prints savings and writes both reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-demo-'));
    const report = join(dir, 'savings.html');
    const r = spawnSync(process.execPath, [...CLI, 'demo', '--no-serve', '--json', '--report', report], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
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
  });

  it('serves the two fleets and the four runs and the viewer on $PORT, then stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [...CLI, 'demo', '--json', '--speedup', '50'], { env: { ...process.env, PORT: '0' } });
    const lines = createInterface({ input: child.stdout });
    const next = () => new Promise<Record<string, unknown>>((resolve) => lines.once('line', (l) => resolve(JSON.parse(l))));
    let started: Record<string, unknown>;
    do started = await next();
    while (started.event !== 'started');
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
    const ws = new WebSocket(String(started.url));
    const messages: { type: string; sim?: string; progress?: { coveredPct: number } }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', sim: 'thai-binh-drone-rtk' }));
    ws.send(JSON.stringify({ type: 'subscribe', sim: 'thai-binh-block-drones' }));
    await new Promise((r) => setTimeout(r, 1500));
    expect(messages[0].type).toBe('hello');
    expect(messages.some((m) => m.type === 'snapshot' && m.sim === 'thai-binh-drone-rtk')).toBe(true);
    expect(messages.filter((m) => m.type === 'telemetry' && m.sim === 'thai-binh-drone-rtk').length).toBeGreaterThan(3);
    // the fleet: one simulation, both drones in each telemetry message, per-paddy progress
    const fleet = messages.filter((m) => m.type === 'telemetry' && m.sim === 'thai-binh-block-drones') as {
      vehicles?: unknown[];
      progress?: { paddyCoveredPct?: number[] };
    }[];
    expect(fleet.length).toBeGreaterThan(3);
    expect(fleet[fleet.length - 1].vehicles).toHaveLength(2);
    expect(fleet[fleet.length - 1].progress?.paddyCoveredPct).toHaveLength(8);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
  });
});
