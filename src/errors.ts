/**
 * The two error families of lambda-harness, kept apart on purpose:
 *
 * - {@link HarnessError}: the harness was misused (a bad option, a handler path that does not exist, fake timers
 *   already installed). Thrown at once, with a stable `code` and a message that says what to do.
 * - {@link LambdaServiceError}: the simulated Lambda *service* refused the request before any code ran (payload
 *   too large, throttled, bad JSON). `fn.invoke` rejects with it, named exactly like the AWS exception.
 *
 * A failing *function* is neither: it is data in the invocation result, exactly as AWS reports it.
 */

/**
 * Stable codes of {@link HarnessError}.
 * @example
 * try { createFunction({ handler, timout: 3 } as never); } catch (e) { if (e instanceof HarnessError) e.code; } // 'UNKNOWN_OPTION'
 */
export type HarnessErrorCode =
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'INVALID_PARAMETER_VALUE'
  | 'HANDLER_FILE_NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'INVALID_DURATION'
  | 'FAKE_TIMERS_ACTIVE'
  | 'GLOBAL_NOT_PATCHABLE'
  | 'DISPOSED';

/**
 * Thrown when the harness itself is used wrongly. Never returned as a simulated Lambda outcome.
 * @example
 * try { createFunction({ handler, timeout: 0 }); } catch (e) { if (e instanceof HarnessError) e.code; }
 */
export class HarnessError extends Error {
  override readonly name: string = 'HarnessError';
  constructor(
    readonly code: HarnessErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses options the caller does not know (a typo fails loudly instead of being ignored), naming the valid ones.
 * @example
 * rejectUnknownKeys('createClock', { nwo: 0 }, ['now', 'loopLimit']); // throws HarnessError UNKNOWN_OPTION
 */
export function rejectUnknownKeys(caller: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new HarnessError('UNKNOWN_OPTION', `${caller}: unknown option ${JSON.stringify(key)}. Valid options: ${known.join(', ')}.`);
    }
  }
}

/**
 * A configuration value that AWS itself would reject (`CreateFunction`/`UpdateFunctionConfiguration`), e.g. a
 * timeout of 901 s or environment variables over 4 KB. Its `exception` is the AWS exception name and its message
 * is AWS's where one is known.
 * @example
 * createFunction({ handler, memorySize: 64 }); // throws InvalidParameterValueError (code INVALID_PARAMETER_VALUE)
 */
export class InvalidParameterValueError extends HarnessError {
  override readonly name = 'InvalidParameterValueException';
  readonly exception = 'InvalidParameterValueException';
  constructor(message: string) {
    super('INVALID_PARAMETER_VALUE', message);
  }
}

/**
 * Lambda service exception names that the simulator can produce.
 * @example
 * await fn.invoke(hugeEvent).catch((e: LambdaServiceError) => e.name); // 'RequestEntityTooLargeException'
 */
export type LambdaServiceExceptionName =
  | 'RequestEntityTooLargeException'
  | 'TooManyRequestsException'
  | 'InvalidRequestContentException'
  | 'InvalidParameterValueException'
  | 'ResourceNotFoundException'
  | 'ValidationException'
  | 'UnsupportedMediaTypeException'
  | 'ServiceException'
  | 'AccessDeniedException'
  | 'ResourceConflictException'
  | 'ProvisionedConcurrencyConfigNotFoundException';

/**
 * `Reason` values of a 429 `TooManyRequestsException`.
 * @example
 * await fn.invoke({}).catch((e: LambdaServiceError) => e.reason); // 'ReservedFunctionConcurrentInvocationLimitExceeded'
 */
export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded'
  | 'CallerRateLimitExceeded';

/**
 * The Lambda service refused the invocation: the function never ran. `name` is the AWS exception
 * (`x-amzn-ErrorType`), `statusCode` the HTTP status, and `body` the exact JSON AWS sends (whose message key is
 * `Message` or `message` depending on the exception, as on the wire).
 * @example
 * await fn.invoke(hugeEvent).catch((e) => e.name); // 'RequestEntityTooLargeException'
 */
export class LambdaServiceError extends Error {
  override readonly name: LambdaServiceExceptionName;
  readonly statusCode: number;
  readonly type: 'User' | 'Service';
  readonly reason: ThrottleReason | undefined;
  readonly body: Readonly<Record<string, string>>;
  constructor(init: {
    name: LambdaServiceExceptionName;
    statusCode: number;
    message: string;
    type?: 'User' | 'Service';
    reason?: ThrottleReason;
    messageKey?: 'Message' | 'message';
    /** The body carries no `Type` (as AWS sends some of its configuration refusals). */
    untyped?: boolean;
  }) {
    super(init.message);
    this.name = init.name;
    this.statusCode = init.statusCode;
    this.type = init.type ?? 'User';
    this.reason = init.reason;
    const key = init.messageKey ?? 'message';
    // Key order follows the recorded AWS bodies: {"Reason":…,"Type":…,"message":…} / {"Message":…,"Type":…}.
    const body: Record<string, string> = {};
    if (init.reason !== undefined) body['Reason'] = init.reason;
    if (key === 'Message') {
      body['Message'] = init.message;
      if (!init.untyped) body['Type'] = this.type;
    } else {
      if (!init.untyped) body['Type'] = this.type;
      body['message'] = init.message;
    }
    this.body = body;
  }
}
