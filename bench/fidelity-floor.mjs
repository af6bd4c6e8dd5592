// What a warm invocation cannot go below on this Node version, whatever the harness does (bench/lib/skeleton.mjs):
// JSON round trips, a context and three promises, with and without the AsyncLocalStorage scope the harness routes
// timers and logs by. Run: `node bench/fidelity-floor.mjs` (no build needed); compare with `node bench/invoke.mjs`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { fidelitySkeleton } from './lib/skeleton.mjs';

const handler = async (e) => ({ ok: e.n + 1 });
const N = 200_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label, invoke) {
  for (let i = 0; i < N / 2; i++) await invoke({ n: i });
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await invoke({ n: i });
    rounds.push(Number(process.hrtime.bigint() - t) / N / 1000);
  }
  console.log(`| ${label} | ${median(rounds).toFixed(2)} |`);
}

console.log(`Node ${process.version}\n\n| skeleton of a warm invocation | median µs |\n|---|---|`);
// Without a scope first: once an AsyncLocalStorage has run, its hooks stay on for the rest of the process.
await measure('JSON round trips + context + three promises', fidelitySkeleton(handler, undefined));
await measure('the same inside an AsyncLocalStorage scope', fidelitySkeleton(handler, new AsyncLocalStorage()));
