/**
 * One simulation on screen: its connection (subscribe, resubscribe after a reconnect), field
 * view, run model, side panel, block display and controls, wired together. The parts live in
 * pane-status.ts, pane-view.ts, pane-run.ts and pane-frame.ts.
 */
import type { ServerMessage, SimOffer, SnapshotMessage } from '../../telemetry/client/index.js';
import { createBlockUi } from './block-ui.js';
import { buildControls, showSpeedup } from './controls.js';
import { createDoseLegend } from './dose-legend.js';
import { doseScaleOf } from './dose-scale.js';
import type { Lang } from './i18n.js';
import { simLabel } from './names.js';
import { applyLabels, createPanel } from './panel.js';
import { createCoverageRefresher, startFrameLoop } from './pane-frame.js';
import { createRun } from './pane-run.js';
import { createPaneStatus } from './pane-status.js';
import { createViewSlot, type Renderer } from './pane-view.js';
import { connectViewer } from './socket.js';
import type { PlanFeatureCollection } from './view.js';

export type { Renderer } from './pane-view.js';

export interface PaneOptions {
  wsUrl: string;
  /** Wanted simulation id; the first (or `index`-th) offered when absent or unknown. */
  simId?: string;
  index: number;
  renderer: Renderer;
  tilesUrl?: string;
  onHello(simulations: SimOffer[], control: boolean): void;
}

const PANE_HTML =
  `<div class="pane-head"><select class="sim-select" data-testid="sim-select" aria-label="simulation"></select>` +
  `<span class="sim-name" data-testid="sim-name"></span>` +
  `<span class="paused-badge" data-testid="paused" data-i18n="paused" hidden></span>` +
  `<span class="connection" data-testid="connection" data-state="connecting" role="status" aria-live="polite"></span></div>` +
  `<div class="pane-body"><div class="map" data-testid="map"><div class="map-note" data-testid="map-note"></div><div class="attribution" data-testid="attribution" hidden></div></div>` +
  `<aside class="panel"><div class="stats"></div><div class="message" data-testid="message"></div>` +
  `<div class="controls" data-testid="controls" hidden></div></aside></div>`;

/** Builds the pane's elements and its parts (status, view, run, panel, block display). */
function buildPane(root: HTMLElement, opts: PaneOptions) {
  root.classList.add('pane');
  root.innerHTML = PANE_HTML;
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const mapEl = $('.map');
  const controls = $('.controls');
  const run = createRun();
  const refresher = createCoverageRefresher(run.coverage);
  const status = createPaneStatus(
    { root, connection: $('.connection'), pausedBadge: $('.paused-badge'), message: $('.message'), controls },
    () => run.vehicles,
  );
  const slot = createViewSlot(
    mapEl,
    () => status.lang,
    () => refresher.reset(),
  );
  slot.setRenderer(opts.renderer, opts.tilesUrl);
  return {
    root,
    mapEl,
    controls,
    run,
    refresher,
    status,
    slot,
    select: $<HTMLSelectElement>('.sim-select'),
    simName: $('.sim-name'),
    panel: createPanel($('.stats')),
    blockUi: createBlockUi(mapEl, $('.stats')),
    legend: createDoseLegend(mapEl),
  };
}
type PaneParts = ReturnType<typeof buildPane>;

/** The simulation chooser: the offers from `hello`, labelled by machine kind once a snapshot named it. */
function createSimChooser(parts: PaneParts, lang: () => Lang) {
  /** Machine kind of each simulation seen in a snapshot, for its label. */
  const kinds = new Map<string, string>();
  let offers: SimOffer[] = [];
  const fill = (simId: string | undefined) => {
    parts.select.replaceChildren(...offers.map((o) => new Option(simLabel(lang(), o, kinds), o.id, false, o.id === simId)));
    parts.select.hidden = offers.length < 2;
    const offer = offers.find((o) => o.id === simId);
    parts.simName.textContent = offers.length < 2 && offer ? simLabel(lang(), offer, kinds) : '';
  };
  return {
    fill,
    /** New offers; returns the simulation to show (the wanted one if offered, else the `index`-th). */
    offer(list: SimOffer[], wanted: string | undefined, index: number): string | undefined {
      offers = list;
      return wanted && offers.some((o) => o.id === wanted) ? wanted : offers[Math.min(index, offers.length - 1)]?.id;
    },
    /** A snapshot named the machine kind of `simId`; true when the labels changed. */
    learnKind(simId: string, kind: string | undefined): boolean {
      if (!kind || kinds.get(simId) === kind) return false;
      kinds.set(simId, kind);
      return true;
    },
  };
}

/** A pane's state for tests and benchmarks (window.__agrisim). */
function paneDebug(parts: PaneParts, simId: string | undefined, frames: number) {
  const { slot, run, status, blockUi } = parts;
  return {
    simId,
    renderer: slot.view?.renderer,
    fieldRendered: slot.view?.fieldRendered() ?? false,
    fieldFeatures: slot.view?.renderedFieldFeatures() ?? 0,
    planFeatures: slot.plan?.features.length ?? 0,
    coveragePasses: run.coverage.passes.length,
    coverageFeatures: slot.view?.renderedCoverageFeatures() ?? 0,
    frames,
    telemetryCount: run.telemetryFrames,
    connection: status.connection,
    paused: status.paused,
    speedup: status.speedup,
    progress: run.panel.progress,
    block: blockUi.debug(),
    /** Variable-rate runs: the legend's scale, and the rate of every strip painted so far. */
    dose: { scale: doseScaleOf(slot.plan), stripRates: run.coverage.passes.flatMap((p) => p.ratePerHa ?? []) },
    vehicles: run.debugVehicles(performance.now()),
  };
}

/** One animation frame: coverage refreshed when due, machines placed, block overlay, panel when changed. */
function paneFrame(parts: PaneParts, nowMs: number): void {
  const { slot, run, refresher, blockUi, panel } = parts;
  const view = slot.view;
  if (view) {
    refresher.refresh(view, nowMs);
    view.setVehicles(run.marks(nowMs));
    blockUi.frame(view);
  }
  if (run.takePanelChange()) panel.update(run.panel);
}

type SimChooser = ReturnType<typeof createSimChooser>;
type ViewerSocket = ReturnType<typeof connectViewer>;

/** Everything a pane's handlers work on: its parts, its connection, and what it shows now. */
interface PaneContext {
  parts: PaneParts;
  socket: ViewerSocket;
  chooser: SimChooser;
  /** The simulation shown (undefined until `hello` offers one). */
  simId: string | undefined;
  /** The control token, when one was given. */
  token: string | undefined;
  /** Animation frames drawn, for tests. */
  frames: number;
  /** Subscribes the connection to one simulation (and resubscribes it after every reconnect). */
  subscribe(id: string): void;
  /** The dose legend of the plan shown, in the pane's language. */
  showLegend(): void;
}

/** Subscription to one simulation at a time: the previous one is dropped first. */
function createSubscriber(socket: ViewerSocket): (id: string) => void {
  /** The simulation the connection subscribes to (and resubscribes after every reconnect). */
  let subscribedTo: string | undefined;
  return (id) => {
    if (subscribedTo === id) return;
    if (subscribedTo) socket.unsubscribe(subscribedTo);
    socket.subscribe(id);
    subscribedTo = id;
  };
}

/** Another simulation chosen: everything shown is dropped until its snapshot arrives. */
function chooseSim(pane: PaneContext, id: string): void {
  if (id === pane.simId) return;
  const { slot, run, refresher, blockUi, status } = pane.parts;
  pane.simId = id;
  slot.setPlan(undefined);
  pane.showLegend();
  run.clear();
  refresher.resetDone();
  blockUi.snapshot(undefined, undefined, []);
  status.show({ key: 'waiting' });
  pane.subscribe(id);
}

/** A snapshot replaces the picture: plan, legend, machines, coverage, paused state and block display. */
function showSnapshot(pane: PaneContext, m: SnapshotMessage): void {
  const { slot, run, refresher, blockUi, status } = pane.parts;
  if (pane.chooser.learnKind(m.sim, m.description?.vehicles?.[0]?.kind)) pane.chooser.fill(pane.simId);
  slot.setPlan(m.description?.planGeoJson as PlanFeatureCollection | undefined);
  pane.showLegend();
  run.snapshot(m, performance.now());
  refresher.resetDone();
  status.setPaused(m.paused === true);
  status.setSpeedup(m.speedup);
  blockUi.snapshot(m.description?.block, m.progress, m.vehicles ?? []);
  status.show(run.panel.done ? { key: 'done' } : { key: 'event' });
}

/** `hello`: the offers; the pane subscribes to the wanted simulation (or its `index`-th). */
function onHello(pane: PaneContext, opts: PaneOptions, m: Extract<ServerMessage, { type: 'hello' }>): void {
  pane.simId = pane.chooser.offer(m.simulations ?? [], pane.simId, opts.index);
  if (pane.simId) pane.subscribe(pane.simId);
  pane.chooser.fill(pane.simId);
  opts.onHello(m.simulations ?? [], m.control !== false);
}

/** Every server message: `hello` and errors, then only those of the simulation shown. */
function onServerMessage(pane: PaneContext, opts: PaneOptions, m: ServerMessage): void {
  const { run, blockUi, status } = pane.parts;
  if (m.type === 'hello') onHello(pane, opts, m);
  else if (m.type === 'error') status.show({ key: 'error', code: m.code, text: m.message });
  else if (m.sim !== pane.simId) return;
  else if (m.type === 'snapshot') showSnapshot(pane, m);
  else if (m.type === 'telemetry') {
    run.telemetry(m, performance.now());
    blockUi.telemetry(m.progress, m.vehicles);
  } else if (m.type === 'event') {
    const ev = run.event(m);
    status.show(ev.type === 'done' && run.panel.done ? { key: 'done' } : { key: 'event', event: ev });
  } else if (m.type === 'control') {
    if (typeof m.paused === 'boolean') status.setPaused(m.paused);
    status.setSpeedup(m.speedup);
  }
}

/** The page's language changed: panel, block display, labels, status, chooser and legend follow. */
function setPaneLang(pane: PaneContext, lang: Lang): void {
  const { panel, blockUi, root, status } = pane.parts;
  panel.setLang(lang);
  blockUi.setLang(lang);
  applyLabels(root, lang);
  status.setLang(lang);
  pane.chooser.fill(pane.simId);
  pane.showLegend();
}

/** A control token: the controls show (built on first use) and send with it; none hides them. */
function setPaneToken(pane: PaneContext, token: string | undefined): void {
  const { controls, status } = pane.parts;
  pane.token = token || undefined;
  controls.hidden = !pane.token;
  if (pane.token && !controls.childElementCount) {
    buildControls(
      controls,
      (action, value) =>
        pane.simId && pane.token && pane.socket.send({ type: 'control', sim: pane.simId, action, value, token: pane.token }),
    );
    applyLabels(controls, status.lang);
    showSpeedup(controls, status.speedup);
  }
}

/** Creates a pane inside `root`. */
export function createPane(root: HTMLElement, opts: PaneOptions) {
  const parts = buildPane(root, opts);
  const { status, slot, legend } = parts;
  const socket = connectViewer(opts.wsUrl, status.setConn);
  const pane: PaneContext = {
    parts,
    socket,
    chooser: createSimChooser(parts, () => status.lang),
    simId: opts.simId,
    token: undefined,
    frames: 0,
    subscribe: createSubscriber(socket),
    showLegend: () => legend.show(doseScaleOf(slot.plan), status.lang),
  };
  parts.select.addEventListener('change', () => chooseSim(pane, parts.select.value));
  socket.messages$.subscribe((m) => onServerMessage(pane, opts, m));
  const stopFrames = startFrameLoop((now) => {
    pane.frames++;
    paneFrame(parts, now);
  });
  const resize = new ResizeObserver(() => slot.view?.resize());
  resize.observe(parts.mapEl);

  return {
    el: root,
    setLang: (lang: Lang) => setPaneLang(pane, lang),
    setRenderer: slot.setRenderer,
    setToken: (token: string | undefined) => setPaneToken(pane, token),
    chooseSim: (id: string) => chooseSim(pane, id),
    destroy() {
      stopFrames();
      resize.disconnect();
      socket.close();
      slot.destroy();
      root.replaceChildren();
    },
    /** State for tests and benchmarks (window.__agrisim). */
    debug: () => paneDebug(parts, pane.simId, pane.frames),
  };
}

export type Pane = ReturnType<typeof createPane>;
