// One benchmark case of `npm run bench`, run by bench/run.mjs in a child process of its own so that one case's JIT
// state, heap, leaked timers and patched globals cannot colour the next: `node bench/cases.mjs <case>`.
// The result goes back to the parent over IPC (or to stdout as JSON when run by hand), then the process exits on
// purpose: several peers leave timers or intervals behind that would otherwise keep it alive.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, createFunction } from '../dist/index.js';
import { fidelitySkeleton, schedulerSkeleton } from './lib/skeleton.mjs';
import { dlqRound } from './lib/workloads.mjs';
import { peakRssMB, pendingTimers, perCall, rssMB, sleep, stats } from './lib/measure.mjs';

// The trivial handler every case runs, and two that never settle within any function timeout. A bare
// `new Promise(() => {})` is not one of them: with nothing left on the event loop, Lambda's Node.js runtime ends the
// invocation with a null response (its beforeExit listener), and lambda-harness does the same. So the first keeps one
// long timer pending, as bench/invoke.mjs does; the second keeps a 1 s interval pending, as a heartbeat or an SDK
// keep-alive would (900 firings before a 900 s timeout on a virtual clock).
const handler = async (e) => ({ ok: e.n + 1 });
const never = () => new Promise((resolve) => setTimeout(resolve, 24 * 3_600_000));
const interval = () => {
  setInterval(() => {}, 1000);
  return new Promise(() => {});
};
const HANDLER_SOURCE = `export const handler = async (e) => ({ ok: e.n + 1 });
export const never = () => new Promise((resolve) => setTimeout(resolve, 24 * 3_600_000));
export const interval = () => {
  setInterval(() => {}, 1000);
  return new Promise(() => {});
};
`;
const neverSettling = { never, interval };

/** Wait for peers that never report a timeout: a real wall-clock cap. */
export const PEER_CAP_MS = 10_000;
const TIMEOUT_ROUNDS = 7;
/** Further rounds in the same process, once the scheduler's code is compiled: reported apart, for the heartbeat. */
const LATER_ROUNDS = 20;

// Worker isolation moves the handler into a thread, so it needs a file: the same source as the functions above.
function handlerDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lh-bench-'));
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(dir, 'app.js'), HANDLER_SOURCE);
  return dir;
}

// Peers resolve from bench/node_modules (their own package), never from the project's dependencies.
const requirePeer = createRequire(new URL('./package.json', import.meta.url));

/**
 * Each subject knows how to make a warm caller of the trivial handler, and how to ask for one invocation of a handler
 * that never settles with a given function timeout (the promise settles when the tool reports the timeout).
 */
const subjects = {
  floor: {
    warm: async () => {
      const context = createContext();
      return { call: (i) => handler({ n: i }, context), dispose: async () => {} };
    },
    timeout: async (h) => {
      const context = createContext();
      return { invoke: () => h({}, context), dispose: async () => {} };
    },
  },
  // Not a tool: the least any faithful harness does per invocation (bench/lib/skeleton.mjs), for scale.
  'fidelity-floor': {
    warm: async () => {
      const call = fidelitySkeleton(handler, new AsyncLocalStorage());
      return { call: (i) => call({ n: i }), dispose: async () => {}, check: (r) => r.payload };
    },
  },
  // Not a tool either: the least any scheduler pays to hand over the firings of the 1 s interval before the timeout
  // (one per second of the function timeout), measured like lambda-harness.
  'scheduler-floor': {
    timeout: async (h, seconds) => {
      if (h !== interval) throw new Error('the scheduler floor is measured for the 1 s interval only');
      const skeleton = schedulerSkeleton(new AsyncLocalStorage());
      return { invoke: () => skeleton.turns(seconds), dispose: async () => skeleton.dispose(), isTimeout: () => true };
    },
  },
  'harness-module': {
    warm: async () => {
      const fn = createFunction({ handler });
      return { call: (i) => fn.invoke({ n: i }), dispose: () => fn.dispose(), check: (r) => r.payload };
    },
    timeout: async (h, seconds) => {
      const fn = createFunction({ handler: h, timeout: seconds });
      return { invoke: () => fn.invoke({}), dispose: () => fn.dispose(), isTimeout: (r) => r.outcome === 'timeout' };
    },
  },
  // The same, keeping no invocation history: what a hot property test can opt into (see `historyLimit`).
  'harness-module-h0': {
    warm: async () => {
      const fn = createFunction({ handler, historyLimit: 0 });
      return { call: (i) => fn.invoke({ n: i }), dispose: () => fn.dispose(), check: (r) => r.payload };
    },
  },
  'harness-worker': {
    warm: async () => {
      const fn = createFunction({ handler: 'app.handler', root: handlerDir(), isolation: 'worker' });
      return { call: (i) => fn.invoke({ n: i }), dispose: () => fn.dispose(), check: (r) => r.payload };
    },
    timeout: async (h, seconds) => {
      const fn = createFunction({ handler: `app.${h.name}`, root: handlerDir(), isolation: 'worker', timeout: seconds });
      return { invoke: () => fn.invoke({}), dispose: () => fn.dispose(), isTimeout: (r) => r.outcome === 'timeout' };
    },
  },
  'lambda-local': {
    // verboseLevel 0 is what a test suite would pick: no winston lines per call (it mutes the console instead).
    warm: async () => {
      const lambdaLocal = requirePeer('lambda-local');
      const lambdaFunc = { handler };
      return {
        call: (i) => lambdaLocal.execute({ event: { n: i }, lambdaFunc, timeoutMs: 3000, verboseLevel: 0 }),
        dispose: async () => {},
      };
    },
    timeout: async (h, seconds) => {
      const lambdaLocal = requirePeer('lambda-local');
      const lambdaFunc = { handler: h };
      return {
        invoke: () => lambdaLocal.execute({ event: {}, lambdaFunc, timeoutMs: seconds * 1000, verboseLevel: 0 }),
        dispose: async () => {},
      };
    },
  },
  'lambda-tester': {
    warm: async () => {
      const LambdaTester = requirePeer('lambda-tester');
      return { call: (i) => LambdaTester(handler).event({ n: i }).expectResult(), dispose: async () => {} };
    },
    timeout: async (h, seconds) => {
      const LambdaTester = requirePeer('lambda-tester');
      return { invoke: () => LambdaTester(h).timeout(seconds).event({}).expectResult(), dispose: async () => {} };
    },
  },
  'mock-context': {
    // aws-lambda-mock-context builds the context; the handler is then called directly, as its users do.
    warm: async () => {
      const context = requirePeer('aws-lambda-mock-context');
      return { call: (i) => handler({ n: i }, context()), dispose: async () => {} };
    },
    // Its timeout is only visible on ctx.Promise, so a user races the handler against it.
    timeout: async (h, seconds) => {
      const context = requirePeer('aws-lambda-mock-context');
      return {
        invoke: () => {
          const ctx = context({ timeout: seconds });
          return Promise.race([h({}, ctx), ctx.Promise]);
        },
        dispose: async () => {},
      };
    },
  },
  'lambda-wrapper': {
    warm: async () => {
      const wrapped = requirePeer('lambda-wrapper').wrap({ handler });
      return { call: (i) => wrapped.run({ n: i }), dispose: async () => {} };
    },
    timeout: async (h) => {
      const wrapped = requirePeer('lambda-wrapper').wrap({ handler: h });
      return { invoke: () => wrapped.run({}), dispose: async () => {} };
    },
  },
};

// aws-lambda-mock-context arms a timer per context that later rejects ctx.Promise, which nobody awaits when the
// handler is called directly; counted and reported rather than allowed to crash the case.
let unhandledRejections = 0;
process.on('unhandledRejection', () => {
  unhandledRejections++;
});

/** Warm invocations: timers left pending by 1,000 calls, then µs per call in calibrated rounds, then peak RSS. */
async function warmCase(name) {
  const subject = subjects[name];
  const before = pendingTimers();
  // A fresh caller for the leak count, so that every subject is judged on the same number of calls.
  const leakProbe = await subject.warm();
  const first = await leakProbe.call(41);
  const payload = leakProbe.check ? leakProbe.check(first) : first;
  if (JSON.stringify(payload) !== '{"ok":42}') throw new Error(`${name} returned ${JSON.stringify(first)}`);
  for (let i = 1; i < 1000; i++) await leakProbe.call(i);
  await leakProbe.dispose();
  await new Promise((r) => setImmediate(r)); // immediates queued by the last call have run
  const timersPer1000Calls = pendingTimers() - before;

  const caller = await subject.warm();
  const timing = await perCall(caller.call);
  await caller.dispose();
  return { timersPer1000Calls, ...timing, peakRssMB: peakRssMB(), unhandledRejections };
}

/**
 * Wall time until the tool reports a timeout of a never-settling handler. lambda-harness: several rounds after the
 * function's cold start (reported separately). Peers: one attempt, capped at PEER_CAP_MS of real time, since they
 * wait the real timeout or never report at all.
 */
async function timeoutCase(name, kind, seconds) {
  const subject = subjects[name];
  const h = neverSettling[kind];
  const setup = await subject.timeout(h, seconds);
  // Measured in rounds like lambda-harness: the harness and the floor it is compared with.
  const harness = name.startsWith('harness-') || name === 'scheduler-floor';
  const attempt = async () => {
    const t = performance.now();
    let outcome;
    const report = Promise.resolve()
      .then(setup.invoke)
      .then(
        (r) => (outcome = setup.isTimeout ? (setup.isTimeout(r) ? 'timeout' : `unexpected ${r.outcome}`) : 'returned'),
        () => (outcome = 'rejected'),
      );
    await Promise.race([report, sleep(PEER_CAP_MS)]);
    return { wallMs: performance.now() - t, outcome: outcome ?? 'did not report' };
  };
  if (!harness) {
    const a = await attempt();
    return { attempts: [a], reported: a.outcome !== 'did not report', capMs: PEER_CAP_MS, unhandledRejections };
  }
  const cold = await attempt();
  const attempts = [];
  for (let r = 0; r < TIMEOUT_ROUNDS; r++) attempts.push(await attempt());
  const later = [];
  if (kind === 'interval') for (let r = 0; r < LATER_ROUNDS; r++) later.push(await attempt());
  await setup.dispose();
  const bad = [cold, ...attempts, ...later].find((a) => a.outcome !== 'timeout');
  if (bad) throw new Error(`${name}: expected a timeout, got ${bad.outcome}`);
  return {
    coldWallMs: cold.wallMs,
    samples: attempts.map((a) => a.wallMs),
    laterSamples: later.map((a) => a.wallMs),
    reported: true,
    unhandledRejections,
  };
}

/** 10,000 asynchronous events that fail all 3 attempts into a DLQ, as bench/async.mjs, with default options. */
async function asyncDlqCase() {
  const EVENTS = 10_000;
  const round = async () => (await dlqRound(EVENTS)).wall;
  await round(); // warm-up: JIT
  const samples = [];
  for (let r = 0; r < 3; r++) samples.push(await round());
  return { samples, events: EVENTS, peakRssMB: peakRssMB(), pendingTimers: pendingTimers() };
}

/**
 * Cold starts of one function as its environments expire (20 idle virtual minutes between invocations), as
 * bench/environments.mjs does; the first cold start of the process (harness modules loading, no spare worker booted
 * ahead) is kept apart. `import` is the baseline: a plain dynamic import of the same file plus its first call.
 */
async function coldCase(mode) {
  const ROUNDS = 15;
  const dir = handlerDir();
  if (mode === 'import') {
    const samples = [];
    for (let i = 0; i <= ROUNDS; i++) {
      await sleep(100); // the same real idle time as before each cold start below, so both start with cold caches
      const t = performance.now();
      const m = await import(`${pathToFileURL(path.join(dir, 'app.js')).href}?plain=${i}`);
      await m.handler({ n: 1 });
      samples.push(performance.now() - t);
    }
    return { firstMs: samples[0], samples: samples.slice(1) };
  }
  const fn = createFunction({ handler: 'app.handler', root: dir, isolation: mode, historyLimit: 0 });
  const walls = [];
  for (let i = 0; i <= ROUNDS; i++) {
    await fn.clock.advance('20m');
    await sleep(100); // background work (a spare worker's boot) finishes between requests, as between real requests
    const t = performance.now();
    const r = await fn.invoke({ n: 1 });
    walls.push(performance.now() - t);
    if (!r.coldStart || !r.ok) throw new Error('expected a successful cold start');
  }
  await fn.dispose();
  return { firstMs: walls[0], samples: walls.slice(1), peakRssMB: peakRssMB() };
}

/** RSS after N warm invocations with default history retention (module isolation), sampled along the way. */
async function rssGrowthCase() {
  const N = process.env.BENCH_QUICK === '1' ? 100_000 : 1_000_000;
  const gc = globalThis.gc ?? (() => {});
  // A forced GC frees the heap, but V8 hands freed pages back to the OS a little later, off the main thread:
  // measure after both, so RSS shows what the process keeps rather than where its GC cycle happened to be.
  const settle = async () => {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc();
  };
  const fn = createFunction({ handler });
  for (let i = 0; i < 10_000; i++) await fn.invoke({ n: i }); // warm-up, and a full history ring (default 1000)
  await settle();
  const startRss = rssMB();
  const startHeap = process.memoryUsage().heapUsed / 1024 / 1024;
  const checkpoints = [];
  const t = performance.now();
  for (let i = 1; i <= N; i++) {
    await fn.invoke({ n: i });
    if (i % (N / 10) === 0) checkpoints.push({ calls: i, rssMB: rssMB() });
  }
  const wallMs = performance.now() - t;
  await settle();
  const endRss = rssMB();
  const endHeap = process.memoryUsage().heapUsed / 1024 / 1024;
  const history = fn.invocations.length;
  await fn.dispose();
  return {
    calls: N,
    startRssMB: startRss,
    endRssMB: endRss,
    growthMB: endRss - startRss,
    heapGrowthMB: endHeap - startHeap,
    history,
    checkpoints,
    usPerCall: (wallMs * 1000) / N,
    peakRssMB: peakRssMB(),
  };
}

async function run(name) {
  const [kind, subject, ...rest] = name.split(':');
  if (kind === 'warm') return warmCase(subject);
  if (kind === 'timeout') return timeoutCase(subject, rest[0], Number(rest[1]));
  if (kind === 'async-dlq') return asyncDlqCase();
  if (kind === 'cold') return coldCase(subject);
  if (kind === 'rss-growth') return rssGrowthCase();
  throw new Error(`unknown case ${JSON.stringify(name)}`);
}

const caseName = process.argv[2];
let message;
try {
  message = { case: caseName, ok: true, result: await run(caseName) };
} catch (error) {
  message = { case: caseName, ok: false, error: String(error?.stack ?? error) };
}
if (process.send) process.send(message, () => process.exit(0));
else {
  console.log(JSON.stringify(message, null, 2));
  process.exit(0);
}
