import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the matchers under Jest', () => {
  it('pass and fail through Jest’s own expect.extend, loaded from the built package', () => {
    expect(existsSync(path.join(repo, 'dist/vitest/matchers.js')), 'build first: npx tsc -p tsconfig.build.json').toBe(true);
    // Jest loads an ES module only in its ESM mode on Node 20/22 (require(esm) needs Node >= 24.9 under Jest).
    const run = spawnSync(
      process.execPath,
      ['--experimental-vm-modules', '--no-warnings', path.join(repo, 'node_modules/jest/bin/jest.js'), '--ci', '--rootDir', 'test/vitest/jest', '--testMatch', '**/*.jest.mjs'],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
    );
    // Jest reports on stderr.
    expect(run.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(run.status).toBe(0);
  }, 60_000);
});
