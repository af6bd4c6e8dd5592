// Cases per second of the async model-based property suite (5 properties × 1,000 cases, as CI runs it).
// `node bench/property-rate.mjs` from the repository root (uses the sources through vitest; no build needed).
import { spawnSync } from 'node:child_process';

const started = performance.now();
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/async/async.property.test.ts', '--reporter=json'], {
  env: { ...process.env, CI: 'true' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const wall = performance.now() - started;
const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
const tests = report.testResults.flatMap((f) => f.assertionResults);
const testMs = tests.reduce((sum, t) => sum + (t.duration ?? 0), 0);
const cases = tests.length * 1000;
console.log(`# async property suite rate\n\nNode ${process.version}, ${new Date().toISOString()}\n`);
console.log('| properties | cases | time in properties | cases/s | whole vitest run (incl. startup) |\n|---|---|---|---|---|');
console.log(`| ${tests.length} (${tests.filter((t) => t.status === 'passed').length} passed) | ${cases} | ${(testMs / 1000).toFixed(1)} s | ${Math.round(cases / (testMs / 1000))} | ${(wall / 1000).toFixed(1)} s |`);
