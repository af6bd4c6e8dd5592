import type { SQSEvent } from 'aws-lambda';
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { LambdaServiceError } from '../errors.js';
import type { MappedFunction } from '../function/lambda-function.js';
import type { InvocationResult } from '../function/result.js';
import { batchReady } from './batch-ready.js';
import { judgeBatch } from './batch-response.js';
import { PollingMapping, type BatchOutcome } from './polling-mapping.js';
import type { QueueState, StoredMessage } from './sqs-queue.js';
import { sqsRecord } from './sqs-record.js';
import { sqsFilterView } from './filter-criteria.js';
import { pollerConcurrency, SQS_LIMITS, type ResolvedSqsMapping } from './sqs-rules.js';

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
  /** Why Lambda refused the invoke (a throttle, a payload over 6 MB...), when it did. */
  readonly error: LambdaServiceError | undefined;
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
  /** Messages the filter criteria turned away: deleted without reaching the function, as Lambda does. */
  readonly filtered: number;
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
export interface SqsEventSourceMapping {
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

export class SqsMapping extends PollingMapping<SqsBatch> implements SqsEventSourceMapping {
  /** Since when messages have been waiting (the pollers scale up from then); undefined while the queue is empty. */
  private waitingSince: number | undefined;
  private readonly counters = { batches: 0, deleted: 0, deadLettered: 0, expired: 0, filtered: 0 };
  /** Whether a message passes the filter criteria (undefined: no criteria), decided once per message. */
  private readonly keep: ((message: StoredMessage) => boolean) | undefined;

  constructor(
    fn: MappedFunction,
    private readonly queue: QueueState,
    clock: VirtualClock,
    private readonly config: ResolvedSqsMapping,
  ) {
    super(fn, clock, queue.queue.arn, config, queue.listeners);
    if (this.filters) this.keep = (m) => this.passes(m, () => sqsFilterView(m.body));
    this.arrived();
  }

  drain(): Promise<SqsDrainSummary> {
    return this.runDrain(this.counters);
  }

  protected override arrivedHook(): void {
    if (this.waitingSince === undefined && this.queue.size > 0) this.waitingSince = this.clock.now();
  }

  /** The pollers scale down again once nothing waits and nothing runs, however the queue emptied. */
  private noteIdle(): void {
    if (this.queue.size === 0 && this.inFlight === 0) this.waitingSince = undefined;
  }

  protected drained(): boolean {
    return this.queue.size === 0;
  }

  /** Batches that may be in flight now: the pollers scale up while messages wait. */
  private concurrency(now: number): number {
    return pollerConcurrency(now - (this.waitingSince ?? now), this.config.maximumConcurrency);
  }

  protected hasReady(now: number): boolean {
    if (this.inFlight >= this.concurrency(now)) return false;
    const { count, bytes, since, filtered } = this.queue.receivable(now, { count: this.config.batchSize, bytes: SQS_LIMITS.batchBytes }, this.keep);
    // Messages to turn away are progress of their own: the poll deletes them (and invokes only if a batch is ready).
    if (filtered > 0) return true;
    return this.batchReady(now, count, bytes, since);
  }

  /**
   * Whether the messages a receive would take make a batch to invoke with. Full is weighed as `receive` cuts a batch:
   * each message by an estimate (its receipt handle and receive attributes only exist once received), without the
   * event's envelope, unlike a stream's records, whose JSON is known before they are read.
   */
  private batchReady(now: number, count: number, bytes: number, since: number): boolean {
    return count > 0 && batchReady(now, this.config.windowMs, since, () => count >= this.config.batchSize || bytes >= SQS_LIMITS.batchBytes);
  }

  /** Receives one batch and hands it to the function (one per scheduler turn, like the async queue's deliveries). */
  protected poll(now: number): void {
    if (this.keep !== undefined) {
      const dropped = this.queue.dropRefused(now, this.keep);
      this.counters.filtered += dropped;
      // Turning messages away does not close a batching window.
      if (dropped > 0) {
        const { count, bytes, since } = this.queue.receivable(now, { count: this.config.batchSize, bytes: SQS_LIMITS.batchBytes });
        if (!this.batchReady(now, count, bytes, since)) return;
      }
    }
    let bytes = 0;
    const { messages, redriven } = this.queue.receive(now, this.config.batchSize, (m) => {
      if (bytes + m.recordBytes > SQS_LIMITS.batchBytes) return false;
      bytes += m.recordBytes;
      return true;
    });
    this.counters.deadLettered += redriven;
    if (messages.length === 0) {
      this.noteIdle();
      return;
    }
    const event: SQSEvent = { Records: messages.map((m) => sqsRecord(m, this.queue.queue.arn, this.queue.region)) };
    this.runBatch(event, (outcome) => this.settle(event, messages, now, outcome));
  }

  private settle(event: SQSEvent, messages: readonly StoredMessage[], at: number, outcome: BatchOutcome): void {
    const result = outcome.kind === 'ran' ? outcome.result : undefined;
    const fate: SqsBatchFate =
      outcome.kind === 'ran' ? judgeBatch(outcome.result, messages.map((m) => m.messageId), this.config.reportBatchItemFailures) : { kind: 'failed', reason: outcome.reason };
    // Counted as actually deleted: a message may have gone meanwhile (its retention ended, or the queue was cleared).
    if (fate.kind === 'succeeded') {
      this.counters.deleted += this.queue.delete(messages);
    } else if (fate.kind === 'partial') {
      const failed = new Set(fate.failed);
      this.counters.deleted += this.queue.delete(messages.filter((m) => !failed.has(m.messageId)));
    }
    // Failed messages stay hidden until their visibility timeout ends: nothing to do for them.
    this.counters.batches++;
    this.remember({ at, endedAt: this.clock.now(), event, result, error: outcome.kind === 'refused' ? outcome.error : undefined, fate });
  }

  /** Messages past their retention period go (so that the next expiry is always ahead), and the pollers may scale down. */
  protected override catchUp(now: number): void {
    this.counters.expired += this.queue.expire(now);
    this.noteIdle();
  }

  /** A message turning visible (its delay or visibility timeout ended), a batching window closing, or the pollers scaling up. */
  protected nextWake(now: number): number | undefined {
    let next = Math.min(this.queue.nextVisibleAfter(now) ?? Infinity, this.queue.nextExpiry() ?? Infinity);
    const { count, since } = this.queue.receivable(now, { count: this.config.batchSize, bytes: SQS_LIMITS.batchBytes }, this.keep);
    if (count > 0 && this.config.windowMs > 0 && count < this.config.batchSize && since + this.config.windowMs > now) {
      next = Math.min(next, since + this.config.windowMs);
    }
    const limit = this.concurrency(now);
    if (count > 0 && this.inFlight >= limit && this.waitingSince !== undefined && limit < this.config.maximumConcurrency) {
      next = Math.min(next, this.waitingSince + 60_000 * (Math.floor((now - this.waitingSince) / 60_000) + 1));
    }
    return next === Infinity ? undefined : next;
  }
}
