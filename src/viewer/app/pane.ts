/**
 * One simulation on screen: its own socket (subscribe, resubscribe after a reconnect),
 * field view, coverage model, smooth machine motion, side panel and controls.
 */
import { createBlockUi } from './block-ui.js';
import { buildControls, showSpeedup } from './controls.js';
import { CoverageModel } from './coverage.js';
import { t, tDynamic, type Lang } from './i18n.js';
import { poseAt, startGlide, type Glide } from './interpolate.js';
import type { ServerMessage, SimOffer, SnapshotMessage, TelemetryMessage, WireVehicle } from './messages.js';
import type { SimEvent } from '../../sim/types.js';
import { applyLabels, createPanel, type PanelState } from './panel.js';
import { connectSocket, type ConnectionState } from './socket.js';
import type { FieldView, PlanFeatureCollection, VehicleMark } from './view.js';
import { createCanvasView } from './canvas-view.js';
import { webglAvailable } from './webgl.js';
import { simLabel, vehicleLabel } from './names.js';

/** Which field view: the light 2D drawing (default on phones: no MapLibre download) or the MapLibre map. */
export type Renderer = 'canvas' | 'maplibre';

export interface PaneOptions {
  wsUrl: string;
  /** Wanted simulation id; the first (or `index`-th) offered when absent or unknown. */
  simId?: string;
  index: number;
  renderer: Renderer;
  tilesUrl?: string;
  onHello(simulations: SimOffer[], control: boolean): void;
}

/** How often coverage strips are re-sent to the view, ms. */
export const COVERAGE_REFRESH_MS = 250;
/** How often, at most, the finished strips are re-sent (re-indexing all of them is the costly part), ms. */
export const DONE_REFRESH_MS = 2000;

const PANE_HTML =
  `<div class="pane-head"><select class="sim-select" data-testid="sim-select" aria-label="simulation"></select>` +
  `<span class="sim-name" data-testid="sim-name"></span>` +
  `<span class="paused-badge" data-testid="paused" data-i18n="paused" hidden></span>` +
  `<span class="connection" data-testid="connection" data-state="connecting" role="status" aria-live="polite"></span></div>` +
  `<div class="pane-body"><div class="map" data-testid="map"><div class="map-note" data-testid="map-note"></div><div class="attribution" data-testid="attribution" hidden></div></div>` +
  `<aside class="panel"><div class="stats"></div><div class="message" data-testid="message"></div>` +
  `<div class="controls" data-testid="controls" hidden></div></aside></div>`;

/** Creates a pane inside `root`. */
export function createPane(root: HTMLElement, opts: PaneOptions) {
  root.classList.add('pane');
  root.innerHTML = PANE_HTML;
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const mapEl = $('.map');
  const select = $<HTMLSelectElement>('.sim-select');
  const conn = $('.connection');
  const message = $('.message');
  const controls = $('.controls');
  const panel = createPanel($('.stats'));
  const blockUi = createBlockUi(mapEl, $('.stats'));
  /** Machine kind of each simulation seen in a snapshot, for its label. */
  const kinds = new Map<string, string>();

  let lang: Lang = 'en';
  let simId = opts.simId;
  let offers: SimOffer[] = [];
  let token: string | undefined;
  let connState: ConnectionState = 'connecting';
  let view: FieldView | undefined;
  let plan: PlanFeatureCollection | undefined;
  const widths = new Map<string, number>();
  const coverage = new CoverageModel((id) => widths.get(id) ?? 1);
  let coverageShown = -1;
  let coverageDoneShown = -1;
  let doneAt = 0;
  let coverageAt = 0;
  const glides = new Map<string, Glide>();
  let state: PanelState = { vehicles: [], guidance: {}, done: false };
  let panelDirty = false;
  let frames = 0;
  let telemetryCount = 0;
  let paused = false;
  let speedup: number | undefined;
  let lastMessage: { key: 'waiting' | 'done' | 'error' | 'event'; text?: string; code?: string; event?: SimEvent } = { key: 'waiting' };
  /** `Máy cấy 1: nạp khay mạ` — the machine by its kind and number, the event and its detail in the page's language. */
  const eventText = (ev: SimEvent) => {
    const i = state.vehicles.findIndex((v) => v.id === ev.vehicleId);
    const who = i >= 0 ? vehicleLabel(lang, state.vehicles[i].kind, state.vehicles.slice(0, i).filter((v) => v.kind === state.vehicles[i].kind).length) : ev.vehicleId;
    return `${who}: ${tDynamic(lang, 'ev', ev.type)}${ev.detail ? ` (${tDynamic(lang, 'detail', ev.detail)})` : ''}`;
  };

  // Known server error codes in the page's language; others as the server wrote them.
  const errorText = (code: string, text: string) => {
    const known = tDynamic(lang, 'err', code);
    return known !== code ? `${known} (${code})` : `${code}: ${text}`;
  };
  const showMessage = () => {
    const m = lastMessage;
    message.textContent =
      m.key === 'waiting' ? t(lang, 'waiting')
      : m.key === 'done' ? t(lang, 'done')
      : m.key === 'error' ? errorText(m.code ?? '', m.text ?? '')
      : m.event ? eventText(m.event)
      : (m.text ?? '');
    message.classList.toggle('error', m.key === 'error');
  };
  const setPaused = (p: boolean) => {
    paused = p;
    $('.paused-badge').hidden = !p;
  };
  const setSpeedup = (k: number | undefined) => {
    if (typeof k !== 'number') return;
    speedup = k;
    showSpeedup(controls, k);
  };
  const setConn = (s: ConnectionState) => {
    connState = s;
    conn.dataset.state = s;
    conn.textContent = t(lang, s);
    root.classList.toggle('offline', s !== 'connected');
  };

  // Field view: MapLibre when WebGL works, else the 2D canvas.
  const attachView = (v: FieldView) => {
    view = v;
    if (plan) v.setPlan(plan);
    coverageShown = -1;
    coverageDoneShown = -1;
  };
  const useCanvas = (why?: 'noWebgl') => {
    mapEl.classList.toggle('no-webgl', why === 'noWebgl');
    const note = $('.map-note');
    if (why) note.dataset.i18n = why;
    else {
      delete note.dataset.i18n;
      note.textContent = '';
    }
    applyLabels(mapEl, lang);
    attachView(createCanvasView(mapEl));
  };
  /** Swaps the field view; MapLibre (and its CSS) is downloaded only the first time it is asked for. */
  let viewToken = 0;
  const setRenderer = (r: Renderer, tilesUrl?: string) => {
    const mine = ++viewToken;
    view?.destroy();
    view = undefined;
    mapEl.querySelectorAll('canvas.field-canvas, .maplibregl-canvas-container, .maplibregl-control-container, .maplibregl-marker').forEach((e) => e.remove());
    if (r === 'canvas') return useCanvas();
    if (!webglAvailable()) return useCanvas('noWebgl');
    import('./map-view.js')
      .then((m) => {
        if (mine === viewToken) attachView(m.createMapView(mapEl, tilesUrl));
      })
      .catch((e: unknown) => {
        console.warn('agrisim: MapLibre failed, using the 2D fallback', e);
        if (mine === viewToken) useCanvas('noWebgl');
      });
  };
  setRenderer(opts.renderer, opts.tilesUrl);

  /** New coverage (another simulation, a snapshot): the finished layer is re-sent at once. */
  const resetCoverage = (trails?: SnapshotMessage['coverage']) => {
    coverage.reset(trails);
    coverageDoneShown = -1;
  };

  let subscribedTo: string | undefined;
  const subscribe = () => {
    if (simId && socket.send({ type: 'subscribe', sim: simId })) subscribedTo = simId;
  };
  const chooseSim = (id: string) => {
    if (id === simId) return;
    if (simId) socket.send({ type: 'unsubscribe', sim: simId });
    simId = id;
    plan = undefined;
    glides.clear();
    resetCoverage();
    state = { vehicles: [], guidance: {}, done: false };
    blockUi.snapshot(undefined, undefined, []);
    lastMessage = { key: 'waiting' };
    showMessage();
    subscribe();
  };
  select.addEventListener('change', () => chooseSim(select.value));

  const fillSelect = () => {
    select.replaceChildren(...offers.map((o) => new Option(simLabel(lang, o, kinds), o.id, false, o.id === simId)));
    select.hidden = offers.length < 2;
    const offer = offers.find((o) => o.id === simId);
    $('.sim-name').textContent = offers.length < 2 && offer ? simLabel(lang, offer, kinds) : '';
  };

  const takeVehicles = (vehicles: WireVehicle[], nowMs: number) => {
    for (const v of vehicles) glides.set(v.id, startGlide(glides.get(v.id), { lon: v.lon, lat: v.lat, headingDeg: v.headingDeg }, nowMs));
    state.vehicles = vehicles;
    panelDirty = true;
  };
  const onSnapshot = (m: SnapshotMessage) => {
    // Tolerant of a server that sends less: no description means no plan and 1 m strips.
    const d: Partial<SnapshotMessage['description']> = m.description ?? {};
    widths.clear();
    state.guidance = {};
    for (const v of d.vehicles ?? []) {
      widths.set(v.id, v.workingWidthM);
      state.guidance[v.id] = v.guidance;
    }
    const kind = d.vehicles?.[0]?.kind;
    if (kind && kinds.get(m.sim) !== kind) {
      kinds.set(m.sim, kind);
      fillSelect();
    }
    plan = d.planGeoJson as PlanFeatureCollection | undefined;
    if (plan) view?.setPlan(plan);
    resetCoverage(m.coverage);
    glides.clear();
    state.done = m.done === true;
    state.progress = m.progress;
    setPaused(m.paused === true);
    setSpeedup(m.speedup);
    takeVehicles(m.vehicles ?? [], performance.now());
    blockUi.snapshot(d.block, m.progress, m.vehicles ?? []);
    lastMessage = state.done ? { key: 'done' } : { key: 'event', text: '' };
    showMessage();
  };
  const onTelemetry = (m: TelemetryMessage) => {
    telemetryCount++;
    coverage.add(m.vehicles);
    state.progress = m.progress;
    takeVehicles(m.vehicles, performance.now());
    blockUi.telemetry(m.progress, m.vehicles);
  };
  const onMessage = (m: ServerMessage) => {
    if (m.type === 'hello') {
      offers = m.simulations ?? [];
      if (!simId || !offers.some((o) => o.id === simId)) simId = offers[Math.min(opts.index, offers.length - 1)]?.id;
      fillSelect();
      opts.onHello(offers, m.control !== false);
      if (subscribedTo !== simId) subscribe();
    } else if (m.type === 'snapshot' && m.sim === simId) onSnapshot(m);
    else if (m.type === 'telemetry' && m.sim === simId) onTelemetry(m);
    else if (m.type === 'event' && m.sim === simId) {
      const evs = m.events ?? (m.event ? [m.event] : []);
      for (const ev of evs) {
        if (ev.type === 'done' && evs.length && state.vehicles.every((v) => v.activity === 'done' || v.id === ev.vehicleId)) state.done = true;
        lastMessage = ev.type === 'done' && state.done ? { key: 'done' } : { key: 'event', event: ev };
      }
      panelDirty = true;
      showMessage();
    } else if (m.type === 'control' && m.sim === simId) {
      if (typeof m.paused === 'boolean') setPaused(m.paused);
      setSpeedup(m.speedup);
    }
    else if (m.type === 'error') {
      lastMessage = { key: 'error', code: m.code, text: m.message };
      showMessage();
    }
  };
  const socket = connectSocket(opts.wsUrl, {
    onOpen: () => {
      subscribedTo = undefined;
      subscribe();
    },
    onMessage, onState: setConn });

  // The animation loop: machines glide every frame; coverage and panel refresh when changed.
  let raf = 0;
  const loop = (now: number) => {
    frames++;
    if (view) {
      const marks: VehicleMark[] = state.vehicles.map((v) => ({ id: v.id, kind: v.kind, implementOn: v.implementOn, pose: poseAt(glides.get(v.id)!, now) }));
      if (coverage.version !== coverageShown && now - coverageAt >= COVERAGE_REFRESH_MS) {
        // Finished passes are re-sent at most every DONE_REFRESH_MS (at once after a reset).
        const refreshDone = coverage.doneVersion !== coverageDoneShown && (coverageDoneShown < 0 || now - doneAt >= DONE_REFRESH_MS);
        view.setCoverage(coverage.layers(refreshDone));
        coverageShown = coverage.version;
        if (refreshDone) {
          coverageDoneShown = coverage.doneVersion;
          doneAt = now;
        }
        coverageAt = now;
      }
      view.setVehicles(marks);
      blockUi.frame(view);
    }
    if (panelDirty) {
      panel.update(state);
      panelDirty = false;
    }
    raf = requestAnimationFrame(loop);
  };
  raf = requestAnimationFrame(loop);
  new ResizeObserver(() => view?.resize()).observe(mapEl);

  return {
    el: root,
    setLang(l: Lang) {
      lang = l;
      panel.setLang(l);
      blockUi.setLang(l);
      applyLabels(root, l);
      setConn(connState);
      fillSelect();
      showMessage();
    },
    setRenderer,
    setToken(tok: string | undefined) {
      token = tok || undefined;
      controls.hidden = !token;
      if (token && !controls.childElementCount) {
        buildControls(controls, (action, value) => simId && token && socket.send({ type: 'control', sim: simId, action, value, token }));
        applyLabels(controls, lang);
        showSpeedup(controls, speedup);
      }
    },
    chooseSim,
    destroy() {
      cancelAnimationFrame(raf);
      socket.close();
      view?.destroy();
      root.replaceChildren();
    },
    /** State for tests and benchmarks (window.__agrisim). */
    debug: () => ({
      simId,
      renderer: view?.renderer,
      fieldRendered: view?.fieldRendered() ?? false,
      fieldFeatures: view?.renderedFieldFeatures() ?? 0,
      planFeatures: plan?.features.length ?? 0,
      coveragePasses: coverage.passes.length,
      coverageFeatures: view?.renderedCoverageFeatures() ?? 0,
      frames,
      telemetryCount,
      connection: connState,
      paused,
      speedup,
      progress: state.progress,
      block: blockUi.debug(),
      vehicles: state.vehicles.map((v) => ({ id: v.id, lon: v.lon, lat: v.lat, pose: glides.get(v.id) && poseAt(glides.get(v.id)!, performance.now()) })),
    }),
  };
}

export type Pane = ReturnType<typeof createPane>;
