#!/usr/bin/env node
// The installed `agrisim` command: runs the built CLI (dist/) in this very process, so a
// signal sent to this PID reaches the server itself (no child left running on its own).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('agrisim: the package is not built (dist/cli/main.js is missing); run `npm run build` in the package folder.\n');
  process.exit(70);
}
await import(main.href);
