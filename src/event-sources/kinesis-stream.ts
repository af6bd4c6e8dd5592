import { hash } from 'node:crypto';
import { kinesisFilterView } from './filter-criteria.js';
import type { KinesisStreamRecord } from 'aws-lambda';
import { place, type TargetOptions } from '../async/targets.js';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { randomDigits } from '../events/messaging/_defaults.js';
import { toBase64Data, type StreamData } from '../events/messaging/_encoding.js';
import { kinesisRecord } from '../events/messaging/_kinesis-record.js';
import type { Clock } from '../clock/virtual-clock.js';
import { checkRange } from '../limits/limits.js';
import { adopts, sourceClock } from './source-clock.js';
import { stampArrivals, trimShards, type Shard, type StreamSource } from './stream-source.js';
import { isoTime } from '../logs/format.js';

/**
 * Options of {@link createKinesisStream}.
 * @example
 * const stream = createKinesisStream('orders', { shardCount: 2 });
 */
export interface KinesisStreamOptions extends TargetOptions {
  /** Shards (1–100 here); a record goes to the shard whose hash key range holds the MD5 of its partition key. @defaultValue 1 */
  shardCount?: number;
  /** Hours a record stays readable (24–8,760). @defaultValue 24 */
  retentionPeriodHours?: number;
  /**
   * The clock whose time records arrive at (a function's `clock`, or one from `createClock()`). @defaultValue the clock
   * of the first function mapped to the stream; records put before it arrive when it is mapped
   */
  clock?: Clock;
}

/**
 * A record as the stream keeps it.
 * @example
 * stream.records[0]?.partitionKey; // 'order-1'
 */
export interface KinesisStoredRecord {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  /** The data, base64. */
  readonly data: string;
  /** Virtual epoch ms the stream received it. */
  readonly arrivedAt: number;
}

/**
 * An in-memory Kinesis data stream: the source of a stream event source mapping ({@link createEventSourceMapping}).
 * @example
 * const stream = createKinesisStream('orders');
 * stream.putRecord({ orderId: 7 }, { partitionKey: 'order-7' });
 */
export interface KinesisStream {
  readonly kind: 'kinesis-stream';
  readonly name: string;
  readonly arn: string;
  /** Shard ids, `shardId-000000000000` on. */
  readonly shardIds: readonly string[];
  /** Every readable record, shard by shard, in sequence order. */
  readonly records: readonly KinesisStoredRecord[];
  /**
   * PutRecord: strings as UTF-8, bytes as they are, anything else as its JSON. Returns where it went.
   * @example
   * const { shardId, sequenceNumber } = stream.putRecord('hello', { partitionKey: 'k' });
   */
  putRecord(data: StreamData, options: { partitionKey: string }): { shardId: string; sequenceNumber: string };
  /**
   * PutRecords: each record as `putRecord` would put it, in order.
   * @example
   * stream.putRecords([{ data: 'a', partitionKey: 'k' }, { data: 'b', partitionKey: 'k' }]);
   */
  putRecords(records: readonly { data: StreamData; partitionKey: string }[]): { shardId: string; sequenceNumber: string }[];
}


/** Largest record Kinesis accepts (data plus partition key). */
const RECORD_BYTES = 1_048_576;
const HASH_SPACE = 2n ** 128n;

/** The state behind a stream, read by event source mappings (internal). */
export class StreamState implements StreamSource<KinesisStoredRecord> {
  readonly shards: Shard<KinesisStoredRecord>[];
  readonly label = 'Kinesis';
  /** Kinesis reports arrivals with milliseconds (recorded: kinesis-onfailure-sqs-record). */
  readonly batchInfo = { key: 'KinesisBatchInfo' as const, time: isoTime };
  readonly retentionMs: number;
  private time: { now(): number } | undefined;
  private sequence: bigint;
  readonly listeners = new Set<() => void>();

  constructor(
    readonly stream: KinesisStream,
    readonly region: string,
    readonly accountId: string,
    private readonly random: { int(max: number): number },
    options: KinesisStreamOptions,
  ) {
    const api = 'Kinesis rejects other values at CreateStream';
    const count = checkRange('shardCount', options.shardCount ?? 1, { min: 1, max: 100 }, 'shards', api);
    this.retentionMs = checkRange('retentionPeriodHours', options.retentionPeriodHours ?? 24, { min: 24, max: 8760 }, 'hours', api) * 3_600_000;
    this.shards = Array.from({ length: count }, (_, i) => ({ id: `shardId-${String(i).padStart(12, '0')}`, records: [], trimmed: 0 }));
    this.sequence = BigInt(randomDigits(random, 56));
  }

  /** Adopts a clock: records put before are stamped as arrived now. Throws for a second, different clock. */
  bind(time: { now(): number }): void {
    if (!adopts(this.time, time, `Stream ${this.stream.name}`)) return;
    this.time = time;
    stampArrivals(this.shards, time.now(), (r, now) => ({ ...r, arrivedAt: now }));
  }

  putRecord(data: StreamData, options: { partitionKey: string }): { shardId: string; sequenceNumber: string } {
    const partitionKey = options?.partitionKey;
    if (typeof partitionKey !== 'string' || partitionKey.length < 1 || partitionKey.length > 256) {
      throw new HarnessError('INVALID_ARGUMENT', `${this.stream.name}.putRecord: a partitionKey of 1-256 characters is required.`);
    }
    const encoded = toBase64Data(data);
    if (Buffer.byteLength(encoded, 'base64') + Buffer.byteLength(partitionKey) > RECORD_BYTES) {
      throw new HarnessError('INVALID_ARGUMENT', `${this.stream.name}.putRecord: data and partition key over 1 MiB; Kinesis refuses the record.`);
    }
    // The shard whose equal slice of the 128-bit hash key space holds the MD5 of the partition key, as Kinesis maps it.
    const hashKey = BigInt(`0x${hash('md5', partitionKey, 'hex')}`);
    const shard = this.shards[Number((hashKey * BigInt(this.shards.length)) / HASH_SPACE)]!;
    // Increasing per stream, with gaps, as Kinesis's are (56 digits).
    this.sequence += 10_000_000_000n + BigInt(this.random.int(1_000_000));
    const record: KinesisStoredRecord = { shardId: shard.id, sequenceNumber: this.sequence.toString(), partitionKey, data: encoded, arrivedAt: this.time?.now() ?? NaN };
    shard.records.push(record);
    for (const listener of this.listeners) listener();
    return { shardId: shard.id, sequenceNumber: record.sequenceNumber };
  }

  get arn(): string {
    return this.stream.arn;
  }

  /** The record as Lambda delivers it to a function whose execution role is `roleArn`. */
  eventRecord(r: KinesisStoredRecord, roleArn: string): KinesisStreamRecord {
    return kinesisRecord({ ...r, roleArn, region: this.region, streamArn: this.stream.arn });
  }

  filterView(r: KinesisStoredRecord): unknown {
    return kinesisFilterView(r.data);
  }

  /**
   * The record's JSON size as delivered (every function's role ARN has the same length: a 12-digit account), worked
   * out once: a mapping inside a batching window asks on every scheduler turn.
   */
  bytes(r: KinesisStoredRecord): number {
    let size = this.sizes.get(r);
    if (size === undefined) {
      size = Buffer.byteLength(JSON.stringify(this.eventRecord(r, 'arn:aws:iam::000000000000:role/lambda-role')));
      this.sizes.set(r, size);
    }
    return size;
  }
  private readonly sizes = new WeakMap<KinesisStoredRecord, number>();

  /** Trims by the stream's clock, if it has one (for `records`). */
  trimToNow(): void {
    if (this.time !== undefined) this.trim(this.time.now());
  }

  /** Trims records past the retention period. */
  trim(now: number): void {
    trimShards(this.shards, now, this.retentionMs);
  }
}

const states = new WeakMap<object, StreamState>();

/** The state behind a stream from {@link createKinesisStream}, or undefined for anything else (internal). */
export function streamState(stream: unknown): StreamState | undefined {
  return stream !== null && typeof stream === 'object' ? states.get(stream) : undefined;
}

/**
 * Creates an in-memory Kinesis data stream, the source of a stream event source mapping.
 * @example
 * const stream = createKinesisStream('orders', { shardCount: 2 });
 * const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON' });
 * stream.putRecord({ orderId: 7 }, { partitionKey: 'order-7' });
 * await mapping.drain();
 */
export function createKinesisStream(name: string, options: KinesisStreamOptions = {}): KinesisStream {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{1,128}$/.test(name)) {
    throw new HarnessError('INVALID_ARGUMENT', `createKinesisStream: ${JSON.stringify(name)} is not a stream name: 1-128 letters, digits, '_', '-' and '.'.`);
  }
  if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', 'createKinesisStream: options must be an object.');
  rejectUnknownKeys('createKinesisStream', options, ['region', 'accountId', 'seed', 'shardCount', 'retentionPeriodHours', 'clock']);
  const { region, accountId, random } = place(name, options);
  let state!: StreamState;
  const stream: KinesisStream = {
    kind: 'kinesis-stream',
    name,
    arn: `arn:aws:kinesis:${region}:${accountId}:stream/${name}`,
    get shardIds() {
      return state.shards.map((s) => s.id);
    },
    get records() {
      state.trimToNow();
      return state.shards.flatMap((s) => s.records);
    },
    putRecord: (data, putOptions) => state.putRecord(data, putOptions),
    putRecords: (records) => {
      if (!Array.isArray(records) || records.length > 500) throw new HarnessError('INVALID_ARGUMENT', `${name}.putRecords: give an array of at most 500 { data, partitionKey } records, as Kinesis takes.`);
      return records.map((r) => state.putRecord(r.data, { partitionKey: r.partitionKey }));
    },
  };
  state = new StreamState(stream, region, accountId, random, options);
  if (options.clock !== undefined) state.bind(sourceClock('createKinesisStream', options.clock));
  states.set(stream, state);
  return stream;
}
