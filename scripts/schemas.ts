/**
 * Writes the JSON Schemas of agrisim's file formats into docs/schemas/ for users' editors, from
 * the one valibot schema of each format (`npm run schemas`). tests/scenario/schema-file.test.ts
 * fails when a committed file differs from what this writes.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { ScenarioSchema } from '../src/scenario/schema.js';
import { AssumptionsFileSchema } from '../src/economics/index.js';
import { BlockFeatureCollectionSchema, BlockScenarioSchema } from '../src/block/index.js';
import { ClientMessageSchema, ServerMessageSchema } from '../src/telemetry/index.js';

/** Each file format: its schema file name, title and valibot schema. */
export const FILE_SCHEMAS: { file: string; title: string; schema: GenericSchema }[] = [
  { file: 'scenario.schema.json', title: 'agrisim scenario (sims/*.json)', schema: ScenarioSchema },
  { file: 'assumptions.schema.json', title: 'agrisim savings --assumptions file', schema: AssumptionsFileSchema },
  { file: 'block.schema.json', title: 'agrisim block input (GeoJSON FeatureCollection)', schema: BlockFeatureCollectionSchema },
  { file: 'block-scenario.schema.json', title: 'agrisim block scenario (sims/*.json with "block")', schema: BlockScenarioSchema },
  {
    file: 'telemetry-client.schema.json',
    title: 'agrisim/1 telemetry: a client message (subscribe, unsubscribe, control)',
    schema: ClientMessageSchema,
  },
  {
    file: 'telemetry-server.schema.json',
    title: 'agrisim/1 telemetry: a server message (hello, snapshot, telemetry, event, error, control)',
    schema: ServerMessageSchema,
  },
];

/** The JSON Schema text of one format, as committed. */
export function jsonSchemaText(entry: (typeof FILE_SCHEMAS)[number]): string {
  const json = { ...toJsonSchema(entry.schema, { errorMode: 'ignore' }), title: entry.title };
  return JSON.stringify(json, null, 2) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  mkdirSync('docs/schemas', { recursive: true });
  for (const entry of FILE_SCHEMAS) {
    writeFileSync(`docs/schemas/${entry.file}`, jsonSchemaText(entry));
    console.log(`docs/schemas/${entry.file}`);
  }
}
