// Benchmark (not a test): builds 100,000 SQS events of 10 records from the built package and prints the rate.
// Run after `npm run build` (or `npx tsc -p tsconfig.build.json`):
//   node bench/events-sqs.mjs [--unique-bodies] [--runs 7]
// Prints every run and the median: a 2-core CI box is noisy, and one run says little.
import { events } from '../dist/index.js';

const EVENTS = 100_000;
const unique = process.argv.includes('--unique-bodies');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag === -1 ? 7 : Number(process.argv[runsFlag + 1]);

const bodies = Array.from({ length: 10 }, (_, i) => JSON.stringify({ orderId: i, status: 'created' }));
const records = bodies.map((body) => ({ body }));

function once() {
  const start = performance.now();
  let checksum = 0;
  for (let i = 0; i < EVENTS; i++) {
    const input = unique ? { records: bodies.map((body) => ({ body: `${body}#${i}` })) } : { records };
    checksum += events.sqs(input, { seed: i }).Records.length;
  }
  const ms = performance.now() - start;
  if (checksum !== EVENTS * 10) throw new Error(`expected ${EVENTS * 10} records, built ${checksum}`);
  return ms;
}

once(); // warm-up: JIT and the MD5 memo
const times = [];
for (let r = 0; r < RUNS; r++) {
  const ms = once();
  times.push(ms);
  console.log(`run ${r + 1}: ${ms.toFixed(0)} ms`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `${EVENTS} SQS events x 10 records${unique ? ' (unique bodies)' : ''}: median ${median.toFixed(0)} ms wall, ` +
    `${Math.round((EVENTS / median) * 1000)} events/s (${RUNS} runs, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms)`,
);
