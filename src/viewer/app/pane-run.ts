/**
 * What a pane knows of the simulation it shows, kept from snapshots and telemetry: machines
 * (and their smooth motion between frames), working widths, guidance, progress, painted
 * coverage and whether the run is done. Pure data; the pane draws it.
 */
import type { SimEvent } from '../../sim/index.js';
import type { EventMessage, SnapshotMessage, TelemetryMessage, WireVehicle } from '../../telemetry/client/index.js';
import { CoverageModel } from './coverage.js';
import { poseAt, startGlide, type Glide } from './interpolate.js';
import type { PanelState } from './panel.js';
import type { VehicleMark } from './view.js';

/** What a run keeps between messages. */
interface RunState {
  /** Working width of each machine, m, from the last snapshot. */
  widths: Map<string, number>;
  coverage: CoverageModel;
  /** Each machine's smooth motion between telemetry frames. */
  glides: Map<string, Glide>;
  panel: PanelState;
  panelChanged: boolean;
  telemetryFrames: number;
}

const emptyPanel = (): PanelState => ({ vehicles: [], guidance: {}, done: false });

/** New machine positions: each glides on from where it is drawn; the panel shows them. */
function takeVehicles(state: RunState, vehicles: WireVehicle[], nowMs: number): void {
  for (const v of vehicles)
    state.glides.set(v.id, startGlide(state.glides.get(v.id), { lon: v.lon, lat: v.lat, headingDeg: v.headingDeg }, nowMs));
  state.panel.vehicles = vehicles;
  state.panelChanged = true;
}

/** A snapshot replaces the picture (its shape already checked by the client against the protocol schema). */
function takeSnapshot(state: RunState, m: SnapshotMessage, nowMs: number): void {
  const { widths, panel } = state;
  const vehicles = m.description?.vehicles ?? [];
  widths.clear();
  panel.guidance = {};
  for (const v of vehicles) {
    widths.set(v.id, v.workingWidthM);
    panel.guidance[v.id] = v.guidance;
  }
  state.coverage.reset(m.coverage);
  state.glides.clear();
  panel.done = m.done === true;
  panel.progress = m.progress;
  takeVehicles(state, m.vehicles ?? [], nowMs);
}

/** A telemetry frame: coverage grows, machines move on. */
function takeTelemetry(state: RunState, m: TelemetryMessage, nowMs: number): void {
  state.telemetryFrames++;
  state.coverage.add(m.vehicles);
  state.panel.progress = m.progress;
  takeVehicles(state, m.vehicles, nowMs);
}

/** Another simulation is chosen: forget everything. */
function clearRun(state: RunState): void {
  state.glides.clear();
  state.coverage.reset();
  state.panel = emptyPanel();
  state.panelChanged = true;
}

/** An event; the run is done when the last machine reports `done`. Returns the event to show. */
function takeEvent(state: RunState, m: EventMessage): SimEvent {
  const ev = m.event;
  if (ev.type === 'done' && state.panel.vehicles.every((v) => v.activity === 'done' || v.id === ev.vehicleId)) state.panel.done = true;
  state.panelChanged = true;
  return ev;
}

/**
 * Creates an empty run.
 * @example
 * const run = createRun();
 * run.snapshot(snapshotMessage, performance.now());
 */
export function createRun() {
  const widths = new Map<string, number>();
  const state: RunState = {
    widths,
    coverage: new CoverageModel((id) => widths.get(id) ?? 1),
    glides: new Map(),
    panel: emptyPanel(),
    panelChanged: false,
    telemetryFrames: 0,
  };
  const { glides } = state;
  return {
    coverage: state.coverage,
    get panel(): PanelState {
      return state.panel;
    },
    get vehicles(): readonly WireVehicle[] {
      return state.panel.vehicles;
    },
    get telemetryFrames() {
      return state.telemetryFrames;
    },
    /** Another simulation is chosen: forget everything. */
    clear: () => clearRun(state),
    /** A snapshot replaces the picture (its shape already checked by the client against the protocol schema). */
    snapshot: (m: SnapshotMessage, nowMs: number) => takeSnapshot(state, m, nowMs),
    telemetry: (m: TelemetryMessage, nowMs: number) => takeTelemetry(state, m, nowMs),
    /** An event; the run is done when the last machine reports `done`. Returns the event to show. */
    event: (m: EventMessage): SimEvent => takeEvent(state, m),
    /** Where each machine is drawn at `nowMs` (gliding between telemetry frames). */
    marks(nowMs: number): VehicleMark[] {
      return state.panel.vehicles.map((v) => ({
        id: v.id,
        kind: v.kind,
        implementOn: v.implementOn,
        pose: poseAt(glides.get(v.id)!, nowMs),
      }));
    },
    /** True once after any change the panel has not shown yet. */
    takePanelChange(): boolean {
      const changed = state.panelChanged;
      state.panelChanged = false;
      return changed;
    },
    /** Positions for tests (window.__agrisim). */
    debugVehicles(nowMs: number) {
      return state.panel.vehicles.map((v) => ({
        id: v.id,
        lon: v.lon,
        lat: v.lat,
        pose: glides.get(v.id) && poseAt(glides.get(v.id)!, nowMs),
      }));
    },
  };
}
