import { describe, expect, it } from 'vitest';
import { householdSchedule, type Block, type BlockRouteSegment, type MachinePlan } from '../../src/block/index.js';
import { fleetTimeline } from '../../src/block/timeline.js';
import { getVehicle } from '../../src/vehicles/index.js';

const drone = getVehicle('drone');
/** A 700 m swath at 7 m/s: 100 s; then a 60 s refill; then another 100 s swath. */
const seg = (x0: number, paddy: string): BlockRouteSegment => ({
  kind: 'swath',
  points: [
    [x0, 0],
    [x0 + 700, 0],
  ],
  reverse: false,
  cellId: 0,
  swathIndex: 0,
  headlandLap: -1,
  sortie: 0,
  paddy,
});
const machine = (queueAt?: string) => ({
  route: [seg(0, 'a'), seg(700, 'b')],
  refills: [{ afterSegment: 0, at: [700, 0] as [number, number], durationS: 60, reason: 'tank' as const }],
  vehicle: drone,
  queueAt,
});

describe('fleet timeline: depot crews', () => {
  it('two drones arriving together at a one-crew depot: the second waits the first refill out', () => {
    const [a, b] = fleetTimeline([machine('d'), machine('d')], () => 1);
    expect(a.segmentS[0]).toBeCloseTo(100, 6);
    expect([a.refillStartS[0], b.refillStartS[0]]).toEqual([100, 160]);
    expect([a.waitS, b.waitS]).toEqual([0, 60]);
    expect([a.totalS, b.totalS].map((t) => Math.round(t))).toEqual([260, 320]);
    // paddy b finishes when the machine leaves it; a's time includes the refill after its swath
    expect(b.paddyDoneS.get('b')).toBeCloseTo(320, 6);
    expect(a.paddyTimeS.get('a')).toBeCloseTo(160, 6);
  });

  it('with two crews (the block says crews: 2) or without a queue, nobody waits', () => {
    for (const t of [fleetTimeline([machine('d'), machine('d')], () => 2), fleetTimeline([machine(), machine()], () => 1)])
      expect(t.map((m) => m.waitS)).toEqual([0, 0]);
  });

  it('three drones, one crew: waits 0, 60, 120 s', () => {
    expect(fleetTimeline([machine('d'), machine('d'), machine('d')], () => 1).map((m) => m.waitS)).toEqual([0, 60, 120]);
  });
});

describe('householdSchedule', () => {
  const block = {
    paddies: [
      { id: 'p1', owner: 'Nguyễn Văn An', areaHa: 0.3 },
      { id: 'p2', owner: 'Nguyễn Văn An', areaHa: 0.2 },
      { id: 'p3', owner: 'Trần Thị Bình', areaHa: 0.5 },
    ],
  } as unknown as Block;
  const machines = [
    {
      paddyTimes: [
        { paddy: 'p1', timeS: 3600, doneS: 3600 },
        { paddy: 'p3', timeS: 7200, doneS: 10_800 },
      ],
    },
    { paddyTimes: [{ paddy: 'p2', timeS: 1800, doneS: 30_000 }] },
  ] as unknown as MachinePlan[];

  it('sums area and machine time per owner and counts working days to the last paddy', () => {
    const rows = householdSchedule({ block, machines }, { hoursPerDay: 8, startDay: 3 });
    expect(rows).toEqual([
      { owner: 'Trần Thị Bình', paddies: ['p3'], areaHa: 0.5, timeS: 7200, doneAtS: 10_800, days: 1, doneDay: 3 },
      // 30,000 s = 8.33 h: into the second 8-hour day
      { owner: 'Nguyễn Văn An', paddies: ['p1', 'p2'], areaHa: 0.5, timeS: 5400, doneAtS: 30_000, days: 2, doneDay: 4 },
    ]);
    expect(householdSchedule({ block, machines }, { hoursPerDay: 10, startDay: 1 }).find((h) => h.owner === 'Nguyễn Văn An')?.days).toBe(1);
  });
});
