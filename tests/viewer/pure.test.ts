import { describe, expect, it } from 'vitest';
import { CoverageModel, nearDistanceM } from '../../src/viewer/app/coverage.js';
import { formatDuration, formatHa, formatNumber, formatPct, formatSao, formatVnd } from '../../src/viewer/app/format.js';
import { pickLang, t } from '../../src/viewer/app/i18n.js';
import { angleDelta, lerpPose, poseAt, startGlide } from '../../src/viewer/app/interpolate.js';
import { metresToPixels } from '../../src/viewer/app/map-style.js';
import { liveSavings } from '../../src/viewer/app/savings.js';
import { doseColor, doseScaleOf } from '../../src/viewer/app/dose-scale.js';
import { reconnectDelayMs } from '../../src/telemetry/client/index.js';
import { bboxOf } from '../../src/viewer/app/view.js';
import type { WireVehicle } from '../../src/telemetry/client/index.js';

const vehicle = (over: Partial<WireVehicle>): WireVehicle => ({
  id: 'drone-1',
  kind: 'drone',
  lat: 20.65,
  lon: 106.35,
  altM: 3,
  headingDeg: 0,
  speedMps: 5,
  fix: 'rtk-fixed',
  crossTrackErrorM: 0.02,
  implementOn: true,
  activity: 'working',
  sortie: 1,
  ...over,
});

describe('locale formatting', () => {
  it('formats VND the Vietnamese way and the English way', () => {
    expect(formatVnd('vi', 1_250_000)).toBe('1.250.000 ₫');
    expect(formatVnd('en', 1_250_000)).toBe('1,250,000 VND');
    expect(formatNumber('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatPct('vi', 42.25)).toBe('42,3 %');
    expect(formatPct('en', 42.25)).toBe('42.3%');
  });
  it('gives areas in ha and sào (1 sào = 360 m²)', () => {
    expect(formatHa('en', 0.36)).toBe('0.36 ha');
    expect(formatSao('en', 0.36)).toBe('10.0 sào');
    expect(formatSao('vi', 1)).toBe('27,8 sào');
  });
  it('writes durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-1)).toBe('–');
  });
  it('picks Vietnamese when the browser prefers it, else English; ?lang= wins', () => {
    expect(pickLang(null, ['vi-VN', 'en-US'])).toBe('vi');
    expect(pickLang(null, ['fr-FR', 'en-GB', 'vi'])).toBe('en');
    expect(pickLang(null, ['de'])).toBe('en');
    expect(pickLang('vi', ['en-US'])).toBe('vi');
    expect(t('vi', 'covered')).toBe('Đã phủ');
  });
});

describe('motion between updates', () => {
  it('turns the short way round', () => {
    expect(angleDelta(350, 10)).toBe(20);
    expect(angleDelta(10, 350)).toBe(-20);
    expect(lerpPose({ lon: 0, lat: 0, headingDeg: 350 }, { lon: 1, lat: 1, headingDeg: 10 }, 0.5)).toEqual({
      lon: 0.5,
      lat: 0.5,
      headingDeg: 0,
    });
  });
  it('glides from the drawn pose to the new sample over about one interval', () => {
    let g = startGlide(undefined, { lon: 106.35, lat: 20.65, headingDeg: 0 }, 0);
    g = startGlide(g, { lon: 106.3501, lat: 20.65, headingDeg: 90 }, 100);
    expect(poseAt(g, 100).lon).toBeCloseTo(106.35, 9);
    expect(poseAt(g, 150).lon).toBeCloseTo(106.35005, 9);
    expect(poseAt(g, 150).headingDeg).toBeCloseTo(45, 6);
    expect(poseAt(g, 400).lon).toBeCloseTo(106.3501, 9);
  });
  it('jumps at once after a restart far away', () => {
    let g = startGlide(undefined, { lon: 106.35, lat: 20.65, headingDeg: 0 }, 0);
    g = startGlide(g, { lon: 106.5, lat: 20.65, headingDeg: 0 }, 100);
    expect(poseAt(g, 100).lon).toBe(106.5);
  });
});

describe('coverage strips', () => {
  it('opens a pass while the implement is on and closes it when off', () => {
    const cov = new CoverageModel(() => 9);
    cov.add([vehicle({ lon: 106.35 })]);
    cov.add([vehicle({ lon: 106.35001 })]);
    cov.add([vehicle({ lon: 106.35002, implementOn: false })]);
    cov.add([vehicle({ lon: 106.35003 })]);
    cov.add([vehicle({ lon: 106.35004 })]);
    expect(cov.passes.map((p) => p.points.length)).toEqual([2, 2]);
    const fc = cov.toGeoJson();
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].properties).toEqual({ widthM: 9, vehicleId: 'drone-1' });
  });
  it('hands out finished passes only on a done refresh; the open layer carries the rest', () => {
    const cov = new CoverageModel(() => 9);
    const ids = (fc?: GeoJSON.FeatureCollection) => fc?.features.map((f) => f.properties?.vehicleId);
    cov.add([vehicle({ lon: 106.35 }), vehicle({ id: 'drone-2', lon: 106.36 })]);
    const done0 = cov.doneVersion;
    cov.add([vehicle({ lon: 106.35001 }), vehicle({ id: 'drone-2', lon: 106.36001 })]);
    expect(cov.doneVersion).toBe(done0); // growing open passes leave the finished layer alone
    cov.add([vehicle({ lon: 106.35002, implementOn: false }), vehicle({ id: 'drone-2', lon: 106.36002 })]);
    expect(cov.doneVersion).toBe(done0 + 1);
    // Not refreshed yet: the finished pass of drone-1 still travels in the open layer.
    let l = cov.layers(false);
    expect(l.done).toBeUndefined();
    expect(ids(l.open)).toEqual(['drone-1', 'drone-2']);
    l = cov.layers(true);
    expect(ids(l.done)).toEqual(['drone-1']);
    expect(ids(l.open)).toEqual(['drone-2']);
    expect(ids(cov.layers(false).open)).toEqual(['drone-2']);
    expect(cov.toGeoJson().features).toHaveLength(2);
  });
  it('skips points under 0.3 m apart and starts from a snapshot', () => {
    const cov = new CoverageModel(() => 1.8);
    cov.reset([
      {
        vehicleId: 'tp',
        widthM: 1.8,
        passes: [
          [
            [106.35, 20.65],
            [106.3501, 20.65],
          ],
        ],
      },
    ]);
    expect(cov.passes).toHaveLength(1);
    cov.add([vehicle({ id: 'tp' })]);
    cov.add([vehicle({ id: 'tp', lon: 106.35 + 1e-7 })]);
    expect(cov.passes[1].points).toHaveLength(1);
    expect(nearDistanceM([106.35, 20.65], [106.35, 20.651])).toBeCloseTo(111.195, 2);
  });
});

describe('dose map', () => {
  const zone = (rate: number) => ({ type: 'Feature' as const, properties: { kind: 'zone', rateKgPerHa: rate }, geometry: null as never });
  it('cuts a pass where the delivered rate moves more than 5 %, continuing from the last point', () => {
    const cov = new CoverageModel(() => 9);
    const at = (lon: number, ratePerHa: number) => vehicle({ id: 'd', lon, dose: { setPointPerHa: 110, ratePerHa, flowKgPerS: 0 } });
    cov.add([at(106.35, 50)]);
    cov.add([at(106.35001, 51)]); // +2 %: same strip
    cov.add([at(106.35002, 60)]); // +20 % of 50: a new strip from the last point
    cov.add([at(106.35003, 110)]);
    expect(cov.passes.map((p) => p.ratePerHa)).toEqual([50, 60, 110]);
    expect(cov.passes[1].points[0]).toEqual(cov.passes[0].points.at(-1));
    expect(cov.toGeoJson().features.map((f) => f.properties?.ratePerHa)).toEqual([50, 60, 110]);
  });
  it('spans the ±20 % band around the prescriptions and clamps outside it', () => {
    const scale = doseScaleOf({ type: 'FeatureCollection', features: [zone(110), zone(50)] })!;
    expect(scale).toEqual({ unit: 'kg/ha', minPerHa: 50, maxPerHa: 110, lowPerHa: 40, highPerHa: 132 });
    expect(doseColor(40, scale)).toBe('rgb(68, 1, 84)');
    expect(doseColor(0, scale)).toBe('rgb(68, 1, 84)');
    expect(doseColor(132, scale)).toBe('rgb(253, 231, 37)');
    expect(doseColor(86, scale)).toBe('rgb(33, 145, 140)'); // the middle stop
    expect(doseScaleOf({ type: 'FeatureCollection', features: [] })).toBeUndefined();
  });
});

describe('map helpers', () => {
  it('scales strip widths with zoom so metres stay metres', () => {
    const e = metresToPixels(0) as unknown[];
    const pxPerMAtZ0 = 512 / 40_075_016.686;
    expect((e[4] as unknown[])[2]).toBeCloseTo(pxPerMAtZ0, 15);
    expect((e[6] as unknown[])[2]).toBeCloseTo(pxPerMAtZ0 * 2 ** 24, 6);
  });
  it('finds the bounding box of a plan', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: {},
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [106.3, 20.6],
              [106.4, 20.7],
            ],
          },
        },
      ],
    };
    expect(bboxOf(fc)).toEqual([106.3, 20.6, 106.4, 20.7]);
    expect(bboxOf({ type: 'FeatureCollection', features: [] })).toBeUndefined();
  });
  it('backs off reconnects from 0.25 s to at most 4 s', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => reconnectDelayMs(n))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });
});

describe('running savings (from the telemetry, computed by the feed)', () => {
  it('shows what progress carries and computes nothing', () => {
    expect(liveSavings({ savingsVnd: 4_100_694, savings: { personDaysSaved: 29.75 } })).toEqual({
      savingsVnd: 4_100_694,
      personDaysSaved: 29.75,
    });
    expect(liveSavings({ savingsVnd: -13_782 })).toEqual({ savingsVnd: -13_782, personDaysSaved: 0 });
  });
  it('shows nothing when the server sent no savings', () => {
    expect(liveSavings({})).toBeUndefined();
    expect(liveSavings(undefined)).toBeUndefined();
    expect(liveSavings({ savingsVnd: Number.NaN })).toBeUndefined();
  });
});
