import { afterEach, expect } from 'vitest';
import { createClock, createFunction, HarnessError, type FunctionOptions, type LambdaFunction } from '../../src/index.js';

/**
 * `make(options)` for a test file: creates a function and disposes it after each test, so no test leaves
 * environments, timers or patched globals behind for the next.
 */
export function disposableFunctions(): (options: FunctionOptions<never, unknown>) => LambdaFunction {
  const created: LambdaFunction[] = [];
  afterEach(async () => {
    for (const fn of created.splice(0)) await fn.dispose();
  });
  return (options) => {
    const fn = createFunction(options) as LambdaFunction;
    created.push(fn);
    return fn;
  };
}

/**
 * `track(fn)` for a test file that creates functions itself (keeping their event and result types): disposes each
 * tracked function after each test, as `disposableFunctions` does.
 */
export function trackedFunctions(): <T extends LambdaFunction>(fn: T) => T {
  const created: LambdaFunction[] = [];
  afterEach(async () => {
    for (const fn of created.splice(0)) await fn.dispose();
  });
  return (fn) => {
    created.push(fn);
    return fn;
  };
}

/**
 * `make(handler, options)` for a test file: a function on its own exact clock (no real time flowing into it, so
 * virtual times are reproducible), disposed after each test. `options.clock` shares another one.
 */
export function exactClockFunctions<E>(): (handler: (event: E) => unknown, options?: Omit<FunctionOptions<E, unknown>, 'handler'>) => LambdaFunction {
  const track = trackedFunctions();
  return (handler, options = {}) =>
    track(createFunction({ clock: createClock({ realTimeFlow: false }), ...options, handler: handler as never }) as unknown as LambdaFunction);
}

/** Anything a test must let go of afterwards: functions and clocks (`dispose`), servers (`close`). */
export type Releasable = { dispose(): Promise<void> } | { close(): Promise<void> };

/**
 * `release(x)` for a test file: after each test, everything released is disposed or closed, the last first (a server
 * before the functions it serves, a function before the clock it runs on).
 */
export function releasedAfterEach(): <T extends Releasable>(x: T) => T {
  const held: Releasable[] = [];
  afterEach(async () => {
    for (const x of held.splice(0).reverse()) await ('dispose' in x ? x.dispose() : x.close());
  });
  return (x) => {
    held.push(x);
    return x;
  };
}

/** The HarnessError `call` throws (a configuration call refused), failing the test when it throws none or another. */
export function refusalOf(call: () => unknown): HarnessError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error('expected a HarnessError, and nothing was thrown');
}

/**
 * A handler whose init fails in a provisioned environment (when `broken()` says so, by default always) and answers its
 * initialisation type otherwise: what the provisioned-concurrency tests run, to see which environments served.
 */
export function failsProvisionedInit(broken: () => boolean = () => true): { init: () => () => Promise<string | undefined> } {
  return {
    init: () => {
      if (broken() && process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] === 'provisioned-concurrency') throw new Error('provisioned init fails');
      return async () => process.env['AWS_LAMBDA_INITIALIZATION_TYPE'];
    },
  };
}
