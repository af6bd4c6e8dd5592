import { DEFAULT_STREAM_CONTENT_TYPE, HTTP_INTEGRATION_CONTENT_TYPE, PRELUDE_DELIMITER, type StreamedResponse } from '../runtime/response-stream.js';

/**
 * How a function URL answers: `BUFFERED` (the default) maps the result to an HTTP response; `RESPONSE_STREAM` streams
 * it (a handler that does not stream has its whole return value sent as the body).
 * @example
 * await startFunctionUrl(fn, { invokeMode: 'RESPONSE_STREAM' satisfies InvokeMode });
 */
export type InvokeMode = 'BUFFERED' | 'RESPONSE_STREAM';

/** An HTTP response to send: status, header pairs (a name may repeat, as `set-cookie` does) and the body bytes. */
export interface UrlResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

const JSON_TYPE: readonly [string, string] = ['Content-Type', 'application/json'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Headers that describe the HTTP message itself, which the URL's front end writes for the body it sends. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * The HTTP response a function URL makes of a successful invocation's payload (`payload` parsed, `rawPayload` as the
 * function returned it), as recorded on AWS:
 * - an object with `statusCode` is an HTTP response: its status (a numeric string is accepted), `headers`,
 *   `cookies` (one `set-cookie` each), and `body` sent as is (base64-decoded with `isBase64Encoded`);
 * - anything else is the body with status 200: an object or array as its JSON text, a string without its quotes;
 * - `Content-Type` is `application/json` unless the function set one;
 * - in `RESPONSE_STREAM` mode a handler that does not stream has its whole return value sent as the body.
 * (recorded: url-return-plain-object, url-return-http-response, url-return-http-response-json-body,
 * url-return-non-object-values, url-custom-status-headers, url-node-invoke-modes)
 * @example
 * httpResponseOf({ statusCode: 201, body: 'made' }, '{"statusCode":201,"body":"made"}', 'BUFFERED').status; // 201
 */
export function httpResponseOf(payload: unknown, rawPayload: string, mode: InvokeMode): UrlResponse {
  if (mode === 'RESPONSE_STREAM') return { status: 200, headers: [JSON_TYPE], body: Buffer.from(rawPayload) };
  if (!isPlainObject(payload) || !('statusCode' in payload)) {
    const text = typeof payload === 'string' ? payload : rawPayload;
    return { status: 200, headers: [JSON_TYPE], body: Buffer.from(text) };
  }
  const status = statusOf(payload['statusCode']);
  if (status === undefined) return functionErrorResponse();
  const headers = headersOf(payload, JSON_TYPE[1]);
  const body = payload['body'];
  const text = body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, body: payload['isBase64Encoded'] === true ? Buffer.from(text, 'base64') : Buffer.from(text) };
}

/**
 * The HTTP response a function URL makes of what a streaming handler wrote (spec §9.3): after
 * `awslambda.HttpResponseStream.from`, the JSON prelude before the 8 NUL bytes gives the status (200 unless set),
 * headers and cookies, and the bytes after them are the body; any other stream is the body, with its content type.
 * (recorded: url-node-response-stream.) This is the answer once the invocation is over; a `RESPONSE_STREAM` URL sends
 * it live instead (live-response.ts). [UNCERTAIN] the same in `BUFFERED` mode; a prelude without `content-type` sends
 * `application/octet-stream`.
 * @example
 * httpResponseOfStream({ contentType: 'text/plain', body: Buffer.from('hi') }).headers; // [['Content-Type', 'text/plain']]
 */
export function httpResponseOfStream(stream: Pick<StreamedResponse, 'contentType' | 'body'>): UrlResponse {
  const head = streamHead(stream.contentType, stream.body);
  // No prelude: it goes out just before the first `write()`, and `end(chunk)` does not call `write()`. As on AWS
  // (aws-lambda-nodejs-runtime-interface-client#97): no bytes at all is a 200 without the handler's status and
  // headers, bytes without a prelude a malformed response (502).
  if (head === 'incomplete') {
    return stream.body.length === 0 ? { status: 200, headers: [['Content-Type', DEFAULT_STREAM_CONTENT_TYPE]], body: stream.body } : functionErrorResponse();
  }
  return head === 'malformed' ? functionErrorResponse() : head;
}

/**
 * The status, headers and body a streamed response's bytes so far give a function URL: any stream but the HTTP
 * integration type is a 200 body of its content type; an integration stream needs its whole JSON prelude, up to the
 * 8 NUL bytes (`incomplete` until then), and a prelude that is no JSON object with an HTTP status is `malformed`.
 * Shared by the answer at the end (`httpResponseOfStream`) and the live one (live-response.ts).
 * @example
 * streamHead('text/plain', Buffer.from('hi')); // { status: 200, headers: [['Content-Type', 'text/plain']], body }
 */
export function streamHead(contentType: string, bytes: Buffer): UrlResponse | 'incomplete' | 'malformed' {
  if (contentType !== HTTP_INTEGRATION_CONTENT_TYPE) return { status: 200, headers: [['Content-Type', contentType]], body: bytes };
  const delimiter = bytes.indexOf(PRELUDE_DELIMITER);
  if (delimiter < 0) return 'incomplete';
  let prelude: unknown;
  try {
    prelude = JSON.parse(bytes.subarray(0, delimiter).toString());
  } catch {
    return 'malformed';
  }
  if (!isPlainObject(prelude)) return 'malformed';
  const status = statusOf(prelude['statusCode'] ?? 200);
  if (status === undefined) return 'malformed';
  return { status, headers: headersOf(prelude, DEFAULT_STREAM_CONTENT_TYPE), body: bytes.subarray(delimiter + PRELUDE_DELIMITER.length) };
}

/** An HTTP status given as a number or a numeric string; undefined for anything else. */
function statusOf(value: unknown): number | undefined {
  const status = Number(value);
  // [UNCERTAIN] a status that is no HTTP status: treated as a malformed response, like a function error.
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

/** The header pairs of a response object: its `headers` but the framing ones, a content type, one `set-cookie` per cookie. */
function headersOf(response: Record<string, unknown>, defaultType: string): [string, string][] {
  const headers: [string, string][] = [];
  if (isPlainObject(response['headers'])) {
    for (const [name, value] of Object.entries(response['headers'])) {
      // Message framing is the front end's, never the function's (a handler built on Express sets content-length).
      if (FRAMING_HEADERS.has(name.toLowerCase())) continue;
      headers.push([name, String(value)]);
    }
  }
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', defaultType]);
  if (Array.isArray(response['cookies'])) for (const cookie of response['cookies']) headers.push(['Set-Cookie', String(cookie)]);
  return headers;
}

/**
 * The answer to an invocation that failed (a function error, timeout or crash): 502 with the plain body
 * `Internal Server Error`, the error itself not exposed (recorded: url-function-error-502).
 * @example
 * functionErrorResponse().status; // 502
 */
export function functionErrorResponse(): UrlResponse {
  return { status: 502, headers: [JSON_TYPE], body: Buffer.from('Internal Server Error') };
}
