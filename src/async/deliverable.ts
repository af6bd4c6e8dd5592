import type { MessageAttribute } from './records.js';

/** What an in-memory target does when Lambda delivers something to it (internal). */
export interface Deliverable {
  /** Delivers a message body with optional SQS-style attributes at virtual time `at`. */
  deliver(body: string, attributes: Record<string, MessageAttribute>, at: number, meta: DeliveryMeta): void;
}

/** What a target may need besides the body: an EventBridge detail type, the sending function, where a bucket files it. */
export interface DeliveryMeta {
  readonly detailType: string;
  readonly functionArn: string;
  /** The prefix a bucket files the object under (`aws/lambda/async/<function>`, `aws/lambda/<mapping>/<shard>`). */
  readonly keyPrefix?: string;
}

const delivery = new WeakMap<object, Deliverable>();

/** Makes `target` (a queue, topic or bus) a place Lambda can deliver to. */
export function registerDeliverable(target: object, deliverable: Deliverable): void {
  delivery.set(target, deliverable);
}

/** The delivery hook of an in-memory target, or undefined for anything else. */
export function deliverableOf(target: object): Deliverable | undefined {
  return delivery.get(target);
}

/** The kinds of in-memory targets Lambda can deliver to (a function destination is no target: it is invoked). */
export type TargetKind = 'queue' | 'topic' | 'event-bus' | 'bucket';

/**
 * Whether `value` is an in-memory target of one of `kinds` (one from createQueue, createTopic...). Which kinds a
 * setting accepts is the caller's: an asynchronous invocation's destinations take an event bus, a stream mapping's
 * on-failure destination does not.
 * @example
 * isTargetOf(createQueue('failures'), ['queue', 'topic']); // true
 * isTargetOf({ kind: 'queue' }, ['queue']); // false: not from createQueue
 */
export function isTargetOf(value: unknown, kinds: readonly TargetKind[]): boolean {
  return value !== null && typeof value === 'object' && kinds.includes((value as { kind?: TargetKind }).kind!) && deliverableOf(value) !== undefined;
}

/**
 * Whether `value` is a FIFO queue, which Lambda never sends to: not an asynchronous invocation's dead letters or
 * destination records, not a stream mapping's failure records (each refuses it at configuration, in its own words).
 * @example
 * isFifoQueue(createQueue('orders.fifo')); // true
 */
export function isFifoQueue(value: unknown): boolean {
  return (value as { fifo?: unknown } | undefined)?.fifo === true;
}
