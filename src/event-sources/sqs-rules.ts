import { InvalidParameterValueError, rejectUnknownKeys } from '../errors.js';
import { COMMON_KEYS, mappingInteger, reportsItemFailures, resolveCommonOptions, type CommonMappingOptions, type ResolvedCommonOptions } from './mapping-options.js';
import { LIMITS } from '../limits/limits.js';

/** SQS and SQS event source mapping limits (spec §8.1; SQS quotas). */
export const SQS_LIMITS = {
  /** The largest message SQS accepts: 1 MiB since August 2025 (256 KiB before). */
  messageBytes: 1_048_576,
  /** BatchSize: standard queues. */
  standardBatchSize: { min: 1, max: 10_000 },
  /** BatchSize: FIFO queues. */
  fifoBatchSize: { min: 1, max: 10 },
  /** MaximumBatchingWindowInSeconds. */
  batchingWindowSeconds: { min: 0, max: 300 },
  /** ScalingConfig.MaximumConcurrency. */
  maximumConcurrency: { min: 2, max: 1000 },
  /** Concurrent batches a mapping starts with, adds per minute while messages wait, and never exceeds. */
  pollers: { initial: 5, addedPerMinute: 300, max: 1000 },
  /** What a batch may weigh: the synchronous Invoke payload limit, metadata included. */
  batchBytes: LIMITS.syncRequestBytes,
} as const;

/**
 * Options of {@link createEventSourceMapping} for an SQS queue, as `CreateEventSourceMapping` names them.
 * @example
 * const options: SqsMappingOptions = { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] };
 */
export interface SqsMappingOptions extends CommonMappingOptions {
  /** Messages per batch: 1–10,000 (standard), 1–10 (FIFO). Above 10 needs a batching window. @defaultValue 10 */
  batchSize?: number;
  /** Seconds to gather a batch before invoking (0–300; standard queues only). @defaultValue 0 */
  maximumBatchingWindowInSeconds?: number;
  /** `['ReportBatchItemFailures']`: the function's response names the messages that failed. @defaultValue [] */
  functionResponseTypes?: readonly 'ReportBatchItemFailures'[];
  /** `ScalingConfig.MaximumConcurrency`: the most batches in flight at once (2–1,000). @defaultValue no cap below 1,000 */
  maximumConcurrency?: number;
}

/** The options with defaults applied (internal). */
export interface ResolvedSqsMapping extends ResolvedCommonOptions {
  readonly batchSize: number;
  readonly windowMs: number;
  readonly reportBatchItemFailures: boolean;
  readonly maximumConcurrency: number;
}

const KEYS = ['batchSize', 'maximumBatchingWindowInSeconds', 'functionResponseTypes', 'maximumConcurrency', ...COMMON_KEYS];

/**
 * Validates a mapping's options as `CreateEventSourceMapping` does for an SQS queue, and applies the defaults.
 * `timeoutOf` gives the timeout of what the mapping's qualifier runs (the queue's visibility timeout is held to it).
 * @example
 * resolveSqsMapping({ batchSize: 100 }, { fifo: false, visibilityTimeoutMs: 30_000 }, () => 3); // throws: a batch above 10 needs a window
 */
export function resolveSqsMapping(
  options: SqsMappingOptions,
  queue: { readonly fifo: boolean; readonly visibilityTimeoutMs: number },
  timeoutOf: (qualifier: string | undefined) => number,
): ResolvedSqsMapping {
  const fifo = queue.fifo;
  if (options === null || typeof options !== 'object') throw new InvalidParameterValueError('createEventSourceMapping: options must be an object.');
  const common = resolveCommonOptions(options);
  const functionTimeoutSeconds = timeoutOf(common.qualifier);
  if (queue.visibilityTimeoutMs < functionTimeoutSeconds * 1000) {
    // AWS's message: a batch could come back while the function still processes it.
    throw new InvalidParameterValueError(
      `Invalid request provided: Queue visibility timeout: ${queue.visibilityTimeoutMs / 1000} seconds is less than Function timeout: ${functionTimeoutSeconds} seconds`,
    );
  }
  rejectUnknownKeys('createEventSourceMapping', options, KEYS);
  const batchSize = mappingInteger('batchSize', options.batchSize ?? 10, fifo ? SQS_LIMITS.fifoBatchSize : SQS_LIMITS.standardBatchSize, fifo ? 'for a FIFO queue' : 'for a standard queue');
  const window = options.maximumBatchingWindowInSeconds;
  if (fifo && window !== undefined && window !== 0) {
    throw new InvalidParameterValueError('maximumBatchingWindowInSeconds is not supported for FIFO queues: Lambda rejects it at CreateEventSourceMapping.');
  }
  const windowSeconds = mappingInteger('maximumBatchingWindowInSeconds', window ?? 0, SQS_LIMITS.batchingWindowSeconds, 'seconds');
  if (batchSize > 10 && windowSeconds < 1) {
    // AWS's message for this rule.
    throw new InvalidParameterValueError('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  }
  const reportBatchItemFailures = reportsItemFailures(options.functionResponseTypes);
  const maximumConcurrency = options.maximumConcurrency === undefined ? SQS_LIMITS.pollers.max : mappingInteger('maximumConcurrency', options.maximumConcurrency, SQS_LIMITS.maximumConcurrency, 'batches');
  return { batchSize, windowMs: windowSeconds * 1000, reportBatchItemFailures, maximumConcurrency, ...common };
}

/**
 * How many batches a mapping may have in flight after messages have waited `waitingMs`: it starts at 5 and adds 300
 * a minute, up to 1,000 or `maximumConcurrency` (spec §8.1). Modelled in whole-minute steps.
 * @example
 * pollerConcurrency(0, 1000); // 5
 * pollerConcurrency(60_000, 1000); // 305
 */
export function pollerConcurrency(waitingMs: number, maximumConcurrency: number): number {
  const { initial, addedPerMinute, max } = SQS_LIMITS.pollers;
  return Math.min(maximumConcurrency, max, initial + addedPerMinute * Math.floor(Math.max(0, waitingMs) / 60_000));
}
