import { isFifoQueue, isTargetOf } from '../async/deliverable.js';
import type { Bucket, Topic } from '../async/targets.js';
import { InvalidParameterValueError, rejectUnknownKeys } from '../errors.js';
import { COMMON_KEYS, mappingInteger, reportsItemFailures, resolveCommonOptions, type CommonMappingOptions, type ResolvedCommonOptions } from './mapping-options.js';
import { isoTime } from '../logs/format.js';
import type { Queue } from './sqs-queue.js';

/**
 * Options of {@link createEventSourceMapping} for a Kinesis stream or a DynamoDB table's stream, as
 * `CreateEventSourceMapping` names them.
 * @example
 * const options: StreamMappingOptions = { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 2, destinations: { onFailure: failures } };
 */
export interface StreamMappingOptions extends CommonMappingOptions {
  /**
   * Where a new mapping starts reading each shard: its oldest record, records put from now on, or (Kinesis only) the
   * first record that arrived at or after `startingPositionTimestamp`. Required, as on AWS.
   */
  startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  /** With `AT_TIMESTAMP`: a `Date`, or seconds since the epoch as the API takes it. */
  startingPositionTimestamp?: Date | number;
  /** Records per batch (1–10,000). @defaultValue 100 */
  batchSize?: number;
  /** Seconds to gather a batch before invoking (0–300). @defaultValue 0 */
  maximumBatchingWindowInSeconds?: number;
  /** Retries of a failing batch before it is skipped (-1 for no limit, up to 10,000). @defaultValue -1 */
  maximumRetryAttempts?: number;
  /** Records older than this are skipped (-1 for no limit, or 60–604,800 seconds). @defaultValue -1 */
  maximumRecordAgeInSeconds?: number;
  /** On a function error, split the batch in two and retry each half (not counted as a retry). @defaultValue false */
  bisectBatchOnFunctionError?: boolean;
  /** `['ReportBatchItemFailures']`: the response names failed records by sequence number. @defaultValue [] */
  functionResponseTypes?: readonly 'ReportBatchItemFailures'[];
  /**
   * Where a skipped batch's failure record goes: a queue, a topic, or a bucket (which also gets the records, as
   * `payload`). `OnSuccess` does not exist for streams.
   */
  destinations?: { onFailure?: Queue | Topic | Bucket };
}

/** The options with defaults applied (internal). */
export interface ResolvedStreamMapping extends ResolvedCommonOptions {
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  /** With `AT_TIMESTAMP`: epoch ms. */
  readonly startingAt: number | undefined;
  readonly batchSize: number;
  readonly windowMs: number;
  /** -1: no limit. */
  readonly maximumRetryAttempts: number;
  /** -1: no limit. */
  readonly maximumRecordAgeMs: number;
  readonly bisect: boolean;
  readonly reportBatchItemFailures: boolean;
  readonly onFailure: Queue | Topic | Bucket | undefined;
}

const KEYS = [
  'startingPosition',
  'startingPositionTimestamp',
  'batchSize',
  'maximumBatchingWindowInSeconds',
  'maximumRetryAttempts',
  'maximumRecordAgeInSeconds',
  'bisectBatchOnFunctionError',
  'functionResponseTypes',
  'destinations',
  ...COMMON_KEYS,
];

/**
 * Validates a stream mapping's options as `CreateEventSourceMapping` does, and applies the defaults.
 * @example
 * resolveStreamMapping({ startingPosition: 'LATEST', maximumRecordAgeInSeconds: 30 }); // throws: -1 or 60–604800
 */
export function resolveStreamMapping(options: StreamMappingOptions, source: 'Kinesis' | 'DynamoDB' = 'Kinesis'): ResolvedStreamMapping {
  if (options === null || typeof options !== 'object') {
    throw new InvalidParameterValueError("createEventSourceMapping: a stream needs options with a startingPosition ('TRIM_HORIZON', 'LATEST' or, for Kinesis, 'AT_TIMESTAMP').");
  }
  rejectUnknownKeys('createEventSourceMapping', options, KEYS);
  const position = options.startingPosition;
  if (position !== 'TRIM_HORIZON' && position !== 'LATEST' && position !== 'AT_TIMESTAMP') {
    throw new InvalidParameterValueError(`startingPosition must be 'TRIM_HORIZON', 'LATEST' or 'AT_TIMESTAMP' for a stream (got ${JSON.stringify(position)}).`);
  }
  // [INFERRED messages] DynamoDB Streams have no AT_TIMESTAMP; the timestamp goes with AT_TIMESTAMP only.
  if (position === 'AT_TIMESTAMP' && source === 'DynamoDB') throw new InvalidParameterValueError('startingPosition AT_TIMESTAMP is supported for Kinesis streams only, not DynamoDB Streams.');
  const stamp = options.startingPositionTimestamp;
  if ((position === 'AT_TIMESTAMP') !== (stamp !== undefined)) {
    throw new InvalidParameterValueError('startingPositionTimestamp goes with startingPosition AT_TIMESTAMP, and AT_TIMESTAMP needs it.');
  }
  const startingAt = stamp === undefined ? undefined : stamp instanceof Date ? stamp.getTime() : typeof stamp === 'number' ? stamp * 1000 : NaN;
  if (startingAt !== undefined && !Number.isFinite(startingAt)) {
    throw new InvalidParameterValueError(`startingPositionTimestamp must be a Date or seconds since the epoch (got ${JSON.stringify(stamp)}).`);
  }
  const batchSize = mappingInteger('batchSize', options.batchSize ?? 100, { min: 1, max: 10_000 }, 'records');
  const windowSeconds = mappingInteger('maximumBatchingWindowInSeconds', options.maximumBatchingWindowInSeconds ?? 0, { min: 0, max: 300 }, 'seconds');
  const maximumRetryAttempts = mappingInteger('maximumRetryAttempts', options.maximumRetryAttempts ?? -1, { min: -1, max: 10_000 }, 'retries');
  const age = options.maximumRecordAgeInSeconds ?? -1;
  if (age !== -1) mappingInteger('maximumRecordAgeInSeconds', age, { min: 60, max: 604_800 }, 'seconds (or -1)');
  const reportBatchItemFailures = reportsItemFailures(options.functionResponseTypes);
  const destinations = options.destinations ?? {};
  for (const key of Object.keys(destinations)) {
    if (key !== 'onFailure') throw new InvalidParameterValueError(`destinations.${key}: stream event source mappings have an on-failure destination only.`);
  }
  const onFailure = destinations.onFailure;
  if (onFailure !== undefined && !isTargetOf(onFailure, ['queue', 'topic', 'bucket'])) {
    throw new InvalidParameterValueError('destinations.onFailure must be a queue (createQueue), a topic (createTopic) or a bucket (createBucket).');
  }
  if (isFifoQueue(onFailure)) throw new InvalidParameterValueError('destinations.onFailure: a FIFO queue is not supported as an on-failure destination.');
  const bisect = options.bisectBatchOnFunctionError ?? false;
  if (typeof bisect !== 'boolean') throw new InvalidParameterValueError(`bisectBatchOnFunctionError must be true or false (got ${JSON.stringify(bisect)}).`);
  return {
    startingPosition: position,
    startingAt,
    batchSize,
    windowMs: windowSeconds * 1000,
    maximumRetryAttempts,
    maximumRecordAgeMs: age === -1 ? -1 : age * 1000,
    bisect,
    reportBatchItemFailures,
    onFailure,
    ...resolveCommonOptions(options),
  };
}

/**
 * How long a shard waits before retrying a failed batch, after `failures` failed attempts in a row: 1 s, doubling, at
 * most 12 s. [INFERRED: AWS documents no schedule; this one gives the recorded kinesis-record-age-exceeded run its 8
 * invocations before a 60 s record age.]
 * @example
 * [1, 2, 3, 4, 5, 6].map(streamRetryDelayMs); // [1000, 2000, 4000, 8000, 12000, 12000]
 */
export function streamRetryDelayMs(failures: number): number {
  return Math.min(12_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/**
 * Why a batch was skipped: `RetryAttemptsExhausted` (not async's `RetriesExhausted`) or `RecordAgeExceeded`.
 * @example
 * mapping.skipped.filter((s) => s.condition === 'RecordAgeExceeded').length;
 */
export type StreamFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/** What a stream failure record says of the skipped batch (internal). */
export interface SkippedBatch {
  readonly requestId: string;
  /** The mapping's function ARN: unqualified unless the mapping invokes an alias or version (unlike asynchronous records). */
  readonly functionArn: string;
  /** The version the last invocation ran. */
  readonly executedVersion: string;
  readonly condition: StreamFailureCondition;
  readonly approximateInvokeCount: number;
  /** The last invocation's `FunctionError` (`null` when the function answered with failures); absent for an aged-out batch. */
  readonly functionError?: 'Unhandled' | null;
  readonly at: number;
  readonly shardId: string;
  readonly sequenceNumbers: readonly string[];
  readonly arrivals: readonly number[];
  readonly streamArn: string;
  /** `KinesisBatchInfo` (arrivals to the millisecond) or `DDBStreamBatchInfo` (to the second). */
  readonly batchInfo: { readonly key: 'KinesisBatchInfo' | 'DDBStreamBatchInfo'; time(epochMs: number): string };
  /** The records themselves, for an S3 destination (`payload`); SQS and SNS get the metadata only. */
  readonly payload?: { Records: readonly object[] };
}

/**
 * The on-failure record of a skipped stream batch (spec §8.2; recorded: kinesis-onfailure-sqs-record,
 * kinesis-record-age-exceeded, ddb-onfailure-sqs-record): metadata, not the records. Keys in AWS's order;
 * `RecordAgeExceeded` has no `responseContext`. Kinesis reports arrivals with milliseconds, DynamoDB to the second.
 * @example
 * JSON.parse(failures.messages[0]!.body).requestContext.condition; // 'RetryAttemptsExhausted'
 */
export function streamFailureRecord(batch: SkippedBatch): Record<string, unknown> {
  const record: Record<string, unknown> = {
    requestContext: { requestId: batch.requestId, functionArn: batch.functionArn, condition: batch.condition, approximateInvokeCount: batch.approximateInvokeCount },
  };
  if (batch.condition !== 'RecordAgeExceeded') {
    record['responseContext'] = { statusCode: 200, executedVersion: batch.executedVersion, functionError: batch.functionError ?? null };
  }
  record['version'] = '1.0';
  record['timestamp'] = isoTime(batch.at);
  record[batch.batchInfo.key] = {
    shardId: batch.shardId,
    startSequenceNumber: batch.sequenceNumbers[0],
    endSequenceNumber: batch.sequenceNumbers.at(-1),
    approximateArrivalOfFirstRecord: batch.batchInfo.time(batch.arrivals[0]!),
    approximateArrivalOfLastRecord: batch.batchInfo.time(batch.arrivals.at(-1)!),
    batchSize: batch.sequenceNumbers.length,
    streamArn: batch.streamArn,
  };
  if (batch.payload !== undefined) record['payload'] = batch.payload;
  return record;
}
