/**
 * `lambda-harness/vitest`: matchers for invocation results, asynchronous events, destinations, logs and batch
 * responses. Importing this entry registers them with vitest's `expect` (the package's one declared side effect)
 * and types them on vitest's `Matchers<T>`. vitest is an optional peer dependency: only this entry imports it.
 * Jest users import the same functions, without the side effect, from `lambda-harness/matchers`.
 * @example
 * // vitest.setup.ts (listed in `test.setupFiles`)
 * import 'lambda-harness/vitest';
 * // any test
 * expect(await fn.invoke({ n: 1 })).toSucceedWith({ n: 2 });
 * @packageDocumentation
 */
import { expect } from 'vitest';
import type { LambdaMatchers } from './matcher-types.js';
import { matchers } from './matchers.js';

expect.extend(matchers);

declare module 'vitest' {
  // The type parameter must be declared exactly as vitest declares it (`T = any`) for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends LambdaMatchers<T, T> {}
}

export { matchers, type MatcherContext, type MatcherResult, type DestinationRecordMatch } from './matchers.js';
export type { LambdaMatchers, PayloadOf } from './matcher-types.js';
