import { HTTP_INTEGRATION_CONTENT_TYPE } from '../runtime/response-stream.js';
import type { LiveSink } from '../internal/live.js';
import { headersOf, PRELUDE_DELIMITER as DELIMITER, statusOf } from './http-response.js';

/**
 * A `RESPONSE_STREAM` function URL's response, sent as the streaming handler writes it: after a
 * `HttpResponseStream.from` prelude (read up to its 8 NUL bytes) or at the first chunk of any other stream, the status
 * and headers go out, then each chunk. Until then nothing is sent, so the invocation's end can still answer
 * otherwise (a failure before any output is a 502, a prelude that is not JSON too).
 * @example
 * const live = new LiveResponse(sink);
 * live.chunk(Buffer.from('hi'), 'text/plain', requestId); // head(200, …), write('hi')
 */
export class LiveResponse {
  private pending: Buffer | undefined;
  /** Whether the status and headers went out: from then on the response can only be finished or cut. */
  started = false;
  /** A prelude that was not a JSON object with an HTTP status: the response is answered at the end instead. */
  malformed = false;

  constructor(private readonly sink: LiveSink) {}

  /** Takes the next chunk the handler wrote. */
  chunk(bytes: Buffer, contentType: string, requestId: string): void {
    if (this.malformed) return;
    if (this.started) {
      if (bytes.length > 0) this.sink.write(bytes);
      return;
    }
    if (contentType !== HTTP_INTEGRATION_CONTENT_TYPE) {
      this.begin(200, [['Content-Type', contentType]], requestId, bytes);
      return;
    }
    const buffered = this.pending ? Buffer.concat([this.pending, bytes]) : bytes;
    const delimiter = buffered.indexOf(DELIMITER);
    if (delimiter < 0) {
      this.pending = buffered;
      return;
    }
    this.pending = undefined;
    let prelude: unknown;
    try {
      prelude = JSON.parse(buffered.subarray(0, delimiter).toString());
    } catch {
      prelude = undefined;
    }
    const status = prelude !== null && typeof prelude === 'object' && !Array.isArray(prelude) ? statusOf((prelude as Record<string, unknown>)['statusCode'] ?? 200) : undefined;
    if (status === undefined) {
      this.malformed = true;
      return;
    }
    this.begin(status, headersOf(prelude as Record<string, unknown>, 'application/octet-stream'), requestId, buffered.subarray(delimiter + DELIMITER.length));
  }

  private begin(status: number, headers: [string, string][], requestId: string, body: Buffer): void {
    // Started once the head went out: a transport that refused it leaves the answer to the invocation's end.
    this.sink.head(status, [...headers, ['x-amzn-RequestId', requestId]]);
    this.started = true;
    if (body.length > 0) this.sink.write(body);
  }
}
