/**
 * The viewer still works under the server's Content-Security-Policy (issue 20): real Chromium,
 * real server and scenario; MapLibre draws the field with WebGL (its worker comes from a blob:
 * URL), telemetry flows over the socket, and the browser reports no policy violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startStack, type Stack } from '../viewer/stack.js';

let browser: Browser | undefined;
let stack: Stack | undefined;

describe('viewer under the Content-Security-Policy (Chromium)', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    if (browser) stack = await startStack({ scenarios: ['sims/thai-binh-drone.json'], speedup: 20 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('draws the field with MapLibre and gets telemetry, with no CSP violation', async (ctx) => {
    if (!browser || !stack) return ctx.skip();
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${stack.httpUrl}?renderer=maplibre`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.waitForFunction(
      () => {
        const p =
          (
            window as unknown as { __agrisim?: { panes(): { fieldRendered: boolean; renderer?: string; vehicles: unknown[] }[] } }
          ).__agrisim?.panes() ?? [];
        return p.length > 0 && p[0].fieldRendered && p[0].vehicles.length > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    const renderer = await page.evaluate(
      () => (window as unknown as { __agrisim: { panes(): { renderer?: string }[] } }).__agrisim.panes()[0].renderer,
    );
    expect(renderer).toMatch(/maplibre/i);
    expect(violations).toEqual([]);
    await page.close();
  }, 90_000);
});
