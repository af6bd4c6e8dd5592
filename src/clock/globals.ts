import os from 'node:os';
import timersModule from 'node:timers';
import timersPromisesModule from 'node:timers/promises';
import { syncBuiltinESMExports } from 'node:module';
import { promisify } from 'node:util';
import { HarnessError } from '../errors.js';
import { ProcessExitSignal, scopeStorage, outsideScope } from '../runtime/scope.js';
import type { LogLevel } from '../logs/format.js';
import { timerOwners } from './env-timers.js';
import { real } from './real.js';
import { dateText, hostZone, isLocalDateString, offsetMs, utcOfWall, zoneOfTz } from './time-zone.js';

/**
 * The global shims that put simulated code on virtual time, capture its console and give it Lambda's
 * `process.env` — installed only while some simulated code runs, and removed (restoring the exact originals)
 * when nothing does. Each shim routes by the current scope (AsyncLocalStorage): code of a simulated environment
 * gets its environment's clock/console/env; everything else (the test itself, servers it started, vitest) gets
 * the original behaviour. That is what makes concurrent invocations and a test's own timers coexist.
 */

type AnyFn = (...args: never[]) => unknown;
interface Patch {
  target: object;
  key: string | symbol;
  /** The property's own descriptor before the patch, or undefined when it was inherited or absent (then deleted). */
  original: PropertyDescriptor | undefined;
  /** The descriptor installed: the shim as a value, or an accessor. */
  patched: PropertyDescriptor;
  /** Puts the host's state back when re-defining `original` would not (awslambda: a value the host set meanwhile). */
  restore?: () => void;
}

let active = 0;
/** The streams' own write functions while the shims are installed. */
const originalWrites = new WeakMap<object, unknown>();

/**
 * Writes to the real stderr, bypassing the capture of simulated environments (for `printLogs`).
 * @example
 * writeToHostStderr('START RequestId: …\n');
 */
export function writeToHostStderr(text: string): void {
  const write = (originalWrites.get(process.stderr) ?? process.stderr.write) as (t: string) => boolean;
  write.call(process.stderr, text);
}
let installed: Patch[] | null = null;
let uninstallTimer: ReturnType<typeof setTimeout> | undefined;

const CONSOLE_LEVELS: readonly [string, LogLevel][] = [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
  ['fatal', 'FATAL'],
];

function timersOf(): import('./env-timers.js').EnvTimers | null | undefined {
  return scopeStorage.getStore()?.timers;
}

/** Sinon (and so vitest's `vi.useFakeTimers()`) marks every function it installs with a `clock` property. */
function fakedBySomeoneElse(fn: unknown): boolean {
  return typeof fn === 'function' && typeof (fn as { clock?: unknown }).clock === 'object';
}

function fakeTimersError(): HarnessError {
  return new HarnessError(
    'FAKE_TIMERS_ACTIVE',
    'Fake timers are installed (vi.useFakeTimers() or @sinonjs/fake-timers). lambda-harness runs handlers on its own ' +
      'virtual clock: call vi.useRealTimers() (or clock.uninstall()) before invoking, and move time with ' +
      "fn.clock.advance('15m') instead. To test with real time, pass { clock: 'real' } to createFunction.",
  );
}

function buildShims(): Patch[] {
  const g = globalThis as unknown as Record<string, unknown>;
  const patches: Patch[] = [];
  const add = (target: object, key: string | symbol, shim: unknown): void => {
    const original = Object.getOwnPropertyDescriptor(target, key);
    // The shim takes the place of an own value with its attributes; an inherited or accessor property becomes an own,
    // writable, configurable data property while simulations run (as assignment made it), and is put back after.
    const attributes = original && 'value' in original ? original : { writable: true, enumerable: original?.enumerable ?? true, configurable: true };
    patches.push({ target, key, original, patched: { ...attributes, value: shim } });
  };

  const origSetTimeout = g['setTimeout'] as typeof setTimeout;
  const origSetInterval = g['setInterval'] as typeof setInterval;
  const origSetImmediate = g['setImmediate'] as typeof setImmediate;
  const origClear = {
    clearTimeout: g['clearTimeout'] as typeof clearTimeout,
    clearInterval: g['clearInterval'] as typeof clearInterval,
    clearImmediate: g['clearImmediate'] as typeof clearImmediate,
  };

  const setTimeoutShim = function setTimeout(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) {
    const timers = timersOf();
    if (timers) return timers.setTimeout(fn, ms, ...args);
    return origSetTimeout(fn, ms, ...args);
  };
  const setIntervalShim = function setInterval(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) {
    const timers = timersOf();
    if (timers) return timers.setInterval(fn, ms, ...args);
    return origSetInterval(fn, ms, ...args);
  };
  const setImmediateShim = function setImmediate(fn: (...a: unknown[]) => void, ...args: unknown[]) {
    const timers = timersOf();
    if (timers) return timers.setImmediate(fn, ...args);
    return origSetImmediate(fn, ...args);
  };
  // util.promisify(setTimeout) must stay virtual too.
  Object.defineProperty(setTimeoutShim, promisify.custom, {
    value: (ms?: number, value?: unknown) => virtualSleep(ms ?? 0, value, undefined),
  });
  Object.defineProperty(setImmediateShim, promisify.custom, {
    value: (value?: unknown) => virtualImmediate(value, undefined),
  });
  const clearShim = (name: keyof typeof origClear) =>
    function clear(handle: unknown) {
      if (handle !== null && typeof handle === 'object') {
        const owner = timerOwners.get(handle);
        if (owner) return owner.clear(handle);
      } else if (typeof handle === 'number' || typeof handle === 'string') {
        timersOf()?.clear(handle);
      }
      return (origClear[name] as (h: unknown) => void)(handle);
    };

  const timerShims: Record<string, unknown> = {
    setTimeout: setTimeoutShim,
    setInterval: setIntervalShim,
    setImmediate: setImmediateShim,
    clearTimeout: clearShim('clearTimeout'),
    clearInterval: clearShim('clearInterval'),
    clearImmediate: clearShim('clearImmediate'),
  };
  const timersCjs = timersModule as unknown as Record<string, unknown>;
  for (const [key, shim] of Object.entries(timerShims)) {
    add(g, key, shim);
    add(timersCjs, key, shim);
  }

  // node:timers/promises
  const tp = timersPromisesModule as unknown as Record<string, unknown>;
  const origTp = {
    setTimeout: tp['setTimeout'] as (ms?: number, v?: unknown, o?: TimerOptions) => Promise<unknown>,
    setImmediate: tp['setImmediate'] as (v?: unknown, o?: TimerOptions) => Promise<unknown>,
    setInterval: tp['setInterval'] as (ms?: number, v?: unknown, o?: TimerOptions) => AsyncIterable<unknown>,
  };
  add(tp, 'setTimeout', function setTimeout(ms?: number, value?: unknown, options?: TimerOptions) {
    return timersOf() ? virtualSleep(ms ?? 1, value, options) : origTp.setTimeout(ms, value, options);
  });
  add(tp, 'setImmediate', function setImmediate(value?: unknown, options?: TimerOptions) {
    return timersOf() ? virtualImmediate(value, options) : origTp.setImmediate(value, options);
  });
  add(tp, 'setInterval', function setInterval(ms?: number, value?: unknown, options?: TimerOptions) {
    return timersOf() ? virtualInterval(ms ?? 1, value, options) : origTp.setInterval(ms, value, options);
  });
  const scheduler = tp['scheduler'] as Record<string, unknown> | undefined;
  if (scheduler) {
    const origWait = scheduler['wait'] as (ms: number, o?: TimerOptions) => Promise<void>;
    const origYield = scheduler['yield'] as () => Promise<void>;
    add(scheduler, 'wait', (ms: number, options?: TimerOptions) =>
      timersOf() ? virtualSleep(ms, undefined, options) : origWait.call(scheduler, ms, options),
    );
    add(scheduler, 'yield', () => (timersOf() ? virtualImmediate(undefined, undefined) : origYield.call(scheduler)));
  }

  // The runtime's `awslambda` global, per environment: a handler module reads it at import (init runs in the scope).
  const awslambda = awslambdaPatch(g);
  if (awslambda) patches.push(awslambda);

  // Local time: inside an environment whose TZ (Lambda: UTC) is not the host's zone, Date's local methods, its string
  // forms, `new Date(y, m, …)`, local date strings and Intl's default zone follow the environment's zone.
  const OrigDate = g['Date'] as DateConstructor;
  const dateProto = OrigDate.prototype as unknown as Record<string, (this: Date, ...a: unknown[]) => unknown>;
  const getTime = dateProto['getTime']!;
  const setTime = dateProto['setTime']!;
  const origGetTimezoneOffset = dateProto['getTimezoneOffset']!;
  // Read on first use: the first Intl call of a thread loads ICU's zone data (~15 ms), which a cold start or a worker
  // would otherwise pay even when no simulated code ever asks for local time.
  let host: string | undefined;
  const zones = new Map<string | undefined, string | undefined>();
  const localZone = (): string | undefined => {
    const scope = scopeStorage.getStore();
    if (scope === undefined) return undefined;
    const tz = scope.processEnv['TZ'];
    if (zones.has(tz)) return zones.get(tz);
    const zone = zoneOfTz(tz);
    host ??= hostZone();
    const emulated = zone === host ? undefined : zone;
    zones.set(tz, emulated);
    return emulated;
  };
  /** A time value V8 parsed in the host's zone, re-read in `zone` when the string carried no zone of its own. */
  const parseIn = (zone: string, text: string): number => {
    const parsed = OrigDate.parse(text);
    if (Number.isNaN(parsed) || !isLocalDateString(text)) return parsed;
    const wall = parsed - (origGetTimezoneOffset.call(new OrigDate(parsed)) as number) * 60_000;
    return utcOfWall(zone, wall);
  };

  // Date
  function DateShim(this: unknown, ...args: unknown[]): unknown {
    const timers = timersOf();
    if (new.target === undefined) {
      const zone = localZone();
      const now = timers ? timers.now() : OrigDate.now();
      return zone === undefined ? (timers ? new OrigDate(now).toString() : OrigDate()) : dateText(zone, now, 'full');
    }
    if (args.length === 0 && timers) return Reflect.construct(OrigDate, [timers.now()], new.target);
    // Only wall-clock components and date strings depend on the zone.
    const zone = args.length >= 2 || typeof args[0] === 'string' ? localZone() : undefined;
    if (zone !== undefined) {
      if (args.length >= 2) {
        const wall = OrigDate.UTC(...(args as Parameters<typeof Date.UTC>));
        return Reflect.construct(OrigDate, [utcOfWall(zone, wall)], new.target);
      }
      return Reflect.construct(OrigDate, [parseIn(zone, args[0] as string)], new.target);
    }
    return Reflect.construct(OrigDate, args, new.target);
  }
  Object.setPrototypeOf(DateShim, OrigDate);
  DateShim.prototype = OrigDate.prototype;
  Object.defineProperty(DateShim, 'name', { value: 'Date' });
  Object.defineProperty(DateShim, 'length', { value: OrigDate.length });
  Object.defineProperty(DateShim, 'now', {
    value: function now() {
      const timers = timersOf();
      return timers ? timers.now() : OrigDate.now();
    },
    writable: true,
    configurable: true,
  });
  Object.defineProperty(DateShim, 'parse', {
    value: function parse(text: unknown) {
      const zone = localZone();
      return zone === undefined ? OrigDate.parse(text as string) : parseIn(zone, String(text));
    },
    writable: true,
    configurable: true,
  });
  add(g, 'Date', DateShim);

  const local = (name: string, inZone: (zone: string, t: number, args: unknown[], date: Date) => unknown): void => {
    const original = dateProto[name]!;
    add(dateProto, name, {
      [name](this: Date, ...args: unknown[]) {
        const zone = localZone();
        return zone === undefined ? original.apply(this, args) : inZone(zone, getTime.call(this) as number, args, this);
      },
    }[name]);
  };
  const wallOf = (zone: string, t: number): Date => new OrigDate(t + offsetMs(zone, t));
  for (const field of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    const utcGetter = dateProto[`getUTC${field}`]!;
    local(`get${field}`, (zone, t) => (Number.isNaN(t) ? NaN : utcGetter.call(wallOf(zone, t))));
    if (field === 'Day') continue;
    const utcSetter = dateProto[`setUTC${field}`]!;
    local(`set${field}`, (zone, t, args, date) => {
      // An invalid date stays invalid, except that setFullYear starts from +0 (ECMA-262).
      if (Number.isNaN(t) && field !== 'FullYear') return NaN;
      const wall = new OrigDate(Number.isNaN(t) ? 0 : t + offsetMs(zone, t));
      utcSetter.apply(wall, args);
      return setTime.call(date, utcOfWall(zone, getTime.call(wall) as number));
    });
  }
  local('getTimezoneOffset', (zone, t) => (Number.isNaN(t) ? NaN : (0 - offsetMs(zone, t)) / 60_000));
  if (typeof dateProto['getYear'] === 'function') {
    const utcFullYear = dateProto['getUTCFullYear']!;
    local('getYear', (zone, t) => (Number.isNaN(t) ? NaN : (utcFullYear.call(wallOf(zone, t)) as number) - 1900));
  }
  if (typeof dateProto['setYear'] === 'function') {
    // Annex B: a year 0-99 means 1900-1999; then as setFullYear (the shim, in the environment's zone).
    local('setYear', (_zone, _t, args, date) => {
      const year = Number(args[0]);
      if (Number.isNaN(year)) return setTime.call(date, NaN);
      const whole = Math.trunc(year);
      return (date as unknown as { setFullYear(y: number): number }).setFullYear(whole >= 0 && whole <= 99 ? 1900 + whole : year);
    });
  }
  local('toString', (zone, t) => dateText(zone, t, 'full'));
  local('toDateString', (zone, t) => dateText(zone, t, 'date'));
  local('toTimeString', (zone, t) => dateText(zone, t, 'time'));
  const withZone = (zone: string, options: unknown): unknown => {
    if (options !== undefined && (typeof options !== 'object' || options === null)) return options;
    const o = options as { timeZone?: unknown } | undefined;
    return o?.timeZone === undefined ? { ...o, timeZone: zone } : options;
  };
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = dateProto[name]!;
    local(name, (zone, _t, args, date) => original.call(date, args[0], withZone(zone, args[1])));
  }

  // AbortSignal.timeout: Node arms it with its own internal (real) timer; inside an environment it fires on the clock.
  const origAbortTimeout = AbortSignal.timeout;
  add(AbortSignal, 'timeout', function timeout(this: typeof AbortSignal, delay: number): AbortSignal {
    const timers = timersOf();
    // Outside an environment, or a delay Node refuses (it throws its own error): Node's.
    if (!timers || typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 4_294_967_295) {
      return origAbortTimeout.call(this, delay);
    }
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), delay);
    // Like Node's, the timer does not keep the event loop alive.
    (timer as { unref(): unknown }).unref();
    return controller.signal;
  });

  // Intl.DateTimeFormat in the environment's zone unless told another.
  const OrigDTF = Intl.DateTimeFormat;
  const DateTimeFormatShim = function DateTimeFormat(this: unknown, locales?: unknown, options?: unknown): unknown {
    const zone = localZone();
    const args = [locales, zone === undefined ? options : withZone(zone, options)];
    return new.target === undefined ? (OrigDTF as unknown as (...a: unknown[]) => unknown)(...args) : Reflect.construct(OrigDTF, args, new.target);
  };
  Object.setPrototypeOf(DateTimeFormatShim, OrigDTF);
  DateTimeFormatShim.prototype = OrigDTF.prototype;
  Object.defineProperty(DateTimeFormatShim, 'length', { value: OrigDTF.length });
  add(Intl, 'DateTimeFormat', DateTimeFormatShim);

  // Intl.DateTimeFormat: format() and formatToParts() without a date format "now", which V8 reads from the real
  // clock, not from Date.now. Patched on the prototype, so formatters made anywhere (at import, by a library) follow.
  const dtf = Intl.DateTimeFormat.prototype as unknown as Record<string, unknown>;
  const origFormatToParts = dtf['formatToParts'] as (this: Intl.DateTimeFormat, date?: Date | number) => Intl.DateTimeFormatPart[];
  add(dtf, 'formatToParts', function formatToParts(this: Intl.DateTimeFormat, date?: Date | number) {
    const timers = timersOf();
    return origFormatToParts.call(this, date === undefined && timers ? timers.now() : date);
  });
  const formatDescriptor = Object.getOwnPropertyDescriptor(dtf, 'format');
  const origFormatGetter = formatDescriptor?.get;
  if (formatDescriptor && origFormatGetter) {
    // `format` is a getter returning a bound function; the shim binds one that reads the clock when called.
    const formatGetter = function (this: Intl.DateTimeFormat) {
      const format = origFormatGetter.call(this) as (date?: Date | number) => string;
      return (date?: Date | number): string => {
        const timers = timersOf();
        return format(date === undefined && timers ? timers.now() : date);
      };
    };
    patches.push({ target: dtf, key: 'format', original: formatDescriptor, patched: { ...formatDescriptor, get: formatGetter } });
  }

  // performance.now and process.hrtime
  const perf = performance as unknown as Record<string, unknown>;
  const origPerfNow = performance.now.bind(performance);
  add(perf, 'now', function now() {
    const timers = timersOf();
    return timers ? (timers.fake.performance as { now(): number }).now() : origPerfNow();
  });
  // performance.mark and measure default to "now" from Node's own clock; inside an environment, the virtual one.
  const origMark = performance.mark.bind(performance);
  add(perf, 'mark', function mark(name: string, options?: { startTime?: number; detail?: unknown }) {
    const timers = timersOf();
    if (!timers || options?.startTime !== undefined) return origMark(name, options);
    return origMark(name, { ...options, startTime: (timers.fake.performance as { now(): number }).now() });
  });
  type MeasureOptions = { start?: string | number; end?: string | number; duration?: number; detail?: unknown };
  const origMeasure = performance.measure.bind(performance) as (name: string, start?: string | MeasureOptions, end?: string) => unknown;
  add(perf, 'measure', function measure(name: string, start?: string | MeasureOptions, end?: string) {
    const timers = timersOf();
    if (!timers || end !== undefined) return origMeasure(name, start, end);
    const now = (timers.fake.performance as { now(): number }).now();
    if (start === undefined || typeof start === 'string') return origMeasure(name, { ...(start === undefined ? {} : { start }), end: now });
    if (start.end !== undefined || start.duration !== undefined) return origMeasure(name, start);
    return origMeasure(name, { ...start, end: now });
  });
  const origHrtime = process.hrtime;
  const hrtimeShim = function hrtime(prev?: [number, number]): [number, number] {
    const timers = timersOf();
    return timers ? (timers.fake.hrtime(prev) as [number, number]) : origHrtime(prev);
  };
  hrtimeShim.bigint = function bigint(): bigint {
    const timers = timersOf();
    if (!timers) return origHrtime.bigint();
    const [s, ns] = timers.fake.hrtime() as [number, number];
    return BigInt(s) * 1_000_000_000n + BigInt(Math.floor(ns));
  };
  add(process, 'hrtime', hrtimeShim);
  // process.uptime(): inside an environment, the virtual seconds since it started (a runtime's process starts with it).
  const origUptime = process.uptime;
  add(process, 'uptime', function uptime(): number {
    const timers = timersOf();
    return timers ? (timers.fake.performance as { now(): number }).now() / 1000 : origUptime.call(process);
  });

  // console
  const con = console as unknown as Record<string, AnyFn>;
  for (const [method, level] of CONSOLE_LEVELS) {
    const original = (con[method] ?? con['error']) as (...a: unknown[]) => void;
    add(con, method, function (this: unknown, ...args: unknown[]) {
      const scope = scopeStorage.getStore();
      if (scope) scope.log(level, args);
      else original.apply(console, args);
    });
  }

  // process.stdout/stderr: loggers that write to the streams directly (Powertools, pino) are logged as Lambda logs them.
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    originalWrites.set(stream, original);
    add(stream, 'write', function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      const scope = scopeStorage.getStore();
      if (!scope) return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      scope.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const callback = rest.find((r): r is () => void => typeof r === 'function');
      if (callback) process.nextTick(callback);
      return true;
    });
  }

  // process.env: one proxy, routed per scope, so concurrent environments each see their own variables.
  const hostEnv = process.env;
  add(
    process,
    'env',
    new Proxy(hostEnv, {
      get: (t, k) => {
        const s = scopeStorage.getStore();
        return s && typeof k === 'string' ? s.processEnv[k] : Reflect.get(t, k);
      },
      set: (t, k, v) => {
        const s = scopeStorage.getStore();
        if (s && typeof k === 'string') s.processEnv[k] = String(v);
        else Reflect.set(t, k, v);
        return true;
      },
      has: (t, k) => {
        const s = scopeStorage.getStore();
        return s && typeof k === 'string' ? s.processEnv[k] !== undefined : Reflect.has(t, k);
      },
      deleteProperty: (t, k) => {
        const s = scopeStorage.getStore();
        // The host's variables are the prototype of an environment's: shadow rather than delete.
        if (s && typeof k === 'string') s.processEnv[k] = undefined;
        else Reflect.deleteProperty(t, k);
        return true;
      },
      ownKeys: (t) => {
        const s = scopeStorage.getStore();
        if (!s) return Reflect.ownKeys(t);
        const keys: string[] = [];
        for (const k in s.processEnv) if (s.processEnv[k] !== undefined) keys.push(k);
        return keys;
      },
      getOwnPropertyDescriptor: (t, k) => {
        const s = scopeStorage.getStore();
        if (s && typeof k === 'string') {
          const value = s.processEnv[k];
          return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
        }
        return Reflect.getOwnPropertyDescriptor(t, k);
      },
    }),
  );

  // os.tmpdir() reads the OS environment, not process.env: route it to the environment's own /tmp.
  const origTmpdir = os.tmpdir;
  add(os, 'tmpdir', function tmpdir() {
    // Reading the environment's TMPDIR creates its directory on first use.
    return scopeStorage.getStore()?.processEnv['TMPDIR'] ?? origTmpdir();
  });

  // process.exit inside a simulated environment ends that environment's runtime, not the test process.
  const origExit = process.exit;
  add(process, 'exit', function exit(code?: number | string | null) {
    const scope = scopeStorage.getStore();
    if (!scope) return origExit.call(process, code as number);
    const exitCode = Number(code ?? process.exitCode ?? 0) || 0;
    scope.crash('exit', exitCode);
    throw new ProcessExitSignal(exitCode);
  });

  return patches;
}

interface TimerOptions {
  signal?: AbortSignal;
  ref?: boolean;
}

function abortError(signal: AbortSignal): Error {
  const err = new Error('The operation was aborted', { cause: signal.reason });
  err.name = 'AbortError';
  (err as Error & { code: string }).code = 'ABORT_ERR';
  return err;
}

function virtualWait(
  arm: (done: () => void) => object,
  value: unknown,
  options: TimerOptions | undefined,
): Promise<unknown> {
  const timers = timersOf();
  if (!timers) return Promise.resolve(value);
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      timers.clear(handle);
      reject(abortError(signal!));
    };
    const handle = arm(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (options?.ref === false) (handle as { unref(): void }).unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function virtualSleep(ms: number, value: unknown, options: TimerOptions | undefined): Promise<unknown> {
  return virtualWait((done) => timersOf()!.setTimeout(done, ms), value, options);
}

function virtualImmediate(value: unknown, options: TimerOptions | undefined): Promise<unknown> {
  return virtualWait((done) => timersOf()!.setImmediate(done), value, options);
}

async function* virtualInterval(ms: number, value: unknown, options: TimerOptions | undefined): AsyncGenerator<unknown> {
  const timers = timersOf()!;
  let ticks = 0;
  let wake: (() => void) | undefined;
  const handle = timers.setInterval(() => {
    ticks++;
    wake?.();
  }, ms);
  if (options?.ref === false) (handle as { unref(): void }).unref();
  try {
    for (;;) {
      if (ticks === 0) {
        await new Promise<void>((resolve, reject) => {
          wake = resolve;
          if (options?.signal?.aborted) reject(abortError(options.signal));
          options?.signal?.addEventListener('abort', () => reject(abortError(options.signal!)), { once: true });
        });
        wake = undefined;
      }
      ticks--;
      yield value;
    }
  } finally {
    timers.clear(handle);
  }
}

function onUncaught(error: unknown): void {
  const scope = scopeStorage.getStore();
  if (scope) {
    scope.crash('uncaughtException', error);
    return;
  }
  // Not ours: behave as if this listener were not there.
  if (process.listenerCount('uncaughtException') === 1) throw error;
}

function onUnhandled(reason: unknown): void {
  const scope = scopeStorage.getStore();
  if (scope) {
    scope.crash('unhandledRejection', reason);
    return;
  }
  if (process.listenerCount('unhandledRejection') === 1) {
    real.setImmediate(() => {
      throw reason;
    });
  }
}

/**
 * The accessor that gives each environment its runtime's `awslambda` global, and the host its own value (usually
 * none). None when the host's property cannot be redefined, or is an accessor of its own: that value then stays what
 * every environment sees.
 */
function awslambdaPatch(g: Record<string, unknown>): Patch | undefined {
  const host = Object.getOwnPropertyDescriptor(g, 'awslambda');
  if (host !== undefined && (!host.configurable || host.get !== undefined || host.set !== undefined)) return undefined;
  let hostValue = host?.value as unknown;
  const accessor: PropertyDescriptor = {
    configurable: true,
    enumerable: host?.enumerable ?? false,
    get: () => {
      const scope = scopeStorage.getStore();
      return scope ? scope.awslambda : hostValue;
    },
    set: (value: unknown) => {
      const scope = scopeStorage.getStore();
      if (scope) scope.awslambda = value;
      else hostValue = value;
    },
  };
  return {
    target: g,
    key: 'awslambda',
    original: host,
    patched: accessor,
    restore: () => {
      if (host === undefined && hostValue === undefined) delete g['awslambda'];
      else Object.defineProperty(g, 'awslambda', { configurable: true, enumerable: true, writable: true, ...host, value: hostValue });
    },
  };
}

/** How a patched global is named in an error: `process.uptime`, `globalThis.setTimeout`, `Date.prototype.getHours`. */
function nameOf(p: Patch): string {
  const target = p.target as { constructor?: { name?: string; prototype?: unknown } };
  let owner = target === globalThis ? 'globalThis' : target === process ? 'process' : (target.constructor?.name ?? 'an object');
  if (target.constructor?.prototype === target) owner = `${owner}.prototype`;
  return `${owner}.${String(p.key)}`;
}

function install(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (fakedBySomeoneElse(g['setTimeout']) || fakedBySomeoneElse(g['Date'])) throw fakeTimersError();
  const patches = buildShims();
  const applied: Patch[] = [];
  for (const p of patches) {
    try {
      Object.defineProperty(p.target, p.key, p.patched);
    } catch (error) {
      // A global the host froze: leave every global as it was, rather than half patched.
      restorePatches(applied);
      throw new HarnessError(
        'GLOBAL_NOT_PATCHABLE',
        `lambda-harness replaces ${nameOf(p)} while simulations run (each environment gets its own), but it cannot be redefined here (${(error as Error).message}): something froze it. Nothing was patched; leave that global configurable to run simulated functions in this process.`,
      );
    }
    applied.push(p);
  }
  syncBuiltinESMExports();
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);
  installed = patches;
}

function uninstall(): void {
  const patches = installed;
  if (!patches) return;
  installed = null;
  restorePatches(patches);
  syncBuiltinESMExports();
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUnhandled);
}

/** Puts back what `patches` replaced, last first, except where someone replaced a shim after us. */
function restorePatches(patches: Patch[]): void {
  for (const p of [...patches].reverse()) {
    const now = Object.getOwnPropertyDescriptor(p.target, p.key);
    // Someone replaced our shim after us (e.g. vi.useFakeTimers mid-test): leave theirs in place.
    const ours = p.patched.get !== undefined ? now?.get === p.patched.get : now !== undefined && 'value' in now && now.value === p.patched.value;
    if (!ours) continue;
    if (p.restore) p.restore();
    else if (p.original) Object.defineProperty(p.target, p.key, p.original);
    else delete (p.target as Record<string | symbol, unknown>)[p.key];
  }
}

/**
 * Marks the start of simulated work; installs the shims if they are not installed. Throws FAKE_TIMERS_ACTIVE
 * when another fake clock owns the timers, without patching anything.
 */
export function enterSimulation(): void {
  if (installed === null) {
    install();
  } else if ((globalThis as unknown as Record<string, unknown>)['setTimeout'] !== installed[0]!.patched.value) {
    if (fakedBySomeoneElse(globalThis.setTimeout)) throw fakeTimersError();
  }
  active++;
}

/** How long the shims stay after the last simulated work, so back-to-back invocations do not reinstall them. */
const UNINSTALL_AFTER_MS = 1000;

/**
 * Marks the end of simulated work. The shims are removed once nothing has run for a short real while (they route by
 * scope, so code outside simulated environments is unaffected meanwhile); `dispose()` removes them at once.
 */
export function leaveSimulation(): void {
  if (active > 0) active--;
  if (active === 0 && uninstallTimer === undefined) {
    uninstallTimer = outsideScope(() =>
      real.setTimeout(() => {
        uninstallTimer = undefined;
        if (active === 0) uninstall();
      }, UNINSTALL_AFTER_MS).unref(),
    );
  }
}

/** Removes the shims now if nothing runs (used by dispose so no global stays patched). */
export function uninstallIfIdle(): void {
  if (active !== 0) return;
  if (uninstallTimer !== undefined) {
    real.clearTimeout(uninstallTimer);
    uninstallTimer = undefined;
  }
  uninstall();
}
