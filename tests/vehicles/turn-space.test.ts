import { describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { planField } from '../../src/plan/index.js';
import { DRONE, getVehicle, TRANSPLANTER, turnSpaceLaps } from '../../src/vehicles/index.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('headland laps sized to the turn space the machine needs', () => {
  it('ceil(turning radius / width) for ground machines, none for a multirotor', () => {
    expect(turnSpaceLaps(TRANSPLANTER)).toBe(2); // ceil(2 m / 1.8 m)
    expect(turnSpaceLaps({ kind: 'ground', minTurnRadiusM: 3.6, workingWidthM: 1.8 })).toBe(2); // exactly two laps deep
    expect(turnSpaceLaps({ kind: 'ground', minTurnRadiusM: 4, workingWidthM: 1.8 })).toBe(3);
    expect(turnSpaceLaps({ kind: 'ground', minTurnRadiusM: 0, workingWidthM: 1.8 })).toBe(0);
    expect(turnSpaceLaps(DRONE)).toBe(0);
  });

  it('the profiles say what the planner does: transplanter 2 laps, drone 0', () => {
    expect(TRANSPLANTER.headlandLaps).toBe(turnSpaceLaps(TRANSPLANTER));
    expect(DRONE.headlandLaps).toBe(0);
    expect(DRONE.sources.headlandLaps).toMatch(/no headland \(0\)/);
    expect(TRANSPLANTER.sources.headlandLaps).toMatch(/ceil\(2 m \/ 1\.8 m\) = 2/);
  });

  it('an overridden width or radius sizes the laps again, unless the laps are set too', () => {
    expect(getVehicle('transplanter', { minTurnRadiusM: 4 }).headlandLaps).toBe(3);
    expect(getVehicle('transplanter', { workingWidthM: 2.4 }).headlandLaps).toBe(1); // ceil(2 / 2.4)
    expect(getVehicle('transplanter', { minTurnRadiusM: 4, headlandLaps: 1 }).headlandLaps).toBe(1);
    expect(getVehicle('drone', { workingWidthM: 9 }).headlandLaps).toBe(0);
    expect(code(() => getVehicle('transplanter', { headlandLaps: 1.5 }))).toBe('VEHICLE_INVALID');
    expect(code(() => getVehicle('transplanter', { headlandLaps: 21 }))).toBe('VEHICLE_INVALID');
  });

  it('refuses an override key it does not know instead of spreading it into the vehicle', () => {
    const untyped = (o: object) => o as Parameters<typeof getVehicle>[1];
    // from JavaScript: a misspelt width, and a key that is not an override (sections follow the width)
    expect(code(() => getVehicle('transplanter', untyped({ workingWidth: 2.4 })))).toBe('VEHICLE_INVALID');
    expect(code(() => getVehicle('transplanter', untyped({ sectionWidthM: 0.25 })))).toBe('VEHICLE_INVALID');
    expect(() => getVehicle('drone', untyped({ workingWidth: 9 }))).toThrow(/cannot override "workingWidth"; overridable: workingWidthM/);
    expect(getVehicle('transplanter', { workingWidthM: undefined }).workingWidthM).toBe(1.8); // undefined keys are fine
  });

  it('the planner follows: its own choice for a drone, the user’s laps when set', async () => {
    const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
    expect(planField(paddy, getVehicle('drone')).headland.laps).toBe(0); // no lap works less twice here
    expect(planField(paddy, getVehicle('drone', { headlandLaps: 1 })).headland.laps).toBe(1); // set on the vehicle
    expect(planField(paddy, getVehicle('drone'), { headlandLaps: 1 }).headland.laps).toBe(1); // set in the options
    const [long] = await readFieldFile('fields/long-paddy-30x200.geojson');
    expect(planField(long, getVehicle('drone')).headland.laps).toBe(1); // the edge lap wins on this one
    expect(planField(long, getVehicle('drone'), { headlandLaps: 0 }).headland.laps).toBe(0);
    expect(planField(paddy, getVehicle('transplanter', { minTurnRadiusM: 4 })).headland.laps).toBe(3);
  });
});
