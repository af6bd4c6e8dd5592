import { ranAttempts, type AsyncAttempt, type AsyncEventRecord } from '../async/event-queue.js';
import type { DestinationCondition, InvocationRecord } from '../async/records.js';
import type { Topic } from '../async/targets.js';
import { batchItemFailureIds } from '../event-sources/batch-response.js';
import type { Queue } from '../event-sources/sqs-queue.js';
import type { InvocationResult } from '../function/result.js';
import type { LogLevel } from '../logs/format.js';
import { compact } from './_internals/compact.js';
import { logRecords } from './_internals/log-records.js';
import {
  deadLetterRequestIds,
  describe,
  destinationRecords,
  isAsyncEventRecord,
  isFunctionLike,
  isInvocationResult,
  isTarget,
  requestIdOf,
} from './_internals/received.js';

/**
 * What a matcher uses of the runner's `this`. vitest's `MatcherState` and Jest's `MatcherContext` both provide it,
 * so the same functions work with either runner's `expect.extend`.
 * @example
 * expect.extend(matchers); // the runner passes its own context as `this`
 */
export interface MatcherContext {
  readonly isNot: boolean;
  /** Set to `'resolves'` / `'rejects'` under `.resolves` / `.rejects`. */
  readonly promise?: string;
  /** The runner's deep equality, which understands asymmetric matchers (`expect.any(String)`, ...). */
  equals(a: unknown, b: unknown, customTesters?: readonly unknown[], strictCheck?: boolean): boolean;
  readonly customTesters?: readonly unknown[];
  readonly utils: {
    printReceived(value: unknown): string;
    printExpected(value: unknown): string;
    matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string }): string;
  };
}

/**
 * The result every matcher returns: the runner prints `message()` and, from `actual` and `expected`, a diff.
 * @example
 * const r: MatcherResult = matchers.toSucceed.call(context, result);
 */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}

type Ids = readonly (string | { readonly messageId: string })[];

function hint(ctx: MatcherContext, name: string, received: string, expected = ''): string {
  return ctx.utils.matcherHint(name, received, expected, { isNot: ctx.isNot, ...(ctx.promise ? { promise: ctx.promise } : {}) });
}

function expectInvocation(name: string, received: unknown): InvocationResult {
  if (isInvocationResult(received)) return received;
  throw new TypeError(`${name}: expected an InvocationResult (what \`await fn.invoke(event)\` resolves with), received ${describe(received)}.`);
}

/** "succeeded with {…}" / "failed (timeout) with Sandbox.Timedout: Task timed out after 3.00 seconds". */
function summary(r: InvocationResult): string {
  if (r.ok) return `succeeded with ${compact(r.payload)}`;
  return `failed (${r.outcome}) with ${compact(`${r.error.errorType}: ${r.error.errorMessage}`)}`;
}

/** "+0 s error, +60 s error, +180 s success": an event's attempts relative to its acceptance. */
function timeline(record: AsyncEventRecord): string {
  if (record.attempts.length === 0) return 'no attempts';
  return record.attempts.map((a) => `+${(a.at - record.acceptedAt) / 1000} s ${a.outcome}`).join(', ');
}

/** Deep subset match whose leaves use the runner's equality, so asymmetric matchers work at any depth. */
function matchesSubset(ctx: MatcherContext, actual: unknown, subset: unknown): boolean {
  const isPlain = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch !== 'function';
  if (isPlain(subset) && isPlain(actual)) {
    return Object.keys(subset).every((key) => key in actual && matchesSubset(ctx, actual[key], subset[key]));
  }
  return ctx.equals(actual, subset, ctx.customTesters);
}

/**
 * The invocation succeeded (`result.ok`): the handler returned, no error, no timeout, no crash.
 * @example
 * expect(await fn.invoke({ n: 1 })).toSucceed();
 */
function toSucceed(this: MatcherContext, received: unknown): MatcherResult {
  const r = expectInvocation('toSucceed', received);
  return {
    pass: r.ok,
    message: () =>
      `${hint(this, 'toSucceed', 'result')}\n\n` +
      (this.isNot ? `Expected the invocation not to succeed, but it ${summary(r)}` : `Expected the invocation to succeed, but it ${summary(r)}`),
    actual: r.outcome,
    expected: 'success',
  };
}

/**
 * The invocation succeeded with a payload deeply equal to `payload` (the parsed response, so `undefined` becomes
 * `null`). Asymmetric matchers work anywhere inside it.
 * @example
 * expect(await fn.invoke(event)).toSucceedWith({ statusCode: 200, body: expect.stringContaining('"id":1') });
 */
function toSucceedWith(this: MatcherContext, received: unknown, payload: unknown): MatcherResult {
  const r = expectInvocation('toSucceedWith', received);
  const pass = r.ok && this.equals(r.payload, payload, this.customTesters);
  const head = `${hint(this, 'toSucceedWith', 'result', 'payload')}\n\n`;
  return {
    pass,
    message: () => {
      if (this.isNot) return `${head}Expected the invocation not to succeed with ${compact(payload)}, but it did`;
      if (!r.ok) return `${head}Expected the invocation to succeed with ${compact(payload)}, but it ${summary(r)}`;
      return `${head}Expected payload: ${this.utils.printExpected(payload)}\nReceived payload: ${this.utils.printReceived(r.payload)}`;
    },
    actual: r.ok ? r.payload : r.error,
    expected: payload,
  };
}

/**
 * The invocation failed with this `errorType` and, when given, an `errorMessage` equal to the string (or an
 * asymmetric matcher) or matching the RegExp. Timeouts (`Sandbox.Timedout`) and crashes (`Runtime.ExitError`, ...)
 * are failures too.
 * @example
 * expect(await fn.invoke({ number: 1 })).toFailWith('TypeError', 'Assignment to constant variable.');
 * expect(await fn.invoke({})).toFailWith('ValidationError', /missing "id"/);
 */
function toFailWith(this: MatcherContext, received: unknown, errorType: string, message?: string | RegExp): MatcherResult {
  const r = expectInvocation('toFailWith', received);
  const messageMatches = (text: string): boolean =>
    message === undefined ? true : message instanceof RegExp ? message.test(text) : this.equals(text, message, this.customTesters);
  const pass = !r.ok && r.error.errorType === errorType && messageMatches(r.error.errorMessage);
  const expected = message === undefined ? { errorType } : { errorType, errorMessage: message };
  const actual = r.ok
    ? { outcome: r.outcome, payload: r.payload }
    : message === undefined
      ? { errorType: r.error.errorType }
      : { errorType: r.error.errorType, errorMessage: r.error.errorMessage };
  return {
    pass,
    message: () =>
      `${hint(this, 'toFailWith', 'result', message === undefined ? 'errorType' : 'errorType, message')}\n\n` +
      `Expected the invocation ${this.isNot ? 'not ' : ''}to fail with ${compact(expected)}\n` +
      `Received: it ${summary(r)}`,
    actual,
    expected,
  };
}

/**
 * The invocation timed out (`outcome: 'timeout'`, `Sandbox.Timedout`): on the virtual clock, in milliseconds of
 * wall time whatever the timeout.
 * @example
 * expect(await slow.invoke({})).toTimeOut();
 */
function toTimeOut(this: MatcherContext, received: unknown): MatcherResult {
  const r = expectInvocation('toTimeOut', received);
  return {
    pass: r.outcome === 'timeout',
    message: () => `${hint(this, 'toTimeOut', 'result')}\n\nExpected the invocation ${this.isNot ? 'not ' : ''}to time out, but it ${summary(r)}`,
    actual: r.outcome,
    expected: 'timeout',
  };
}

function coldStartOf(name: string, received: unknown): boolean {
  if (isInvocationResult(received)) return received.coldStart;
  const attempt = received as Partial<AsyncAttempt> | null;
  if (attempt !== null && typeof attempt === 'object' && typeof attempt.coldStart === 'boolean') return attempt.coldStart;
  throw new TypeError(
    `${name}: expected an InvocationResult or an attempt of \`fn.asyncEvents[i].attempts\` that ran (a throttled attempt has no environment), received ${describe(received)}.`,
  );
}

/**
 * The invocation (or an asynchronous attempt) ran in a new execution environment: init ran first.
 * @example
 * expect(await fn.invoke({})).toBeColdStart();
 */
function toBeColdStart(this: MatcherContext, received: unknown): MatcherResult {
  return startMatcher(this, 'toBeColdStart', 'cold', received);
}

/** toBeColdStart and toBeWarmStart: which kind of start the invocation was, against which was `expected`. */
function startMatcher(ctx: MatcherContext, name: string, expected: 'cold' | 'warm', received: unknown): MatcherResult {
  const actual = coldStartOf(name, received) ? 'cold' : 'warm';
  const wanted = ctx.isNot ? (expected === 'cold' ? 'warm' : 'cold') : expected;
  return {
    pass: actual === expected,
    message: () => `${hint(ctx, name, 'result')}\n\nExpected a ${wanted} start, but it was ${actual}`,
    actual,
    expected,
  };
}

/**
 * The invocation (or an asynchronous attempt) reused a warm execution environment.
 * @example
 * await fn.invoke({});
 * expect(await fn.invoke({})).toBeWarmStart();
 */
function toBeWarmStart(this: MatcherContext, received: unknown): MatcherResult {
  return startMatcher(this, 'toBeWarmStart', 'warm', received);
}

/**
 * Lambda throttled it. The received value is one of:
 * - the error a synchronous invoke rejected with (`await expect(fn.invoke(e)).rejects.toHaveBeenThrottled()`):
 *   passes for `TooManyRequestsException` (the harness's `LambdaServiceError` or the AWS SDK's exception);
 * - an `AsyncEventRecord`: passes when at least one delivery attempt was throttled (throttles are retried with
 *   back-off and never count as attempts);
 * - a `LambdaFunction`: passes when any of its asynchronous events was throttled at least once;
 * - an `InvocationResult`: never passes, since a throttled synchronous invoke rejects instead of resolving.
 * @example
 * await expect(fn.invoke({})).rejects.toHaveBeenThrottled();
 * expect(fn.asyncEvents[0]).toHaveBeenThrottled();
 */
function toHaveBeenThrottled(this: MatcherContext, received: unknown): MatcherResult {
  const head = `${hint(this, 'toHaveBeenThrottled', 'received')}\n\n`;
  const expectation = `Expected ${this.isNot ? 'no throttle' : 'a throttle'}`;
  if (received instanceof Promise) {
    throw new TypeError('toHaveBeenThrottled: received a Promise; use `await expect(fn.invoke(event)).rejects.toHaveBeenThrottled()`.');
  }
  if (isInvocationResult(received)) {
    return {
      pass: false,
      message: () => `${head}${expectation}, but the invocation ran and ${summary(received)} (a throttled synchronous invoke rejects: use \`.rejects\`)`,
      actual: received.outcome,
      expected: 'TooManyRequestsException',
    };
  }
  if (isAsyncEventRecord(received) || isFunctionLike(received)) {
    const records = isAsyncEventRecord(received) ? [received] : received.asyncEvents;
    const throttled = records.filter((r) => r.attempts.some((a) => a.outcome === 'throttled'));
    const what = isAsyncEventRecord(received) ? `event ${received.requestId}` : `function ${received.name}`;
    return {
      pass: throttled.length > 0,
      message: () =>
        `${head}${expectation} of ${what}, but ` +
        (throttled.length === 0
          ? `none of its ${records.length} asynchronous event(s) was throttled`
          : throttled.map((r) => `event ${r.requestId} was: ${timeline(r)}`).join('; ')),
      actual: throttled.length,
      expected: this.isNot ? 0 : 'at least 1',
    };
  }
  if (received instanceof Error || (received !== null && typeof received === 'object' && typeof (received as { name?: unknown }).name === 'string')) {
    const error = received as { name: string; message?: string; reason?: string };
    const pass = error.name === 'TooManyRequestsException';
    return {
      pass,
      message: () =>
        `${head}${expectation}, but received ${compact(`${error.name}: ${error.message ?? ''}`)}` +
        (error.reason ? ` (Reason ${error.reason})` : ''),
      actual: error.name,
      expected: 'TooManyRequestsException',
    };
  }
  throw new TypeError(`toHaveBeenThrottled: expected a rejection error, an AsyncEventRecord or a LambdaFunction, received ${describe(received)}.`);
}

/**
 * The asynchronous event was run `n` times (throttles excluded, as in a destination record's
 * `approximateInvokeCount`). Received: an `AsyncEventRecord`, or a `LambdaFunction` with the event's `requestId`
 * (the attempts of a duplicate delivery of that id are added; `requestId` may be left out when the function has
 * exactly one asynchronous event).
 * @example
 * const { requestId } = await fn.invokeAsync(event);
 * await fn.drain();
 * expect(fn).toHaveAttempts(3, requestId);
 * expect(fn.asyncEvents[0]).toHaveAttempts(3);
 */
function toHaveAttempts(this: MatcherContext, received: unknown, n: number, requestId?: string): MatcherResult {
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`toHaveAttempts: n must be a non-negative integer, got ${String(n)}.`);
  let records: readonly AsyncEventRecord[];
  let what: string;
  if (isAsyncEventRecord(received)) {
    records = [received];
    what = `event ${received.requestId}`;
  } else if (isFunctionLike(received)) {
    if (requestId === undefined && received.asyncEvents.length !== 1) {
      throw new TypeError(
        `toHaveAttempts: function ${received.name} has ${received.asyncEvents.length} asynchronous events; pass the request id: expect(fn).toHaveAttempts(${n}, requestId).`,
      );
    }
    records = requestId === undefined ? received.asyncEvents : received.asyncEvents.filter((r) => r.requestId === requestId);
    what = `event ${requestId ?? records[0]?.requestId ?? ''} of function ${received.name}`;
    if (records.length === 0) {
      const known = received.asyncEvents.map((r) => r.requestId);
      return {
        pass: false,
        message: () => `${hint(this, 'toHaveAttempts', 'fn', 'n, requestId')}\n\nFunction ${received.name} accepted no asynchronous event with request id ${String(requestId)} (known: ${known.join(', ') || 'none'})`,
        actual: known,
        expected: requestId,
      };
    }
  } else {
    throw new TypeError(`toHaveAttempts: expected an AsyncEventRecord or a LambdaFunction (with a request id), received ${describe(received)}.`);
  }
  const count = records.reduce((sum, r) => sum + ranAttempts(r.attempts).length, 0);
  return {
    pass: count === n,
    message: () =>
      `${hint(this, 'toHaveAttempts', 'received', 'n')}\n\n` +
      `Expected ${what} ${this.isNot ? 'not ' : ''}to have ${n} attempt(s), received ${count}: ${records.map(timeline).join('; ')}`,
    actual: count,
    expected: n,
  };
}

/**
 * The asynchronous event ended in a dead-letter queue. Without an argument the received value is an
 * `AsyncEventRecord` whose fate is `failed` with `deadLettered: true`. With a queue (or topic), the received value
 * is anything with a `requestId` (the `EventAccepted` of `invokeAsync`, a record) or the id itself, and the queue
 * must hold a dead letter whose `RequestID` attribute is that id.
 * @example
 * const accepted = await fn.invokeAsync(event);
 * await fn.drain();
 * expect(accepted).toLandInDeadLetterQueue(dlq);
 * expect(fn.asyncEvents[0]).toLandInDeadLetterQueue();
 */
function toLandInDeadLetterQueue(this: MatcherContext, received: unknown, queue?: Queue | Topic): MatcherResult {
  if (queue !== undefined) {
    if (!isTarget(queue)) throw new TypeError(`toLandInDeadLetterQueue: expected a queue or topic from createQueue/createTopic, got ${describe(queue)}.`);
    const id = typeof received === 'string' ? received : requestIdOf(received);
    if (id === undefined) throw new TypeError(`toLandInDeadLetterQueue: expected a request id or a value with a requestId, received ${describe(received)}.`);
    const ids = deadLetterRequestIds(queue);
    return {
      pass: ids.includes(id),
      message: () =>
        `${hint(this, 'toLandInDeadLetterQueue', 'event', 'queue')}\n\n` +
        `Expected ${queue.name} ${this.isNot ? 'not ' : ''}to hold a dead letter with RequestID ${compact(id)}; it holds ${ids.length === 0 ? 'none' : compact(ids)}`,
      actual: ids,
      expected: [id],
    };
  }
  if (!isAsyncEventRecord(received)) {
    throw new TypeError(
      `toLandInDeadLetterQueue: expected an AsyncEventRecord (fn.asyncEvents[i]), or pass the queue: expect(accepted).toLandInDeadLetterQueue(dlq); received ${describe(received)}.`,
    );
  }
  const fate = received.fate;
  const pass = fate.kind === 'failed' && fate.deadLettered;
  return {
    pass,
    message: () =>
      `${hint(this, 'toLandInDeadLetterQueue', 'record')}\n\n` +
      `Expected event ${received.requestId} ${this.isNot ? 'not ' : ''}to land in the dead-letter queue; its fate is ${compact(fate)} after ${timeline(received)}`,
    actual: fate,
    expected: { kind: 'failed', deadLettered: true },
  };
}

/**
 * The queue, topic or event bus holds a destination record (Lambda's invocation record, `version: '1.0'`) with this
 * `condition` (`'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency'`) or matching this
 * partial record (a deep subset; asymmetric matchers allowed).
 * @example
 * expect(failures).toHaveDestinationRecord('RetriesExhausted');
 * expect(bus).toHaveDestinationRecord({ requestContext: { requestId, approximateInvokeCount: 3 } });
 */
function toHaveDestinationRecord(this: MatcherContext, received: unknown, condition: DestinationCondition | DestinationRecordMatch): MatcherResult {
  if (!isTarget(received)) {
    throw new TypeError(`toHaveDestinationRecord: expected a queue, topic or event bus from createQueue/createTopic/createEventBus, received ${describe(received)}.`);
  }
  const records = destinationRecords(received);
  const byCondition = typeof condition === 'string';
  const pass = records.some((r) => (byCondition ? r.requestContext.condition === condition : matchesSubset(this, r, condition)));
  const seen = byCondition ? records.map((r) => r.requestContext.condition) : records;
  return {
    pass,
    message: () =>
      `${hint(this, 'toHaveDestinationRecord', received.kind, 'condition')}\n\n` +
      `Expected ${received.name} ${this.isNot ? 'not ' : ''}to hold a destination record ${byCondition ? 'with condition ' : 'matching '}${compact(condition)}\n` +
      `Received ${records.length} record(s)${records.length === 0 ? '' : `: ${compact(seen)}`}`,
    actual: seen,
    expected: [condition],
  };
}

/**
 * The invocation's logs contain the text (a substring) or match the RegExp. With a `level`, only records of that
 * level are searched: console lines (`INFO` for `console.log`/`info`, `WARN`, `ERROR`, ...) in either log format,
 * and JSON lines with a `level` field (structured loggers such as Powertools). A record is the whole line, so the
 * request id and timestamp can be matched too. Also accepts the log text itself.
 * @example
 * expect(await fn.invoke({})).toHaveLogged('processing order 42');
 * expect(await fn.invoke({})).toHaveLogged(/order \d+ failed/, 'ERROR');
 */
function toHaveLogged(this: MatcherContext, received: unknown, text: string | RegExp, level?: LogLevel): MatcherResult {
  const logs = typeof received === 'string' ? received : expectInvocation('toHaveLogged', received).logs;
  const matches = (s: string): boolean => (typeof text === 'string' ? s.includes(text) : text.test(s));
  const atLevel = level === undefined ? undefined : logRecords(logs).filter((r) => r.level === level);
  const searched = atLevel === undefined ? logs : atLevel.map((r) => r.text).join('\n');
  const pass = atLevel === undefined ? matches(logs) : atLevel.some((r) => matches(r.text));
  return {
    pass,
    message: () =>
      `${hint(this, 'toHaveLogged', 'result', level === undefined ? 'text' : 'text, level')}\n\n` +
      `Expected the logs ${this.isNot ? 'not ' : ''}to contain ${compact(text)}${level === undefined ? '' : ` at level ${level}`}\n` +
      `Received${level === undefined ? '' : ` ${level} records`}:\n${searched === '' ? '(none)' : searched}`,
    actual: searched,
    expected: text,
  };
}

/**
 * The invocation succeeded with a partial batch response (`ReportBatchItemFailures`) whose `batchItemFailures`
 * name exactly these item identifiers, in any order: SQS message ids (or the records themselves), Kinesis or
 * DynamoDB sequence numbers. An empty response (`null`, `""`, `[]`, `{}`, `batchItemFailures: null`) reports no
 * failures, and an entry without a non-empty string `itemIdentifier` fails the whole batch, as on AWS. Also accepts
 * the response object itself.
 * @example
 * const event = events.sqs({ records: [{ body: 'ok' }, { body: 'poison' }] });
 * expect(await fn.invoke(event)).toReportBatchItemFailures([event.Records[1]!.messageId]);
 */
function toReportBatchItemFailures(this: MatcherContext, received: unknown, ids: Ids): MatcherResult {
  if (!Array.isArray(ids)) throw new TypeError('toReportBatchItemFailures: expected an array of item identifiers (or SQS records).');
  const expected = ids.map((id) => (typeof id === 'string' ? id : id.messageId)).sort();
  const head = `${hint(this, 'toReportBatchItemFailures', 'result', 'ids')}\n\n`;
  let payload: unknown = received;
  if (isInvocationResult(received)) {
    if (!received.ok) {
      return {
        pass: false,
        message: () => `${head}Expected a batch response, but the invocation ${summary(received)} (Lambda retries the whole batch)`,
        actual: received.error,
        expected: { batchItemFailures: expected.map((itemIdentifier) => ({ itemIdentifier })) },
      };
    }
    payload = received.payload;
  }
  const reported = batchItemFailureIds(payload);
  if (reported === undefined) {
    return {
      pass: false,
      message: () => `${head}Expected a batch response ({ batchItemFailures: [{ itemIdentifier }] }), received ${compact(payload)} (AWS treats a malformed response as a failure of the whole batch)`,
      actual: payload,
      expected: { batchItemFailures: expected.map((itemIdentifier) => ({ itemIdentifier })) },
    };
  }
  const actual = [...reported].sort();
  const pass = actual.length === expected.length && actual.every((id, i) => id === expected[i]);
  return {
    pass,
    message: () =>
      `${head}Expected the batch item failures ${this.isNot ? 'not ' : ''}to be ${compact(expected)}\n` +
      `Received: ${compact(actual)}`,
    actual,
    expected,
  };
}

/**
 * A partial destination record for {@link toHaveDestinationRecord}: any subset of Lambda's invocation record.
 * @example
 * const match: DestinationRecordMatch = { requestContext: { condition: 'RetriesExhausted' } };
 */
export type DestinationRecordMatch = { readonly [K in keyof InvocationRecord]?: unknown };

/**
 * The lambda-harness matchers as plain functions, for `expect.extend(matchers)` in vitest or Jest. Each returns
 * `{ pass, message, actual, expected }` and reads only `isNot`, `equals`, `customTesters` and `utils` from `this`.
 * @example
 * import { expect } from 'vitest';
 * import { matchers } from 'lambda-harness/vitest';
 * expect.extend(matchers); // `import 'lambda-harness/vitest'` does this for you
 */
export const matchers = {
  toSucceed,
  toSucceedWith,
  toFailWith,
  toTimeOut,
  toBeColdStart,
  toBeWarmStart,
  toHaveBeenThrottled,
  toHaveAttempts,
  toLandInDeadLetterQueue,
  toHaveDestinationRecord,
  toHaveLogged,
  toReportBatchItemFailures,
};
