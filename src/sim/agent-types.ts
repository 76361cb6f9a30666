/** What an agent is given and what it counts (the simulator's {@link Agent} in agent.ts). */
import type { XY } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';
import type { CoverageRaster } from './coverage-raster.js';
import type { DoseModel } from './dose/index.js';
import type { SteeringModel } from './error-models.js';
import type { FaultOptions } from './faults.js';
import type { Leg } from './legs.js';
import type { Rng } from './random.js';
import type { Guidance } from './types.js';

/** Everything an agent needs. */
export interface AgentConfig {
  id: string;
  vehicle: Vehicle;
  guidance: Guidance;
  steering: SteeringModel;
  legs: Leg[];
  servicePoint: XY;
  raster: CoverageRaster;
  faults: FaultOptions;
  batteryReserve: number;
  rng: Rng;
  /** Dose model of the run and this machine's index in it (variable rate, pattern, drift). */
  dose?: { model: DoseModel; index: number };
  /** Block runs: the depot crews a refill must wait for (absent: refills start at once). */
  refillGate?: RefillGate;
}

/**
 * Who may start a refill now: a depot's crews serve one machine each; the others queue.
 * `request` is asked every tick while the machine waits; `release` when its refill is done.
 */
export interface RefillGate {
  /** True when the refill at `at` may start now (a crew is free and the machine is first in line). */
  request(vehicleId: string, at: XY, tMs: number): boolean;
  release(vehicleId: string, at: XY, tMs: number): void;
}

/** Running totals of one vehicle. */
export interface AgentTotals {
  workingS: number;
  turningS: number;
  transitS: number;
  refillS: number;
  distanceM: number;
  applied: number;
  refills: number;
  sorties: number;
  faults: number;
  batteryUsed: number;
  engineS: number;
  workDoneM: number;
  workTotalM: number;
  /** Time waiting in a depot queue for a crew, s (block runs). */
  queueS: number;
  /** Time driving field roads, s (block runs; also counted in transitS). */
  roadS: number;
}

/** Totals at the start of a run: nothing done yet, `workTotalM` of working legs ahead. */
export function zeroTotals(workTotalM: number): AgentTotals {
  return {
    workingS: 0,
    turningS: 0,
    transitS: 0,
    refillS: 0,
    distanceM: 0,
    applied: 0,
    refills: 0,
    sorties: 1,
    faults: 0,
    batteryUsed: 0,
    engineS: 0,
    workDoneM: 0,
    workTotalM,
    queueS: 0,
    roadS: 0,
  };
}
