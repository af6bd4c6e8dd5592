/**
 * Where a live response goes: a transport's HTTP response, written as the function streams.
 * @example
 * const sink: LiveSink = { head: (status, headers) => res.writeHead(status, headers.flat()), write: (b) => res.write(b) };
 */
export interface LiveSink {
  /** Sends the status line and headers (once, before any body). */
  head(status: number, headers: readonly (readonly [string, string])[]): void;
  /** Sends body bytes. */
  write(body: Buffer): void;
}

/**
 * How a response that went out live (written as a streaming handler wrote it) ended: whole (the transport finishes
 * it) or cut short by a failure after its status had gone (the transport aborts it). Shared by the function URL and
 * `InvokeWithResponseStream`, and their transports.
 * @example
 * if ('live' in answer) answer.live === 'cut' ? res.destroy() : res.end();
 */
export type LiveOutcome = { readonly live: 'complete' | 'cut' };

/**
 * Whether `answer` is a buffered response rather than the end of a live one.
 * @example
 * if (isBuffered(answer)) send(res, answer);
 */
export function isBuffered<T extends object>(answer: T | LiveOutcome): answer is T {
  return !('live' in answer);
}
