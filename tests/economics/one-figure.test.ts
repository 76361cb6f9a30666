/**
 * One figure everywhere: a recorded run gives the same savings in `agrisim savings --run`, in
 * the telemetry replayed from the recording at the end of the run (progress.savingsVnd, from
 * the economics stage), and on the viewer page in real Chromium (within 2 %).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter, timeout } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaySimulation } from '../../src/sim/index.js';
import { createSimFeed, startTelemetryServer } from '../../src/telemetry/index.js';
import type { FeedUpdate } from '../../src/telemetry/feed/types.js';
import type { WireProgress } from '../../src/telemetry/protocol/messages.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { launchChromium } from '../viewer/stack.js';
import { runCli } from '../helpers/cli.js';
import { systemProgram } from '../helpers/system.js';
import { computeSavings } from '../../src/economics/index.js';
import { createProgressSavings } from '../../src/telemetry/feed/progress-savings.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-one-figure-'));
const recording = join(dir, 'drone.ndjson');
let text = '';
let cliVnd = 0;

const within2Pct = (a: number, b: number) => Math.abs(a - b) <= 0.02 * Math.abs(b);
const factory = () => ({ id: 'rec-drone', name: 'recorded drone run', create: () => replaySimulation(text) });

beforeAll(async () => {
  const sim = await runCli('simulate', 'fields/paddy-40x120.geojson', '--cell', '1', '--record', recording, '--json');
  expect(sim.status).toBe(0);
  text = readFileSync(recording, 'utf8');
  const r = await runCli('savings', '--run', recording, '--json');
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.operation).toBe('fertilizing');
  cliVnd = report.savings.vnd;
}, 60_000);

describe('one savings figure for a recorded run', () => {
  it('the replayed telemetry ends with the figure of savings --run, from the measured run', async () => {
    const feed = createSimFeed(factory(), { speedup: 5000 });
    let last: WireProgress | undefined;
    feed.updates$.subscribe((u: FeedUpdate) => {
      if (u.kind === 'telemetry') last = u.progress;
    });
    const done = firstValueFrom(
      feed.updates$.pipe(
        filter((u) => u.kind === 'telemetry' && u.progress.savings?.basis === 'run'),
        timeout(30_000),
      ),
    );
    feed.start();
    await done;
    feed.stop();
    expect(last?.savings?.basis).toBe('run');
    expect(within2Pct(last!.savingsVnd!, cliVnd), `${last!.savingsVnd} vs ${cliVnd}`).toBe(true);
    // the same computation, so in fact the same number
    expect(last!.savingsVnd).toBe(cliVnd);
    expect(last!.savings).toMatchObject({ operation: 'fertilizing', ownership: 'own', method: 'drone' });
    // the snapshot a late joiner gets holds it too
    expect(feed.state().progress.savingsVnd).toBe(cliVnd);
  }, 40_000);

  it('mid-run, the savings are the defaults per ha × the area done, and grow with it (stepped frame by frame)', () => {
    const sim = replaySimulation(text);
    const savings = createProgressSavings(sim.describe());
    const perHa = computeSavings({ operation: 'fertilizing', areaHa: 1 });
    let prev = -Infinity;
    let n = 0;
    for (let f = sim.step(); f; f = sim.step()) {
      const p = savings.add(f.progress, sim.done ? sim.metrics() : undefined);
      if (sim.done) {
        expect(p.savingsVnd).toBe(cliVnd);
        break;
      }
      expect(p.savings!.basis).toBe('defaults');
      expect(Math.abs(p.savingsVnd! - perHa.perHa.savingsVnd * f.progress.coveredHa)).toBeLessThanOrEqual(1);
      // moves with the area done, in the direction of the saving per ha (the drone saves nothing here: it falls)
      if (Number.isFinite(prev)) expect(Math.sign(perHa.perHa.savingsVnd) * (p.savingsVnd! - prev)).toBeGreaterThanOrEqual(0);
      prev = p.savingsVnd!;
      n++;
    }
    expect(n).toBeGreaterThan(10);
  });

  it('a transplanter driven by eye is the unguided alternative; a run without metrics keeps the defaults', () => {
    const desc = {
      ...replaySimulation(text).describe(),
      vehicles: [{ id: 't', kind: 'transplanter', workingWidthM: 1.8, guidance: 'manual' as const }],
    };
    const p = createProgressSavings(desc).add({ coveredPct: 50, coveredHa: 0.2, elapsedS: 100, etaS: 100 });
    expect(p.savings!.method).toBe('unguided-transplanter');
    const broken = {
      guidance: 'manual' as const,
      seed: 1,
      timeS: { working: 0, turning: 0, transit: 0, refill: 0, total: 0 },
      sorties: 0,
      refills: 0,
      areaCoveredHa: 0,
      coveredPct: 0,
      overlapPct: 0,
      gapPct: 0,
      inputUsed: 0,
      inputOffTargetKg: 0,
      energy: {},
      fieldCapacityHaPerH: 0,
      faults: 0,
    };
    const q = createProgressSavings(desc).add({ coveredPct: 50, coveredHa: 0.2, elapsedS: 100, etaS: 100 }, broken);
    expect(q.savings!.basis).toBe('defaults');
  });
});

describe.skipIf(!systemProgram('chromium'))('the page shows the same figure', () => {
  const ctx: { close?: () => Promise<void> } = {};
  let url = '';
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
    if (!browser) return;
    const viewer = createViewerHandler();
    await viewer.ready;
    const srv = await startTelemetryServer({
      port: 0,
      host: '127.0.0.1',
      simulations: [factory()],
      staticHandler: viewer,
      speedup: 5000,
      loop: false,
    });
    url = `http://127.0.0.1:${srv.port}/`;
    ctx.close = () => Promise.resolve(srv.close());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ctx.close?.();
  });

  it.each(['en', 'vi'] as const)(
    'in %s, within 2 % of savings --run',
    async (lang) => {
      const page = await browser!.newPage();
      await page.goto(`${url}?lang=${lang}&sim=rec-drone`);
      const read = async () => {
        const s = await page.locator('[data-testid="savings-vnd"]').first().innerText();
        const digits = s.replace(/[^\d]/g, '');
        return digits ? (s.includes('−') || s.includes('-') ? -1 : 1) * Number(digits) : Number.NaN;
      };
      await expect.poll(async () => within2Pct(await read(), cliVnd), { timeout: 20_000, interval: 200 }).toBe(true);
      await page.close();
    },
    40_000,
  );
});
