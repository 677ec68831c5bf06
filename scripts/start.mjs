// `npm start`: build what is missing or stale, then `passend serve` (migrate, demo data on first run, serve).
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return max;
}

const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const serverSources = Math.max(newest('src/server'), newest('src/cli'), newest('src/shared'));
const webSources = Math.max(existsSync('src/web') ? newest('src/web') : 0, newest('src/shared'));
if (built('dist/cli/passend.js') < serverSources) {
  console.log('Server bouwen…');
  execSync('npm run build:server', { stdio: 'inherit' });
}
if (built('dist/web/index.html') < webSources) {
  console.log('Webapp bouwen…');
  execSync('npm run build:web', { stdio: 'inherit' });
}
const child = spawn(process.execPath, ['bin/passend.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
