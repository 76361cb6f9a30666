/**
 * QGroundControl `.plan` file: its shape and the MAVLink numbers it uses. The schema follows QGroundControl's own loader
 * (mavlink/qgroundcontrol, src/MissionManager): PlanMasterController::loadFromFile (fileType
 * "Plan", version 1, groundStation, mission/geoFence/rallyPoints objects), MissionController::
 * _loadJsonMissionFileV2 (plannedHomePosition [lat, lon, alt], items, firmwareType, vehicleType,
 * cruiseSpeed, hoverSpeed), MissionItem::load (type "SimpleItem", frame, command, autoContinue,
 * doJumpId, params: 7 values, the first four number or null), GeoFenceController::load (version 2,
 * polygons, circles) with QGCFencePolygon (version 1, inclusion, fenceAction, polygon [[lat, lon]]),
 * RallyPointController::load (version 2, points [[lat, lon, alt]]).
 * Command numbers and parameters: MAVLink common.xml (MAV_CMD, MAV_FRAME, MAV_AUTOPILOT, MAV_TYPE).
 */

/** MAVLink MAV_CMD numbers used here (common.xml). */
export const MAV_CMD = {
  NAV_WAYPOINT: 16,
  NAV_RETURN_TO_LAUNCH: 20,
  NAV_LAND: 21,
  NAV_TAKEOFF: 22,
  DO_CHANGE_SPEED: 178,
  DO_SET_RELAY: 181,
  DO_SET_SERVO: 183,
  DO_SET_REVERSE: 194,
  DO_SPRAYER: 216,
} as const;

/** MAV_FRAME_MISSION (2) for commands without a position; MAV_FRAME_GLOBAL_RELATIVE_ALT (3) for waypoints. */
export const MAV_FRAME = { MISSION: 2, GLOBAL_RELATIVE_ALT: 3 } as const;

/** One QGroundControl SimpleItem. */
export interface QgcSimpleItem {
  type: 'SimpleItem';
  /** Go on to the next item when this one is done (always true here). */
  autoContinue: boolean;
  /** MAVLink MAV_CMD number (common.xml). */
  command: number;
  /** 1-based item number, the target of DO_JUMP. */
  doJumpId: number;
  /** MAVLink MAV_FRAME of the position params (common.xml). */
  frame: number;
  /** The command's 7 params; for a position, params 5–7 are latitude, longitude and altitude, m. */
  params: (number | null)[];
}

/** A QGroundControl `.plan` file. */
export interface QgcPlanFile {
  fileType: 'Plan';
  version: 1;
  groundStation: 'QGroundControl';
  mission: {
    version: 2;
    firmwareType: number;
    vehicleType: number;
    cruiseSpeed: number;
    hoverSpeed: number;
    plannedHomePosition: [number, number, number];
    items: QgcSimpleItem[];
  };
  geoFence: {
    version: 2;
    polygons: { version: 1; inclusion: boolean; fenceAction: number; polygon: [number, number][] }[];
    circles: never[];
  };
  rallyPoints: { version: 2; points: [number, number, number][] };
}
