import { InvalidParameterValueError, LambdaServiceError, type ThrottleReason } from '../errors.js';
import { untypedInvalidParameter } from '../internal/wire-error.js';

/**
 * Lambda quotas the simulator enforces (spec §4). Bytes unless named otherwise.
 * @example
 * LIMITS.syncRequestBytes; // 6291456
 */
export const LIMITS = {
  /** Synchronous invoke request body. */
  syncRequestBytes: 6_291_456,
  /**
   * Asynchronous invoke request body: 1 MB since late 2025 (was 262144). The exact number is not recorded;
   * 1048576 is the most plausible reading (spec §4, [UNCERTAIN]).
   */
  asyncRequestBytes: 1_048_576,
  /** Buffered response: 6 MiB + 100 bytes, as observed (spec §2.2). */
  responseBytes: 6_291_556,
  /** Streamed response (a streaming handler read as a stream): 200 MB since July 2025 [UNCERTAIN: MB or MiB]. */
  streamedResponseBytes: 209_715_200,
  /** JSON of the environment variable map. */
  environmentBytes: 4096,
  memoryMB: { min: 128, max: 10_240 },
  timeoutSeconds: { min: 1, max: 900 },
  ephemeralStorageMB: { min: 512, max: 10_240 },
  /** Bytes of the base64 `X-Amz-Client-Context` header. */
  clientContextBytes: 3583,
  /** Length of the log tail returned with `LogType: Tail`. */
  logTailBytes: 4096,
  /** Executions every account keeps unreserved, whatever functions reserve or provision. */
  minUnreservedConcurrency: 100,
} as const;

/** UTF-8 byte length without allocating, with a fast path for strings that cannot reach `limit`. */
export function exceedsBytes(text: string, limit: number): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings never need measuring.
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return Buffer.byteLength(text, 'utf8') > limit;
}

/**
 * The 413 for a synchronous request over 6 MB, with AWS's message.
 * @example
 * syncRequestTooLarge(); // RequestEntityTooLargeException (413)
 */
export function syncRequestTooLarge(): LambdaServiceError {
  return new LambdaServiceError({
    name: 'RequestEntityTooLargeException',
    statusCode: 413,
    message: `Request must be smaller than ${LIMITS.syncRequestBytes} bytes for the InvokeFunction operation`,
  });
}

/**
 * The 413 for an asynchronous (`Event`) request over the async limit, with AWS's message.
 * @example
 * asyncRequestTooLarge(2_000_000);
 */
export function asyncRequestTooLarge(size: number): LambdaServiceError {
  return new LambdaServiceError({
    name: 'RequestEntityTooLargeException',
    statusCode: 413,
    message: `${size} byte payload is too large for the Event invocation type (limit ${LIMITS.asyncRequestBytes} bytes)`,
  });
}

/**
 * The 400 for a request body that is not JSON, with AWS's message around the parser's `detail`.
 * @example
 * invalidRequestContent('Unexpected end-of-input'); // InvalidRequestContentException (400)
 */
export function invalidRequestContent(detail: string): LambdaServiceError {
  return new LambdaServiceError({
    name: 'InvalidRequestContentException',
    statusCode: 400,
    message: `Could not parse request body into json: Could not parse payload into json: ${detail}`,
  });
}

/** The message of every 429 `TooManyRequestsException` (also the DLQ `ErrorMessage` of events that never ran). */
export const THROTTLE_MESSAGE = 'Rate Exceeded.';

/**
 * The 429 of a throttled synchronous invoke, with AWS's reason and message.
 * @example
 * throttled('ReservedFunctionConcurrentInvocationLimitExceeded'); // TooManyRequestsException (429)
 */
export function throttled(reason: ThrottleReason): LambdaServiceError {
  return new LambdaServiceError({ name: 'TooManyRequestsException', statusCode: 429, message: THROTTLE_MESSAGE, reason });
}

/** Checks that `value` is an integer within `range`, else throws AWS's style of validation error. */
export function checkRange(name: string, value: unknown, range: { min: number; max: number }, unit: string, api = 'Lambda rejects other values at CreateFunction'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidParameterValueError(`${name} must be an integer between ${range.min} and ${range.max} ${unit} (got ${JSON.stringify(value)}). ${api}.`);
  }
  return value;
}

/**
 * Validates the environment variable map against Lambda's 4 KB limit, measured on its JSON like AWS does.
 * @example
 * checkEnvironment({ TABLE: 'orders' });
 */
export function checkEnvironment(environment: Record<string, string>): void {
  const json = JSON.stringify(environment);
  if (Buffer.byteLength(json, 'utf8') > LIMITS.environmentBytes) {
    throw new InvalidParameterValueError(
      'Lambda was unable to configure your environment variables because the environment variables you have ' +
        `provided exceeded the 4KB limit. String measured: ${json}`,
    );
  }
}

/**
 * Checks a function's concurrency settings against each other and the account, as PutFunctionConcurrency and
 * PutProvisionedConcurrencyConfig do, with AWS's messages (recorded: concurrency-config-errors). `reservedElsewhere`
 * is what the account's other functions reserve. Provisioned concurrency comes out of the function's reserved
 * concurrency when it has some, else out of the account's unreserved pool.
 * @example
 * checkConcurrency({ account: 1000, reservedElsewhere: 0, reserved: 1, provisioned: 2 }); // throws InvalidParameterValueError
 */
export function checkConcurrency(c: { account: number; reservedElsewhere: number; reserved: number | undefined; provisioned: number }): void {
  const unreserved = c.account - c.reservedElsewhere;
  const floor = LIMITS.minUnreservedConcurrency;
  if (c.reserved !== undefined && unreserved - c.reserved < floor) {
    throw untypedInvalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${floor}].`,
    );
  }
  if (c.provisioned === 0) return;
  if (c.reserved !== undefined) {
    if (c.provisioned > c.reserved) {
      throw new InvalidParameterValueError('Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function');
    }
    return;
  }
  if (c.provisioned > unreserved) {
    throw untypedInvalidParameter(`Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [${unreserved}].`);
  }
  if (unreserved - c.provisioned < floor) {
    throw untypedInvalidParameter(
      `Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${floor}].`,
    );
  }
}

/**
 * Checks that `value` is a whole count (0 or more), for settings whose upper bound depends on the account.
 * @example
 * checkCount('reservedConcurrency', 5); // 5
 */
export function checkCount(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidParameterValueError(`${name} must be a non-negative integer (got ${JSON.stringify(value)}).`);
  }
  return value;
}
