// Benchmark (not a test): builds 100,000 SQS events of 10 records from the built package and prints the rate.
// Run after `npm run build`: node bench/events-sqs.mjs
import { events } from '../dist/index.js';

const EVENTS = 100_000;
const bodies = Array.from({ length: 10 }, (_, i) => JSON.stringify({ orderId: i, status: 'created' }));
const records = bodies.map((body) => ({ body }));
const unique = process.argv.includes('--unique-bodies');

events.sqs({ records }, { seed: 0 }); // warm-up: JIT and MD5 memo
const start = performance.now();
let checksum = 0;
for (let i = 0; i < EVENTS; i++) {
  const input = unique ? { records: bodies.map((body) => ({ body: `${body}#${i}` })) } : { records };
  checksum += events.sqs(input, { seed: i }).Records.length;
}
const ms = performance.now() - start;
console.log(
  `${EVENTS} SQS events x 10 records${unique ? ' (unique bodies)' : ''}: ${ms.toFixed(0)} ms, ` +
    `${Math.round((EVENTS / ms) * 1000)} events/s (${checksum} records)`,
);
