// Worker entry for planFieldsParallel. Worker threads start without the parent's TypeScript
// loader (vitest transforms in-process; `npx tsx` hooks only its own thread), so this plain
// ESM file registers tsx in the worker thread and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
