/** One record a stream keeps, as a stream mapping reads it (internal). */
export interface StreamEntry {
  readonly shardId: string;
  readonly sequenceNumber: string;
  /** Virtual epoch ms the stream received it. */
  readonly arrivedAt: number;
}

/** One shard: its records in sequence order, after `trimmed` records lost to the retention period (internal). */
export interface Shard<E extends StreamEntry = StreamEntry> {
  readonly id: string;
  readonly records: E[];
  trimmed: number;
}

/**
 * What a stream event source mapping reads (internal): a Kinesis stream, or a DynamoDB table's stream. The mapping's
 * rules are the same for both (spec §8.2); records, batch info and their times are each source's own.
 */
export interface StreamSource<E extends StreamEntry = StreamEntry> {
  /** The stream's ARN (a failure record's `streamArn`, each record's `eventSourceARN`). */
  readonly arn: string;
  /** `Kinesis` or `DynamoDB`, for messages. */
  readonly label: string;
  readonly shards: readonly Shard<E>[];
  /** Told when a record arrives (mappings reading the stream wake their pollers). */
  readonly listeners: Set<() => void>;
  /** The failure record's batch info key, and how it writes arrival times. */
  readonly batchInfo: { readonly key: 'KinesisBatchInfo' | 'DDBStreamBatchInfo'; time(epochMs: number): string };
  /** Adopts a clock (throws for a second, different one). */
  bind(time: { now(): number }): void;
  /** Drops records past the retention period. */
  trim(now: number): void;
  /** The record as delivered to a function whose execution role is `roleArn`. */
  eventRecord(entry: E, roleArn: string): object;
  /** What the record weighs in a batch (its JSON, about). */
  bytes(entry: E): number;
  /** What a mapping's filter criteria see of the record (Kinesis: its decoded `data`; DynamoDB: the record). */
  filterView(entry: E): unknown;
}
