import type { DestinationCondition } from '../async/records.js';
import type { Topic } from '../async/targets.js';
import type { Queue } from '../event-sources/sqs-queue.js';
import type { InvocationResult } from '../function/result.js';
import type { LogLevel } from '../logs/format.js';
import type { DestinationRecordMatch } from './matchers.js';

/**
 * The payload type `toSucceedWith` accepts for a received value of type `T`: the result's payload when `T` is an
 * `InvocationResult<P>` (or a promise of one), anything otherwise (also when `P` is `never`). Asymmetric matchers are typed `any` by the
 * runners, so they fit anywhere.
 * @example
 * type P = PayloadOf<InvocationResult<{ id: number }>>; // { id: number }
 */
export type PayloadOf<T> = [T] extends [PromiseLike<infer U>]
  ? PayloadOf<U>
  : [T] extends [InvocationResult<infer P>]
    ? // A handler that only ever throws has a `never` result: any expectation is then a (failing) runtime question.
      [P] extends [never]
      ? unknown
      : P
    : unknown;

/**
 * The lambda-harness matchers as they appear on `expect(value)`. `R` is what each returns (the runner's choice).
 * `import 'lambda-harness/vitest'` merges them into vitest's `Matchers<T>`; Jest users can merge them into
 * `jest.Matchers<R>` the same way.
 * @example
 * declare module 'vitest' {
 *   interface Matchers<T = any> extends LambdaMatchers<T> {}
 * }
 */
export interface LambdaMatchers<R = unknown, T = unknown> {
  /** The invocation succeeded. */
  toSucceed(): R;
  /** The invocation succeeded with this payload (deep equality, asymmetric matchers allowed). */
  toSucceedWith(payload: PayloadOf<T>): R;
  /** The invocation failed with this `errorType` (and message: a string, asymmetric matcher or RegExp). */
  toFailWith(errorType: string, message?: string | RegExp): R;
  /** The invocation timed out (`Sandbox.Timedout`). */
  toTimeOut(): R;
  /** The invocation (or async attempt) started a new execution environment. */
  toBeColdStart(): R;
  /** The invocation (or async attempt) reused a warm execution environment. */
  toBeWarmStart(): R;
  /** A rejection error, an async event record or a function whose async events were throttled. */
  toHaveBeenThrottled(): R;
  /** An async event record (or a function and a request id) was run `n` times, throttles excluded. */
  toHaveAttempts(n: number, requestId?: string): R;
  /** An async event record failed into the DLQ, or (with a queue) the queue holds the request id's dead letter. */
  toLandInDeadLetterQueue(queue?: Queue | Topic): R;
  /** A queue, topic or bus holds a destination record with this condition or matching this partial record. */
  toHaveDestinationRecord(condition: DestinationCondition | DestinationRecordMatch): R;
  /** The invocation's logs contain this text or match this RegExp (only records of `level` when given). */
  toHaveLogged(text: string | RegExp, level?: LogLevel): R;
  /** The invocation returned a partial batch response failing exactly these items (any order). */
  toReportBatchItemFailures(ids: readonly (string | { readonly messageId: string })[]): R;
}
