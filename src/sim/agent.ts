/**
 * One simulated vehicle: drives its legs with acceleration limits, applies product and paints
 * the raster while the implement is on, uses up tank, battery or trays, returns to the
 * service point when it must, and meets faults. Advanced by {@link Agent.step}.
 */
import type { XY } from '../geometry/index.js';
import { startErrors, stepErrors, trueLateralM, updateFaults, type ErrorState } from './agent-errors.js';
import { cornerRules } from './build-legs.js';
import { batteryDrainPerS, loadModel, type LoadModel } from './consumables.js';
import { pieceDir, pointAt, setInteriorLimits, setJoinLimits, tailOf, type Leg } from './legs.js';
import { paintBar, paintDisc } from './paint.js';
import type { SimEvent } from './types.js';
import { type AgentConfig, type AgentTotals, zeroTotals } from './agent-types.js';
import { brakeCapMps } from './braking.js';
import { refillBeforeSwath, serviceTripLegs } from './service-trip.js';

const TIME_KEY = { swath: 'workingS', turn: 'turningS', transit: 'transitS', refill: 'refillS' } as const;

export class Agent {
  readonly id: string;
  readonly cfg: AgentConfig;
  readonly load: LoadModel;
  readonly totals: AgentTotals;
  readonly errors: ErrorState;
  done = false;
  /** Index of the current leg. */
  legIndex = 0;
  /** Distance along the current leg, m. */
  alongM = 0;
  /** Index of the current segment of the leg (between points segment and segment + 1). */
  segment = 0;
  speed = 0;
  holdLeft = 0;
  entered = false;
  passId = 0;
  lateralM = 0;
  biasM = 0;
  loadLeft: number;
  battery = 1;
  batteryCapacity = 1;
  sortie = 1;
  returning = false;
  /** Waiting in a depot queue now. */
  queued = false;
  /** A depot crew is serving this machine's current refill. */
  private granted = false;
  /** Simulated time this machine finished, ms (block runs read it for the makespan). */
  endMs = 0;
  pos: XY;
  dir: XY = [0, 1];

  constructor(cfg: AgentConfig) {
    this.cfg = cfg;
    this.id = cfg.id;
    this.load = loadModel(cfg.vehicle);
    this.loadLeft = this.load.capacity;
    this.pos = cfg.legs[0]?.points[0] ?? cfg.servicePoint;
    this.errors = startErrors(cfg.guidance, cfg.steering, cfg.rng.fork('errors'), cfg.rng.fork('faults'));
    const workTotalM = cfg.legs.reduce((a, l) => a + Math.max(0, l.implementToM - l.implementFromM), 0);
    this.totals = zeroTotals(workTotalM);
    if (cfg.legs.length === 0) this.done = true;
  }

  /** Advances `dtS` seconds of simulated time at time `tMs` (end of the tick); pushes events. */
  step(dtS: number, tMs: number, events: SimEvent[]): void {
    if (this.done) return;
    const leg = this.cfg.legs[this.legIndex];
    const active = !(leg?.kind === 'refill' && this.holdLeft > 0);
    const v = this.cfg.vehicle;
    this.totals.faults += updateFaults(this.errors, this.cfg.faults, dtS, {
      guidance: this.cfg.guidance,
      multirotor: v.kind === 'multirotor',
      active,
      tMs,
      vehicleId: this.id,
      events,
    });
    stepErrors(this.errors, dtS);
    const target = leg?.kind === 'swath' ? leg.lateralBiasM : this.biasM;
    this.biasM += (target - this.biasM) * Math.min(1, dtS / 2);
    this.lateralM = trueLateralM(this.errors, this.cfg.guidance !== 'manual', this.cfg.steering, this.biasM, [this.dir[1], -this.dir[0]]);
    let remaining = dtS;
    let guard = 0;
    while (remaining > 1e-9 && !this.done && guard++ < 64) remaining = this.advance(remaining, tMs, events);
    if (active) this.totals.engineS += dtS;
    if (v.battery && active && !this.done) {
      const used = batteryDrainPerS(v, this.load.unit === 'kg' ? this.loadLeft : 0) * dtS;
      this.battery = Math.max(0, this.battery - used);
      this.totals.batteryUsed += used;
      if (this.battery <= this.cfg.batteryReserve * this.batteryCapacity && !this.returning && !this.refillAhead()) {
        events.push({ t: tMs, vehicleId: this.id, type: 'fault', detail: 'low-battery-return' });
        this.totals.faults++;
        this.insertReturn();
      }
    }
  }

  private advance(remaining: number, tMs: number, events: SimEvent[]): number {
    const legs = this.cfg.legs;
    const leg = legs[this.legIndex];
    if (!leg) {
      this.finish(tMs, events);
      return 0;
    }
    if (!this.entered) this.enter(leg);
    if (this.holdLeft > 0) {
      if (leg.kind === 'refill' && !this.granted && this.cfg.refillGate) {
        if (!this.cfg.refillGate.request(this.id, leg.points[0], tMs)) {
          this.queued = true;
          this.speed = 0;
          this.totals.queueS += remaining;
          return 0;
        }
        this.granted = true;
        this.queued = false;
      }
      const h = Math.min(this.holdLeft, remaining);
      this.holdLeft -= h;
      this.speed = 0;
      this.totals[leg.kind === 'refill' ? 'refillS' : 'turningS'] += h;
      if (this.holdLeft <= 1e-9) {
        this.holdLeft = 0;
        if (leg.refill) this.completeRefill(leg, tMs, events);
        if (this.granted) {
          this.granted = false;
          this.cfg.refillGate?.release(this.id, leg.points[0], tMs);
        }
      }
      return remaining - h;
    }
    if (this.segment >= leg.points.length - 1 || this.alongM >= leg.lengthM - 1e-9) {
      this.nextLeg();
      return remaining;
    }
    return this.move(leg, remaining, tMs / 1000 - remaining);
  }

  private move(leg: Leg, remaining: number, tStartS: number): number {
    const vehicle = this.cfg.vehicle;
    const segment = this.segment;
    const accelMps2 = vehicle.accelMps2;
    const vertexMps = leg.vertexMps[segment + 1];
    const toVertexM = leg.cum[segment + 1] - this.alongM;
    const fromMps = this.speed;
    const toMps = Math.max(
      0.05,
      Math.min(leg.cruiseMps, fromMps + accelMps2 * remaining, brakeCapMps(fromMps, vertexMps, toVertexM, accelMps2, remaining)),
    );
    const meanMps = Math.max(0.05, (fromMps + toMps) / 2);
    let toM = this.alongM + meanMps * remaining;
    let usedS = remaining;
    let crossing = false;
    if (toM >= leg.cum[segment + 1]) {
      toM = leg.cum[segment + 1];
      usedS = Math.min(remaining, toVertexM / meanMps);
      crossing = true;
    }
    let needReturn = false;
    if (leg.implementToM > leg.implementFromM)
      ({ toM, usedS, crossing, needReturn } = this.work(leg, segment, toM, usedS, crossing, tStartS));
    this.totals[TIME_KEY[leg.kind]] += usedS;
    if (leg.road) this.totals.roadS += usedS;
    this.totals.distanceM += toM - this.alongM;
    this.alongM = toM;
    this.speed = crossing ? Math.min(toMps, vertexMps) : toMps;
    this.dir = pieceDir(leg, segment);
    this.pos = pointAt(leg, segment, toM);
    if (crossing) this.segment++;
    if (needReturn) this.insertReturn();
    return remaining - usedS;
  }

  /**
   * The implement's part of a move along the leg's `segment` up to `toM` (m along the leg):
   * product spread (or rows planted) and painted; when the load runs out first, the move is cut
   * there and a return is needed.
   */
  private work(leg: Leg, segment: number, toM: number, usedS: number, crossing: boolean, tStartS: number) {
    const vehicle = this.cfg.vehicle;
    let needReturn = false;
    // a narrowed pass plants only its rows: its own width, fewer seedlings per metre
    const widthM = leg.widthM ?? vehicle.workingWidthM;
    const onFromM = Math.max(this.alongM, leg.implementFromM);
    let onM = Math.max(0, Math.min(toM, leg.implementToM) - onFromM);
    const dose = this.cfg.dose;
    const perM2 = dose ? Math.max(1e-9, dose.model.perM2(dose.index)) : this.load.perM2;
    const need = onM * widthM * perM2;
    const allow = this.loadLeft + (this.refillAhead() ? 0.02 * this.load.capacity : 0);
    if (need > allow) {
      onM = Math.max(0, allow) / (widthM * perM2);
      const cut = onFromM + onM;
      usedS *= (cut - this.alongM) / Math.max(1e-9, toM - this.alongM);
      toM = cut;
      crossing = false;
      needReturn = true;
    }
    if (onM > 0) {
      const spanS = (t: number) => (usedS * t) / Math.max(1e-9, toM - this.alongM);
      const used = dose
        ? dose.model.spread(
            dose.index,
            this.truePoint(leg, segment, onFromM),
            this.truePoint(leg, segment, onFromM + onM),
            pieceDir(leg, segment),
            tStartS + spanS(onFromM - this.alongM),
            spanS(onM),
          )
        : onM * widthM * this.load.perM2;
      this.loadLeft = Math.max(0, this.loadLeft - used);
      this.totals.applied += used;
      this.totals.workDoneM += onM;
      const dir = pieceDir(leg, segment);
      paintBar(
        this.cfg.raster,
        this.truePoint(leg, segment, onFromM),
        this.truePoint(leg, segment, onFromM + onM),
        dir,
        widthM / 2,
        this.passId,
      );
      if (crossing && segment + 1 < leg.points.length - 1 && toM > leg.implementFromM && toM < leg.implementToM) {
        paintDisc(this.cfg.raster, this.truePoint(leg, segment, toM), widthM / 2, this.passId);
      }
    }
    return { toM, usedS, crossing, needReturn };
  }

  /** Where the rows on work at `s` along piece k: the true path, shifted left by a stepped swath's rows offset. */
  private truePoint(leg: Leg, k: number, s: number): XY {
    const p = pointAt(leg, k, s);
    const d = pieceDir(leg, k);
    const rightM = this.lateralM - (leg.rowsOffsetM ?? 0);
    return [p[0] + d[1] * rightM, p[1] - d[0] * rightM];
  }

  private enter(leg: Leg): void {
    this.entered = true;
    this.holdLeft = leg.holdS;
    this.alongM = 0;
    this.segment = 0;
    if (leg.implementToM > leg.implementFromM) this.passId = this.cfg.raster.newPass();
    if (leg.lengthM > 0 && !leg.reverse) this.dir = pieceDir(leg, 0);
  }

  private nextLeg(): void {
    this.legIndex++;
    this.entered = false;
  }

  /** True when a refill stop comes before the next swath (so the machine is on its way to refill). */
  private refillAhead(): boolean {
    return refillBeforeSwath(this.cfg.legs, this.legIndex + (this.entered ? 1 : 0));
  }

  /** Breaks off to the service point and back to the same point: [transit, refill, transit, rest of the leg]. */
  private insertReturn(): void {
    const legs = this.cfg.legs;
    const leg = legs[this.legIndex];
    if (!leg) return;
    const v = this.cfg.vehicle;
    const inserted = serviceTripLegs(this.cfg, this.load, this.loadLeft, [this.pos[0], this.pos[1]]);
    const midLeg = this.entered && this.holdLeft === 0 && this.alongM < leg.lengthM - 1e-6;
    if (midLeg) inserted.push(tailOf(leg, this.segment, this.alongM));
    const rules = cornerRules(v, this.cfg.steering);
    for (const l of inserted) setInteriorLimits(l, rules);
    if (midLeg) {
      legs.splice(this.legIndex, 1, ...inserted);
    } else {
      legs.splice(this.legIndex + (this.entered ? 1 : 0), 0, ...inserted);
      if (this.entered) this.nextLeg();
    }
    this.entered = false;
    this.returning = true;
    setJoinLimits(legs, rules, this.legIndex - 1);
  }

  private completeRefill(leg: Leg, tMs: number, events: SimEvent[]): void {
    const v = this.cfg.vehicle;
    const push = (type: SimEvent['type'], detail?: string) =>
      events.push({ t: tMs, vehicleId: this.id, type, ...(detail ? { detail } : {}) });
    this.loadLeft = this.load.capacity;
    push(this.load.unit === 'trays' ? 'tray-reload' : 'refill', leg.refill?.planned ? undefined : 'unplanned');
    if (v.battery) {
      this.batteryCapacity = this.errors.faultRng.chance(this.cfg.faults.batteryFaultPerSortie)
        ? this.errors.faultRng.uniform(this.cfg.faults.weakBatteryFraction[0], this.cfg.faults.weakBatteryFraction[1])
        : 1;
      this.battery = this.batteryCapacity;
      push('battery-swap');
    }
    this.totals.refills++;
    this.totals.sorties++;
    this.sortie++;
    this.returning = false;
    push('sortie-start');
  }

  private finish(tMs: number, events: SimEvent[]): void {
    this.done = true;
    this.speed = 0;
    this.endMs = tMs;
    events.push({ t: tMs, vehicleId: this.id, type: 'done' });
  }
}
