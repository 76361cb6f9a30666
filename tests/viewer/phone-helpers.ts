/**
 * Helpers of the phone browser tests: the demo served in process by the CLI's own code
 * (serveUntilSignal, viewer + my-paddy endpoint), the URL it prints, mobile contexts, the
 * visible text of a page, its tap targets, and a loopback TCP proxy whose connections a test
 * can drop (a phone losing its socket).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { vi } from 'vitest';
import { serveUntilSignal, viewerHandler } from '../../src/cli/live-serve.js';
import { scenario } from './stack.js';

export interface Demo {
  /** The loopback URL the CLI printed. */
  url: string;
  /** The URL in the QR code (the first LAN URL, else the loopback one): shown, never opened. */
  joinUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the demo's server the way `agrisim demo` does (every interface, Vietnamese by default) and reads the printed URL. */
export async function startDemo(scenarios: string[], speedup: number): Promise<Demo> {
  const simulations = (await Promise.all(scenarios.map(scenario))).flat();
  const staticHandler = await viewerHandler(true, 'demo', 'vi');
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    lines.push(String(s));
    return true;
  });
  let stop!: () => void;
  const until = new Promise<void>((r) => (stop = r));
  const done = serveUntilSignal({ port: 0, simulations, speedup, loop: true, staticHandler }, { json: true, label: 'demo' }, until);
  try {
    await vi.waitFor(
      () => {
        if (!lines.some((l) => l.includes('"started"'))) throw new Error('not started');
      },
      { timeout: 30_000, interval: 50 },
    );
  } finally {
    spy.mockRestore();
  }
  const started = JSON.parse(lines.find((l) => l.includes('"started"'))!) as { httpUrl: string; joinUrl: string; port: number };
  return {
    url: started.httpUrl,
    joinUrl: started.joinUrl,
    port: started.port,
    stop: async () => {
      stop();
      await done;
    },
  };
}

/** A phone: touch, mobile viewport, 2× pixels, an English-speaking browser (the demo's page is Vietnamese anyway). */
export function phoneContext(browser: Browser, width: number, height: number): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  });
}

/** Every visible text on the page: text nodes of rendered elements, and the shown option of each select. */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.display === 'none' || st.visibility === 'hidden' || (e as HTMLElement).hidden) return false;
      }
      const r = el!.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!text || !p || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'svg'].includes(p.tagName)) continue;
      if (shown(p)) out.push(text);
    }
    document.querySelectorAll('select').forEach((s) => shown(s) && s.selectedOptions[0] && out.push(s.selectedOptions[0].text));
    document
      .querySelectorAll<HTMLInputElement>('input[placeholder]')
      .forEach((i) => shown(i) && out.push(i.placeholder.replace(/https?:\S+/, '')));
    return out;
  });
}

/** Tap targets smaller than 44 × 44 CSS px, and elements sticking out of the screen. */
export function layoutProblems(page: Page): Promise<{ small: string[]; overflow: string[]; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0)) return false;
      for (let e: Element | null = el; e; e = e.parentElement)
        if (getComputedStyle(e).display === 'none' || (e as HTMLElement).hidden) return false;
      return true;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}[${(el as HTMLElement).dataset.testid ?? (el as HTMLElement).dataset.i18n ?? (el.textContent ?? '').trim().slice(0, 20)}]`;
    const targets = [
      ...document.querySelectorAll(
        'button, select, summary, a[href], label.file, label.compare, input:not([type="checkbox"]):not([type="file"])',
      ),
    ].filter(shown);
    const small = targets
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 44 || r.height < 44;
      })
      .map((el) => `${name(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
    const overflow = [...document.querySelectorAll('body *')]
      .filter((el) => shown(el) && el.getBoundingClientRect().right > innerWidth + 0.5 && !el.closest('.map, .result-map'))
      .map(name);
    return { small, overflow, scrollWidth: document.scrollingElement!.scrollWidth, innerWidth };
  });
}

/** Lower-case words (letters only) of some texts. */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().split(/[^\p{L}]+/u)) if (w.length > 1) out.add(w);
  return out;
}

/** A loopback TCP proxy to `port`; `dropAll()` cuts every connection at once (a socket lost in sleep). */
export async function startProxy(port: number): Promise<{ port: number; dropAll(): number; close(): Promise<void> }> {
  const live = new Set<Socket>();
  const server: Server = createServer((c) => {
    const u = connect({ host: '127.0.0.1', port });
    for (const s of [c, u]) {
      live.add(s);
      s.on('close', () => live.delete(s));
      s.on('error', () => s.destroy());
    }
    c.pipe(u);
    u.pipe(c);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    dropAll() {
      const n = live.size;
      for (const s of live) s.destroy();
      return n;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of live) s.destroy();
        server.close(() => r());
      }),
  };
}
