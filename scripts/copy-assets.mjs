// Copies non-TypeScript server assets (SQL migrations) next to the compiled code.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/server/db/migrations', { recursive: true });
cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });
