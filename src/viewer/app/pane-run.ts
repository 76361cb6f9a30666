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

/**
 * Creates an empty run.
 * @example
 * const run = createRun();
 * run.snapshot(snapshotMessage, performance.now());
 */
export function createRun() {
  const widths = new Map<string, number>();
  const coverage = new CoverageModel((id) => widths.get(id) ?? 1);
  const glides = new Map<string, Glide>();
  let panel: PanelState = { vehicles: [], guidance: {}, done: false };
  let panelChanged = false;
  let telemetryFrames = 0;

  const takeVehicles = (vehicles: WireVehicle[], nowMs: number) => {
    for (const v of vehicles) glides.set(v.id, startGlide(glides.get(v.id), { lon: v.lon, lat: v.lat, headingDeg: v.headingDeg }, nowMs));
    panel.vehicles = vehicles;
    panelChanged = true;
  };
  return {
    coverage,
    get panel(): PanelState {
      return panel;
    },
    get vehicles(): readonly WireVehicle[] {
      return panel.vehicles;
    },
    get telemetryFrames() {
      return telemetryFrames;
    },
    /** Another simulation is chosen: forget everything. */
    clear() {
      glides.clear();
      coverage.reset();
      panel = { vehicles: [], guidance: {}, done: false };
      panelChanged = true;
    },
    /** A snapshot replaces the picture (its shape already checked by the client against the protocol schema). */
    snapshot(m: SnapshotMessage, nowMs: number) {
      const vehicles = m.description?.vehicles ?? [];
      widths.clear();
      panel.guidance = {};
      for (const v of vehicles) {
        widths.set(v.id, v.workingWidthM);
        panel.guidance[v.id] = v.guidance;
      }
      coverage.reset(m.coverage);
      glides.clear();
      panel.done = m.done === true;
      panel.progress = m.progress;
      takeVehicles(m.vehicles ?? [], nowMs);
    },
    telemetry(m: TelemetryMessage, nowMs: number) {
      telemetryFrames++;
      coverage.add(m.vehicles);
      panel.progress = m.progress;
      takeVehicles(m.vehicles, nowMs);
    },
    /** An event; the run is done when the last machine reports `done`. Returns the event to show. */
    event(m: EventMessage): SimEvent {
      const ev = m.event;
      if (ev.type === 'done' && panel.vehicles.every((v) => v.activity === 'done' || v.id === ev.vehicleId)) panel.done = true;
      panelChanged = true;
      return ev;
    },
    /** Where each machine is drawn at `nowMs` (gliding between telemetry frames). */
    marks(nowMs: number): VehicleMark[] {
      return panel.vehicles.map((v) => ({ id: v.id, kind: v.kind, implementOn: v.implementOn, pose: poseAt(glides.get(v.id)!, nowMs) }));
    },
    /** True once after any change the panel has not shown yet. */
    takePanelChange(): boolean {
      const changed = panelChanged;
      panelChanged = false;
      return changed;
    },
    /** Positions for tests (window.__agrisim). */
    debugVehicles(nowMs: number) {
      return panel.vehicles.map((v) => ({ id: v.id, lon: v.lon, lat: v.lat, pose: glides.get(v.id) && poseAt(glides.get(v.id)!, nowMs) }));
    },
  };
}
