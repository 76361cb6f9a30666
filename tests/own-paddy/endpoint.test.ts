/**
 * POST /api/paddy on a real HTTP server (loopback): a drawn paddy is planned, simulated and
 * priced; bad shapes get the field stage's codes with a Vietnamese (or English) sentence; the
 * body, field size and request rate are limited.
 */
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSavings } from '../../src/economics/index.js';
import { createOwnPaddyHandler, MESSAGE_CODES, paddyMessage, planOwnPaddy } from '../../src/own-paddy/index.js';

/** A w × h m rectangle at Quỳnh Phụ (1e-5° lon ≈ 1.04 m, 1e-5° lat ≈ 1.11 m there). */
function rect(wM: number, hM: number, lon = 106.35, lat = 20.65) {
  const dx = wM / 104_050,
    dy = hM / 111_195;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dx, lat],
        [lon + dx, lat + dy],
        [lon, lat + dy],
        [lon, lat],
      ],
    ],
  };
}
const BOWTIE = {
  type: 'Polygon',
  coordinates: [
    [
      [106.35, 20.65],
      [106.3505, 20.6505],
      [106.3505, 20.65],
      [106.35, 20.6505],
      [106.35, 20.65],
    ],
  ],
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, any>;
}

function post(port: number, body: unknown, opts: { path?: string; type?: string; method?: string; raw?: string } = {}): Promise<Reply> {
  const data = opts.raw ?? JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path ?? '/api/paddy',
        method: opts.method ?? 'POST',
        headers: { 'content-type': opts.type ?? 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString() || '{}') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : data);
  });
}

describe('planOwnPaddy', () => {
  it('plans a 40 × 100 m paddy for the transplanter, runs it guided and by eye, prices it with computeSavings', () => {
    const r = planOwnPaddy({ machine: 'transplanter', field: rect(40, 100) });
    expect(r.paddy.areaHa).toBeCloseTo(0.4, 2);
    expect(r.paddy.areaSao).toBeCloseTo(4000 / 360, 0);
    expect(r.plan.swaths).toBeGreaterThan(10); // 40 m at a 1.8 m six-row working width
    expect(r.run.coveredPct).toBeGreaterThan(95);
    expect(r.run.manualDurationS).toBeGreaterThan(r.run.durationS); // by eye is slower
    expect(r.run.trace.length).toBeGreaterThan(50);
    expect(r.run.trace.length).toBeLessThanOrEqual(601);
    // ECONOMICS.md: manual transplanting 25 + 5 person-days/ha → 30 × 0.4 ha
    expect(r.savings.manual.personDays).toBeCloseTo(30 * r.paddy.areaHa, 1);
    const direct = computeSavings({ operation: 'transplanting', areaHa: r.paddy.areaHa, ownership: 'own', run: r.savings.run });
    expect(r.savings.savings.vnd).toBe(direct.savings.vnd);
    expect(r.savings.savings.vnd).toBeGreaterThan(0);
  });

  it('is deterministic: same paddy, same bytes', () => {
    const a = JSON.stringify(planOwnPaddy({ machine: 'drone', field: rect(30, 60) }));
    const b = JSON.stringify(planOwnPaddy({ machine: 'drone', field: rect(30, 60) }));
    expect(a).toBe(b);
  });
});

describe('POST /api/paddy', () => {
  let now = 0;
  const handler = createOwnPaddyHandler({ perMinute: 6, burst: 3, nowMs: () => now, maxBodyBytes: 20_000, limits: { maxAreaHa: 1 } });
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!handler(req, res)) {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  /** Each test starts with a full bucket: a virtual minute passes. */
  const fresh = () => (now += 60_000);

  it('answers a drawn paddy with plan, run and savings', async () => {
    fresh();
    const r = await post(port, { machine: 'drone', field: rect(40, 80), lang: 'vi' });
    expect(r.status).toBe(200);
    expect(r.json.paddy.areaHa).toBeCloseTo(0.32, 2);
    expect(r.json.plan.geojson.features.some((f: { properties: { kind: string } }) => f.properties.kind === 'boundary')).toBe(true);
    expect(r.json.savings.operation).toBe('fertilizing');
    expect(r.json.notes).toEqual([]);
  });

  it('refuses a crossed boundary with FIELD_SELF_INTERSECTION, in Vietnamese and in English', async () => {
    fresh();
    const vi = await post(port, { machine: 'drone', field: BOWTIE });
    expect(vi.status).toBe(422);
    expect(vi.json.error.code).toBe('FIELD_SELF_INTERSECTION');
    expect(vi.json.error.message).toBe(paddyMessage('vi', 'FIELD_SELF_INTERSECTION'));
    expect(vi.json.error.message).toMatch(/tự cắt nhau/);
    const en = await post(port, { machine: 'drone', field: BOWTIE, lang: 'en' });
    expect(en.json.error.message).toMatch(/^The boundary crosses itself\. .*\(feature 0: outer ring crosses itself/);
  });

  it('uses the same codes as the CLI for other bad shapes and requests', async () => {
    fresh();
    const tooBig = await post(port, { machine: 'drone', field: rect(200, 100) }); // 2 ha > the 1 ha limit here
    expect([tooBig.status, tooBig.json.error.code]).toEqual([422, 'FIELD_TOO_LARGE']);
    const noMachine = await post(port, { machine: 'tractor', field: rect(40, 80) });
    expect([noMachine.status, noMachine.json.error.code]).toEqual([400, 'PADDY_BAD_REQUEST']);
    fresh();
    const notJson = await post(port, undefined, { raw: '{"machine":' });
    expect([notJson.status, notJson.json.error.code]).toEqual([400, 'PADDY_BAD_REQUEST']);
    const form = await post(port, undefined, { raw: 'machine=drone', type: 'application/x-www-form-urlencoded' });
    expect([form.status, form.json.error.code]).toEqual([400, 'PADDY_BAD_REQUEST']);
    fresh();
    const get = await post(port, undefined, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const big = await post(port, { machine: 'drone', field: 'x'.repeat(30_000) });
    expect([big.status, big.json.error.code]).toEqual([413, 'PADDY_BODY_TOO_LARGE']);
  });

  it('takes a My Maps KML with a pin and a path: plans the first paddy, notes what was ignored', async () => {
    fresh();
    const kml = readFileSync('tests/fixtures/field/my-maps-export.kml', 'utf8');
    const small = createOwnPaddyHandler();
    const s2 = createServer((req, res) => void small(req, res));
    await new Promise<void>((r) => s2.listen(0, '127.0.0.1', r));
    try {
      const r = await post((s2.address() as { port: number }).port, { machine: 'transplanter', field: kml, format: 'kml' });
      expect(r.status).toBe(200);
      expect(r.json.paddy.name).toBe('Thửa 1 – Đồng Trên');
      expect(r.json.paddy.paddiesInFile).toBe(4);
      expect(r.json.notes.map((n: { message: string }) => n.message)).toEqual([
        `${paddyMessage('vi', 'FIELD_IGNORED_GEOMETRY')}: Cống nước`,
        `${paddyMessage('vi', 'FIELD_IGNORED_GEOMETRY')}: Kênh tưới`,
        `${paddyMessage('vi', 'FIELD_IGNORED_GEOMETRY')}: Thửa 3 – hai mảnh`,
        `${paddyMessage('vi', 'MORE_PADDIES')}: Thửa 1 – Đồng Trên`,
      ]);
    } finally {
      await new Promise<void>((r) => s2.close(() => r()));
    }
  });

  it('limits requests per client: a burst of 3, then 429 with Retry-After until the bucket refills', async () => {
    fresh();
    const bad = { machine: 'drone', field: BOWTIE }; // cheap to refuse: the limit counts requests, not work
    for (let i = 0; i < 3; i++) expect((await post(port, bad)).status).toBe(422);
    const limited = await post(port, bad);
    expect([limited.status, limited.json.error.code]).toEqual([429, 'PADDY_RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBe(10); // 6 per minute: one every 10 s
    now += 10_000;
    expect((await post(port, bad)).status).toBe(422);
  });

  it('answers two phones at once, one after the other, with the same figures for the same paddy', async () => {
    fresh();
    const [a, b] = await Promise.all([
      post(port, { machine: 'drone', field: rect(30, 60) }),
      post(port, { machine: 'drone', field: rect(30, 60) }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(JSON.stringify(a.json)).toBe(JSON.stringify(b.json));
  });

  it('has a Vietnamese and an English sentence for every code it sends', () => {
    for (const code of MESSAGE_CODES) {
      expect(paddyMessage('vi', code)).not.toBe(paddyMessage('en', code));
      expect(paddyMessage('vi', code).length).toBeGreaterThan(10);
    }
  });
});
