/**
 * MQTT topic layout of the scale path, one subtree per simulation:
 *
 * | topic | payload | QoS | retained |
 * |---|---|---|---|
 * | `<prefix>/<farm>/<field>/<sim>/description` | `{ offer, description }` | 1 | yes |
 * | `<prefix>/<farm>/<field>/<sim>/snapshot` | snapshot body without the description | 1 | yes |
 * | `<prefix>/<farm>/<field>/<sim>/telemetry` | `telemetry` message (10 Hz) | 0 | no |
 * | `<prefix>/<farm>/<field>/<sim>/event` | `event`, `control` or `reset` message | 1 | no |
 * | `<prefix>/<farm>/<field>/<sim>/vehicle/<vehicleId>` | `{ sim, t, ...vehicle }` per telemetry frame | 0 | no |
 *
 * The per-vehicle topics are for other consumers (dashboards, Node-RED, a farm's own logger:
 * `agrisim/+/+/+/vehicle/+` follows every machine); gateways do not subscribe to them.
 *
 * Why these QoS: telemetry is superseded 10 times a second, so a lost frame costs nothing and
 * QoS 0 (no PUBACK, no broker queueing per subscriber) is what lets a broker fan it out
 * cheaply; events (refills, faults, done) and resets must not be lost, so QoS 1; the
 * description and snapshot are retained so a gateway that subscribes late (or restarts) gets
 * the current state at once from the broker, which is what keeps gateways stateless.
 * The description (plan GeoJSON, tens of kB) is apart from the snapshot because it only
 * changes on a reset, while the snapshot is republished every second.
 */

/** Default first topic level. */
export const MQTT_PREFIX = 'agrisim';

/** The kinds of topic under a simulation. */
export type MqttTopicKind = 'description' | 'snapshot' | 'telemetry' | 'event';

/**
 * One topic level from a free name: MQTT wildcards (`+`, `#`), the separator `/`, `$` at the
 * start and control characters become `_`; empty becomes `_`. Vietnamese letters are kept
 * (topics are UTF-8).
 * @example
 * ```ts
 * topicLevel('Ô 1–4/5'); // 'Ô 1–4_5'
 * ```
 */
export function topicLevel(name: string): string {
  // eslint-disable-next-line no-control-regex
  const level = name.replace(/[+#/\u0000-\u001f\u007f]/g, '_').replace(/^\$/, '_');
  return level.length ? level : '_';
}

/** Where one simulation publishes. */
export interface SimTopicPath {
  prefix?: string;
  farm: string;
  field: string;
  sim: string;
}

/** The topic of one kind for one simulation. */
export function simTopic(p: SimTopicPath, kind: MqttTopicKind): string {
  return [p.prefix ?? MQTT_PREFIX, topicLevel(p.farm), topicLevel(p.field), topicLevel(p.sim), kind].join('/');
}

/** The subscription filter of one kind for every simulation (of one farm, when given). */
export function simFilter(kind: MqttTopicKind, opts: { prefix?: string; farm?: string } = {}): string {
  return [opts.prefix ?? MQTT_PREFIX, opts.farm !== undefined ? topicLevel(opts.farm) : '+', '+', '+', kind].join('/');
}

/** The per-vehicle topic of one machine of a simulation. */
export function vehicleTopic(p: SimTopicPath, vehicleId: string): string {
  return [p.prefix ?? MQTT_PREFIX, topicLevel(p.farm), topicLevel(p.field), topicLevel(p.sim), 'vehicle', topicLevel(vehicleId)].join('/');
}

/** Splits a simulation topic into its parts; undefined when it is not one (per-vehicle topics included). */
export function parseSimTopic(topic: string): (SimTopicPath & { kind: MqttTopicKind }) | undefined {
  const parts = topic.split('/');
  if (parts.length !== 5) return undefined;
  const [prefix, farm, field, sim, kind] = parts;
  if (kind !== 'description' && kind !== 'snapshot' && kind !== 'telemetry' && kind !== 'event') return undefined;
  return { prefix, farm, field, sim, kind };
}
