// Vitest global setup. Worker isolation, the CLI and the time-zone probe run the built package (a worker thread cannot
// load TypeScript), so a `npx vitest run` after editing src/ without `npm run build` would test the old build and pass
// or fail for the wrong reason. `npm test` builds first; this catches every other way of starting the tests. (Watch
// mode checks once, at start.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of the files under `dir` (ms). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function buildIfStale(): void {
  // The build empties dist/ and writes every file, so any one of them dates it.
  const built = path.join(root, 'dist', 'index.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (newestUnder(path.join(root, 'src')) <= builtAt) return;
  console.log('dist/ is missing or older than src/: building it first (worker isolation and the CLI tests run the build).');
  try {
    // Through a shell on Windows, where npm is a .cmd script Node no longer spawns directly.
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  } catch {
    // A type error in src/: tsc reports it above and still writes dist/; the type checker and the tests will say more.
    if (!fs.existsSync(built)) throw new Error('npm run build failed and there is no dist/ to test: fix the errors above.');
    console.warn('npm run build reported errors (above); testing the dist/ it wrote.');
  }
}
