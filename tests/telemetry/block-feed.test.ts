/**
 * A block run over the agrisim/1 protocol: one simulation, several vehicles; the snapshot
 * carries the block (paddies with owner, roads, gates, depots), telemetry carries per-paddy
 * progress, the depot queue and the makespan; a late joiner's snapshot has them too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFleetSimulation } from '../../src/sim/index.js';
import type { BlockDescription, SimProgress } from '../../src/sim/types.js';
import { startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { gridBlockPlan } from '../helpers/grid-block-plan.js';
import { client, type Msg, type TestClient } from './helpers.js';

const servers: TelemetryServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const s of servers.splice(0)) await s.close();
});
const isType = (t: string) => (m: Msg) => m.type === t;

describe('a block run streamed over agrisim/1', () => {
  it('offers one simulation with the whole fleet; snapshot has the block, telemetry the per-paddy progress, queue and makespan', async () => {
    const plan = gridBlockPlan({ cols: 2, rows: 2, kind: 'drone', machines: 2, capacityKg: 10 });
    const factory = { id: 'block', name: 'grid block', create: () => createFleetSimulation({ plan, seed: 1, raster: { cellM: 0.5 } }) };
    const srv = await startTelemetryServer({
      port: 0,
      host: '127.0.0.1',
      simulations: [factory],
      speedup: 300,
      maxBroadcastHz: 20,
      startOn: 'subscribe',
    });
    servers.push(srv);
    const c = await client(srv.url);
    clients.push(c);
    const hello = await c.next(isType('hello'));
    expect(hello.simulations).toEqual([expect.objectContaining({ id: 'block', vehicles: ['drone-1', 'drone-2'] })]);
    c.send({ type: 'subscribe', sim: 'block' });
    const snap = await c.next(isType('snapshot'));
    const block = (snap.description as { block: BlockDescription }).block;
    expect(block.paddies.map((p) => [p.id, p.owner])).toEqual([
      ['P1', 'Hộ A'],
      ['P2', 'Hộ B'],
      ['P3', 'Hộ C'],
      ['P4', 'Hộ D'],
    ]);
    expect(block.paddies[0].rings[0][0]).toEqual([expect.closeTo(106.35, 2), expect.closeTo(20.65, 2)]);
    expect(block.depots).toHaveLength(1);
    expect(block.machines.map((m) => m.paddies)).toEqual([
      ['P1', 'P3'],
      ['P2', 'P4'],
    ]);
    // telemetry: both machines in one message, per-paddy progress rising to done
    const late = await c.next(
      (m) => m.type === 'telemetry' && ((m.progress as SimProgress).paddyCoveredPct ?? []).some((p) => p > 20),
      0,
      20_000,
    );
    expect(late.vehicles).toHaveLength(2);
    const p = late.progress as SimProgress;
    expect(p.paddyCoveredPct).toHaveLength(4);
    expect(p.depotQueue).toEqual([expect.any(Number)]);
    expect(p.makespanS).toBeGreaterThanOrEqual(p.elapsedS);
    // a late joiner's snapshot carries the same additive fields
    const d = await client(srv.url);
    clients.push(d);
    await d.next(isType('hello'));
    d.send({ type: 'subscribe', sim: 'block' });
    const snap2 = await d.next(isType('snapshot'));
    expect((snap2.progress as SimProgress).paddyCoveredPct).toHaveLength(4);
    expect((snap2.description as { block: BlockDescription }).block.paddies).toHaveLength(4);
    const doneEvent = await c.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'paddy-done', 0, 20_000);
    expect(['P1', 'P2', 'P3', 'P4']).toContain((doneEvent.event as { detail: string }).detail);
  }, 40_000);
});
