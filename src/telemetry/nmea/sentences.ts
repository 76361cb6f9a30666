/**
 * NMEA 0183 sentences of one vehicle's state: GGA (fix), RMC (minimum data), VTG (course
 * and speed), HDT (true heading). Formats after NMEA 0183 v4.10 as gpsd documents them
 * (https://gpsd.gitlab.io/gpsd/NMEA.html): checksum = XOR of the bytes between `$` and `*`,
 * two upper-case hex digits; lines end with CR LF.
 */
import type { FixQuality } from '../../sim/index.js';
import type { WireVehicle } from '../protocol/messages.js';

/** Knots per m/s (1 kn = 1852 m / 3600 s). */
export const KNOTS_PER_MPS = 3600 / 1852;

/** What the receiver reports for each fix: GGA quality, RMC/VTG mode, satellites in use, HDOP. */
export const FIX_REPORT: Record<FixQuality, { quality: number; mode: string; satellites: number; hdop: number }> = {
  'rtk-fixed': { quality: 4, mode: 'R', satellites: 18, hdop: 0.6 },
  'rtk-float': { quality: 5, mode: 'F', satellites: 16, hdop: 0.8 },
  dgps: { quality: 2, mode: 'D', satellites: 12, hdop: 0.9 },
  gnss: { quality: 1, mode: 'A', satellites: 10, hdop: 1.2 },
  none: { quality: 0, mode: 'N', satellites: 0, hdop: 99.9 },
};

/** XOR checksum of a sentence body (between `$` and `*`), as two hex digits. */
export function nmeaChecksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

/** `$body*CS\r\n`. */
export function nmeaSentence(body: string): string {
  return `$${body}*${nmeaChecksum(body)}\r\n`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Degrees as NMEA `(d)ddmm.mmmmmmm` and its hemisphere letter. */
export function nmeaAngle(deg: number, isLat: boolean): [string, string] {
  const hemi = isLat ? (deg < 0 ? 'S' : 'N') : deg < 0 ? 'W' : 'E';
  const a = Math.abs(deg);
  let d = Math.floor(a);
  let m = (a - d) * 60;
  if (Number(m.toFixed(7)) >= 60) {
    d += 1;
    m = 0;
  }
  return [`${pad(d, isLat ? 2 : 3)}${m.toFixed(7).padStart(10, '0')}`, hemi];
}

/** `hhmmss.ss` in UTC. */
export function nmeaTime(d: Date): string {
  return `${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}.${pad(Math.floor(d.getUTCMilliseconds() / 10), 2)}`;
}

/** `ddmmyy` in UTC. */
export function nmeaDate(d: Date): string {
  return `${pad(d.getUTCDate(), 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear() % 100, 2)}`;
}

/** Options of {@link nmeaSentences}. */
export interface NmeaOptions {
  /** Talker id (default `GN`: multi-constellation receiver). */
  talker?: string;
  /** Ground height above mean sea level, m, added to the vehicle's `altM` above ground (default 2: Red River Delta paddies). */
  groundMslM?: number;
}

/**
 * The four sentences of one vehicle at one instant.
 * @param v - the vehicle (lat, lon, altM, headingDeg, speedMps, fix)
 * @param utc - the simulated clock's UTC time
 * @returns GGA, RMC, VTG and HDT lines, each ending with CR LF
 * @example
 * ```ts
 * nmeaSentences(frame.vehicles[0], new Date(Date.UTC(2024, 5, 15, 0, 0, 0) + frame.t)).join('');
 * // $GNGGA,000000.10,2039.6120032,N,10620.4540235,E,4,18,0.6,5.00,M,,M,,*..
 * ```
 */
export function nmeaSentences(
  v: Pick<WireVehicle, 'lat' | 'lon' | 'altM' | 'headingDeg' | 'speedMps' | 'fix'>,
  utc: Date,
  options: NmeaOptions = {},
): string[] {
  const talker = options.talker ?? 'GN';
  const r = FIX_REPORT[v.fix] ?? FIX_REPORT.none;
  const [lat, ns] = nmeaAngle(v.lat, true);
  const [lon, ew] = nmeaAngle(v.lon, false);
  const time = nmeaTime(utc);
  const alt = (v.altM + (options.groundMslM ?? 2)).toFixed(2);
  const knots = (v.speedMps * KNOTS_PER_MPS).toFixed(3);
  const kmh = (v.speedMps * 3.6).toFixed(3);
  const course = (((v.headingDeg % 360) + 360) % 360).toFixed(2);
  const valid = r.quality > 0;
  return [
    nmeaSentence(`${talker}GGA,${time},${lat},${ns},${lon},${ew},${r.quality},${pad(r.satellites, 2)},${r.hdop.toFixed(1)},${alt},M,,M,,`),
    nmeaSentence(`${talker}RMC,${time},${valid ? 'A' : 'V'},${lat},${ns},${lon},${ew},${knots},${course},${nmeaDate(utc)},,,${r.mode}`),
    nmeaSentence(`${talker}VTG,${course},T,,M,${knots},N,${kmh},K,${r.mode}`),
    nmeaSentence(`${talker}HDT,${course},T`),
  ];
}
