import type { LiveSink } from '../internal/live.js';
import { streamHead } from './http-response.js';

/**
 * A `RESPONSE_STREAM` function URL's response, sent as the streaming handler writes it: once the bytes so far give a
 * head (`streamHead`: after a `HttpResponseStream.from` prelude, or at the first chunk of any other stream) the status
 * and headers go out, then each chunk. Until then nothing is sent, so the invocation's end can still answer
 * otherwise (a failure before any output is a 502, a prelude that is not JSON too).
 * @example
 * const live = new LiveResponse(sink);
 * live.chunk(Buffer.from('hi'), 'text/plain', requestId); // head(200, …), write('hi')
 */
export class LiveResponse {
  /** Bytes of an integration stream written before its prelude was complete. */
  private pending: Buffer[] = [];
  /** Whether the status and headers went out: from then on the response can only be finished or cut. */
  started = false;
  /** A prelude that was not a JSON object with an HTTP status: the response is answered at the end instead. */
  private malformed = false;

  constructor(private readonly sink: LiveSink) {}

  /** Takes the next chunk the handler wrote. */
  chunk(bytes: Buffer, contentType: string, requestId: string): void {
    if (this.malformed) return;
    if (this.started) {
      if (bytes.length > 0) this.sink.write(bytes);
      return;
    }
    this.pending.push(bytes);
    const head = streamHead(contentType, this.pending.length === 1 ? bytes : Buffer.concat(this.pending));
    if (head === 'incomplete') return;
    this.pending = [];
    if (head === 'malformed') {
      this.malformed = true;
      return;
    }
    // Started once the head went out: a transport that refused it leaves the answer to the invocation's end.
    this.sink.head(head.status, [...head.headers, ['x-amzn-RequestId', requestId]]);
    this.started = true;
    if (head.body.length > 0) this.sink.write(head.body);
  }
}
