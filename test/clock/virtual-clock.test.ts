import { AsyncResource } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Context } from 'aws-lambda';
import { createClock, createFunction, HarnessError, type LambdaFunction } from '../../src/index.js';

const created: { dispose(): Promise<void> }[] = [];
function track<T extends { dispose(): Promise<void> }>(x: T): T {
  created.push(x);
  return x;
}
afterEach(async () => {
  vi.useRealTimers();
  for (const x of created.splice(0)) await x.dispose();
});

const nativeSetTimeout = globalThis.setTimeout;
const nativeDate = globalThis.Date;
const nativeFormat = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format');
const nativeFormatToParts = Intl.DateTimeFormat.prototype.formatToParts;
const nativeDateTimeFormat = Intl.DateTimeFormat;
const nativeGetHours = Date.prototype.getHours;
const nativeAbortTimeout = AbortSignal.timeout;
const nativeMark = performance.mark;
const nativeUptime = process.uptime;

/** A loopback HTTP server that answers `pong` after `delayMs` real milliseconds (closed after the test); its URL. */
async function slowServer(delayMs: number): Promise<string> {
  const server = http.createServer((_req, res) => {
    nativeSetTimeout(() => res.end('pong'), delayMs);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  track({
    dispose: async () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

describe('the virtual clock', () => {
  it('finishes a 10-minute wait under a 900 s timeout in milliseconds of wall time', async () => {
    const fn = track(
      createFunction({
        timeout: 900,
        handler: async () => {
          const before = Date.now();
          await new Promise((r) => setTimeout(r, 10 * 60_000));
          return Date.now() - before;
        },
      }),
    );
    const wall = performance.now();
    const r = await fn.invoke({});
    expect(r.ok && r.payload).toBe(600_000);
    expect(r.durationMs).toBeGreaterThanOrEqual(600_000);
    expect(performance.now() - wall).toBeLessThan(5_000); // generous: the point is "not 10 real minutes"
  });

  it('times out at virtual 3000 ms under the default 3 s timeout', async () => {
    const fn = track(createFunction({ handler: async () => new Promise((r) => setTimeout(r, 10 * 60_000)) }));
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
    expect(r.durationMs).toBe(3000);
    expect(r.error).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${r.requestId} Error: Task timed out after 3.00 seconds`,
    });
  });

  it('counts getRemainingTimeInMillis down on virtual time', async () => {
    const fn = track(
      createFunction({
        timeout: 60,
        handler: async (_e: unknown, context: Context) => {
          const first = context.getRemainingTimeInMillis();
          await new Promise((r) => setTimeout(r, 45_000));
          return [first, context.getRemainingTimeInMillis()];
        },
      }),
    );
    const r = await fn.invoke({});
    if (!r.ok) throw new Error(r.error.errorMessage);
    const [first, second] = r.payload as [number, number];
    expect(first).toBeGreaterThan(59_900);
    expect(first - second).toBeGreaterThanOrEqual(45_000);
    expect(first - second).toBeLessThan(45_100);
  });

  it('puts setInterval, setImmediate, node:timers/promises and performance.now on the clock', async () => {
    const fn = track(
      createFunction({
        timeout: 120,
        handler: async () => {
          const { setTimeout: sleep, setImmediate: nextTick } = await import('node:timers/promises');
          const t0 = performance.now();
          let ticks = 0;
          const interval = setInterval(() => ticks++, 1000);
          await sleep(10_500);
          clearInterval(interval);
          await nextTick();
          await new Promise((r) => setImmediate(r));
          await promisify(setTimeout)(500);
          return { ticks, elapsed: Math.round(performance.now() - t0) };
        },
      }),
    );
    const r = await fn.invoke({});
    const { ticks, elapsed } = r.payload as { ticks: number; elapsed: number };
    expect(ticks).toBe(10);
    // Virtual time also follows the real time the handler spends: a millisecond or two may be added.
    expect(elapsed).toBeGreaterThanOrEqual(11_000);
    expect(elapsed).toBeLessThan(11_050);
  });

  it('formats "now" with Intl.DateTimeFormat on the clock, even with a formatter made outside the handler', async () => {
    const madeOutside = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit' });
    const clock = track(createClock({ now: '2031-07-01T00:00:00Z' }));
    const fn = track(
      createFunction({
        clock,
        handler: async () => ({
          format: madeOutside.format(),
          year: madeOutside.formatToParts().find((part) => part.type === 'year')?.value,
          madeInside: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric' }).format(),
          given: madeOutside.format(0),
          dateLength: Date.length,
        }),
      }),
    );
    expect((await fn.invoke({})).payload).toEqual({ format: '07/2031', year: '2031', madeInside: '2031', given: '01/1970', dateLength: 7 });
    // The test's own formatting stays on real time.
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric' }).format()).toBe(String(new Date().getUTCFullYear()));
  });

  it('measures with performance.mark, performance.measure and process.uptime on the clock', async () => {
    const fn = track(
      createFunction({
        handler: async () => {
          performance.mark('lh-a');
          await new Promise((r) => setTimeout(r, 200));
          const sinceA = performance.measure('lh-since-a', 'lh-a').duration;
          const withOptions = performance.measure('lh-options', { start: 'lh-a' }).duration;
          performance.mark('lh-b');
          const between = performance.measure('lh-ab', 'lh-a', 'lh-b').duration;
          const markedNow = performance.mark('lh-c').startTime === performance.now();
          const uptimeMatches = process.uptime() === performance.now() / 1000;
          performance.clearMarks();
          performance.clearMeasures();
          return { sinceA, withOptions, between, markedNow, uptimeMatches };
        },
      }),
    );
    expect((await fn.invoke({})).payload).toEqual({ sinceA: 200, withOptions: 200, between: 200, markedNow: true, uptimeMatches: true });
  });

  it('aborts with AbortSignal.timeout on the clock, as Node does in real time', async () => {
    // The module namespace, read at call time: a binding destructured while the shims were not installed would be
    // Node's own sleep, in real time, inside the handler too.
    const timersPromises = await import('node:timers/promises');
    const scenario = async (): Promise<string> => {
      const signal = AbortSignal.timeout(100);
      try {
        await timersPromises.setTimeout(500, undefined, { signal });
        return 'slept';
      } catch (error) {
        return `${(error as Error).name} (${(signal.reason as DOMException).name}: ${(signal.reason as DOMException).message})`;
      }
    };
    const onRealNode = await scenario();
    const fn = track(
      createFunction({
        handler: async () => {
          const start = Date.now();
          return { outcome: await scenario(), after: Date.now() - start };
        },
      }),
    );
    expect(onRealNode).toBe('AbortError (TimeoutError: The operation was aborted due to timeout)');
    expect((await fn.invoke({})).payload).toEqual({ outcome: onRealNode, after: 100 });
  });

  it('does not jump while the handler awaits a real HTTP round trip on loopback', async () => {
    // The server answers after 300 real milliseconds; a clock that jumped would time the 1 s function out.
    const url = await slowServer(300);
    const fn = track(
      createFunction({
        timeout: 1,
        handler: async () => {
          // A pending timer that a naive clock would jump to (and past the deadline).
          const heartbeat = setInterval(() => undefined, 100);
          try {
            const res = await fetch(url);
            return await res.text();
          } finally {
            clearInterval(heartbeat);
          }
        },
      }),
    );
    const r = await fn.invoke({});
    expect(r.outcome).toBe('success');
    expect(r.ok && r.payload).toBe('pong');
    expect(r.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('reports a timeout at exactly the deadline even when the host is slow between scheduler turns', async () => {
    // A busy test process: every real macrotask burns 3 ms of CPU, so real time flows between the turn that jumps
    // to the deadline and the turn that notices it. That time must not be added to the timed-out run.
    let busy = true;
    const burn = (): void => {
      const until = performance.now() + 3;
      while (performance.now() < until);
      if (busy) setImmediate(burn);
    };
    setImmediate(burn);
    try {
      const slowInit = { init: async () => { await new Promise((r) => setTimeout(r, 60_000)); return async () => 'ready'; } };
      const fn = track(createFunction({ timeout: 3, handler: slowInit }));
      const r = await fn.invoke({});
      expect(r.logs).toContain('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
      // Init is retried inside the invoke phase, where the function's own 3 s timeout applies.
      expect(r.outcome).toBe('timeout');
      expect(r.logs).toContain('Duration: 3000.00 ms\tBilled Duration: 13000 ms');
    } finally {
      busy = false;
    }
  });

  it('runs a setImmediate due at this instant while another environment waits on real I/O, even with real time not flowing', async () => {
    const url = await slowServer(200);
    const clock = track(createClock({ realTimeFlow: false }));
    const waitsOnIo = track(createFunction({ clock, name: 'io', handler: async () => (await fetch(url)).text() }));
    const yieldsOnce = track(
      createFunction({
        clock,
        name: 'yields',
        handler: async () => {
          const before = Date.now();
          await new Promise((r) => setImmediate(r));
          return Date.now() - before;
        },
      }),
    );
    const finished: string[] = [];
    const io = waitsOnIo.invoke({}).then((r) => (finished.push('io'), r));
    const yields = yieldsOnce.invoke({}).then((r) => (finished.push('yields'), r));
    const [a, b] = await Promise.all([io, yields]);
    expect(a.ok && a.payload).toBe('pong');
    expect(b.ok && b.payload).toBe(0);
    expect(finished).toEqual(['yields', 'io']);
  });

  it('jumps over a long wait after real I/O, however the libraries involved book-keep their async work', async () => {
    // A keep-alive fetch (Node 24's stream.finished makes an AsyncResource per response that is never destroyed) and
    // a library's own AsyncResource: neither is pending I/O, so the 10-minute sleep after them is a jump.
    const url = await slowServer(0);
    const fn = track(
      createFunction({
        timeout: 900,
        handler: async () => {
          const text = await (await fetch(url)).text();
          const bound = AsyncResource.bind(() => 'bound');
          new AsyncResource('LIBRARY_TASK');
          await new Promise((resolve) => setTimeout(resolve, 600_000));
          return `${text} ${bound()}`;
        },
      }),
    );
    const wall = performance.now();
    const r = await fn.invoke({});
    expect(r.ok && r.payload).toBe('pong bound');
    expect(r.durationMs).toBeGreaterThanOrEqual(600_000);
    expect(performance.now() - wall).toBeLessThan(5_000); // generous: the point is "not 10 real minutes"
  });

  it('does not mistake file reads or zlib work for an idle event loop', async () => {
    const fn = track(
      createFunction({
        handler: async () => {
          const text = await readFile(new URL(import.meta.url), 'utf8');
          const zipped = await promisify(zlib.gzip)(Buffer.from(text));
          const back = await promisify(zlib.gunzip)(zipped);
          return back.length === Buffer.byteLength(text);
        },
      }),
    );
    const r = await fn.invoke({});
    expect(r.outcome).toBe('success');
    expect(r.ok && r.payload).toBe(true);
  });

  it('keeps the test’s own timers and Date real while a handler runs', async () => {
    let testTimerFired = false;
    const fn = track(
      createFunction({
        timeout: 900,
        handler: async () => {
          await new Promise((r) => setTimeout(r, 5 * 60_000));
          return new Date().toISOString();
        },
      }),
    );
    const pending = fn.invoke({});
    // Scheduled by the test, outside any simulated environment: a real 20 ms timer.
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        testTimerFired = true;
        resolve();
      }, 20),
    );
    const r = await pending;
    expect(testTimerFired).toBe(true);
    expect(r.ok && r.payload).toBe('2025-01-01T00:05:00.000Z');
    expect(Math.abs(Date.now() - nativeDate.now())).toBeLessThan(1000);
  });

  it('leaves no global patched and no timer pending after dispose', async () => {
    // vitest keeps its own per-test timer: compare with what was active before.
    const timersOf = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate').length;
    const before = timersOf();
    const fn = createFunction({
      handler: async () => {
        setTimeout(() => undefined, 60_000); // left running: frozen with the environment
        return 'ok';
      },
    });
    await fn.invoke({});
    await fn.dispose();
    expect(globalThis.setTimeout).toBe(nativeSetTimeout);
    expect(globalThis.Date).toBe(nativeDate);
    expect(Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')).toEqual(nativeFormat);
    expect(Intl.DateTimeFormat.prototype.formatToParts).toBe(nativeFormatToParts);
    expect(Intl.DateTimeFormat).toBe(nativeDateTimeFormat);
    expect(Date.prototype.getHours).toBe(nativeGetHours);
    expect(AbortSignal.timeout).toBe(nativeAbortTimeout);
    expect(performance.mark).toBe(nativeMark);
    expect(process.uptime).toBe(nativeUptime);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'awslambda')).toBeUndefined();
    expect(timersOf()).toBe(before);
  });

  it('patches a global the host made read-only (but configurable), with its attributes, and puts it back read-only', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'uptime')!;
    Object.defineProperty(process, 'uptime', { writable: false });
    try {
      const fn = createFunction({
        handler: async () => {
          await new Promise((r) => setTimeout(r, 90_000));
          const { writable, enumerable } = Object.getOwnPropertyDescriptor(process, 'uptime')!;
          return { uptime: Math.round(process.uptime()), writable, enumerable };
        },
        timeout: 120,
      });
      const r = await fn.invoke({});
      // The environment's uptime, on virtual time: 90 s of timer, not the test process's.
      expect(r.payload).toEqual({ uptime: 90, writable: false, enumerable: true });
      await fn.dispose();
      expect(Object.getOwnPropertyDescriptor(process, 'uptime')).toEqual({ ...original, writable: false });
    } finally {
      Object.defineProperty(process, 'uptime', original);
    }
  });

  it('refuses a host whose globals it cannot patch with a HarnessError naming the global, leaving every global as it was', () => {
    // In a child process (the built package): a frozen global cannot be thawed in this one afterwards. process.uptime
    // is patched after setTimeout, Date and performance.now: those must be put back, not left half patched.
    const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
    const script = `
      const { createFunction } = await import(${JSON.stringify(dist)});
      const natives = [globalThis.setTimeout, globalThis.Date, performance.now, console.log];
      const current = () => [globalThis.setTimeout, globalThis.Date, performance.now, console.log];
      Object.defineProperty(process, 'uptime', { configurable: false, writable: false });
      const fn = createFunction({ handler: async () => 'ran' });
      const error = await fn.invoke({}).catch((e) => e);
      const restored = current().every((f, i) => f === natives[i]);
      await fn.dispose();
      console.log(JSON.stringify({ code: error.code, message: error.message, restored }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { code: string; message: string; restored: boolean };
    expect(out.code).toBe('GLOBAL_NOT_PATCHABLE');
    expect(out.message).toContain('process.uptime');
    expect(out.restored).toBe(true);
  });

  it('refuses to run under vi.useFakeTimers() with a message naming the fix, and patches nothing', async () => {
    const fn = track(createFunction({ handler: async () => 'ok' }));
    vi.useFakeTimers();
    const faked = globalThis.setTimeout;
    const error = await fn.invoke({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('FAKE_TIMERS_ACTIVE');
    expect((error as HarnessError).message).toContain('vi.useRealTimers()');
    expect(globalThis.setTimeout).toBe(faked);
    vi.useRealTimers();
    const r = await fn.invoke({});
    expect(r.ok).toBe(true);
  });

  it('advances on demand and is shared between functions', async () => {
    const clock = track(createClock({ now: '2030-01-01T00:00:00Z' }));
    const a = track(createFunction({ name: 'a', handler: async () => Date.now(), clock }));
    const b = track(createFunction({ name: 'b', handler: async () => new Date().toISOString(), clock }));
    expect(a.clock).toBe(clock);
    await clock.advance('2h');
    const ra = await a.invoke({});
    const rb = await b.invoke({});
    expect(ra.ok && ra.payload).toBe(Date.parse('2030-01-01T02:00:00Z'));
    expect(rb.ok && rb.payload).toBe('2030-01-01T02:00:00.000Z');
    expect(clock.now()).toBe(Date.parse('2030-01-01T02:00:00Z'));
  });

  it("enforces timeouts with real timers when clock is 'real'", async () => {
    const fn: LambdaFunction = track(
      createFunction({ clock: 'real', timeout: 1, handler: async () => new Promise((r) => setTimeout(r, 5_000)) }),
    );
    const wall = performance.now();
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
    expect(performance.now() - wall).toBeGreaterThanOrEqual(900);
  });

  it('runs what each timer callback queued (microtasks, nextTick callbacks) before the next timer fires, even one due at the same millisecond, as real Node does', async () => {
    // The same code on the host's real timers and in a simulated environment: the harness hands timers over in
    // batches of immediates, and must still drain everything between two of them exactly as Node's timer phase does.
    const scenario = (log: string[], done: () => void): void => {
      let n = 0;
      const id = setInterval(() => {
        const k = ++n;
        log.push(`interval ${k}`);
        process.nextTick(() => {
          log.push(`tick ${k}`);
          void Promise.resolve().then(() => log.push(`microtask in tick ${k}`));
        });
        void Promise.resolve().then(() => {
          log.push(`microtask ${k}`);
          process.nextTick(() => log.push(`tick in microtask ${k}`));
        });
        queueMicrotask(() => log.push(`queueMicrotask ${k}`));
        if (k === 3) {
          clearInterval(id);
          setTimeout(done, 0);
        }
      }, 100);
      // Two timers due at the same millisecond: Node still drains between them.
      setTimeout(() => {
        log.push('timeout 150');
        process.nextTick(() => log.push('tick of timeout 150'));
        void Promise.resolve().then(() => log.push('microtask of timeout 150'));
      }, 150);
      setTimeout(() => log.push('second timeout 150'), 150);
      setTimeout(() => {
        log.push('timeout 250');
        void Promise.resolve().then(() => log.push('microtask of timeout 250'));
      }, 250);
    };
    const onRealNode: string[] = [];
    await new Promise<void>((resolve) => scenario(onRealNode, resolve));

    const fn = track(
      createFunction({
        handler: async () => {
          const log: string[] = [];
          await new Promise<void>((resolve) => scenario(log, resolve));
          return log;
        },
      }),
    );
    const r = await fn.invoke({});
    expect(onRealNode).toHaveLength(3 * 6 + 6);
    expect(r.payload).toEqual(onRealNode);
  });

  it('reports a rejection a timer left unhandled before the next timer fires', async () => {
    // Without real time flowing in, a slow host cannot move the clock between two firings: durations are exact.
    const clock = track(createClock({ realTimeFlow: false }));
    const fn = track(
      createFunction({
        clock,
        runtime: 'nodejs22.x', // its runtime client reports the rejection (on nodejs24.x the runtime exits)
        handler: async () => {
          const start = Date.now();
          setTimeout(() => void Promise.reject(new Error('lost at 1000 ms')), 1000);
          setInterval(() => console.log(`beat at ${Date.now() - start}`), 7);
          await new Promise(() => undefined);
        },
      }),
    );
    const r = await fn.invoke({});
    expect(r.outcome).toBe('crash');
    expect(r.error?.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(r.durationMs).toBe(1000);
    const beats = [...r.logs.matchAll(/beat at (\d+)/g)].map((m) => Number(m[1]));
    expect(beats).toHaveLength(Math.floor(1000 / 7));
    expect(Math.max(...beats)).toBe(994);
  });

  it('fires setTimeout(fn, 0) after 1 ms and setInterval(fn, 0) every millisecond, as Node does', async () => {
    const fn = track(
      createFunction({
        handler: async () => {
          const start = Date.now();
          const ticks: number[] = [];
          await new Promise<void>((resolve) => {
            const id = setInterval(() => {
              ticks.push(Date.now() - start);
              if (ticks.length === 3) {
                clearInterval(id);
                resolve();
              }
            }, 0);
          });
          const timeout = await new Promise<number>((resolve) => {
            const at = Date.now();
            setTimeout(() => resolve(Date.now() - at), 0);
          });
          return { ticks, timeout };
        },
      }),
    );
    expect((await fn.invoke({})).payload).toEqual({ ticks: [1, 2, 3], timeout: 1 });
  });

  it('stops an invocation that fires more timers than the clock’s loopLimit, as an uncaught exception', async () => {
    const clock = track(createClock({ loopLimit: 1000, realTimeFlow: false }));
    const fn = track(
      createFunction({
        clock,
        runtime: 'nodejs22.x', // its runtime client reports the uncaught exception (on nodejs24.x the runtime exits)
        handler: async () => {
          setInterval(() => undefined, 1);
          await new Promise(() => undefined);
        },
      }),
    );
    const r = await fn.invoke({});
    expect(r.outcome).toBe('crash');
    expect(r.error?.errorMessage).toBe('Aborting after running 1000 timers, assuming an infinite loop!');
    expect(r.durationMs).toBe(1001);
    // The limit counts per invocation: the next one (a fresh runtime after the crash) starts from zero.
    expect((await fn.invoke({})).durationMs).toBe(1001);
  });

  it('counts the loop limit per invocation: two warm invocations of 600 timers each both finish under a limit of 1000', async () => {
    const clock = track(createClock({ loopLimit: 1000, realTimeFlow: false }));
    const fn = track(
      createFunction({
        clock,
        handler: async () => {
          for (let i = 0; i < 600; i++) await new Promise((r) => setTimeout(r, 1));
          return 'done';
        },
      }),
    );
    expect((await fn.invoke({})).payload).toBe('done');
    const warm = await fn.invoke({});
    expect([warm.coldStart, warm.payload]).toEqual([false, 'done']);
  });

  it.each([
    ['an unref’d setTimeout', () => void setTimeout(() => undefined, 60_000).unref()],
    ['AbortSignal.timeout (a fetch deadline)', () => void AbortSignal.timeout(60_000)],
  ])('does not keep the event loop alive for %s, as in Node: a callback handler responds when the loop drains', async (_label, pending) => {
    const fn = track(
      createFunction({
        runtime: 'nodejs22.x',
        timeout: 3,
        handler: (_e: unknown, _c: unknown, callback: (e: null, r: string) => void) => {
          pending();
          setTimeout(() => callback(null, 'answered'), 100);
        },
      }),
    );
    const r = await fn.invoke({});
    expect([r.outcome, r.payload]).toEqual(['success', 'answered']);
    expect(r.durationMs).toBeLessThan(1000);
  });

  it("lets the host's own callbacks run while a handler's timers fire back to back", async () => {
    // 60,000 timer firings before the timeout: the scheduler must come back to the event loop now and then, or a
    // server or the test runner in the same process would stall until the invocation ends.
    const fn = track(
      createFunction({
        timeout: 60,
        handler: async () => {
          setInterval(() => undefined, 1);
          await new Promise(() => undefined);
        },
      }),
    );
    let hostTurns = 0;
    let invoking = true;
    const spin = (): void => {
      if (!invoking) return;
      hostTurns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const r = await fn.invoke({});
    invoking = false;
    expect(r.outcome).toBe('timeout');
    expect(hostTurns).toBeGreaterThan(100);
  });

  it('runs a handler that never settles but keeps a timer alive into Sandbox.Timedout', async () => {
    const fn = track(
      createFunction({
        timeout: 900,
        handler: async () => {
          setInterval(() => undefined, 60_000);
          await new Promise(() => undefined);
        },
      }),
    );
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
    expect(r.error?.errorMessage).toContain('Task timed out after 900.00 seconds');
  });
});
