// 10,000 asynchronous events that fail all 3 attempts into a dead-letter queue: wall time and events/s.
// `npm run build && node bench/async.mjs` (target: under 1 s on these 2-core machines).
import { createFunction, createQueue } from '../dist/index.js';

const EVENTS = Number(process.env.EVENTS ?? 10_000);
const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round() {
  const dlq = createQueue('bench-dlq');
  const fn = createFunction({
    name: 'always-fails',
    historyLimit: 100,
    handler: async () => {
      throw new Error('always');
    },
    deadLetterQueue: dlq,
  });
  const t = performance.now();
  for (let i = 0; i < EVENTS; i++) await fn.invokeAsync({ i });
  const summary = await fn.drain();
  const wall = performance.now() - t;
  if (dlq.messages.length !== EVENTS || summary.attempts !== 3 * EVENTS) throw new Error(`unexpected: ${JSON.stringify(summary)}`);
  await fn.dispose();
  return { wall, virtualMs: summary.virtualMs };
}

await round(); // warm-up
const rounds = [];
for (let r = 0; r < ROUNDS; r++) rounds.push(await round());
const walls = rounds.map((r) => r.wall);
const m = median(walls);
console.log(`# async benchmark\n\nNode ${process.version}, ${EVENTS} events × 3 attempts → DLQ, ${ROUNDS} rounds, ${new Date().toISOString()}\n`);
console.log('| median wall ms | min–max | events/s | attempts/s | virtual time covered |\n|---|---|---|---|---|');
console.log(
  `| ${m.toFixed(0)} | ${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)} | ${Math.round(EVENTS / (m / 1000))} | ${Math.round((3 * EVENTS) / (m / 1000))} | ${rounds[0].virtualMs / 1000} s |`,
);
