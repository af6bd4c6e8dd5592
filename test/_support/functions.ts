import { afterEach } from 'vitest';
import { createFunction, type FunctionOptions, type LambdaFunction } from '../../src/index.js';

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
