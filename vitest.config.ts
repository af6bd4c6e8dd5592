import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // Examples import the package by name, as their authors would; here the names resolve to the sources (tsconfig's
  // `paths` does the same for the type checker), so examples run without a build.
  resolve: {
    alias: [
      { find: /^lambda-harness$/, replacement: src('index.ts') },
      { find: /^lambda-harness\/(vitest|msw|fast-check)$/, replacement: src('$1/index.ts') },
      { find: /^lambda-harness\/matchers$/, replacement: src('vitest/matchers.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.{ts,mts}'],
    globalSetup: ['test/build-if-stale.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
