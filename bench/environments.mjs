// Cold start and warm invoke cost per isolation mode, against a plain dynamic import of the same handler file.
// `npm run build && node bench/environments.mjs` (targets: worker cold start < 30 ms; module cold start within 2x of a
// plain dynamic import).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFunction } from '../dist/index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lh-bench-'));
writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
writeFileSync(path.join(dir, 'app.js'), 'let n = 0;\nexport const handler = async (e) => ({ ok: e.n + 1, n: ++n });\n');
const ROUNDS = 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Real idle time before each measured cold start (and before each plain import, so both start equally cold). */
const PAUSE_MS = 100;
const pause = () => new Promise((r) => setTimeout(r, PAUSE_MS));

async function plainImport() {
  const walls = [];
  for (let i = 0; i < ROUNDS; i++) {
    await pause();
    const t = performance.now();
    const m = await import(`${pathToFileURL(path.join(dir, 'app.js')).href}?plain=${i}`);
    await m.handler({ n: 1 });
    walls.push(performance.now() - t);
  }
  return stats(walls);
}

async function coldStart(isolation) {
  // Cold starts of one function, as its environments expire: 20 idle minutes between invocations.
  const fn = createFunction({ handler: 'app.handler', root: dir, isolation, historyLimit: 0 });
  const walls = [];
  for (let i = 0; i < ROUNDS + 1; i++) {
    await fn.clock.advance('20m');
    await pause(); // background work (a spare worker's boot) finishes between requests
    const t = performance.now();
    const r = await fn.invoke({ n: 1 });
    const wall = performance.now() - t;
    if (!r.coldStart || !r.ok) throw new Error('expected a successful cold start');
    if (i > 0) walls.push(wall); // the first round pays one-off module loading of the harness itself
  }
  await fn.dispose();
  return stats(walls);
}

async function warm(isolation, n) {
  const fn = createFunction({ handler: 'app.handler', root: dir, isolation, historyLimit: 100 });
  await fn.invoke({ n: 0 });
  for (let i = 0; i < n / 10; i++) await fn.invoke({ n: i });
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn.invoke({ n: i });
    rounds.push(((performance.now() - t) * 1000) / n);
  }
  await fn.dispose();
  return stats(rounds);
}

const plain = await plainImport();
const moduleCold = await coldStart('module');
const workerCold = await coldStart('worker');
const moduleWarm = await warm('module', 20_000);
const workerWarm = await warm('worker', 2_000);
const f = (x) => x.toFixed(2);
console.log(`# environments benchmark\n\nNode ${process.version}, ${new Date().toISOString()}\n`);
console.log('| case | median | min–max |\n|---|---|---|');
console.log(`| plain dynamic import + first call (ms) | ${f(plain.median)} | ${f(plain.min)}–${f(plain.max)} |`);
console.log(`| module isolation cold start (ms) | ${f(moduleCold.median)} | ${f(moduleCold.min)}–${f(moduleCold.max)} |`);
console.log(`| worker isolation cold start (ms) | ${f(workerCold.median)} | ${f(workerCold.min)}–${f(workerCold.max)} |`);
console.log(`| module isolation warm invoke (µs) | ${f(moduleWarm.median)} | ${f(moduleWarm.min)}–${f(moduleWarm.max)} |`);
console.log(`| worker isolation warm invoke (µs) | ${f(workerWarm.median)} | ${f(workerWarm.min)}–${f(workerWarm.max)} |`);
console.log(`\nmodule cold start / plain import: **${f(moduleCold.median / plain.median)}x**`);
