import type { AsyncEventRecord } from '../../async/event-queue.js';
import type { InvocationRecord } from '../../async/records.js';
import type { EventBus, Topic } from '../../async/targets.js';
import type { Queue } from '../../event-sources/sqs-queue.js';
import type { InvocationResult } from '../../function/result.js';

/**
 * Type guards for what the matchers receive. A matcher given the wrong kind of value throws a `TypeError` that
 * names what it expected, because a silent `pass: false` would read as a Lambda failure and, under `.not`, as a pass.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** `await fn.invoke(event)`'s result. */
export function isInvocationResult(value: unknown): value is InvocationResult {
  return isObject(value) && typeof value['ok'] === 'boolean' && typeof value['outcome'] === 'string' && typeof value['requestId'] === 'string';
}

/** One entry of `fn.asyncEvents`. */
export function isAsyncEventRecord(value: unknown): value is AsyncEventRecord {
  return isObject(value) && Array.isArray(value['attempts']) && isObject(value['fate']) && typeof value['requestId'] === 'string';
}

/** What matchers that look at a function's history need of it. */
export interface FunctionLike {
  readonly name: string;
  readonly asyncEvents: readonly AsyncEventRecord[];
}

/** A `LambdaFunction` from `createFunction`. */
export function isFunctionLike(value: unknown): value is FunctionLike {
  return isObject(value) && typeof value['invoke'] === 'function' && Array.isArray(value['asyncEvents']);
}

/** An in-memory queue, topic or bus from `createQueue` / `createTopic` / `createEventBus`. */
export function isTarget(value: unknown): value is Queue | Topic | EventBus {
  return isObject(value) && (value['kind'] === 'queue' || value['kind'] === 'topic' || value['kind'] === 'event-bus');
}

/** An object with a `requestId` (an `EventAccepted`, an `AsyncEventRecord`, an `InvocationResult`). */
export function requestIdOf(value: unknown): string | undefined {
  return isObject(value) && typeof value['requestId'] === 'string' ? value['requestId'] : undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isInvocationRecord(value: unknown): value is InvocationRecord {
  return isObject(value) && value['version'] === '1.0' && isObject(value['requestContext']) && 'requestPayload' in value;
}

/** The destination records a target holds, in arrival order (a queue's dead letters are original events: skipped). */
export function destinationRecords(target: Queue | Topic | EventBus): InvocationRecord[] {
  const candidates =
    target.kind === 'queue' ? target.messages.map((m) => parse(m.body)) : target.kind === 'topic' ? target.messages.map((m) => parse(m.Message)) : target.events.map((e) => e.detail);
  return candidates.filter(isInvocationRecord);
}

/** The request ids of the dead letters a queue or topic holds (their `RequestID` message attribute). */
export function deadLetterRequestIds(target: Queue | Topic | EventBus): string[] {
  if (target.kind === 'queue') return target.messages.flatMap((m) => (m.messageAttributes['RequestID'] ? [m.messageAttributes['RequestID'].StringValue] : []));
  if (target.kind === 'topic') return target.messages.flatMap((m) => (m.MessageAttributes['RequestID'] ? [m.MessageAttributes['RequestID'].Value] : []));
  return [];
}

/** A short name of a received value for error messages: `Promise`, `array`, `null`, `InvocationResult`, ... */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Promise) return 'a Promise (did you forget `await`?)';
  if (Array.isArray(value)) return 'an array';
  if (isInvocationResult(value)) return 'an InvocationResult';
  if (isAsyncEventRecord(value)) return 'an AsyncEventRecord';
  if (isFunctionLike(value)) return 'a LambdaFunction';
  if (isTarget(value)) return `a ${value.kind}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
