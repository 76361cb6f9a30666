import type { Vehicle } from './types.js';

/**
 * Fertilizer drone, DJI Agras T40 class with its spreading system.
 * Figures from docs/economics.md (DJI Agras T40 specifications) unless noted.
 */
export const DRONE: Vehicle = {
  id: 'drone',
  name: 'Fertilizer drone (DJI Agras T40 class)',
  kind: 'multirotor',
  workingWidthM: 7,
  minTurnRadiusM: 0,
  workSpeedMps: 7,
  turnSpeedMps: 1,
  transitSpeedMps: 10,
  reverseSpeedMps: 0,
  accelMps2: 2,
  stopTurnS: 3,
  headlandLaps: 0,
  altitudeM: 3,
  payload: { kind: 'tank', capacityKg: 40, rateKgPerHa: 70, refillS: 60 },
  battery: { enduranceS: 7 * 60, swapS: 60 },
  sources: {
    workingWidthM:
      'DJI Agras T40 spec gives up to 11 m spray swath; granular urea is spread at an effective 5–8 m in practice: 7 m is an assumption, override with --width',
    workSpeedMps: 'DJI Agras T40 specifications: max operating speed 7 m/s (docs/economics.md)',
    transitSpeedMps: 'DJI Agras T40 specifications: max flight speed 10 m/s',
    accelMps2: 'assumption: gentle acceleration of a loaded 90–100 kg multirotor',
    stopTurnS: 'assumption: yaw 180° and settle at a swath end, about 3 s',
    headlandLaps:
      'turn space: a multirotor turns on the spot and needs no headland (0); the planner adds one boundary lap on fields where it works less area twice than swaths to the edge (slanted ends); --headland N fixes the laps',
    altitudeM: 'DJI guidance for spreading: 2–3 m above the crop',
    'payload.capacityKg': 'DJI Agras T40 spreading tank rated 50 kg; 40 kg is a typical working fill (docs/economics.md: 40 L / 50 kg)',
    'payload.rateKgPerHa':
      'one urea top-dressing ≈ 1/3 of 200 kg/ha/season (docs/economics.md urea rate; Vietnamese rice fertilizer recommendations)',
    'payload.refillS': 'assumption: 1 min to reload a 40 kg bag at the field edge',
    'battery.enduranceS': 'docs/economics.md: ~7 min hover at full load (DJI Agras T40 specifications)',
    'battery.swapS': 'assumption: 1 min battery swap by a two-person crew',
  },
};

/**
 * 6-row riding rice transplanter with GNSS auto-steer (Kubota/Yanmar class), 30 cm rows.
 * Figures from docs/economics.md unless noted.
 */
export const TRANSPLANTER: Vehicle = {
  id: 'transplanter',
  name: '6-row riding rice transplanter (GNSS-guided)',
  kind: 'ground',
  workingWidthM: 1.8,
  sectionWidthM: 0.3,
  minTurnRadiusM: 2,
  workSpeedMps: 2 / 3.6,
  turnSpeedMps: 0.5,
  transitSpeedMps: 1,
  reverseSpeedMps: 0.4,
  accelMps2: 0.5,
  stopTurnS: 0,
  headlandLaps: 2,
  altitudeM: 0,
  payload: { kind: 'trays', trays: 18, traysPerHa: 200, refillS: 120 },
  sources: {
    workingWidthM: 'Kubota/Yanmar 6-row transplanters: 6 rows × 30 cm = 1.8 m (docs/economics.md)',
    sectionWidthM:
      'one row, 30 cm: riding transplanters have a clutch per row (Kubota NSPU/Yanmar VP "row stop" levers) so the last pass of a paddy plants only the rows left',
    minTurnRadiusM: 'assumption: 6-row riding transplanters turn in a headland of 2 laps (~3.6 m); 2 m is a conservative path radius',
    workSpeedMps: 'docs/economics.md: 2 km/h working speed (ASABE D497 range 1.5–3 km/h)',
    turnSpeedMps: 'assumption: 1.8 km/h in headland turns in mud',
    transitSpeedMps: 'assumption: 3.6 km/h road gear inside the paddy',
    reverseSpeedMps: 'assumption: 1.4 km/h in reverse during K-turns',
    accelMps2: 'assumption',
    headlandLaps:
      'turn space: ceil(minTurnRadiusM / workingWidthM) = ceil(2 m / 1.8 m) = 2 laps hold a turn of radius 2 m from a swath end at their inner edge; the headland is planted last',
    'payload.trays': 'assumption: 6 trays on the planting platform + 12 on the spare racks',
    'payload.traysPerHa': 'docs/economics.md: 200 trays/ha (mechanised transplanting guides, range 180–250)',
    'payload.refillS': 'assumption: 2 min to load 12 trays from the bund',
  },
};

/** Every built-in profile, by id. */
export const VEHICLES: Readonly<Record<string, Vehicle>> = { drone: DRONE, transplanter: TRANSPLANTER };
