/**
 * Viewer benchmark in Debian Chromium (playwright-core, SwiftShader WebGL): page weight
 * (bytes on the wire from Resource Timing, cache off via CDP, gzip on), time from navigation to the first
 * field render on localhost, and animation frame rate (requestAnimationFrame callbacks per
 * second) with 1 and with 10 machines, for MapLibre and the 2D fallback. Baselines in the
 * same run: the fallback's page weight, and the 1-machine frame rate (runs interleaved).
 * Run alone: `npx tsx bench/viewer.bench.ts`.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadScenario, scenarioFromObject } from '../src/scenario/index.js';
import { startTelemetryServer } from '../src/telemetry/index.js';
import { createViewerHandler } from '../src/viewer/index.js';
import { launchChromium } from '../tests/viewer/stack.js';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const REPEATS = 3;
const FPS_WINDOW_MS = 2000;

/** Ten RTK drones sharing the Thái Bình block (the scenario format splits the route between them). */
function tenDrones() {
  return scenarioFromObject(
    {
      id: 'bench-ten-drones',
      name: 'bench: ten drones',
      field: 'fields/thai-binh-block.geojson',
      vehicles: Array.from({ length: 10 }, (_, i) => ({ profile: 'drone', guidance: 'rtk', id: `drone-${i + 1}` })),
      servicePoint: [106.3409, 20.6602],
      seed: 11,
      cellM: 0.5,
      faults: false,
    },
    resolve('sims'),
    'bench',
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Load {
  bytes: number;
  requests: number;
  firstRenderMs: number;
}

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('agrisim:field-rendered').length > 0, undefined, { timeout: 30_000 });
  const firstRenderMs = await page.evaluate(() => performance.getEntriesByName('agrisim:field-rendered')[0].startTime);
  await page.waitForTimeout(500); // let late requests (the worker) finish
  // Resource Timing sees the page, its scripts and the MapLibre worker's script (transferSize: headers + encoded body).
  const all = (await page.evaluate(
    `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => e.transferSize)`,
  )) as number[];
  await context.close();
  return { bytes: all.reduce((a, b) => a + b, 0), requests: all.length, firstRenderMs };
}

async function fps(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('agrisim:field-rendered').length > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  // A string, so tsx's helpers (__name) do not leak into the page.
  const rate = (await page.evaluate(`new Promise((done) => {
    let n = 0;
    const t0 = performance.now();
    const tick = (now) => {
      n++;
      if (now - t0 < ${FPS_WINDOW_MS}) requestAnimationFrame(tick);
      else done((n * 1000) / (now - t0));
    };
    requestAnimationFrame(tick);
  })`)) as number;
  await page.close();
  return rate;
}

export async function run(): Promise<BenchSection> {
  const viewer = createViewerHandler();
  await viewer.ready;
  const [one, ten] = await Promise.all([loadScenario('sims/thai-binh-drone.json'), tenDrones()]);
  const server = await startTelemetryServer({
    port: 0,
    host: '127.0.0.1',
    simulations: [one, ten],
    staticHandler: viewer,
    speedup: 10,
    loop: true,
  });
  const base = `http://127.0.0.1:${server.port}/`;
  const launched = await launchChromium();
  if (!launched) {
    await server.close();
    throw new Error('chromium is missing: bash scripts/install-system-deps.sh');
  }
  const browser = launched;
  const rows: Record<string, number | string>[] = [];
  try {
    const loads: Record<string, Load> = {};
    for (const renderer of ['canvas', 'maplibre']) {
      const url = `${base}?lang=en&sim=${one.id}${renderer === 'canvas' ? '&renderer=canvas' : '&renderer=maplibre'}`;
      const runs: Load[] = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await loadOnce(browser, url));
      loads[renderer] = {
        bytes: median(runs.map((r) => r.bytes)),
        requests: runs[0].requests,
        firstRenderMs: median(runs.map((r) => r.firstRenderMs)),
      };
    }
    for (const [renderer, l] of Object.entries(loads)) {
      rows.push({
        case: `page load, ${renderer}`,
        transferredKB: Math.round(l.bytes / 102.4) / 10,
        requests: l.requests,
        firstFieldRenderMs: Math.round(l.firstRenderMs),
        weightVsFallback: Math.round((l.bytes / loads.canvas.bytes) * 100) / 100,
      });
    }
    // Interleaved 1- and 10-machine runs, median of each: the machine's load drifts during a run.
    for (const renderer of ['maplibre', 'canvas']) {
      const q = renderer === 'canvas' ? '&renderer=canvas' : '&renderer=maplibre';
      const f1: number[] = [];
      const f10: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        f1.push(await fps(browser, `${base}?lang=en&sim=${one.id}${q}`));
        f10.push(await fps(browser, `${base}?lang=en&sim=${ten.id}${q}`));
      }
      const [m1, m10] = [median(f1), median(f10)];
      rows.push({
        case: `frame rate, ${renderer}, 1 machine`,
        fps: Math.round(m1 * 10) / 10,
        fpsRuns: f1.map((f) => Math.round(f)).join(' '),
      });
      rows.push({
        case: `frame rate, ${renderer}, 10 machines`,
        fps: Math.round(m10 * 10) / 10,
        fpsRuns: f10.map((f) => Math.round(f)).join(' '),
        vsOneMachine: Math.round((m10 / m1) * 100) / 100,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    name: 'viewer',
    rows,
    notes: [
      'Chromium headless with SwiftShader (software WebGL, no GPU), 1280×800, localhost; median of 3 loads with the cache off.',
      'transferredKB: Resource Timing transferSize (headers + encoded body) of the page and every resource incl. the MapLibre worker script, cache off via CDP Network.setCacheDisabled, gzip on; the 2D fallback skips the MapLibre chunk and worker.',
      'firstFieldRenderMs: navigation start to the performance mark set when the field is first on screen (MapLibre: queryRenderedFeatures finds it).',
      "fps: requestAnimationFrame callbacks per second over 2 s while telemetry streams at 10 Hz (speed-up 10); median of 3 runs, 1- and 10-machine runs interleaved (fpsRuns lists each). SwiftShader draws WebGL on the CPU, so MapLibre figures follow the machine's load; a GPU does far better.",
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (s) => console.log(JSON.stringify(s, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
