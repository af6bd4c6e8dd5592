import type { SQSEvent } from 'aws-lambda';
import { VirtualClock } from '../clock/virtual-clock.js';
import { HarnessError, LambdaServiceError } from '../errors.js';
import type { LambdaFunction } from '../function/lambda-function.js';
import type { InvocationResult } from '../function/result.js';
import { createRandom, hashSeed } from '../internal/random.js';
import { judgeBatch } from './batch-response.js';
import { queueState, type Queue, type QueueState, type StoredMessage } from './sqs-queue.js';
import { recordBytes, sqsRecord } from './sqs-record.js';
import { pollerConcurrency, resolveSqsMapping, SQS_LIMITS, type ResolvedSqsMapping, type SqsMappingOptions } from './sqs-rules.js';

/**
 * What became of one batch.
 * @example
 * const fate = mapping.batches[0]!.fate;
 * if (fate.kind === 'partial') fate.failed; // the message ids that come back after the visibility timeout
 */
export type SqsBatchFate =
  /** Every message was deleted. */
  | { readonly kind: 'succeeded' }
  /** The response (`ReportBatchItemFailures`) named these messages: the others were deleted. */
  | { readonly kind: 'partial'; readonly failed: readonly string[] }
  /**
   * No message was deleted: each comes back after the queue's visibility timeout. `function-error`: the invocation
   * failed (error, timeout, crash); `invalid-batch-response`: the response named no valid failures; `throttled` or
   * `service-error`: Lambda refused the invoke (a 429, or another service error).
   */
  | { readonly kind: 'failed'; readonly reason: 'function-error' | 'invalid-batch-response' | 'throttled' | 'service-error' };

/**
 * One batch the mapping received and handed to the function.
 * @example
 * mapping.batches.map((b) => b.event.Records.length); // batch sizes, in order
 */
export interface SqsBatch {
  /** Virtual epoch ms when the batch was received. */
  readonly at: number;
  /** Virtual epoch ms when its fate was decided. */
  readonly endedAt: number;
  /** The event the function received. */
  readonly event: SQSEvent;
  /** The invocation's result, or undefined when Lambda refused the invoke. */
  readonly result: InvocationResult | undefined;
  readonly fate: SqsBatchFate;
}

/**
 * Summary of `mapping.drain()`.
 * @example
 * const { deleted, deadLettered } = await mapping.drain();
 */
export interface SqsDrainSummary {
  /** Batches whose fate was decided during the drain. */
  readonly batches: number;
  /** Messages deleted after the function processed them. */
  readonly deleted: number;
  /** Messages the queue's redrive policy moved to its dead-letter queue. */
  readonly deadLettered: number;
  /** Messages deleted unprocessed at the end of the queue's retention period. */
  readonly expired: number;
  /** Virtual milliseconds the drain advanced. */
  readonly virtualMs: number;
}

/**
 * An event source mapping from an SQS queue to a function: a poller on the function's virtual clock that receives
 * batches, invokes the function synchronously, deletes what succeeded and leaves the rest to come back after the
 * queue's visibility timeout, until the queue's redrive policy moves it to its dead-letter queue (spec §8.1).
 * @example
 * const mapping = createEventSourceMapping(fn, queue, { functionResponseTypes: ['ReportBatchItemFailures'] });
 * queue.send({ orderId: 7 });
 * await mapping.drain();
 * mapping.batches[0]?.fate; // { kind: 'succeeded' }
 */
export interface EventSourceMapping {
  /** The mapping's UUID (deterministic for a function and queue). */
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  /** `Enabled`, `Disabled`, or `Deleted` after `delete()` or once its function was disposed. */
  readonly state: 'Enabled' | 'Disabled' | 'Deleted';
  /** The batches so far, oldest first (the last 1,000). */
  readonly batches: readonly SqsBatch[];
  /** Starts polling again. */
  enable(): void;
  /** Stops receiving new batches; batches in flight finish. */
  disable(): void;
  /** Stops for good (DeleteEventSourceMapping). */
  delete(): void;
  /**
   * Runs the virtual clock until the queue is empty and no batch is in flight, or nothing more can happen (a disabled
   * mapping, or messages that wait for nothing scheduled). Failing messages come back after the visibility timeout,
   * until their redrive policy or their retention period ends them.
   */
  drain(): Promise<SqsDrainSummary>;
}

/** How many batches `mapping.batches` remembers. */
const BATCHES_KEPT = 1000;

class SqsEventSourceMapping implements EventSourceMapping {
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  private current: 'Enabled' | 'Disabled' | 'Deleted';
  private readonly history: SqsBatch[] = [];
  private inFlight = 0;
  /** Since when messages have been waiting (the pollers scale up from then); undefined while the queue is empty. */
  private waitingSince: number | undefined;
  /** The pending wake-up on the clock, and when it is due. */
  private wakeAt: number | undefined;
  private cancelWake: (() => void) | undefined;
  private readonly removeDispatcher: () => void;
  private readonly onMessage = (): void => this.messageArrived();
  private readonly counters = { batches: 0, deleted: 0, deadLettered: 0, expired: 0 };

  constructor(
    private readonly fn: LambdaFunction,
    private readonly queue: QueueState,
    private readonly clock: VirtualClock,
    private readonly config: ResolvedSqsMapping,
  ) {
    this.eventSourceArn = queue.queue.arn;
    this.functionArn = fn.arn;
    this.uuid = createRandom(hashSeed(`${fn.arn} ${queue.queue.arn}`)).uuid();
    this.current = config.enabled ? 'Enabled' : 'Disabled';
    queue.bind(clock);
    queue.listeners.add(this.onMessage);
    this.removeDispatcher = clock.addDispatcher({ hasReady: () => this.hasReady(), dispatchOne: () => this.poll() });
    this.messageArrived();
  }

  get state(): 'Enabled' | 'Disabled' | 'Deleted' {
    return this.current;
  }

  get batches(): readonly SqsBatch[] {
    return this.history.slice();
  }

  enable(): void {
    this.assertNotDeleted('enable');
    this.current = 'Enabled';
    this.messageArrived();
  }

  disable(): void {
    this.assertNotDeleted('disable');
    this.current = 'Disabled';
    this.arm();
  }

  delete(): void {
    if (this.current === 'Deleted') return;
    this.current = 'Deleted';
    this.queue.listeners.delete(this.onMessage);
    this.removeDispatcher();
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeAt = undefined;
  }

  async drain(): Promise<SqsDrainSummary> {
    this.assertNotDeleted('drain');
    const before = { ...this.counters };
    const t0 = this.clock.now();
    await this.clock.runUntil(() => this.inFlight === 0 && (this.queue.stored.length === 0 || this.current !== 'Enabled'));
    const c = this.counters;
    return {
      batches: c.batches - before.batches,
      deleted: c.deleted - before.deleted,
      deadLettered: c.deadLettered - before.deadLettered,
      expired: c.expired - before.expired,
      virtualMs: this.clock.now() - t0,
    };
  }

  private assertNotDeleted(what: string): void {
    if (this.current === 'Deleted') throw new HarnessError('DISPOSED', `mapping.${what}(): this event source mapping was deleted; create a new one with createEventSourceMapping().`);
  }

  private messageArrived(): void {
    if (this.current !== 'Enabled') return;
    if (this.waitingSince === undefined && this.queue.stored.length > 0) this.waitingSince = this.clock.now();
    this.arm();
    this.clock.kick();
  }

  /** Batches that may be in flight now: the pollers scale up while messages wait. */
  private concurrency(now: number): number {
    return pollerConcurrency(now - (this.waitingSince ?? now), this.config.maximumConcurrency);
  }

  /** Whether a poll now would receive a batch (or move a message to the dead-letter queue): the clock asks each turn. */
  private hasReady(): boolean {
    if (this.current !== 'Enabled') return false;
    const now = this.clock.now();
    if (this.inFlight >= this.concurrency(now)) return false;
    const { count, since } = this.queue.receivable(now);
    if (count === 0) return false;
    return this.config.windowMs === 0 || count >= this.config.batchSize || now >= since + this.config.windowMs;
  }

  /** Receives one batch and hands it to the function (one per scheduler turn, like the async queue's deliveries). */
  private poll(): void {
    const now = this.clock.now();
    this.counters.expired += this.queue.expire(now);
    let bytes = 0;
    const { messages, redriven } = this.queue.receive(now, this.config.batchSize, (m) => {
      bytes += recordBytes(m);
      return bytes <= SQS_LIMITS.batchBytes;
    });
    this.counters.deadLettered += redriven;
    if (messages.length > 0) {
      const event: SQSEvent = { Records: messages.map((m) => sqsRecord(m, this.queue.queue.arn, this.queue.region)) };
      this.inFlight++;
      void this.clock.track(this.run(event, messages, now));
    }
    this.arm();
  }

  private async run(event: SQSEvent, messages: readonly StoredMessage[], at: number): Promise<void> {
    let result: InvocationResult | undefined;
    let fate: SqsBatchFate;
    try {
      result = await this.fn.invoke(event);
      fate = judgeBatch(result, messages.map((m) => m.messageId), this.config.reportBatchItemFailures);
    } catch (error) {
      if (error instanceof HarnessError && error.code === 'DISPOSED') {
        // The function was disposed under the mapping: it ends with it, as a mapping ends with its function on AWS.
        this.inFlight--;
        this.delete();
        return;
      }
      if (!(error instanceof LambdaServiceError)) throw error;
      fate = { kind: 'failed', reason: error.statusCode === 429 ? 'throttled' : 'service-error' };
    }
    const now = this.clock.now();
    if (fate.kind === 'succeeded') {
      this.queue.delete(messages);
      this.counters.deleted += messages.length;
    } else if (fate.kind === 'partial') {
      const failed = new Set(fate.failed);
      const done = messages.filter((m) => !failed.has(m.messageId));
      this.queue.delete(done);
      this.counters.deleted += done.length;
    }
    // Failed messages stay hidden until their visibility timeout ends: nothing to do for them.
    this.inFlight--;
    this.counters.batches++;
    this.history.push({ at, endedAt: now, event, result, fate });
    if (this.history.length > BATCHES_KEPT) this.history.shift();
    if (this.queue.stored.length === 0) this.waitingSince = undefined;
    this.arm();
  }

  /**
   * Keeps one wake-up on the clock at the next instant something may become ready: a message turning visible (its
   * delay or visibility timeout ended), a batching window closing, or the pollers scaling up.
   */
  private arm(): void {
    const now = this.clock.now();
    let next: number | undefined;
    if (this.current === 'Enabled') {
      next = this.queue.nextVisibleAfter(now);
      const { count, since } = this.queue.receivable(now);
      if (count > 0 && this.config.windowMs > 0 && count < this.config.batchSize && since + this.config.windowMs > now) {
        next = Math.min(next ?? Infinity, since + this.config.windowMs);
      }
      if (count > 0 && this.inFlight >= this.concurrency(now) && this.waitingSince !== undefined && this.concurrency(now) < this.config.maximumConcurrency) {
        const step = this.waitingSince + 60_000 * (Math.floor((now - this.waitingSince) / 60_000) + 1);
        next = Math.min(next ?? Infinity, step);
      }
    }
    if (next === this.wakeAt) return;
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeAt = next;
    if (next !== undefined) {
      this.cancelWake = this.clock.schedule(next, () => {
        this.wakeAt = undefined;
        this.cancelWake = undefined;
        this.arm();
        this.clock.kick();
      });
    }
  }
}

/**
 * Connects an SQS queue (from {@link createQueue}) to a function, as `CreateEventSourceMapping` does: from now on the
 * function's clock polls the queue. Messages sent before are delivered too. Validated like AWS (batch size per queue
 * type, a batching window for batches above 10, none on FIFO queues).
 * @example
 * const dlq = createQueue('orders-dlq');
 * const queue = createQueue('orders', { visibilityTimeout: 30, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 3 } });
 * const fn = createFunction({ handler });
 * const mapping = createEventSourceMapping(fn, queue, { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] });
 * queue.send({ orderId: 7 });
 * await mapping.drain();
 */
export function createEventSourceMapping(fn: LambdaFunction, queue: Queue, options: SqsMappingOptions = {}): EventSourceMapping {
  if (fn === null || typeof fn !== 'object' || typeof fn.invoke !== 'function' || !(fn.clock instanceof VirtualClock)) {
    throw new HarnessError('INVALID_ARGUMENT', 'createEventSourceMapping: the first argument must be a function from createFunction().');
  }
  if ((fn as { runsOnRealTime?: boolean }).runsOnRealTime) {
    throw new HarnessError('INVALID_ARGUMENT', "createEventSourceMapping: mappings poll on virtual time; create the function without clock: 'real'.");
  }
  const state = queueState(queue);
  if (state === undefined) throw new HarnessError('INVALID_ARGUMENT', 'createEventSourceMapping: the event source must be a queue from createQueue().');
  return new SqsEventSourceMapping(fn, state, fn.clock, resolveSqsMapping(options, state.fifo));
}
