// Warm invoke cost of lambda-harness against a direct handler call, and the wall time to report timeouts.
// Ratios are measured in one run (these machines are shared and noisy): `npm run build && node bench/invoke.mjs`.
import { createContext, createFunction } from '../dist/index.js';

const handler = async (e) => ({ ok: e.n + 1 });
const N = Number(process.env.N ?? 200_000);
const ROUNDS = 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function perCall(label, fn) {
  for (let i = 0; i < N / 10; i++) await fn(i); // warm up (JIT)
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await fn(i);
    rounds.push(Number(process.hrtime.bigint() - t) / N / 1000);
  }
  return { label, median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds) };
}

const context = createContext();
const direct = await perCall('direct await handler(event, context)', (i) => handler({ n: i }, context));
const fn = createFunction({ handler, historyLimit: Number(process.env.HISTORY ?? 1000) });
const harness = await perCall('lambda-harness warm invoke (module isolation)', (i) => fn.invoke({ n: i }));
await fn.dispose();

async function timeoutWall(timeout, label, h) {
  const f = createFunction({ handler: h, timeout });
  await f.invoke({}); // cold start and JIT out of the way
  const walls = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const res = await f.invoke({});
    walls.push(performance.now() - t);
    if (res.outcome !== 'timeout') throw new Error(`expected a timeout, got ${res.outcome}`);
  }
  await f.dispose();
  return { label, median: median(walls), min: Math.min(...walls), max: Math.max(...walls) };
}
const never = async () => new Promise((r) => setTimeout(r, 24 * 3_600_000));
const heartbeat = async () => {
  setInterval(() => {}, 1000);
  await new Promise(() => {});
};
const timeouts = [
  await timeoutWall(3, 'never settles (one long timer), 3 s timeout', never),
  await timeoutWall(900, 'never settles (one long timer), 900 s timeout', never),
  await timeoutWall(900, 'never settles, 1 s heartbeat interval (900 timer firings), 900 s timeout', heartbeat),
];

const fmt = (x) => x.toFixed(2);
console.log(`# lambda-harness invoke benchmark\n\nNode ${process.version}, ${N} calls per round, ${ROUNDS} rounds, ${new Date().toISOString()}\n`);
console.log('| case | median µs/call | min–max |\n|---|---|---|');
for (const r of [direct, harness]) console.log(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} |`);
console.log(`\nharness / direct (median): **${fmt(harness.median / direct.median)}x**\n`);
console.log('| timeout case | median wall ms | min–max |\n|---|---|---|');
for (const r of timeouts) console.log(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} |`);
