import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { deliverableOf } from '../async/deliverable.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { LambdaServiceError } from '../errors.js';
import type { MappedFunction } from '../function/lambda-function.js';
import type { InvocationResult } from '../function/result.js';
import { createRandom, hashSeed, type Random } from '../internal/random.js';
import { LIMITS } from '../limits/limits.js';
import { batchReady } from './batch-ready.js';
import { judgeBatch } from './batch-response.js';
import type { Shard, StreamEntry, StreamSource } from './stream-source.js';
import { PollingMapping, type BatchOutcome } from './polling-mapping.js';
import { streamFailureRecord, streamRetryDelayMs, type ResolvedStreamMapping, type StreamFailureCondition } from './stream-rules.js';

/**
 * What became of one batch read from a shard.
 * @example
 * const fate = mapping.batches[0]!.fate;
 * if (fate.kind === 'failed' && fate.then === 'skip') fate.reason; // why the batch was given up
 */
export type StreamBatchFate =
  /** The shard's checkpoint moved past the batch. */
  | { readonly kind: 'succeeded' }
  /** The response (`ReportBatchItemFailures`) named failures: the checkpoint moved to the lowest, which is read again. */
  | { readonly kind: 'partial'; readonly retryFrom: string }
  /**
   * The batch failed: a function error, a response naming no valid failures, a response naming the batch's first
   * record (`batch-item-failures`: the checkpoint cannot move), or Lambda refusing the invoke. `then`: read again after a back-off, split in two (`bisectBatchOnFunctionError`), or skipped
   * with a failure record once the retries are exhausted.
   */
  | {
      readonly kind: 'failed';
      readonly reason: 'function-error' | 'invalid-batch-response' | 'batch-item-failures' | 'throttled' | 'service-error';
      readonly then: 'retry' | 'bisect' | 'skip';
    };

/**
 * One batch a stream mapping read from a shard and handed to the function.
 * @example
 * mapping.batches.map((b) => [b.shardId, b.event.Records.length]);
 */
export interface StreamBatch<TEvent extends StreamEvent = StreamEvent> {
  /** Virtual epoch ms when the batch was read. */
  readonly at: number;
  /** Virtual epoch ms when its fate was decided. */
  readonly endedAt: number;
  readonly shardId: string;
  /** The event the function received. */
  readonly event: TEvent;
  /** The invocation's result, or undefined when Lambda refused the invoke. */
  readonly result: InvocationResult | undefined;
  /** Why Lambda refused the invoke (a throttle, a payload over 6 MB...), when it did. */
  readonly error: LambdaServiceError | undefined;
  readonly fate: StreamBatchFate;
}

/**
 * Records a stream mapping gave up: their on-failure record was sent to the destination, if there is one.
 * @example
 * mapping.skipped[0]?.condition; // 'RetryAttemptsExhausted'
 */
export interface StreamSkip {
  /** Virtual epoch ms. */
  readonly at: number;
  readonly shardId: string;
  readonly condition: StreamFailureCondition;
  readonly sequenceNumbers: readonly string[];
  readonly approximateInvokeCount: number;
  /** The failure record, as sent to the on-failure destination. */
  readonly record: Readonly<Record<string, unknown>>;
}

/**
 * Summary of a stream mapping's `drain()`.
 * @example
 * const { processedRecords, skippedRecords } = await mapping.drain();
 */
export interface StreamDrainSummary {
  /** Batches whose fate was decided during the drain. */
  readonly batches: number;
  /** Records the checkpoint moved past after the function processed them. */
  readonly processedRecords: number;
  /** Records given up (retries exhausted or too old); `mapping.skipped` lists them by batch. */
  readonly skippedRecords: number;
  /** Records the filter criteria turned away: passed over without reaching the function, as Lambda does. */
  readonly filteredRecords: number;
  /** Virtual milliseconds the drain advanced. */
  readonly virtualMs: number;
}

/**
 * An event source mapping from a Kinesis stream (or a DynamoDB table's stream) to a function: one poller per shard, one batch in flight per shard, in
 * order; a failing batch is retried (blocking its shard) until it succeeds, its retries or its records' age run out,
 * or a partial batch response moves the checkpoint (spec §8.2).
 * @example
 * const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 2 });
 * stream.putRecord('hello', { partitionKey: 'k' });
 * await mapping.drain();
 * mapping.batches[0]?.fate; // { kind: 'succeeded' }
 */
export interface StreamEventSourceMapping<TEvent extends StreamEvent = StreamEvent> {
  /** The mapping's UUID (deterministic for a function and stream). */
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  /** `Enabled`, `Disabled`, or `Deleted` after `delete()` or once its function was disposed. */
  readonly state: 'Enabled' | 'Disabled' | 'Deleted';
  /** The batches so far, oldest first (the last 1,000). */
  readonly batches: readonly StreamBatch<TEvent>[];
  /** The records given up so far, oldest first. */
  readonly skipped: readonly StreamSkip[];
  /** Starts reading again from each shard's checkpoint. */
  enable(): void;
  /** Stops reading; batches in flight finish. */
  disable(): void;
  /** Stops for good (DeleteEventSourceMapping). */
  delete(): void;
  /** Runs the virtual clock until every shard is read to its end and nothing is in flight (or the mapping is disabled). */
  drain(): Promise<StreamDrainSummary>;
}

/**
 * The event of a stream mapping: from a Kinesis stream, or from a DynamoDB table's stream.
 * @example
 * const batch: StreamBatch<DynamoDBStreamEvent> = tableMapping.batches[0]!;
 */
export type StreamEvent = KinesisStreamEvent | DynamoDBStreamEvent;

/**
 * A batch as read from a shard: the records the function gets, and how far they reach from the checkpoint (`span`,
 * with the records the filter criteria passed over among them; `offsets`, where each record sits).
 */
interface ReadBatch {
  readonly records: readonly StreamEntry[];
  readonly span: number;
  readonly offsets: readonly number[];
}

/** The unread records of a shard, by index from the checkpoint. */
interface Unread {
  readonly length: number;
  at(i: number): StreamEntry;
}

/** Where a mapping is in one shard. */
interface Cursor {
  readonly shard: Shard;
  /** Index of the checkpoint among every record the shard ever had (trimmed ones included). */
  position: number;
  /** Invocations that ran for the batch at the checkpoint (reset when the checkpoint moves). */
  invocations: number;
  /** Throttles in a row, for their back-off. */
  throttles: number;
  /**
   * Bisected batches still to read, as the (absolute) positions where each ends, the innermost last: the next batch
   * stops at the last one above the checkpoint.
   */
  ends: number[];
  busy: boolean;
  /** Not read again before this (a retry's back-off). */
  retryAt: number;
  lastRequestId: string | undefined;
  /** The version the last invocation ran (`$LATEST` until one has). */
  lastVersion: string;
}

export class StreamMapping extends PollingMapping<StreamBatch> implements StreamEventSourceMapping {
  private readonly cursors: Cursor[];
  private readonly skips: StreamSkip[] = [];
  private readonly random: Random;
  private readonly roleArn: string;
  private readonly counters = { batches: 0, processedRecords: 0, skippedRecords: 0, filteredRecords: 0 };

  constructor(
    fn: MappedFunction,
    private readonly stream: StreamSource,
    clock: VirtualClock,
    private readonly config: ResolvedStreamMapping,
  ) {
    super(fn, clock, stream.arn, config, stream.listeners);
    this.random = createRandom(hashSeed(`${fn.arn} ${stream.arn} request ids`));
    // The function's execution role, as `invokeIdentityArn` (recorded: kinesis-batch-item-failures).
    this.roleArn = `arn:aws:iam::${fn.arn.split(':')[4]}:role/lambda-role`;
    this.cursors = stream.shards.map((shard) => ({
      shard,
      position: startingPosition(shard, config),
      invocations: 0,
      throttles: 0,
      ends: [],
      busy: false,
      retryAt: -Infinity,
      lastRequestId: undefined,
      lastVersion: '$LATEST',
    }));
    this.arrived();
  }

  get skipped(): readonly StreamSkip[] {
    return this.skips.slice();
  }

  drain(): Promise<StreamDrainSummary> {
    return this.runDrain(this.counters);
  }


  protected drained(): boolean {
    return this.cursors.every((c) => !c.busy && this.unread(c).length === 0);
  }

  /**
   * The records of a shard from its checkpoint on: a window onto the shard, not a copy (the scheduler asks every turn,
   * and copying made a drain quadratic in the records waiting).
   */
  private unread(c: Cursor): Unread {
    const first = Math.max(0, c.position - c.shard.trimmed);
    const records = c.shard.records;
    return { length: records.length - first, at: (i) => records[first + i]! };
  }

  /**
   * Records from the checkpoint too old to deliver (at most a batch of them, those the filter criteria turn away
   * passed over among them), if the first record to keep is.
   */
  private agedOut(c: Cursor, now: number): ReadBatch | undefined {
    const max = this.config.maximumRecordAgeMs;
    if (max === -1) return undefined;
    const unread = this.unread(c);
    const records: StreamEntry[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < unread.length && records.length < this.config.batchSize; i++) {
      const r = unread.at(i);
      if (!this.keeps(r)) continue;
      if (!this.tooOld(r, now)) break;
      records.push(r);
      offsets.push(i);
    }
    return records.length === 0 ? undefined : { records, span: offsets.at(-1)! + 1, offsets };
  }

  /** Whether a record is older than the mapping's maximum record age allows. */
  private tooOld(r: StreamEntry, now: number): boolean {
    const max = this.config.maximumRecordAgeMs;
    return max !== -1 && now - r.arrivedAt > max;
  }

  /** Whether a record passes the filter criteria (every record does without them). */
  private keeps(r: StreamEntry): boolean {
    return this.passes(r, () => this.stream.filterView(r));
  }

  private shardReady(c: Cursor, now: number): boolean {
    if (c.busy || now < c.retryAt) return false;
    const unread = this.unread(c);
    if (unread.length === 0) return false;
    // Records to pass over at the checkpoint are progress of their own.
    if (!this.keeps(unread.at(0))) return true;
    // A retry waits for its back-off only; a new batch for its batching window, unless it is full already. Aged
    // records go at once (the first unread record is one to keep, so whether any aged out is whether it did).
    if (this.tooOld(unread.at(0), now) || c.invocations > 0 || c.throttles > 0) return true;
    return batchReady(now, this.config.windowMs, unread.at(0).arrivedAt, () => this.gather(c, unread.length).full);
  }

  /** Passes over the records at the checkpoint that the filter criteria turn away; whether there were any. */
  private passFiltered(c: Cursor): boolean {
    const unread = this.unread(c);
    let n = 0;
    while (n < unread.length && !this.keeps(unread.at(n))) n++;
    if (n === 0) return false;
    this.moveCheckpoint(c, n);
    this.counters.filteredRecords += n;
    return true;
  }

  protected hasReady(now: number): boolean {
    return this.cursors.some((c) => this.shardReady(c, now));
  }

  /**
   * Records past the stream's retention go, before anything is asked of the shards: they are gone for the mapping too,
   * and so is their batch's retry count (a busy shard's checkpoint moves when its batch settles).
   */
  protected override catchUp(now: number): void {
    this.stream.trim(now);
    for (const c of this.cursors) if (!c.busy && c.position < c.shard.trimmed) this.moveCheckpoint(c, c.shard.trimmed - c.position);
  }

  /** Reads one shard that is ready: skips what aged out, or invokes the next batch. */
  protected poll(now: number): void {
    const c = this.cursors.find((cursor) => this.shardReady(cursor, now));
    if (c === undefined) return;
    if (this.passFiltered(c) && !this.shardReady(c, now)) return;
    const aged = this.agedOut(c, now);
    if (aged !== undefined) {
      this.skip(c, aged.records, aged.span, 'RecordAgeExceeded', Math.max(1, c.invocations), undefined, now);
      return;
    }
    const batch = this.nextBatch(c);
    const event = { Records: batch.records.map((r) => this.stream.eventRecord(r, this.roleArn)) } as StreamEvent;
    c.busy = true;
    this.runBatch(event, (outcome) => this.settle(c, batch, event, now, outcome));
  }

  /** The batch to invoke with: as {@link gather} reads it, within the rest of a bisected half. */
  private nextBatch(c: Cursor): ReadBatch {
    while (c.ends.length > 0 && c.ends.at(-1)! <= c.position) c.ends.pop();
    return this.gather(c, Math.min(this.unread(c).length, c.ends.length > 0 ? c.ends.at(-1)! - c.position : Infinity));
  }

  /**
   * The batch among the first `reach` unread records: up to batchSize records the filter criteria keep, passing over
   * those they turn away, while the event stays within the 6 MB an Invoke may carry (a first record goes however large:
   * Lambda refuses the invoke then). `full`: it can take no more, so it need not wait for its batching window. One
   * measure for both, so a batch is ready exactly when the batch read would be cut. The first unread record is one to keep.
   */
  private gather(c: Cursor, reach: number): ReadBatch & { readonly full: boolean } {
    const unread = this.unread(c);
    const records: StreamEntry[] = [];
    const offsets: number[] = [];
    // `{"Records":[...]}`: each record's JSON and a comma.
    let bytes = 14;
    for (let i = 0; i < reach && records.length < this.config.batchSize; i++) {
      const r = unread.at(i);
      if (!this.keeps(r)) continue;
      bytes += this.stream.bytes(r) + 1;
      if (bytes > LIMITS.syncRequestBytes && records.length > 0) break;
      records.push(r);
      offsets.push(i);
    }
    return { records, span: offsets.at(-1)! + 1, offsets, full: records.length >= this.config.batchSize || bytes >= LIMITS.syncRequestBytes };
  }

  private settle(c: Cursor, batch: ReadBatch, event: StreamEvent, at: number, outcome: BatchOutcome): void {
    const now = this.clock.now();
    c.busy = false;
    let fate: StreamBatchFate;
    if (outcome.kind === 'refused') {
      // Throttles and service errors never reached the function: not a retry, not an invocation.
      c.throttles++;
      c.retryAt = now + streamRetryDelayMs(c.throttles);
      fate = { kind: 'failed', reason: outcome.reason, then: 'retry' };
    } else {
      c.throttles = 0;
      c.invocations++;
      c.lastRequestId = outcome.result.requestId;
      c.lastVersion = outcome.result.executedVersion;
      const sequenceNumbers = batch.records.map((r) => r.sequenceNumber);
      const verdict = judgeBatch(outcome.result, sequenceNumbers, this.config.reportBatchItemFailures);
      const from = verdict.kind === 'partial' ? Math.min(...verdict.failed.map((s) => sequenceNumbers.indexOf(s))) : 0;
      if (verdict.kind === 'succeeded') {
        this.advance(c, batch);
        fate = { kind: 'succeeded' };
      } else if (verdict.kind === 'partial' && from > 0) {
        // Checkpointed at the lowest failure: the records before it are done, and it is read again at once.
        this.advance(c, batch, from);
        fate = { kind: 'partial', retryFrom: sequenceNumbers[from]! };
      } else {
        const reason = verdict.kind === 'failed' ? verdict.reason : 'batch-item-failures';
        fate = { kind: 'failed', reason, then: this.afterFailure(c, batch, reason, now) };
      }
    }
    this.counters.batches++;
    this.remember({ at, endedAt: now, shardId: c.shard.id, event, result: outcome.kind === 'ran' ? outcome.result : undefined, error: outcome.kind === 'refused' ? outcome.error : undefined, fate });
  }

  /** A batch that ran and failed: split it, retry it after a back-off, or skip it once the retries are used up. */
  private afterFailure(c: Cursor, batch: ReadBatch, reason: 'function-error' | 'invalid-batch-response' | 'batch-item-failures', now: number): 'retry' | 'bisect' | 'skip' {
    const records = batch.records;
    if (this.config.bisect && reason === 'function-error' && records.length > 1) {
      // Bisecting does not count towards the retry quota: each half is a new batch, the first read next.
      const end = c.position + batch.span;
      if (c.ends.at(-1) !== end) c.ends.push(end);
      c.ends.push(c.position + batch.offsets[Math.ceil(records.length / 2)]!);
      c.invocations = 0;
      return 'bisect';
    }
    const max = this.config.maximumRetryAttempts;
    if (max !== -1 && c.invocations > max) {
      this.skip(c, records, batch.span, 'RetryAttemptsExhausted', c.invocations, reason === 'function-error' ? 'Unhandled' : null, now);
      return 'skip';
    }
    c.retryAt = now + streamRetryDelayMs(c.invocations);
    return 'retry';
  }

  /**
   * The checkpoint moves past records the function processed: the whole batch, or its first `count` records (and the
   * records passed over among them).
   */
  private advance(c: Cursor, batch: ReadBatch, count = batch.records.length): void {
    const span = count === batch.records.length ? batch.span : batch.offsets[count]!;
    this.moveCheckpoint(c, span);
    this.counters.processedRecords += count;
    this.counters.filteredRecords += span - count;
  }

  /** A new checkpoint: the batch read from there on is a new one, with its own retries. */
  private moveCheckpoint(c: Cursor, records: number): void {
    c.position += records;
    c.invocations = 0;
    c.retryAt = -Infinity;
    c.lastRequestId = undefined;
  }

  /**
   * Gives records up: the on-failure record goes to the destination, and the checkpoint moves past them (`span`: and
   * past the records passed over among them).
   */
  private skip(c: Cursor, records: readonly StreamEntry[], span: number, condition: StreamFailureCondition, approximateInvokeCount: number, functionError: 'Unhandled' | null | undefined, now: number): void {
    const target = this.config.onFailure;
    const toBucket = target?.kind === 'bucket';
    const record = streamFailureRecord({
      requestId: c.lastRequestId ?? this.random.uuid(),
      functionArn: this.functionArn,
      executedVersion: c.lastVersion,
      condition,
      approximateInvokeCount,
      ...(functionError === undefined ? {} : { functionError }),
      at: now,
      shardId: c.shard.id,
      sequenceNumbers: records.map((r) => r.sequenceNumber),
      arrivals: records.map((r) => r.arrivedAt),
      streamArn: this.stream.arn,
      batchInfo: this.stream.batchInfo,
      ...(toBucket ? { payload: { Records: records.map((r) => this.stream.eventRecord(r, this.roleArn)) } } : {}),
    });
    if (target !== undefined) {
      deliverableOf(target)!.deliver(JSON.stringify(record), {}, now, { detailType: '', functionArn: this.functionArn, keyPrefix: `aws/lambda/${this.uuid}/${c.shard.id}` });
    }
    this.skips.push({ at: now, shardId: c.shard.id, condition, sequenceNumbers: records.map((r) => r.sequenceNumber), approximateInvokeCount, record });
    this.counters.skippedRecords += records.length;
    this.counters.filteredRecords += span - records.length;
    this.moveCheckpoint(c, span);
  }

  /** A retry's back-off ending, or a batching window closing. */
  protected nextWake(now: number): number | undefined {
    let next = Infinity;
    for (const c of this.cursors) {
      if (c.busy) continue;
      const unread = this.unread(c);
      if (unread.length === 0) continue;
      if (c.retryAt > now) next = Math.min(next, c.retryAt);
      else if (this.config.windowMs > 0 && c.invocations === 0 && c.throttles === 0) next = Math.min(next, unread.at(0).arrivedAt + this.config.windowMs);
      // The first unread record turning too old to deliver (skipped then, even inside a batching window).
      const max = this.config.maximumRecordAgeMs;
      if (max !== -1 && unread.at(0).arrivedAt + max + 1 > now) next = Math.min(next, unread.at(0).arrivedAt + max + 1);
    }
    return next === Infinity || next <= now ? undefined : next;
  }
}

/** Where a new mapping starts in a shard: its oldest record, its end, or the first record that arrived at or after a time. */
function startingPosition(shard: Shard, config: ResolvedStreamMapping): number {
  if (config.startingPosition === 'TRIM_HORIZON') return shard.trimmed;
  if (config.startingPosition === 'LATEST') return shard.trimmed + shard.records.length;
  const i = shard.records.findIndex((r) => r.arrivedAt >= config.startingAt!);
  return shard.trimmed + (i === -1 ? shard.records.length : i);
}
