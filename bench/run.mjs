// `npm run bench`: lambda-harness against the tools users would pick instead, side by side in one run, each case in a
// child process of its own (bench/cases.mjs), several repetitions, medians and min–max. Writes bench/RESULTS.md and
// bench/results.svg. Ratios are the figures to read: these machines are shared and noisy, absolute times drift.
//   npm run bench                 full run (a few minutes)
//   BENCH_QUICK=1 npm run bench   one repetition, 100,000 invocations for the memory case
// The peers are devDependencies of bench/package.json only, installed here with `npm ci --prefix bench`.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { barChartSvg } from './lib/chart.mjs';
import { renderResults, SUBJECTS, WARM_ONLY } from './lib/report.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const REPS = QUICK ? 1 : 3;
const PEERS = ['lambda-local', 'lambda-tester', 'aws-lambda-mock-context', 'lambda-wrapper'];
const CASE_KILL_MS = 180_000; // a hung case is killed and reported, never allowed to hang the run

/**
 * Installs the peers from the lockfile unless bench/node_modules is already at least as new. An install failure is
 * not fatal: the peers that cannot be loaded are reported as such in the results.
 */
function installPeers() {
  const lock = here('./package-lock.json');
  const marker = here('./node_modules/.package-lock.json');
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  let installError;
  if (!fresh) {
    const args = [existsSync(lock) ? 'ci' : 'install', '--prefix', here('.'), '--no-audit', '--no-fund'];
    console.error(`bench: npm ${args.join(' ')}`);
    try {
      execFileSync('npm', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (error) {
      installError = `npm ${args[0]} failed: ${error.message.split('\n')[0]}`;
    }
  }
  const requirePeer = createRequire(here('./package.json'));
  const status = {};
  for (const name of PEERS) {
    try {
      status[name] = { version: requirePeer(`${name}/package.json`).version };
    } catch {
      status[name] = { error: installError ?? 'not installed' };
    }
  }
  return status;
}

/** Runs one case in a fresh Node process and resolves with its message (never rejects: failures are results). */
function runCase(name, { execArgv = [] } = {}) {
  return new Promise((resolve) => {
    const child = fork(here('./cases.mjs'), [name], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let message;
    child.stderr.on('data', (d) => (stderr += d));
    child.on('message', (m) => (message = m));
    const kill = setTimeout(() => child.kill('SIGKILL'), CASE_KILL_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(kill);
      resolve(message ?? { case: name, ok: false, error: `exited (${signal ?? code}) without a result: ${stderr.trim().slice(-500)}` });
    });
  });
}

const started = performance.now();
const step = (label) => console.error(`bench: ${label} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

const peers = installPeers();
const peerOf = { 'lambda-local': 'lambda-local', 'lambda-tester': 'lambda-tester', 'mock-context': 'aws-lambda-mock-context', 'lambda-wrapper': 'lambda-wrapper' };
const unavailable = (subject) => peerOf[subject] && peers[peerOf[subject]].error;

// Repetitions are interleaved (every case once, then again) so that drift on a shared machine hits all cases alike.
const collect = async (names, opts) => {
  const byName = Object.fromEntries(names.map((n) => [n, []]));
  for (let rep = 0; rep < REPS; rep++) for (const n of names) byName[n].push(await runCase(n, opts));
  return byName;
};

step('warm invocations');
const warmSubjects = SUBJECTS.filter((s) => !unavailable(s));
const warm = await collect(warmSubjects.map((s) => `warm:${s}`));

step('timeouts, lambda-harness');
const timeoutVariants = ['never:3', 'never:900', 'interval:3', 'interval:900'];
const harnessTimeouts = await collect(
  ['interval:3', 'interval:900']
    .map((v) => `timeout:scheduler-floor:${v}`)
    .concat(['harness-module', 'harness-worker'].flatMap((s) => timeoutVariants.map((v) => `timeout:${s}:${v}`))),
);

// Peers wait the real timeout or never report, so a repetition adds nothing but minutes; they run once each, side by
// side (they sleep; a ~3,000 ms or capped figure is not disturbed by a neighbour).
step('timeouts, direct call and peers (waits up to the 10 s cap)');
const peerTimeoutNames = SUBJECTS.filter((s) => !s.startsWith('harness-') && !WARM_ONLY.includes(s) && !unavailable(s)).flatMap((s) =>
  timeoutVariants.map((v) => `timeout:${s}:${v}`),
);
const peerTimeouts = Object.fromEntries(
  (await Promise.all(peerTimeoutNames.map((n) => runCase(n)))).map((m) => [m.case, [m]]),
);

step('cold starts');
const cold = await collect(['cold:import', 'cold:module', 'cold:worker']);
step('async events into a DLQ');
const asyncDlq = await collect(['async-dlq']);
step(`memory over ${QUICK ? '100,000' : '1,000,000'} invocations`);
const rss = { 'rss-growth': [await runCase('rss-growth', { execArgv: ['--expose-gc'] })] };

const mem = os.totalmem() / 1024 ** 3;
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown CPU',
  cores: os.cpus().length,
  memoryGB: Math.round(mem * 10) / 10,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  date: new Date().toISOString(),
  quick: QUICK,
  reps: REPS,
  wallS: 0,
};
machine.wallS = (performance.now() - started) / 1000;
const { markdown, chartRows } = renderResults({ machine, peers, unavailable, warm, harnessTimeouts, peerTimeouts, cold, asyncDlq, rss });
writeFileSync(here('./RESULTS.md'), markdown);
writeFileSync(
  here('./results.svg'),
  barChartSvg(chartRows, {
    title: 'Warm invocation of async (e) => ({ ok: e.n + 1 })',
    subtitle: `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date.slice(0, 10)}; same run, each case in its own process`,
  }),
);
console.log(markdown);
step('wrote bench/RESULTS.md and bench/results.svg');
