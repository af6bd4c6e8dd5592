// 10,000 asynchronous events that fail all 3 attempts into a dead-letter queue: wall time and events/s.
// `npm run build && node bench/async.mjs` (target: under 1 s on these 2-core machines).
import { dlqRound } from './lib/workloads.mjs';

const EVENTS = Number(process.env.EVENTS ?? 10_000);
const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const round = () => dlqRound(EVENTS);

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
