// A/B of the warm invoke cost of two builds of lambda-harness, in alternating child processes (these machines are
// noisy: alternating spreads the noise over both). Build the baseline somewhere first, e.g.
//   git worktree add /tmp/base <rev> && (cd /tmp/base && npm ci && npm run build)
//   npm run build && node bench/ab.mjs /tmp/base/dist dist
// Prints, per build, the fastest and the median round of each process (µs per call).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <dist of build A> <dist of build B> (PROCESSES=5 CALLS=100000)');
  process.exit(2);
}
const PROCESSES = Number(process.env.PROCESSES ?? 5);
const CALLS = Number(process.env.CALLS ?? 100_000);

const script = (dist) => `
const { createFunction } = await import(${JSON.stringify(pathToFileURL(path.resolve(dist, 'index.js')).href)});
const fn = createFunction({ handler: async (e) => ({ ok: e.n + 1 }) });
for (let i = 0; i < ${CALLS}; i++) await fn.invoke({ n: i });
const rounds = [];
for (let r = 0; r < 7; r++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < ${CALLS}; i++) await fn.invoke({ n: i });
  rounds.push(Number(process.hrtime.bigint() - t) / ${CALLS} / 1000);
}
rounds.sort((x, y) => x - y);
console.log(JSON.stringify([rounds[0], rounds[3]]));
await fn.dispose();`;

const results = { A: [], B: [] };
for (let i = 0; i < PROCESSES; i++) {
  for (const [label, dist] of [['A', a], ['B', b]]) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script(dist)], { encoding: 'utf8' });
    results[label].push(JSON.parse(out.trim().split('\n').pop()));
  }
}
const fmt = (xs) => xs.map((x) => x.toFixed(2)).sort().join(' ');
for (const [label, dist] of [['A', a], ['B', b]]) {
  const rounds = results[label];
  console.log(`${label} (${dist}): fastest round ${fmt(rounds.map((r) => r[0]))} | median round ${fmt(rounds.map((r) => r[1]))} µs per call`);
}
