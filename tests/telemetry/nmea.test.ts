/**
 * NMEA 0183: sentence fields and checksums, then a real gpsd following the simulated drone:
 * its TPV reports must match the simulation's position, speed and time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_NMEA_START_UTC,
  KNOTS_PER_MPS,
  nmeaAngle,
  nmeaChecksum,
  nmeaSentences,
  startNmeaServer,
  startTelemetryServer,
  type WireVehicle,
} from '../../src/telemetry/index.js';
import { type Gpsd, startGpsd } from '../helpers/gpsd.js';
import { systemProgram } from '../helpers/system.js';
import { scenario } from './helpers.js';

/** Parses `ddmm.mmmm`/`dddmm.mmmm` back to degrees. */
const fromNmea = (s: string, hemi: string) => {
  const dot = s.indexOf('.');
  const deg = Number(s.slice(0, dot - 2)) + Number(s.slice(dot - 2)) / 60;
  return hemi === 'S' || hemi === 'W' ? -deg : deg;
};

const v: Pick<WireVehicle, 'lat' | 'lon' | 'altM' | 'headingDeg' | 'speedMps' | 'fix'> = {
  lat: 20.660200054,
  lon: 106.340900391,
  altM: 3,
  headingDeg: 344.83,
  speedMps: 5.2,
  fix: 'rtk-fixed',
};

describe('NMEA sentences', () => {
  it('computes the XOR checksum of the textbook GGA example', () => {
    // NMEA 0183 example sentence used by gpsd's and many receivers' docs: ...*47
    expect(nmeaChecksum('GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,')).toBe('47');
  });

  it("writes GGA, RMC, VTG and HDT with valid checksums and the vehicle's numbers", () => {
    const utc = new Date(Date.UTC(2024, 5, 15, 0, 1, 2, 340));
    const lines = nmeaSentences(v, utc);
    expect(lines.map((l) => l.slice(3, 6))).toEqual(['GGA', 'RMC', 'VTG', 'HDT']);
    for (const l of lines) {
      expect(l.endsWith('\r\n')).toBe(true);
      const m = /^\$([^*]+)\*([0-9A-F]{2})\r\n$/.exec(l)!;
      expect(m[2]).toBe(nmeaChecksum(m[1]));
    }
    const gga = lines[0].split('*')[0].split(',');
    expect(gga[1]).toBe('000102.34');
    expect(fromNmea(gga[2], gga[3])).toBeCloseTo(v.lat, 8);
    expect(fromNmea(gga[4], gga[5])).toBeCloseTo(v.lon, 8);
    expect(gga.slice(6, 12)).toEqual(['4', '18', '0.6', '5.00', 'M', '']);
    const rmc = lines[1].split('*')[0].split(',');
    expect(rmc[2]).toBe('A');
    expect(Number(rmc[7]) / KNOTS_PER_MPS).toBeCloseTo(5.2, 3);
    expect(rmc[8]).toBe('344.83');
    expect(rmc[9]).toBe('150624');
    expect(rmc[12]).toBe('R');
    expect(lines[2]).toMatch(/^\$GNVTG,344\.83,T,,M,10\.108,N,18\.720,K,R\*/);
    expect(lines[3]).toMatch(/^\$GNHDT,344\.83,T\*/);
  });

  it('reports each fix with its GGA quality and an invalid RMC without a fix', () => {
    const q = (fix: WireVehicle['fix']) => nmeaSentences({ ...v, fix }, new Date(0))[0].split(',')[6];
    expect(['rtk-fixed', 'rtk-float', 'dgps', 'gnss', 'none'].map((f) => q(f as WireVehicle['fix']))).toEqual(['4', '5', '2', '1', '0']);
    expect(nmeaSentences({ ...v, fix: 'none' }, new Date(0))[1].split(',')[2]).toBe('V');
  });

  it('formats angles with zero-padded degrees, hemispheres and no 60-minute rounding', () => {
    expect(nmeaAngle(-0.5, true)).toEqual(['0030.0000000', 'S']);
    expect(nmeaAngle(-8.25, false)).toEqual(['00815.0000000', 'W']);
    expect(nmeaAngle(20.99999999999, true)).toEqual(['2100.0000000', 'N']);
  });
});

let gpsdRunning: Gpsd | undefined;
afterEach(async () => {
  await gpsdRunning?.stop();
  gpsdRunning = undefined;
});

describe('gpsd round trip', () => {
  const gpsd = systemProgram('gpsd');
  const gpspipe = systemProgram('gpspipe');
  it.skipIf(!gpsd || !gpspipe)('gpsd follows the simulated drone: TPV position, speed, track and time match', async () => {
    const sim = await scenario('thai-binh-drone');
    const server = await startTelemetryServer({ simulations: [sim], speedup: 10, startOn: 'subscribe' });
    const feed = server.feeds[0];
    const seen = new Map<number, WireVehicle>();
    feed.updates$.subscribe((u) => u.kind === 'telemetry' && seen.set(u.t, u.vehicles[0]));
    const nmea = await startNmeaServer({ feed });
    const gpsdRun = await startGpsd(gpsd!, nmea.port);
    gpsdRunning = gpsdRun;
    // gpsd connects to us as a TCP client
    await gpsdRun.waitUntil(() => nmea.clientCount() > 0);
    feed.start();
    const out = await gpsdRun.readReports(gpspipe!, 40);
    const tpv = out
      .split('\n')
      .filter((l) => l.includes('"class":"TPV"'))
      .map((l) => JSON.parse(l) as Record<string, number & string>);
    expect(tpv.length).toBeGreaterThanOrEqual(8);
    const startMs = Date.parse(DEFAULT_NMEA_START_UTC);
    let checked = 0;
    for (const r of tpv) {
      // gpsd's first reports may lack time (GGA before RMC gave the year) or position
      if (r.lat === undefined || r.time === undefined) continue;
      const t = Date.parse(r.time) - startMs;
      const sv = seen.get(t);
      expect(sv, `simulation frame at t=${t}`).toBeDefined();
      expect(r.mode).toBe(3);
      if (sv!.fix === 'rtk-fixed') expect(r.status).toBe(3); // gpsd STATUS_RTK_FIX
      expect(Math.abs(r.lat - sv!.lat)).toBeLessThan(1e-8);
      expect(Math.abs(r.lon - sv!.lon)).toBeLessThan(1e-8);
      expect(Math.abs(r.speed - sv!.speedMps)).toBeLessThan(0.002);
      if (sv!.speedMps > 0.5) expect(Math.abs(r.track - sv!.headingDeg)).toBeLessThan(0.01);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    await nmea.close();
    await server.close();
  });
});

describe('NMEA server options', () => {
  it('refuses an unknown vehicle or start time with TELEMETRY_INVALID_OPTION', async () => {
    const server = await startTelemetryServer({ simulations: [await scenario('thai-binh-transplanter')], startOn: 'subscribe' });
    try {
      await expect(startNmeaServer({ feed: server.feeds[0], vehicle: 'drone-9' })).rejects.toMatchObject({
        code: 'TELEMETRY_INVALID_OPTION',
        details: { key: 'nmeaVehicle' },
      });
      await expect(startNmeaServer({ feed: server.feeds[0], startUtc: 'yesterday' })).rejects.toMatchObject({
        code: 'TELEMETRY_INVALID_OPTION',
        details: { key: 'startUtc' },
      });
    } finally {
      await server.close();
    }
  });
});
