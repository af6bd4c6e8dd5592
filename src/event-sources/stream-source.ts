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

/**
 * Drops each shard's records past the retention period, oldest first, counting them in `trimmed`: a mapping's
 * checkpoint counts every record the shard ever had, so it still knows where it is.
 * @example
 * trimShards(this.shards, now, 86_400_000); // DynamoDB Streams keep records for 24 hours
 */
export function trimShards(shards: readonly Shard[], now: number, retentionMs: number): void {
  for (const shard of shards) {
    let n = 0;
    while (n < shard.records.length && now - shard.records[n]!.arrivedAt >= retentionMs) n++;
    if (n > 0) {
      shard.records.splice(0, n);
      shard.trimmed += n;
    }
  }
}

/**
 * Gives the records put before the source had a clock (arrival `NaN`) their arrival: `now`, the time the source adopts
 * a clock. `stamp` rebuilds such a record as arrived then (a source may carry the time inside it as well).
 * @example
 * stampArrivals(this.shards, time.now(), (r, now) => ({ ...r, arrivedAt: now }));
 */
export function stampArrivals<E extends StreamEntry>(shards: readonly Shard<E>[], now: number, stamp: (entry: E, now: number) => E): void {
  for (const shard of shards) {
    for (let i = 0; i < shard.records.length; i++) if (Number.isNaN(shard.records[i]!.arrivedAt)) shard.records[i] = stamp(shard.records[i]!, now);
  }
}
