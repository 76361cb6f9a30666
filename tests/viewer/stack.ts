/**
 * Test stack: the real telemetry server (src/telemetry) with the real viewer handler and real
 * scenarios, on 127.0.0.1 (an ephemeral port unless one is given, e.g. to restart on the same
 * port), plus Chromium launchers (headless; SwiftShader WebGL, or no WebGL at all).
 */
import { chromium, type Browser } from 'playwright-core';
import { loadScenario, scenarioFactories, type LoadedScenario } from '../../src/scenario/index.js';
import { startTelemetryServer } from '../../src/telemetry/index.js';
import { createViewerHandler, type ViewerHandler } from '../../src/viewer/index.js';
import { systemProgram } from '../helpers/system.js';

export interface Stack {
  port: number;
  httpUrl: string;
  close(): Promise<void>;
}

const scenarios = new Map<string, Promise<LoadedScenario[]>>();
let viewer: ViewerHandler | undefined;

/**
 * Loads (once) a scenario file, e.g. `sims/thai-binh-drone.json`; with `#a,b` after the path,
 * one run per guidance on the same plan (e.g. `sims/thai-binh-transplanter.json#rtk,manual`).
 */
export function scenario(spec: string): Promise<LoadedScenario[]> {
  let s = scenarios.get(spec);
  if (!s) {
    const [path, guidance] = spec.split('#');
    s = guidance
      ? scenarioFactories(path, { guidance: guidance.split(',') as ('rtk' | 'gnss' | 'manual')[] })
      : loadScenario(path).then((one) => [one]);
    scenarios.set(spec, s);
  }
  return s;
}

/** Starts the telemetry server serving the viewer page. */
export async function startStack(opts: { scenarios: string[]; speedup: number; port?: number; token?: string }): Promise<Stack> {
  viewer ??= createViewerHandler();
  await viewer.ready;
  const simulations = (await Promise.all(opts.scenarios.map(scenario))).flat();
  const srv = await startTelemetryServer({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    simulations,
    staticHandler: viewer,
    speedup: opts.speedup,
    token: opts.token,
    loop: true,
  });
  return { port: srv.port, httpUrl: `http://127.0.0.1:${srv.port}/`, close: () => Promise.resolve(srv.close()) };
}

/** Chromium args: headless, no GPU; SwiftShader so MapLibre gets WebGL without a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];
/** The same without any WebGL (`--disable-3d-apis`): the page must fall back to its 2D canvas. */
export const CHROMIUM_NO_WEBGL_ARGS = [...CHROMIUM_ARGS.filter((a) => !/swiftshader/.test(a)), '--disable-3d-apis'];

/** Launches Debian chromium, or returns undefined (with a loud skip line) when it is missing. */
export async function launchChromium(opts: { webgl?: boolean } = {}): Promise<Browser | undefined> {
  const exe = systemProgram('chromium');
  if (!exe) return undefined;
  return chromium.launch({ executablePath: exe, args: opts.webgl === false ? CHROMIUM_NO_WEBGL_ARGS : CHROMIUM_ARGS });
}
