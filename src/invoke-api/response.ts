import type { LambdaServiceError } from '../errors.js';
import type { DryRunResult, EventAccepted, InvocationResult } from '../function/result.js';

/** A transport-independent HTTP response: what both the msw handlers and the HTTP server send. */
export interface ApiResponse {
  readonly status: number;
  /** Header names in AWS's spelling (HTTP header names are case-insensitive on the wire). */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body; empty for 202 and 204. */
  readonly body: string;
}

/**
 * The response to a completed invocation: 200 with the function's exact payload (and `X-Amz-Function-Error:
 * Unhandled` when it failed, as AWS reserves 4xx/5xx for invocations that never ran), 202 for `Event`, 204 for
 * `DryRun`. `x-amzn-RequestId` is the invocation's request id; `Event`/`DryRun` carry no executed version.
 * @example
 * invocationResponse(await fn.invoke({})).headers['x-amzn-RequestId'];
 */
export function invocationResponse(result: InvocationResult | DryRunResult | EventAccepted): ApiResponse {
  if (result.statusCode !== 200) {
    return { status: result.statusCode, headers: { 'x-amzn-RequestId': result.requestId }, body: '' };
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': result.requestId,
    'X-Amz-Executed-Version': result.executedVersion,
  };
  if (result.functionError !== undefined) headers['X-Amz-Function-Error'] = result.functionError;
  if (result.logResult !== undefined) headers['X-Amz-Log-Result'] = result.logResult;
  return { status: 200, headers, body: result.rawPayload };
}

/**
 * A service error as AWS puts it on the wire (rest-json): status, `x-amzn-ErrorType` with the exception name, and
 * the exact body (`{"Message":…,"Type":"User"}` or `{"Type":"User","message":…}` depending on the exception).
 * @example
 * errorResponse(err, requestId).headers['x-amzn-ErrorType']; // 'ResourceNotFoundException'
 */
export function errorResponse(error: LambdaServiceError, requestId: string): ApiResponse {
  return rawErrorResponse(error.statusCode, error.name, error.body, requestId);
}

/** An error the harness's endpoint answers outside Lambda's modelled exceptions (unknown routes, internal failures). */
export function rawErrorResponse(
  status: number,
  errorType: string,
  body: Readonly<Record<string, string>>,
  requestId: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): ApiResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': errorType, ...extraHeaders },
    body: JSON.stringify(body),
  };
}
