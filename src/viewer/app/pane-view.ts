/**
 * A pane's field view slot: the light 2D canvas (default on phones) or the MapLibre map,
 * swapped on request; MapLibre (and its CSS) is downloaded only the first time it is asked for,
 * and a page without WebGL falls back to the canvas with a note.
 */
import { createCanvasView } from './canvas-view.js';
import type { Lang } from './i18n.js';
import { applyLabels } from './panel.js';
import type { FieldView, PlanFeatureCollection } from './view.js';
import { webglAvailable } from './webgl.js';

/** Which field view: the light 2D drawing or the MapLibre map. */
export type Renderer = 'canvas' | 'maplibre';

/** Elements a view leaves in the map box, removed on a swap. */
const VIEW_LEFTOVERS = 'canvas.field-canvas, .maplibregl-canvas-container, .maplibregl-control-container, .maplibregl-marker';

/**
 * Creates the view slot in `mapEl`. `onAttach` runs whenever a new view is in place (the
 * caller re-sends coverage to it); the current plan is given to every new view.
 * @example
 * const slot = createViewSlot(mapEl, () => 'vi', () => {});
 * slot.setRenderer('canvas');
 */
export function createViewSlot(mapEl: HTMLElement, lang: () => Lang, onAttach: (view: FieldView) => void) {
  let view: FieldView | undefined;
  let plan: PlanFeatureCollection | undefined;
  /** Bumped on every swap, so a MapLibre download that finishes late does not attach. */
  let swaps = 0;
  const attach = (v: FieldView) => {
    view = v;
    if (plan) v.setPlan(plan);
    onAttach(v);
  };
  const useCanvas = (why?: 'noWebgl') => {
    mapEl.classList.toggle('no-webgl', why === 'noWebgl');
    const note = mapEl.querySelector<HTMLElement>('.map-note')!;
    if (why) note.dataset.i18n = why;
    else {
      delete note.dataset.i18n;
      note.textContent = '';
    }
    applyLabels(mapEl, lang());
    attach(createCanvasView(mapEl));
  };
  const setRenderer = (renderer: Renderer, tilesUrl?: string) => {
    const mine = ++swaps;
    view?.destroy();
    view = undefined;
    mapEl.querySelectorAll(VIEW_LEFTOVERS).forEach((e) => e.remove());
    if (renderer === 'canvas') return useCanvas();
    if (!webglAvailable()) return useCanvas('noWebgl');
    import('./map-view.js')
      .then((m) => {
        if (mine === swaps) attach(m.createMapView(mapEl, tilesUrl));
      })
      .catch((e: unknown) => {
        console.warn('agrisim: MapLibre failed, using the 2D fallback', e);
        if (mine === swaps) useCanvas('noWebgl');
      });
  };
  return {
    get view() {
      return view;
    },
    get plan() {
      return plan;
    },
    setPlan(p: PlanFeatureCollection | undefined) {
      plan = p;
      if (p) view?.setPlan(p);
    },
    setRenderer,
    destroy() {
      swaps++;
      view?.destroy();
      view = undefined;
    },
  };
}
