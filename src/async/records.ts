import { isoTime } from '../logs/format.js';

/**
 * Why an asynchronous invocation ended up at a destination.
 * @example
 * const record = failures.bodies[0] as InvocationRecord;
 * const condition: DestinationCondition = record.requestContext.condition;
 */
export type DestinationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency';

/**
 * The invocation record Lambda sends to a destination (spec §3, recorded on AWS): key order `version`,
 * `timestamp`, `requestContext`, `requestPayload`, then — only when the function ran — `responseContext` and
 * `responsePayload`. `functionArn` is always qualified.
 * @example
 * const record = failures.bodies[0] as InvocationRecord;
 * record.requestContext.approximateInvokeCount; // 3
 */
export interface InvocationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: DestinationCondition;
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext?: { statusCode: number; executedVersion: string; functionError?: 'Unhandled' };
  responsePayload?: unknown;
}

/** The last attempt's response, when there was one. */
export interface LastResponse {
  readonly executedVersion: string;
  readonly functionError: 'Unhandled' | undefined;
  /** The parsed response or error payload. */
  readonly payload: unknown;
  /** `errorMessage` of a failed attempt ('' on success). */
  readonly errorMessage: string;
}

/**
 * Builds the destination record.
 * @example
 * invocationRecord({ requestId: 'id', functionArn: 'arn:…:function:f:$LATEST', condition: 'Success', approximateInvokeCount: 1 },
 *   Date.UTC(2025, 0, 1), { a: 1 }, { executedVersion: '$LATEST', functionError: undefined, payload: 'ok', errorMessage: '' });
 */
export function invocationRecord(
  context: InvocationRecord['requestContext'],
  at: number,
  requestPayload: unknown,
  last: LastResponse | undefined,
): InvocationRecord {
  const record: InvocationRecord = {
    version: '1.0',
    timestamp: isoTime(at),
    requestContext: { ...context },
    requestPayload,
  };
  if (last !== undefined) {
    record.responseContext =
      last.functionError === undefined
        ? { statusCode: 200, executedVersion: last.executedVersion }
        : { statusCode: 200, executedVersion: last.executedVersion, functionError: last.functionError };
    record.responsePayload = last.payload;
  }
  return record;
}

/**
 * An SQS-style message attribute, as `ReceiveMessage` returns it.
 * @example
 * dlq.messages[0]?.messageAttributes['RequestID']; // { DataType: 'String', StringValue: '<request id>' }
 */
export interface MessageAttribute {
  DataType: 'String' | 'Number' | 'Binary';
  StringValue: string;
}

/**
 * The message attributes of a dead-letter message (spec §3): `RequestID` (String), `ErrorCode` (Number — the Invoke
 * status code, `"200"` for function errors) and `ErrorMessage` (String, the first 1 KB of the error message).
 * @example
 * deadLetterAttributes('id', 200, 'boom'); // { RequestID: {…}, ErrorCode: { DataType: 'Number', StringValue: '200' }, ErrorMessage: {…} }
 */
export function deadLetterAttributes(requestId: string, errorCode: number, errorMessage: string): Record<string, MessageAttribute> {
  return {
    RequestID: { DataType: 'String', StringValue: requestId },
    ErrorCode: { DataType: 'Number', StringValue: String(errorCode) },
    ErrorMessage: { DataType: 'String', StringValue: firstKilobyte(errorMessage) },
  };
}

/** The first 1024 bytes of `text` in UTF-8, never splitting a character. */
export function firstKilobyte(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= 1024) return text;
  let end = 1024;
  // Back off to a character boundary (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/**
 * Where Lambda puts a failure record in an S3 bucket: under `prefix` (`aws/lambda/async/<function>` for asynchronous
 * invocations, `aws/lambda/<mapping uuid>/<shard>` for streams), by UTC date, named by the time to the second and an id.
 * @example
 * failureObjectKey('aws/lambda/async/orders', Date.UTC(2026, 0, 2, 3, 4, 5), id);
 * // 'aws/lambda/async/orders/2026/01/02/2026-01-02T03.04.05-<id>'
 */
export function failureObjectKey(prefix: string, at: number, id: string): string {
  const iso = isoTime(at);
  return `${prefix}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 19).replace(/:/g, '.')}-${id}`;
}
