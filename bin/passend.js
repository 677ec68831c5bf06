#!/usr/bin/env node
// Entry point of the `passend` command: runs the compiled CLI (npm run build:server makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/passend.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('Passend is nog niet gebouwd. Voer eerst `npm run build` uit.');
  process.exit(1);
}
await import(compiled);
