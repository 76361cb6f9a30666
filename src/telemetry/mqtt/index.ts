/**
 * The province-scale path: simulators publish to an MQTT broker (Mosquitto, EMQX…), and
 * stateless WebSocket gateways subscribe and serve viewers with the agrisim/1 protocol.
 * Topic layout and QoS: see topics.ts.
 */
export { MQTT_PREFIX, topicLevel, simTopic, vehicleTopic, simFilter, parseSimTopic } from './topics.js';
export type { MqttTopicKind, SimTopicPath } from './topics.js';
export { connectMqtt, checkMqttUrl } from './connect.js';
export type { ConnectMqttOptions } from './connect.js';
export { publishFeedsToMqtt, fieldLevelOf } from './publisher.js';
export type { MqttPublisher, MqttPublisherOptions } from './publisher.js';
export { createMqttFeed, joinCoverage } from './mqtt-feed.js';
export type { MqttFeed } from './mqtt-feed.js';
export { startMqttGateway } from './gateway.js';
export type { MqttGateway, MqttGatewayOptions } from './gateway.js';
export type { MqttDescription, MqttSnapshot, MqttReset, MqttUpdate } from './wire.js';
