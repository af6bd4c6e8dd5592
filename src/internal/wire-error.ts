import { HarnessError, InvalidParameterValueError, LambdaServiceError } from '../errors.js';

/**
 * How AWS's API words a configuration call that the harness refuses as misuse. `createAlias`, `putFunctionConcurrency`
 * and the like throw `HarnessError`s (their callers wrote a test, not an HTTP client), while the control-plane API
 * must answer the same refusal with AWS's status, exception and body: each refusal is registered here with its wire
 * form, so that neither side parses the other's messages.
 */
const wireForms = new WeakMap<Error, LambdaServiceError>();

/**
 * A `HarnessError` (code `INVALID_ARGUMENT`) with `wire`'s message, which the control-plane API answers as `wire`.
 * @example
 * throw refusedAs(new LambdaServiceError({ name: 'ResourceConflictException', statusCode: 409, message: 'Alias already exists: …' }));
 */
export function refusedAs(wire: LambdaServiceError): HarnessError {
  const error = new HarnessError('INVALID_ARGUMENT', wire.message);
  wireForms.set(error, wire);
  return error;
}

/**
 * An `InvalidParameterValueError` that AWS sends without `Type` in its body (the account-concurrency refusals, recorded:
 * concurrency-config-errors).
 * @example
 * throw untypedInvalidParameter('Specified ReservedConcurrentExecutions for function decreases …');
 */
export function untypedInvalidParameter(message: string): InvalidParameterValueError {
  const error = new InvalidParameterValueError(message);
  wireForms.set(error, new LambdaServiceError({ name: 'InvalidParameterValueException', statusCode: 400, message, untyped: true }));
  return error;
}

/** Harness errors that can only come from what a request asked for (a bad value, a runtime or handler file that does not exist). */
const INPUT_ERRORS: ReadonlySet<string> = new Set(['INVALID_OPTION', 'INVALID_ARGUMENT', 'UNKNOWN_OPTION', 'INVALID_PARAMETER_VALUE', 'HANDLER_FILE_NOT_FOUND']);

/**
 * The service error AWS answers for `error`: a `LambdaServiceError` itself, a registered refusal's wire form, any
 * other refusal of a requested value (an `InvalidParameterValueError`, an unknown runtime, a handler file that does not
 * exist) as AWS's 400 InvalidParameterValueException with the harness's message [INFERRED; AWS accepts a handler it
 * cannot load and fails its invocations instead, where the harness refuses it at once, as `createFunction` does];
 * undefined for anything else (a failure of the harness, a disposed function).
 * @example
 * const wire = wireErrorOf(caught); if (wire) return errorResponse(wire, requestId);
 */
export function wireErrorOf(error: unknown): LambdaServiceError | undefined {
  if (error instanceof LambdaServiceError) return error;
  if (!(error instanceof Error)) return undefined;
  const registered = wireForms.get(error);
  if (registered !== undefined) return registered;
  if (error instanceof HarnessError && INPUT_ERRORS.has(error.code)) {
    return new LambdaServiceError({ name: 'InvalidParameterValueException', statusCode: 400, message: error.message });
  }
  return undefined;
}
