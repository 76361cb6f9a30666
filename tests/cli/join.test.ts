/**
 * Joining from a phone: serve binds every interface by default (dual-stack `::`, or 0.0.0.0
 * without IPv6), prints the loopback URL, every LAN URL and a QR code; `--host` restricts.
 * Only loopback is ever connected to: the LAN URLs are checked as text against
 * os.networkInterfaces(), never fetched.
 */
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveUntilSignal } from '../../src/cli/live-serve.js';
import { httpUrlOf, joinUrlOf, lanUrls, loopbackUrl } from '../../src/cli/join.js';
import { loadScenario } from '../../src/scenario/index.js';

const IFACES = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
  wlan0: [
    {
      address: '192.168.1.20',
      family: 'IPv4',
      internal: false,
      netmask: '255.255.255.0',
      mac: 'aa:bb:cc:dd:ee:ff',
      cidr: '192.168.1.20/24',
    },
    {
      address: 'fe80::1',
      family: 'IPv6',
      internal: false,
      netmask: 'ffff:ffff:ffff:ffff::',
      mac: 'aa:bb:cc:dd:ee:ff',
      cidr: 'fe80::1/64',
      scopeid: 3,
    },
    {
      address: '2402:800:1::20',
      family: 'IPv6',
      internal: false,
      netmask: 'ffff:ffff:ffff:ffff::',
      mac: 'aa:bb:cc:dd:ee:ff',
      cidr: '2402:800:1::20/64',
      scopeid: 0,
    },
  ],
  eth1: [{ address: '10.0.0.5', family: 'IPv4', internal: false, netmask: '255.0.0.0', mac: '11:22:33:44:55:66', cidr: '10.0.0.5/8' }],
} as Parameters<typeof lanUrls>[2];

describe('LAN URLs', () => {
  it('lists every non-internal address for ::, IPv4 first, no link-local IPv6', () => {
    expect(lanUrls('::', 8080, IFACES)).toEqual(['http://192.168.1.20:8080/', 'http://10.0.0.5:8080/', 'http://[2402:800:1::20]:8080/']);
    expect(lanUrls('0.0.0.0', 8080, IFACES)).toEqual(['http://192.168.1.20:8080/', 'http://10.0.0.5:8080/']);
  });
  it('gives the bound address itself, or nothing for loopback', () => {
    expect(lanUrls('192.168.1.20', 8080, IFACES)).toEqual(['http://192.168.1.20:8080/']);
    expect(lanUrls('127.0.0.1', 8080, IFACES)).toEqual([]);
    expect(lanUrls('::1', 8080, IFACES)).toEqual([]);
  });
  it('puts the first LAN URL in the QR code, else the loopback one', () => {
    expect(joinUrlOf('::', 8080, IFACES)).toBe('http://192.168.1.20:8080/');
    expect(joinUrlOf('::', 8080, { lo: IFACES!.lo })).toBe('http://127.0.0.1:8080/');
    expect(loopbackUrl('::', 9)).toBe('http://127.0.0.1:9/');
    expect(httpUrlOf('fe80::1%eth0', 80)).toBe('http://[fe80::1%25eth0]:80/');
  });
});

/** Connects to host:port and closes: true when something listens there (loopback only). */
function reachable(host: '127.0.0.1' | '::1', port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

describe('serve on every interface (in process)', () => {
  afterEach(() => vi.restoreAllMocks());

  async function start(host: string | undefined, json: boolean) {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const sim = await loadScenario('sims/thai-binh-transplanter.json');
    const done = serveUntilSignal({ port: 0, ...(host ? { host } : {}), simulations: [sim], speedup: 1 }, { json, label: 'serve' }, until);
    await vi.waitFor(() => expect(out.join('')).toMatch(json ? /"event":"started"/ : /Press Ctrl\+C/), { timeout: 20_000, interval: 50 });
    return {
      out,
      stop: async () => {
        stop();
        return done;
      },
    };
  }

  it('binds :: by default (reachable on 127.0.0.1 and ::1) and prints each LAN URL', async () => {
    const s = await start(undefined, true);
    try {
      const started = JSON.parse(s.out.find((l) => l.includes('"started"'))!);
      expect(['::', '0.0.0.0']).toContain(started.host);
      expect(started.httpUrl).toBe(`http://127.0.0.1:${started.port}/`);
      expect(started.lanUrls).toEqual(lanUrls(started.host, started.port, networkInterfaces()));
      expect(started.joinUrl).toBe(started.lanUrls[0] ?? started.httpUrl);
      expect(await reachable('127.0.0.1', started.port)).toBe(true);
      if (started.host === '::') expect(await reachable('::1', started.port)).toBe(true);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 30_000);

  it('--host 127.0.0.1 restricts it: no LAN URL, not on ::1', async () => {
    const s = await start('127.0.0.1', true);
    try {
      const started = JSON.parse(s.out.find((l) => l.includes('"started"'))!);
      expect(started.host).toBe('127.0.0.1');
      expect(started.lanUrls).toEqual([]);
      expect(await reachable('::1', started.port)).toBe(false);
    } finally {
      await s.stop();
    }
  }, 30_000);

  it('prints the URLs and a QR code in the terminal', async () => {
    const s = await start(undefined, false);
    try {
      const text = s.out.join('');
      const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(text)![1]);
      const lan = lanUrls('::', port, networkInterfaces());
      for (const u of lan) expect(text).toContain(`  ${u}\n`);
      if (lan.length) {
        expect(text).toContain('Điện thoại cùng mạng Wi-Fi');
        expect(text).toMatch(/[▄▀█]{7}/); // the QR code's finder pattern, in half blocks
      } else expect(text).toContain('Only this machine can open it');
    } finally {
      await s.stop();
    }
  }, 30_000);
});
