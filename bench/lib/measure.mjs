// Measurement helpers shared by the case script of `npm run bench` (bench/cases.mjs) and the runner (bench/run.mjs).
// Same approach as the single-purpose scripts next to this folder (invoke.mjs, environments.mjs, async.mjs): warm up,
// time rounds of back-to-back awaited calls with a monotonic clock, report medians and min–max.

/** Median of a list of numbers (upper median for even lengths, as the other bench scripts do). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `{ median, min, max, n }` of a list of samples. */
export const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

const now = () => process.hrtime.bigint();
const elapsedNs = (t) => Number(now() - t);

/**
 * µs per awaited call, in `rounds` rounds. The number of calls per round is calibrated so that one round lasts about
 * `roundMs`: per-call costs here span three orders of magnitude (a bare call to a peer that touches the file system
 * per call), and a fixed count would either be lost in timer noise or take minutes.
 */
export async function perCall(call, { rounds = 5, roundMs = 200, warmupMs = 300 } = {}) {
  // Warm-up doubles as calibration: JIT the call path, then estimate its cost.
  let calls = 0;
  let t = now();
  while (elapsedNs(t) < warmupMs * 1e6) {
    for (let i = 0; i < 100; i++) await call(calls++);
  }
  const probe = Math.max(100, Math.ceil(calls / 4));
  t = now();
  for (let i = 0; i < probe; i++) await call(i);
  const nsPerCall = elapsedNs(t) / probe;
  const n = Math.max(100, Math.round((roundMs * 1e6) / nsPerCall));
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    t = now();
    for (let i = 0; i < n; i++) await call(i);
    samples.push(elapsedNs(t) / n / 1000);
  }
  return { samples, callsPerRound: n, totalCalls: calls + probe + rounds * n };
}

/**
 * Timers and immediates still pending in this process: what a test runner would see as open handles after the test.
 * The IPC channel to the parent and stdio are not counted.
 */
export function pendingTimers() {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate').length;
}

/**
 * A real-time delay. Its timer is kept referenced on purpose: when it caps the wait for a handler that never settles,
 * it is what keeps the process alive until the cap.
 */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak resident set size of this process so far, in MB (`maxRSS` is in kilobytes). */
export const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

/** Current resident set size, in MB. */
export const rssMB = () => process.memoryUsage().rss / 1024 / 1024;
