// Turns the case results of one `npm run bench` run into bench/RESULTS.md and the rows of bench/results.svg.
// Pure: messages from bench/cases.mjs in, text out. A failed case or an unavailable peer becomes a line in the
// results, never a failed run.
import { formatUs } from './chart.mjs';
import { stats } from './measure.mjs';

/** Subjects in table order, with how the results name them. */
export const SUBJECTS = ['floor', 'fidelity-floor', 'harness-module', 'harness-module-h0', 'harness-worker', 'lambda-local', 'lambda-tester', 'mock-context', 'lambda-wrapper'];
const LABEL = {
  floor: 'direct `await handler(event, context)` (floor)',
  'fidelity-floor': 'fidelity floor: JSON round trips, a context and three promises (the handler’s, its reaction, the caller’s) in an AsyncLocalStorage scope, nothing else (`bench/lib/skeleton.mjs`)',
  'harness-module': '**lambda-harness** warm invoke, module isolation',
  'harness-module-h0': '**lambda-harness** warm invoke, module isolation, `historyLimit: 0`',
  'harness-worker': '**lambda-harness** warm invoke, worker isolation',
  'lambda-local': 'lambda-local `execute()`',
  'lambda-tester': 'lambda-tester `.event().expectResult()`',
  'mock-context': 'aws-lambda-mock-context + direct call',
  'lambda-wrapper': 'lambda-wrapper `run()`',
};
const PLAIN = {
  floor: 'direct call (floor)',
  'fidelity-floor': 'fidelity floor (skeleton)',
  'harness-module': 'lambda-harness, module isolation',
  'harness-module-h0': 'lambda-harness, module isolation, historyLimit 0',
  'harness-worker': 'lambda-harness, worker isolation',
  'lambda-local': 'lambda-local',
  'lambda-tester': 'lambda-tester',
  'mock-context': 'aws-lambda-mock-context + direct call',
  'lambda-wrapper': 'lambda-wrapper',
};
// Peers that build a Lambda context per call (request id, remaining time, ARN...). lambda-wrapper passes only
// succeed/fail/done, so it is compared but not counted as one.
const CONTEXT_BUILDERS = ['lambda-local', 'lambda-tester', 'mock-context'];
const PEERS = ['lambda-local', 'lambda-tester', 'mock-context', 'lambda-wrapper'];
const HARNESS = ['harness-module', 'harness-module-h0', 'harness-worker'];
// Measured for warm invocations only: a variant whose timeouts are the default configuration's, and the skeleton.
export const WARM_ONLY = ['harness-module-h0', 'fidelity-floor'];

const ms = (v) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
const mb = (v) => v.toFixed(1);
const ratio = (v) => (v >= 10 ? v.toFixed(0) : v >= 2 ? v.toFixed(1) : v.toFixed(2));
const firstLine = (s) => String(s).split('\n')[0].slice(0, 200);

/** Merges the repetitions of one case: all samples pooled, failures kept. */
function merge(messages) {
  const failed = messages.filter((m) => !m.ok);
  const results = messages.filter((m) => m.ok).map((m) => m.result);
  return { results, error: failed.length ? firstLine(failed[0].error) : undefined };
}

function aggregateWarm(warm) {
  const out = {};
  for (const s of SUBJECTS) {
    const msgs = warm[`warm:${s}`];
    if (!msgs) continue;
    const { results, error } = merge(msgs);
    if (!results.length) {
      out[s] = { error };
      continue;
    }
    out[s] = {
      ...stats(results.flatMap((r) => r.samples)),
      timers: Math.max(...results.map((r) => r.timersPer1000Calls)),
      peakRss: stats(results.map((r) => r.peakRssMB)),
      calls: results.reduce((a, r) => a + r.totalCalls, 0),
      processes: results.length,
      unhandled: results.reduce((a, r) => a + r.unhandledRejections, 0),
      error,
    };
  }
  return out;
}

/** How much faster `a` is than `b` (both µs medians), in words a reader does not have to invert. */
function versus(a, b) {
  const r = b / a;
  return r >= 1 ? `**${ratio(r)}x** faster` : `${ratio(1 / r)}x slower`;
}

export function renderResults({ machine, peers, unavailable, warm, harnessTimeouts, peerTimeouts, cold, asyncDlq, rss }) {
  const w = aggregateWarm(warm);
  const lines = [];
  const p = (...xs) => lines.push(...xs);
  const floor = w.floor && !w.floor.error ? w.floor.median : undefined;

  p(
    '# lambda-harness benchmarks',
    '',
    'Written by `npm run bench` (bench/run.mjs); do not edit by hand. Each case ran in a child process of its own;',
    `${machine.reps} repetition${machine.reps > 1 ? 's' : ''} of each case, interleaved, pooled into medians and min–max. These machines are shared and`,
    'noisy: read the ratios, which come from the same run, rather than the absolute times.',
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB memory, ${machine.os}`,
    `- Node ${machine.node}; ${machine.date}; whole run ${Math.round(machine.wallS)} s${machine.quick ? ' (**BENCH_QUICK=1**: one repetition, 100,000 invocations for the memory case)' : ''}`,
    `- Peers (bench/package.json only): ${Object.entries(peers)
      .map(([name, s]) => (s.error ? `${name} **not available** (${s.error})` : `${name} ${s.version}`))
      .join(', ')}`,
    '- Handler everywhere: `async (e) => ({ ok: e.n + 1 })`, event `{ n: i }`, every result awaited before the next call.',
    '',
    '![µs per warm invocation](results.svg)',
    '',
    '## Warm invocation',
    '',
    'µs per call; calls per round calibrated to ~200 ms, 5 rounds per process. "Timers left" counts `Timeout` and',
    '`Immediate` resources still active after 1,000 calls and disposing what the tool lets one dispose: a test runner',
    'reports these as open handles, and each one keeps the process alive until it fires.',
    '',
    '| case | µs per call, median | min–max | × floor | timers left after 1,000 calls | peak RSS, MB |',
    '|---|---|---|---|---|---|',
  );
  const chartRows = [];
  for (const s of SUBJECTS) {
    const r = w[s];
    if (unavailable(s)) {
      p(`| ${LABEL[s]} | not run: ${unavailable(s)} | | | | |`);
      continue;
    }
    if (!r || r.median === undefined) {
      p(`| ${LABEL[s]} | failed: ${r?.error ?? 'no result'} | | | | |`);
      continue;
    }
    const x = floor ? `${ratio(r.median / floor)}x` : '–';
    p(`| ${LABEL[s]} | ${formatUs(r.median)} | ${formatUs(r.min)}–${formatUs(r.max)} | ${s === 'floor' ? '1x' : x} | ${r.timers.toLocaleString('en-US')} | ${mb(r.peakRss.median)} |`);
    chartRows.push({ label: PLAIN[s], median: r.median, min: r.min, max: r.max, highlight: s.startsWith('harness-') });
  }
  const warmNotes = SUBJECTS.filter((s) => w[s]?.error && w[s].median !== undefined).map((s) => `- ${PLAIN[s]}: a repetition failed: ${w[s].error}`);
  const unhandled = SUBJECTS.filter((s) => w[s]?.unhandled).map(
    (s) => `- ${PLAIN[s]}: ${w[s].unhandled.toLocaleString('en-US')} unhandled promise rejections during the case (counted by a listener; Node would otherwise crash the process).`,
  );
  if (warmNotes.length || unhandled.length) p('', ...warmNotes, ...unhandled);

  p('', '### lambda-harness against each peer (warm medians, same run)', '');
  const peerCols = PEERS.filter((s) => w[s]?.median !== undefined);
  p(`| | ${peerCols.map((s) => PLAIN[s]).join(' | ')} |`, `|---|${peerCols.map(() => '---|').join('')}`);
  for (const h of HARNESS) {
    if (w[h]?.median === undefined) continue;
    p(`| ${PLAIN[h]} | ${peerCols.map((s) => versus(w[h].median, w[s].median)).join(' | ')} |`);
  }

  // Timeouts.
  p(
    '',
    '## Reporting a timeout of a handler that never settles',
    '',
    'Wall time from the call until the tool reports the timeout. "one long timer": the handler awaits a 24 h `setTimeout`',
    '(a bare `new Promise(() => {})` does not qualify: with an empty event loop Lambda ends the invocation with a `null`',
    'response, and lambda-harness does the same). "1 s interval": a `setInterval` heartbeat is also pending. lambda-harness:',
    `median (min–max) of 7 invocations per process after the function's first (cold) one, ${machine.reps} process${machine.reps > 1 ? 'es' : ''}. Direct call and`,
    'peers: one attempt each, capped at 10 s of real time.',
    '',
    '| case | handler | 3 s timeout | 900 s timeout |',
    '|---|---|---|---|',
  );
  const timeoutCell = (s, kind, seconds) => {
    const name = `timeout:${s}:${kind}:${seconds}`;
    const msgs = harnessTimeouts[name] ?? peerTimeouts[name];
    if (!msgs) return unavailable(s) ? `not run: ${unavailable(s)}` : '–';
    const { results, error } = merge(msgs);
    if (!results.length) return `failed: ${error}`;
    if (s.startsWith('harness-') || s === 'scheduler-floor') {
      const st = stats(results.flatMap((r) => r.samples));
      return `${ms(st.median)} ms (${ms(st.min)}–${ms(st.max)})`;
    }
    const a = results[0].attempts[0];
    return a.outcome === 'did not report' ? '> 10 s (did not report)' : `${ms(a.wallMs)} ms (${a.outcome === 'rejected' ? 'rejected with a timeout' : a.outcome})`;
  };
  p(
    `| scheduler floor, not a tool: one Node immediate per timer firing, 32 per pass, each callback in an AsyncLocalStorage scope, an init hook on (\`bench/lib/skeleton.mjs\`) | 1 s interval | ${timeoutCell('scheduler-floor', 'interval', 3)} | ${timeoutCell('scheduler-floor', 'interval', 900)} |`,
  );
  for (const s of SUBJECTS.filter((x) => !WARM_ONLY.includes(x))) {
    for (const kind of ['never', 'interval']) {
      p(`| ${PLAIN[s]} | ${kind === 'never' ? 'one long timer' : '1 s interval'} | ${timeoutCell(s, kind, 3)} | ${timeoutCell(s, kind, 900)} |`);
    }
  }
  const laterTimeouts = ['scheduler-floor', 'harness-module', 'harness-worker'].map((s) => {
    const later = merge(harnessTimeouts[`timeout:${s}:interval:900`] ?? []).results.flatMap((r) => r.laterSamples ?? []);
    return later.length ? `${s === 'scheduler-floor' ? 'scheduler floor' : PLAIN[s]} ${ms(stats(later).median)} ms` : undefined;
  });
  p(
    '',
    'The heartbeat rows are dominated by the JIT: the first rounds of a process run the scheduler (and Node\'s own',
    `immediate and async-hooks code) unoptimised. The same processes, 20 rounds later (1 s interval, 900 s): ${laterTimeouts.filter(Boolean).join('; ')}.`,
  );
  const firstTimeouts = ['harness-module', 'harness-worker'].map((s) => {
    const c = merge(harnessTimeouts[`timeout:${s}:never:900`] ?? []).results.map((r) => r.coldWallMs);
    return c.length ? `${PLAIN[s]} ${ms(stats(c).median)} ms` : undefined;
  });
  p('', `The first invocation of each function, cold start included (one long timer, 900 s): ${firstTimeouts.filter(Boolean).join('; ')}.`);

  // Async.
  const a = merge(asyncDlq['async-dlq']);
  let asyncMedian;
  p('', '## Async: 10,000 events failing 3 attempts into a DLQ (lambda-harness only)', '');
  if (a.results.length) {
    const st = stats(a.results.flatMap((r) => r.samples));
    asyncMedian = st.median;
    p(
      'Default options (history of 1,000), `invokeAsync` for each event then `drain()`; 3 rounds per process after a warm-up.',
      '',
      '| median wall ms | min–max | events/s | attempts/s | peak RSS, MB |',
      '|---|---|---|---|---|',
      `| ${ms(st.median)} | ${ms(st.min)}–${ms(st.max)} | ${Math.round(10_000 / (st.median / 1000)).toLocaleString('en-US')} | ${Math.round(30_000 / (st.median / 1000)).toLocaleString('en-US')} | ${mb(stats(a.results.map((r) => r.peakRssMB)).median)} |`,
    );
  } else p(`failed: ${a.error}`);

  // Cold starts.
  p(
    '',
    '## Cold starts per isolation mode (lambda-harness)',
    '',
    'Cold starts of one function as its environments expire (20 idle virtual minutes, 100 ms of real idle time between',
    "requests, as in bench/environments.mjs), 15 per process; the process's first cold start (harness modules loading, no",
    'spare worker booted ahead) is shown apart. Baseline: a plain dynamic `import()` of the same file plus its first call.',
    '',
    '| case | median ms | min–max | first in a fresh process, median ms |',
    '|---|---|---|---|',
  );
  const coldStats = {};
  for (const [mode, label] of [
    ['import', 'plain dynamic `import()` + first call'],
    ['module', 'module isolation cold start'],
    ['worker', 'worker isolation cold start'],
  ]) {
    const c = merge(cold[`cold:${mode}`]);
    if (!c.results.length) {
      p(`| ${label} | failed: ${c.error} | | |`);
      continue;
    }
    const st = (coldStats[mode] = stats(c.results.flatMap((r) => r.samples)));
    p(`| ${label} | ${ms(st.median)} | ${ms(st.min)}–${ms(st.max)} | ${ms(stats(c.results.map((r) => r.firstMs)).median)} |`);
  }

  // Memory.
  const m = merge(rss['rss-growth']);
  const mr = m.results[0];
  p('', `## Memory over ${mr ? mr.calls.toLocaleString('en-US') : 'N'} warm invocations (lambda-harness, module isolation)`, '');
  if (mr) {
    p(
      'Default history retention (`historyLimit` 1000); RSS measured after 10,000 warm-up invocations, then again after the',
      'run, each time after a forced GC (`--expose-gc`), 200 ms for V8 to hand freed pages back, and another forced GC.',
      '',
      '| invocations | RSS before, MB | RSS after, MB | RSS growth, MB | heap growth, MB | records kept | µs per call over the run | peak RSS, MB |',
      '|---|---|---|---|---|---|---|---|',
      `| ${mr.calls.toLocaleString('en-US')} | ${mb(mr.startRssMB)} | ${mb(mr.endRssMB)} | ${mb(mr.growthMB)} | ${mb(mr.heapGrowthMB)} | ${mr.history} | ${formatUs(mr.usPerCall)} | ${mb(mr.peakRssMB)} |`,
      '',
      `RSS along the way (MB): ${mr.checkpoints.map((c) => `${(c.calls / 1000).toLocaleString('en-US')}k: ${mb(c.rssMB)}`).join(', ')}.`,
      'RSS swings with garbage-collection cycles (V8 keeps freed pages for a while), so its growth is a noisy upper',
      'bound; the heap growth after a forced GC is what the run actually retained.',
    );
  } else p(`failed: ${m.error}`);

  // Targets.
  const targets = [];
  const hm = w['harness-module'];
  const met = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');
  if (hm?.median !== undefined) {
    targets.push(['Warm invoke, module isolation, median < 5 µs', formatUs(hm.median), met(hm.median < 5)]);
    const h0 = w['harness-module-h0'];
    if (h0?.median !== undefined) {
      targets.push(['The same with `historyLimit: 0` (not the default; for reference)', formatUs(h0.median), met(h0.median < 5)]);
    }
    const builders = CONTEXT_BUILDERS.filter((s) => w[s]?.median !== undefined).sort((x, y) => w[x].median - w[y].median);
    if (builders.length) {
      const f = builders[0];
      const r = w[f].median / hm.median;
      targets.push([`≥ 4x faster than the fastest peer that builds a context per call (${PLAIN[f]}, ${formatUs(w[f].median)})`, `${ratio(r)}x`, met(r >= 4)]);
      const ff = w['fidelity-floor'];
      if (ff?.median !== undefined) {
        targets.push([
          `For scale: 4x needs ≤ ${formatUs(w[f].median / 4)}; the fidelity floor (JSON round trips, a context, three promises, an AsyncLocalStorage scope) measures`,
          formatUs(ff.median),
          '',
        ]);
      }
    }
    if (w['lambda-local']?.median !== undefined) {
      const r = w['lambda-local'].median / hm.median;
      targets.push(['≥ 15x faster than lambda-local', `${ratio(r)}x`, met(r >= 15)]);
    }
  }
  for (const seconds of [3, 900]) {
    const cells = ['harness-module', 'harness-worker'].flatMap((s) =>
      ['never', 'interval'].map((kind) => {
        const rs = merge(harnessTimeouts[`timeout:${s}:${kind}:${seconds}`] ?? []).results;
        return rs.length ? { s, kind, median: stats(rs.flatMap((r) => r.samples)).median } : undefined;
      }),
    ).filter(Boolean);
    if (cells.length) {
      const worst = cells.reduce((x, y) => (y.median > x.median ? y : x));
      targets.push([
        `Timeout of a never-settling handler reported in < 5 ms, ${seconds} s timeout`,
        `worst median ${ms(worst.median)} ms (${PLAIN[worst.s]}, ${worst.kind === 'never' ? 'one long timer' : '1 s interval'})`,
        met(worst.median < 5),
      ]);
      const floor = merge(harnessTimeouts[`timeout:scheduler-floor:interval:${seconds}`] ?? []).results;
      if (seconds === 900 && floor.length) {
        targets.push([
          'For scale: handing 900 timer firings to Node at all (the scheduler floor, 1 s interval) measures',
          `${ms(stats(floor.flatMap((r) => r.samples)).median)} ms`,
          '',
        ]);
      }
    }
  }
  if (asyncMedian !== undefined) targets.push(['10,000 async events to a DLQ < 1 s', `${ms(asyncMedian)} ms`, met(asyncMedian < 1000)]);
  if (coldStats.worker) targets.push(['Worker cold start < 30 ms', `${ms(coldStats.worker.median)} ms`, met(coldStats.worker.median < 30)]);
  if (mr) {
    targets.push([
      `RSS growth over 1,000,000 invocations < 50 MB${mr.calls !== 1_000_000 ? ` (this run: ${mr.calls.toLocaleString('en-US')})` : ''}`,
      `${mb(mr.growthMB)} MB`,
      met(mr.growthMB < 50),
    ]);
  }
  p('', '## Targets (from issue 8; measured here, never asserted in tests)', '', '| target | measured | |', '|---|---|---|');
  for (const [t, v, ok] of targets) p(`| ${t} | ${v} | ${ok} |`);

  p(
    '',
    '## How each peer was driven',
    '',
    '- lambda-local: `execute({ event, lambdaFunc: { handler }, timeoutMs, verboseLevel: 0 })`, the quiet setting a test',
    '  suite would use (it mutes the console per call instead of logging through winston).',
    '- lambda-tester: `LambdaTester(handler).event(event).expectResult()`, with `.timeout(seconds)` for the timeout cases',
    '  (it compares the execution time after the handler settles, so a handler that never settles is never reported).',
    '- aws-lambda-mock-context: a fresh `context()` per call passed to a direct `await handler(event, ctx)`; for the timeouts,',
    '  `Promise.race([handler(event, ctx), ctx.Promise])`, since its timeout only rejects `ctx.Promise`. Each context arms a',
    '  real timer for its timeout that is never cleared unless `succeed`/`fail` is called.',
    '- lambda-wrapper: `wrap({ handler }).run(event)` with one wrapper for all calls; it passes only `succeed`/`fail`/`done`',
    '  as the context (so it is not counted as a peer that builds a context) and has no timeout.',
    '- Counted as building a context per call: lambda-local, lambda-tester, aws-lambda-mock-context.',
    '',
  );
  return { markdown: `${lines.join('\n')}`, chartRows };
}
