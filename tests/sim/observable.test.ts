import { map, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createSimController, createSimulation, simulate$ } from '../../src/sim/index.js';
import { samplePlan } from './helpers.js';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

async function sim() {
  const plan = await samplePlan('paddy-40x120.geojson', 'drone');
  return createSimulation({ plan, seed: 2, raster: { cellM: 1 } });
}

describe('simulate$ on a virtual clock (marbles)', () => {
  it('emits a frame every 100 ms at 1× and every 10 ms at 10×', async () => {
    const s1 = await sim();
    const s10 = await sim();
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      expectObservable(
        simulate$(s1, { speedup: 1, scheduler: ts }).pipe(
          take(3),
          map((f) => f.t),
        ),
      ).toBe('100ms a 99ms b 99ms (c|)', { a: 100, b: 200, c: 300 });
      expectObservable(
        simulate$(s10, { speedup: 10, scheduler: ts, minIntervalMs: 1 }).pipe(
          take(3),
          map((f) => f.t),
        ),
      ).toBe('10ms a 9ms b 9ms (c|)', { a: 100, b: 200, c: 300 });
    });
  });

  it('pauses and resumes: no tick while paused, then one per 100 ms again', async () => {
    const s = await sim();
    const ts = newScheduler();
    ts.run(({ expectObservable, hot }) => {
      // pause at 250 ms, resume at 600 ms
      const paused$ = hot<boolean>('250ms t 349ms f', { t: true, f: false });
      const frames = simulate$(s, { speedup: 1, scheduler: ts, paused$ }).pipe(
        take(4),
        map((f) => f.t),
      );
      expectObservable(frames).toBe('100ms a 99ms b 499ms c 99ms (d|)', { a: 100, b: 200, c: 300, d: 400 });
    });
  });

  it('changes speed while running and batches ticks above the timer floor', async () => {
    const s = await sim();
    const ts = newScheduler();
    const seen: string[] = [];
    ts.run(({ cold, flush }) => {
      const speedup$ = cold<number>('300ms x', { x: 100 }); // from 1× to 100× at 300 ms
      simulate$(s, { speedup: 1, speedup$, scheduler: ts, minIntervalMs: 10 })
        .pipe(take(25))
        .subscribe((f) => seen.push(`${ts.now()}:${f.t}`));
      flush();
    });
    // 100, 200 at 1×; from 300 ms, 100× with a 10 ms timer floor: 10 ticks (1 s simulated) per 10 ms
    const expected = ['100:100', '200:200'];
    for (let i = 0; i < 23; i++) expected.push(`${310 + 10 * Math.floor(i / 10)}:${300 + 100 * i}`);
    expect(seen).toEqual(expected);
  });

  it('runs as fast as possible to the end and completes; the controller pauses and resumes', async () => {
    const s = await sim();
    const ts = newScheduler();
    let count = 0;
    let completed = false;
    ts.run(({ flush }) => {
      simulate$(s, { scheduler: ts, batchTicks: 100 }).subscribe({ next: () => count++, complete: () => (completed = true) });
      flush();
    });
    expect(completed).toBe(true);
    expect(s.done).toBe(true);
    expect(count).toBe(s.timeMs / 100);

    const s2 = await sim();
    const ts2 = newScheduler();
    const seen: number[] = [];
    ts2.run(({ flush }) => {
      const c = createSimController(s2, { speedup: 1, scheduler: ts2 });
      c.frames$.pipe(take(5)).subscribe((f) => seen.push(f.t));
      ts2.schedule(() => c.pause(), 250);
      ts2.schedule(() => {
        expect(seen).toEqual([100, 200]);
        expect(c.paused).toBe(true);
        c.resume();
      }, 1000);
      flush();
    });
    expect(seen).toEqual([100, 200, 300, 400, 500]);
    expect(() => simulate$(s2, { speedup: 0 })).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
  });
});
