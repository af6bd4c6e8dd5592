// What a warm invocation cannot go below on this Node version, whatever the harness does: the work full fidelity
// requires (a JSON round trip of the event and of the result, a context object, the handler's promise and the one
// that carries its outcome) with and without the AsyncLocalStorage scope the harness routes timers and logs by.
// On Node 20 AsyncLocalStorage runs on async hooks: every promise then pays an init hook and a few more properties.
// Run: `node bench/fidelity-floor.mjs` (no build needed). Compare with `node bench/invoke.mjs` in the same minute.
import { AsyncLocalStorage } from 'node:async_hooks';

const handler = async (e) => ({ ok: e.n + 1 });
const N = 200_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function skeleton(scope) {
  let seq = 0;
  return async (event) => {
    const json = JSON.stringify(event);
    const copy = JSON.parse(json);
    const context = {};
    context.awsRequestId = `00000000-0000-4000-8000-${String(seq++).padStart(12, '0')}`;
    context.getRemainingTimeInMillis = () => 3000;
    const call = () => new Promise((resolve, reject) => handler(copy, context).then(resolve, reject));
    const value = await (scope ? scope.run(context, call) : call());
    const rawPayload = JSON.stringify(value);
    return { rawPayload, payload: JSON.parse(rawPayload) };
  };
}

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
await measure('JSON round trips + context + two promises', skeleton(undefined));
await measure('the same inside an AsyncLocalStorage scope', skeleton(new AsyncLocalStorage()));
