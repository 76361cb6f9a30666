/**
 * The pane's block run display: the map overlay ({@link createBlockLayer}) and the panel section
 * ({@link createBlockPanel}), fed from snapshots and telemetry. For other runs it stays hidden.
 */
import type { BlockDescription, SimProgress } from '../../sim/types.js';
import { createBlockLayer } from './block-layer.js';
import { createBlockPanel } from './block-panel.js';
import type { Lang } from './i18n.js';
import type { WireVehicle } from '../../telemetry/client/index.js';
import type { FieldView } from './view.js';

/** Creates the block display of a pane: overlay in `mapEl`, panel section in `panelEl` (the pane's stats). */
export function createBlockUi(mapEl: HTMLElement, panelEl: HTMLElement) {
  const layer = createBlockLayer(mapEl);
  const panel = createBlockPanel(panelEl);
  let block: BlockDescription | undefined;
  let progress: SimProgress | undefined;
  return {
    /** A snapshot (or another simulation chosen: `undefined` hides everything). */
    snapshot(b: BlockDescription | undefined, p: SimProgress | undefined, vehicles: readonly WireVehicle[]) {
      block = b;
      progress = p;
      layer.setBlock(b, vehicles.length ? vehicles.map((v) => v.id) : (b?.machines.map((m) => m.id) ?? []));
      panel.setBlock(b);
      layer.update(p, vehicles);
      panel.update(p);
    },
    telemetry(p: SimProgress | undefined, vehicles: readonly WireVehicle[]) {
      if (!block) return;
      progress = p;
      layer.update(p, vehicles);
      panel.update(p);
    },
    /** Every animation frame. */
    frame(view: FieldView | undefined) {
      if (block && view?.project) layer.draw(view.project);
    },
    setLang(l: Lang) {
      panel.setLang(l);
    },
    /** For tests (window.__agrisim). */
    debug: () =>
      block && {
        paddies: block.paddies.map((p, i) => ({ id: p.id, owner: p.owner, coveredPct: progress?.paddyCoveredPct?.[i] ?? 0 })),
        depotQueue: progress?.depotQueue ?? [],
        makespanS: progress?.makespanS,
        trails: layer.trailLengths(),
      },
  };
}
