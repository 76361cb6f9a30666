/**
 * A structural validator for QGroundControl `.plan` files: the checks QGroundControl's own loader
 * makes when it opens a plan (File → Open in the Plan view), so a file that passes here is one
 * QGroundControl does not refuse. Read from mavlink/qgroundcontrol (master as stored, 2024–2025):
 *
 * - src/MissionManager/PlanMasterController.cc `_loadPlanJson`: the root must pass
 *   `JsonParsing::validateExternalQGCJsonFile(json, "Plan", 1, 1)` — `groundStation` string,
 *   `fileType` string equal to "Plan", `version` number with 1 ≤ toInt ≤ 1 (src/Utilities/JsonHelper.cc
 *   `validateExternalQGCJsonFile` / `validateInternalQGCJsonFile`) — and have the objects `mission`,
 *   `geoFence`, `rallyPoints` (all required).
 * - src/MissionManager/MissionController.cc `_loadJsonMissionFileV2`: `plannedHomePosition` array
 *   (required), `items` array (required), `firmwareType` number (required), `vehicleType`,
 *   `cruiseSpeed`, `hoverSpeed`, `globalPlanAltitudeMode` numbers (optional). The home position goes
 *   through `JsonHelper::loadGeoCoordinate(…, altitudeRequired = true)`: exactly 3 values, each a
 *   number or null. Every item must be an object with a string `type`; "SimpleItem" items load with
 *   `SimpleMissionItem::load` → `MissionItem::load`; "ComplexItem" needs a `complexItemType`; any other
 *   type is "Unknown item type". After loading, every DO_JUMP (177) param1 must name an existing
 *   `doJumpId` ("Could not find doJumpId").
 * - src/MissionManager/MissionItem.cc `MissionItem::load`: keys `type` (string, must be
 *   "SimpleItem"), `frame` (number), `command` (number), `params` (array), `autoContinue` (bool) are
 *   required, `doJumpId` (number) optional; `params` must hold exactly 7 values ("params key must
 *   contains 7 values"); params 1–4 must be number or null; params 5–7 are read with
 *   `possibleNaNJsonValue` (null → NaN).
 * - src/MissionManager/GeoFenceController.cc `load`: a fence without `version` or with version 1 is
 *   silently ignored (so we require 2, else the fence would be lost); keys `version` (number),
 *   `circles` (array), `polygons` (array) required, `breachReturn` (array) optional; version must be
 *   2 (`_jsonCurrentVersion`); each polygon an object loaded by src/MissionManager/QGCFencePolygon.cc
 *   `loadFromJson`: `version` number equal to 1, `inclusion` bool, then src/MissionManager/QGCMapPolygon.cc
 *   `loadFromJson` (required): `polygon` array of coordinates via `loadGeoCoordinateArray(…, false)`,
 *   i.e. `[lat, lon]` pairs of numbers. `breachReturn` is `[lat, lon, alt]`.
 * - src/MissionManager/RallyPointController.cc `load`: version 1 is ignored (we require 2); keys
 *   `version` (number) and `points` (array) required, version must be 2, points `[lat, lon, alt]`
 *   (`loadGeoCoordinateArray(…, altitudeRequired = true)`).
 *
 * Stricter than the loader, because a mission that loads but flies wrong is worse than one that
 * does not load (each marked "stricter" below): `firmwareType` and `vehicleType` must be values
 * QGroundControl's offline editor offers (its App settings metadata, App.SettingsGroup.json:
 * OfflineEditingFirmwareType enumValues "3,12,0" = ArduPilot, PX4 Pro, generic MAVLink;
 * OfflineEditingVehicleType enumValues "1,2,19,10,12" = fixed wing, multi-rotor, VTOL, rover, sub); `mission.version`
 * is 2 as `MissionController::save` writes it; `frame` is a MAV_FRAME value (0–21, MAVLink
 * common.xml) and `command` a uint16; `doJumpId`s are 1, 2, 3… in item order, as
 * `MissionItem::save` writes them (the sequence number); positions of NAV commands are finite with
 * latitude in [-90, 90] and longitude in [-180, 180] (`MissionItem::coordinate` turns a NaN latitude
 * or longitude into an invalid coordinate); fence polygons have at least 3 vertices and are not
 * closed (QGCMapPolygon closes them itself; a repeated first vertex is a zero-length edge).
 */

/** MAV_CMD numbers that carry a position in params 5–7 (MAVLink common.xml, NAV_* below 100). */
const POSITIONAL_MAX_CMD = 99;
/** MAV_CMD_DO_JUMP (common.xml). */
const MAV_CMD_DO_JUMP = 177;
/** Offline-editing firmware classes (MAV_AUTOPILOT) and vehicle classes (MAV_TYPE) QGroundControl offers. */
export const QGC_FIRMWARE_TYPES = [0, 3, 12] as const;
export const QGC_VEHICLE_TYPES = [1, 2, 10, 12, 19] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** The QJsonValue type names JsonHelper::validateKeys compares against. */
type JsonType = 'String' | 'Double' | 'Bool' | 'Array' | 'Object';

function typeOf(v: Json | undefined): JsonType | 'Null' | 'Undefined' {
  if (v === undefined) return 'Undefined';
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Bool';
  return 'Object';
}

const isObj = (v: Json | undefined): v is Obj => typeOf(v) === 'Object';

/** JsonHelper::validateKeys: required keys present, and every listed key that is present has its type. */
function validateKeys(where: string, o: Obj, keys: [string, JsonType, boolean][], problems: string[]): boolean {
  let ok = true;
  for (const [key, type, required] of keys) {
    const t = typeOf(o[key]);
    if (t === 'Undefined') {
      if (required) {
        problems.push(`${where}: required key "${key}" is missing`);
        ok = false;
      }
    } else if (t !== type) {
      problems.push(`${where}: key "${key}" is ${t}, must be ${type}`);
      ok = false;
    }
  }
  return ok;
}

/** JsonHelper::loadGeoCoordinate: an array of 2 (or 3 with altitude) numbers or nulls. */
function checkCoordinate(where: string, v: Json | undefined, altitude: boolean, problems: string[], strictFinite = false): void {
  if (!Array.isArray(v)) {
    problems.push(`${where}: value for coordinate is not array`);
    return;
  }
  const n = altitude ? 3 : 2;
  if (v.length !== n) problems.push(`${where}: coordinate array must contain ${n} values, has ${v.length}`);
  v.forEach((c, i) => {
    if (c !== null && typeof c !== 'number') problems.push(`${where}[${i}]: coordinate values must be double or null, found ${typeOf(c)}`);
  });
  if (strictFinite) checkLatLon(where, v[0], v[1], problems);
}

/** Stricter: a usable position (finite, in range). */
function checkLatLon(where: string, lat: Json | undefined, lon: Json | undefined, problems: string[]): void {
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90)
    problems.push(`${where}: latitude ${String(lat)} is not a finite value in [-90, 90]`);
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180)
    problems.push(`${where}: longitude ${String(lon)} is not a finite value in [-180, 180]`);
}

function checkSimpleItem(where: string, item: Obj, problems: string[]): void {
  const ok = validateKeys(
    where,
    item,
    [
      ['type', 'String', true],
      ['frame', 'Double', true],
      ['command', 'Double', true],
      ['params', 'Array', true],
      ['autoContinue', 'Bool', true],
      ['doJumpId', 'Double', false],
    ],
    problems,
  );
  if (!ok) return;
  const params = item.params as Json[];
  if (params.length !== 7) {
    problems.push(`${where}: params key must contain 7 values, has ${params.length}`);
    return;
  }
  params.forEach((p, i) => {
    if (p !== null && typeof p !== 'number') problems.push(`${where}: param ${i + 1} incorrect type ${typeOf(p)}, must be double or null`);
  });
  const command = item.command as number,
    frame = item.frame as number;
  if (!Number.isInteger(command) || command < 0 || command > 65535) problems.push(`${where}: command ${command} is not a uint16 MAV_CMD`);
  if (!Number.isInteger(frame) || frame < 0 || frame > 21) problems.push(`${where}: frame ${frame} is not a MAV_FRAME (0–21)`);
  if (command <= POSITIONAL_MAX_CMD && command !== 20) checkLatLon(where, params[4], params[5], problems);
  if (command <= POSITIONAL_MAX_CMD && command !== 20 && (typeof params[6] !== 'number' || !Number.isFinite(params[6]))) {
    problems.push(`${where}: altitude ${String(params[6])} is not finite`);
  }
}

function checkMission(m: Obj, problems: string[]): void {
  const ok = validateKeys(
    'mission',
    m,
    [
      ['plannedHomePosition', 'Array', true],
      ['items', 'Array', true],
      ['firmwareType', 'Double', true],
      ['vehicleType', 'Double', false],
      ['cruiseSpeed', 'Double', false],
      ['hoverSpeed', 'Double', false],
      ['globalPlanAltitudeMode', 'Double', false],
    ],
    problems,
  );
  if (!ok) return;
  if (m.version !== 2) problems.push(`mission: version ${String(m.version)} is not 2 (stricter: MissionController::save writes 2)`);
  if (!QGC_FIRMWARE_TYPES.includes(m.firmwareType as 0))
    problems.push(`mission: firmwareType ${String(m.firmwareType)} is not one of ${QGC_FIRMWARE_TYPES.join(', ')} (stricter)`);
  if (m.vehicleType !== undefined && !QGC_VEHICLE_TYPES.includes(m.vehicleType as 1))
    problems.push(`mission: vehicleType ${String(m.vehicleType)} is not one of ${QGC_VEHICLE_TYPES.join(', ')} (stricter)`);
  checkCoordinate('mission.plannedHomePosition', m.plannedHomePosition, true, problems, true);
  const items = m.items as Json[];
  const jumpIds: number[] = [];
  items.forEach((it, i) => {
    const where = `mission.items[${i}]`;
    if (!isObj(it)) {
      problems.push(`${where}: Mission item ${i} is not an object`);
      return;
    }
    if (!validateKeys(where, it, [['type', 'String', true]], problems)) return;
    if (it.type === 'SimpleItem') checkSimpleItem(where, it, problems);
    else if (it.type === 'ComplexItem') validateKeys(where, it, [['complexItemType', 'String', true]], problems);
    else problems.push(`${where}: Unknown item type: ${String(it.type)}`);
    if (typeof it.doJumpId === 'number') jumpIds.push(it.doJumpId);
  });
  // stricter: doJumpId 1, 2, 3… in order (unique and increasing), as MissionItem::save writes them
  const simple = items.filter((it) => isObj(it) && it.type === 'SimpleItem') as Obj[];
  simple.forEach((it, i) => {
    if (it.doJumpId !== i + 1)
      problems.push(`mission.items[${i}]: doJumpId ${String(it.doJumpId)}, expected ${i + 1} (unique, increasing from 1)`);
  });
  for (const it of simple) {
    if (it.command === MAV_CMD_DO_JUMP && Array.isArray(it.params) && !jumpIds.includes(it.params[0] as number)) {
      problems.push(`mission: Could not find doJumpId: ${String(it.params[0])}`);
    }
  }
}

function checkGeoFence(f: Obj, problems: string[]): void {
  if (f.version === undefined || f.version === 1) {
    problems.push('geoFence: version missing or 1: QGroundControl ignores the whole fence (stricter: must be 2)');
    return;
  }
  const ok = validateKeys(
    'geoFence',
    f,
    [
      ['version', 'Double', true],
      ['circles', 'Array', true],
      ['polygons', 'Array', true],
      ['breachReturn', 'Array', false],
    ],
    problems,
  );
  if (!ok) return;
  if (f.version !== 2) problems.push(`geoFence: GeoFence supports version 2, found ${String(f.version)}`);
  (f.polygons as Json[]).forEach((p, i) => {
    const where = `geoFence.polygons[${i}]`;
    if (!isObj(p)) {
      problems.push(`${where}: GeoFence polygon not stored as object`);
      return;
    }
    if (
      !validateKeys(
        where,
        p,
        [
          ['version', 'Double', true],
          ['inclusion', 'Bool', true],
        ],
        problems,
      )
    )
      return;
    if (p.version !== 1) problems.push(`${where}: GeoFence Polygon only supports version 1`);
    if (!validateKeys(where, p, [['polygon', 'Array', true]], problems)) return;
    const pts = p.polygon as Json[];
    pts.forEach((c, k) => checkCoordinate(`${where}.polygon[${k}]`, c, false, problems, true));
    if (pts.length < 3) problems.push(`${where}: ${pts.length} vertices, a polygon needs 3 (stricter)`);
    const [a, b] = [pts[0], pts[pts.length - 1]] as number[][];
    if (pts.length > 1 && Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1]) {
      problems.push(`${where}: first vertex repeated at the end (stricter: QGCMapPolygon closes polygons itself)`);
    }
  });
  (f.circles as Json[]).forEach((c, i) => {
    if (!isObj(c)) problems.push(`geoFence.circles[${i}]: GeoFence circle not stored as object`);
  });
  if (f.breachReturn !== undefined) checkCoordinate('geoFence.breachReturn', f.breachReturn, true, problems);
}

function checkRally(r: Obj, problems: string[]): void {
  if (r.version === 1) {
    problems.push('rallyPoints: version 1: QGroundControl ignores the rally points (stricter: must be 2)');
    return;
  }
  if (
    !validateKeys(
      'rallyPoints',
      r,
      [
        ['version', 'Double', true],
        ['points', 'Array', true],
      ],
      problems,
    )
  )
    return;
  if (r.version !== 2) problems.push(`rallyPoints: Rally Points supports version 2, found ${String(r.version)}`);
  (r.points as Json[]).forEach((p, i) => checkCoordinate(`rallyPoints.points[${i}]`, p, true, problems, true));
}

/**
 * Checks a parsed `.plan` file the way QGroundControl's loader does (plus the stricter rules listed
 * in this file's header).
 *
 * @param plan - the result of `JSON.parse` on the file's text
 * @returns the problems found, each naming where and why; empty when QGroundControl would load it
 * @example
 * ```ts
 * expect(validateQgcPlan(JSON.parse(readFileSync('paddy.plan', 'utf8')))).toEqual([]);
 * ```
 */
export function validateQgcPlan(plan: unknown): string[] {
  const problems: string[] = [];
  const root = plan as Json;
  if (!isObj(root)) return ['root: not a JSON object'];
  if (
    !validateKeys(
      'root',
      root,
      [
        ['groundStation', 'String', true],
        ['fileType', 'String', true],
        ['version', 'Double', true],
      ],
      problems,
    )
  )
    return problems;
  if (root.fileType !== 'Plan') problems.push(`root: Incorrect file type key expected:Plan actual:${String(root.fileType)}`);
  const version = Math.trunc(root.version as number);
  if (version < 1) problems.push(`root: File version ${version} is no longer supported`);
  if (version > 1) problems.push(`root: File version ${version} is newer than current supported version 1`);
  if (
    !validateKeys(
      'root',
      root,
      [
        ['mission', 'Object', true],
        ['geoFence', 'Object', true],
        ['rallyPoints', 'Object', true],
      ],
      problems,
    )
  )
    return problems;
  checkMission(root.mission as Obj, problems);
  checkGeoFence(root.geoFence as Obj, problems);
  checkRally(root.rallyPoints as Obj, problems);
  return problems;
}
