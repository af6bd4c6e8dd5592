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
