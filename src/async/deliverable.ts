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
