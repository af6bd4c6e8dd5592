import { Writable } from 'node:stream';
import type { LambdaContext } from '../context/context.js';
import type { HandlerFunction } from '../function/options.js';
import { InvalidStreamingOperation, MalformedStreamingHandler } from './error-payload.js';
import { outsideScope } from './scope.js';

/**
 * Response streaming as the Node.js runtime offers it (spec §2.5, §9.3): the `awslambda` global with
 * `streamifyResponse` and `HttpResponseStream`, and the stream a streaming handler writes its response to. The
 * runtime sends that stream to the Runtime API as a chunked request; here the chunks are kept in order, for the
 * invocation's result and for whatever carries it on (a function URL, `InvokeWithResponseStream`).
 */

/** The property `streamifyResponse` tags a handler with (RIC: `UserFunction.HANDLER_STREAMING`). */
export const HANDLER_STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
/** The property carrying `streamifyResponse`'s `highWaterMark` option. */
export const HANDLER_HIGHWATERMARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
/** The only streaming mode the runtime knows. */
const STREAM_RESPONSE = 'response';
/** The content type of a response stream nobody set one on. */
export const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';
/** The content type `HttpResponseStream.from` sets: a JSON prelude, 8 NUL bytes, then the body. */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
/** What `HttpResponseStream.from` writes between its JSON prelude and the body: 8 NUL bytes. */
export const PRELUDE_DELIMITER: Uint8Array = new Uint8Array(8);

/**
 * What a streaming handler wrote: its content type and the bytes, in order.
 * @example
 * const r = await fn.invoke({});
 * r.responseStream?.body.toString(); // 'Hello, world!'
 */
export interface StreamedResponse {
  /** `application/octet-stream` unless the handler set another (`HttpResponseStream.from` sets the integration type). */
  readonly contentType: string;
  /** Every byte written, in order (a `HttpResponseStream`'s prelude and delimiter included, as Lambda receives them). */
  readonly body: Buffer;
  /** The same bytes as written, one Buffer per write: what `InvokeWithResponseStream` sends as `PayloadChunk` events. */
  readonly chunks: readonly Buffer[];
}

/**
 * A streamed response as JSON shows it: its content type, its body in base64 and the length of each chunk (not arrays
 * of numbers).
 * @example
 * streamedResponseJson({ contentType: 'text/plain', body: Buffer.from('hi'), chunks: [Buffer.from('hi')] });
 * // { contentType: 'text/plain', body: 'aGk=', chunkLengths: [2] }
 */
export function streamedResponseJson(stream: StreamedResponse): { contentType: string; body: string; chunkLengths: number[] } {
  return { contentType: stream.contentType, body: stream.body.toString('base64'), chunkLengths: stream.chunks.map((c) => c.length) };
}

/**
 * A handler marked by `streamifyResponse`. The runtime calls it with `(event, responseStream, context)`; it is typed as
 * a handler `createFunction` accepts, whose result payload is the streamed body as text.
 * @example
 * const handler: StreamingHandlerFunction<{ name: string }> = streamifyResponse(async (event, stream) => {
 *   stream.end(`hello ${event.name}`);
 * });
 */
export type StreamingHandlerFunction<TEvent = never> = HandlerFunction<TEvent, string> & { readonly [HANDLER_STREAMING]: 'response' };

/**
 * Told of each chunk a streaming handler writes, as it writes it, outside the environment: what carries a response on
 * to a client chunk by chunk (a `RESPONSE_STREAM` function URL, `InvokeWithResponseStream`). `requestId` and
 * `executedVersion` are the invocation's.
 */
export type StreamListener = (chunk: Buffer, contentType: string, requestId: string, executedVersion: string) => void;
/** A `StreamListener` bound to its invocation. */
export type ChunkListener = (chunk: Buffer, contentType: string) => void;

type StreamingHandler = ((event: unknown, responseStream: ResponseStream, context: unknown) => unknown) & {
  [HANDLER_STREAMING]?: unknown;
  [HANDLER_HIGHWATERMARK]?: unknown;
};

/**
 * The stream a streaming handler receives: a real `Writable` (so `pipeline(source, responseStream)` works), with
 * `setContentType` and the runtime's write rules — strings, Buffers and Uint8Arrays as they are, anything else as JSON.
 * @example
 * const stream = new ResponseStream();
 * stream.setContentType('text/plain');
 * stream.end('hello');
 */
export class ResponseStream extends Writable {
  /** The content type the response is sent with. */
  contentType = DEFAULT_STREAM_CONTENT_TYPE;
  /** Set by `HttpResponseStream.from`: writes the prelude just before the first write (RIC's hook, same name). */
  _onBeforeFirstWrite: ((write: (chunk: unknown) => void) => void) | undefined;
  private readonly chunks: Buffer[] = [];
  private writeCalled = false;
  private kept = 0;
  /** The handler wrote more than `limit` bytes: what is past it was neither kept nor passed on. */
  exceeded = false;

  constructor(
    highWaterMark?: number,
    private listener?: ChunkListener,
    /** The most bytes the response may have (6 MB read buffered, 200 MB read as a stream). */
    readonly limit = Infinity,
  ) {
    super(highWaterMark === undefined ? {} : { highWaterMark });
  }

  /** Sets the response's content type; only before the first write, as the runtime sends it as a request header. */
  setContentType(contentType: string): void {
    if (this.writeCalled) throw new InvalidStreamingOperation('Cannot set content-type, too late.');
    // The runtime's stream is an HTTP request: once ended, its headers are sent (Node's own error).
    if (this.writableEnded) throw Object.assign(new Error('Cannot set headers after they are sent to the client'), { code: 'ERR_HTTP_HEADERS_SENT' });
    this.contentType = contentType;
  }

  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    if (!this.writeCalled && typeof this._onBeforeFirstWrite === 'function') {
      this._onBeforeFirstWrite((c) => super.write(c));
    }
    this.writeCalled = true;
    return super.write(data, encoding as BufferEncoding, callback as (error: Error | null | undefined) => void);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // Past the limit the response is cut off (it fails with Function.ResponseSizeTooLarge when it ends): nothing more
    // is kept or sent on, so a handler that streams gigabytes costs no memory. The handler's writes still succeed
    // [UNCERTAIN: what AWS does to a stream past 200 MB is undocumented].
    const room = this.limit - this.kept;
    if (chunk.length > room) this.exceeded = true;
    if (room <= 0) return callback();
    // A copy: the runtime sends the bytes at once, so a handler may reuse its buffer after the write.
    const copy = Buffer.from(chunk.length > room ? chunk.subarray(0, room) : chunk);
    this.kept += copy.length;
    this.chunks.push(copy);
    // Outside the environment: the client's socket is the harness's I/O, not the function's. A client that went away
    // (or a transport that refused a header) is never the function's failure: it just stops being told.
    const listener = this.listener;
    if (listener) {
      try {
        outsideScope(() => listener(copy, this.contentType));
      } catch {
        this.listener = undefined;
      }
    }
    callback();
  }

  /** What was written so far: the bytes once, each chunk a view of them. */
  response(): StreamedResponse {
    const body = Buffer.concat(this.chunks);
    const chunks: Buffer[] = [];
    let at = 0;
    for (const chunk of this.chunks) {
      chunks.push(body.subarray(at, (at += chunk.length)));
    }
    return { contentType: this.contentType, body, chunks };
  }
}

/**
 * `awslambda.HttpResponseStream`: for function URLs (and API Gateway), `from(stream, { statusCode, headers, cookies })`
 * makes the first write send the JSON prelude and 8 NUL bytes ahead of the body.
 * @example
 * const http = HttpResponseStream.from(responseStream, { statusCode: 201, headers: { 'content-type': 'text/plain' } });
 * http.end('created');
 */
export class HttpResponseStream {
  static from(underlyingStream: ResponseStream, prelude: Record<string, unknown>): ResponseStream {
    underlyingStream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
    const metadata = JSON.stringify(prelude);
    underlyingStream._onBeforeFirstWrite = (write) => {
      write(metadata);
      write(PRELUDE_DELIMITER);
    };
    return underlyingStream;
  }
}

/**
 * `awslambda.streamifyResponse`: marks a handler `(event, responseStream, context) => Promise` as streaming. Also
 * exported by lambda-harness, for handlers defined in a test file (outside a simulated environment there is no
 * `awslambda` global).
 * @example
 * const handler = streamifyResponse(async (event, responseStream) => {
 *   responseStream.setContentType('text/plain');
 *   responseStream.end('hello');
 * });
 */
export function streamifyResponse<TEvent = never>(
  handler: (event: TEvent, responseStream: ResponseStream, context: LambdaContext) => Promise<unknown>,
  options?: { highWaterMark?: number },
): StreamingHandlerFunction<TEvent> {
  const tagged = handler as unknown as StreamingHandler;
  tagged[HANDLER_STREAMING] = STREAM_RESPONSE;
  if (typeof options?.highWaterMark === 'number') tagged[HANDLER_HIGHWATERMARK] = Math.trunc(options.highWaterMark);
  return handler as unknown as StreamingHandlerFunction<TEvent>;
}

/**
 * Whether the runtime calls `handler` as a streaming handler. Throws `Runtime.MalformedStreamingHandler` (at init, as
 * the runtime does) for a streaming tag other than `'response'`.
 */
export function isStreamingHandler(handler: object): boolean {
  const mode = (handler as StreamingHandler)[HANDLER_STREAMING];
  if (mode === undefined) return false;
  if (mode !== STREAM_RESPONSE) throw new MalformedStreamingHandler('Only response streaming is supported.');
  return true;
}

/** The `highWaterMark` a handler was streamified with, if any. */
export function streamHighWaterMark(handler: object): number | undefined {
  const mark = (handler as StreamingHandler)[HANDLER_HIGHWATERMARK];
  return typeof mark === 'number' ? mark : undefined;
}

const SharedHttpResponseStream = HttpResponseStream;

/**
 * A runtime's `awslambda` global, or undefined where the function opts out with `AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA`
 * set to `1` or `true`.
 */
export function awslambdaGlobal(env: Record<string, string | undefined>): object | undefined {
  const optOut = env['AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA'];
  if (optOut === '1' || optOut === 'true') return undefined;
  // Each runtime its own function and class, so that a module patching them (a test double) does not reach others.
  return {
    streamifyResponse: (handler: Parameters<typeof streamifyResponse>[0], options?: { highWaterMark?: number }) => streamifyResponse(handler, options),
    HttpResponseStream: class HttpResponseStream extends SharedHttpResponseStream {},
  };
}
