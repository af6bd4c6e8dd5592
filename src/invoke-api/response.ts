import type { LambdaServiceError } from '../errors.js';
import type { DryRunResult, EventAccepted, InvocationResult } from '../function/result.js';
import { responseStreamBody, type InvokeComplete } from './event-stream.js';

/** A transport-independent HTTP response: what both the msw handlers and the HTTP server send. */
export interface ApiResponse {
  readonly status: number;
  /** Header names in AWS's spelling (HTTP header names are case-insensitive on the wire). */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body; empty for 202 and 204; bytes for `InvokeWithResponseStream`'s event stream. */
  readonly body: string | Uint8Array;
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
  // A streaming handler's bytes as written (its text form would mangle what is not UTF-8).
  const stream = result.ok ? result.responseStream : undefined;
  return { status: 200, headers, body: stream ? stream.body : result.rawPayload };
}

/**
 * The response to `InvokeWithResponseStream`: 200 with the stream's content type (`application/json` for a handler
 * that does not stream) and an event stream of what the function wrote (a plain handler's whole payload as one chunk),
 * ended by `InvokeComplete` with the log tail if asked for and, for a failed invocation, `ErrorCode` and
 * `ErrorDetails` ([UNCERTAIN] their values: the error's type and message, as the runtime's error trailer carries
 * them); 204 for `DryRun`.
 * @example
 * streamInvocationResponse(await fn.invoke({})).headers['Content-Type']; // 'application/json'
 */
export function streamInvocationResponse(result: InvocationResult | DryRunResult): ApiResponse {
  if (result.statusCode !== 200) return invocationResponse(result);
  const stream = result.responseStream;
  const chunks = stream ? stream.chunks : result.ok ? [Buffer.from(result.rawPayload)] : [];
  const headers = streamHeaders(stream?.contentType ?? 'application/json', result.requestId, result.executedVersion);
  return { status: 200, headers, body: responseStreamBody(chunks, invokeComplete(result)) };
}

/**
 * The headers of an `InvokeWithResponseStream` response: the stream's content type, the request id and the version.
 * @example
 * streamHeaders('text/plain', requestId, '$LATEST')['Content-Type']; // 'text/plain'
 */
export function streamHeaders(contentType: string, requestId: string, executedVersion: string): Record<string, string> {
  return { 'Content-Type': contentType, 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': executedVersion };
}

/**
 * What ends a response stream for `result`: the log tail if asked for and, for a failed invocation, `ErrorCode` and
 * `ErrorDetails` ([UNCERTAIN] their values: the error's type and message).
 * @example
 * invokeComplete(await fn.invoke({})); // {}
 */
export function invokeComplete(result: InvocationResult): InvokeComplete {
  const complete: { -readonly [K in keyof InvokeComplete]: InvokeComplete[K] } = {};
  if (!result.ok) {
    complete.ErrorCode = result.error.errorType;
    complete.ErrorDetails = result.error.errorMessage;
  }
  if (result.logResult !== undefined) complete.LogResult = result.logResult;
  return complete;
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
