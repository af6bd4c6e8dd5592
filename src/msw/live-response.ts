import { HttpResponse } from 'msw';
import { isBuffered, type LiveOutcome, type LiveSink } from '../internal/live.js';

/** Header pairs (a name may repeat, as `set-cookie` does) as `Headers`. */
export function headersFrom(pairs: readonly (readonly [string, string])[]): Headers {
  const headers = new Headers();
  for (const [name, value] of pairs) headers.append(name, value);
  return headers;
}

/**
 * An msw answer that may go out live: `run` serves the request with a sink; if a streaming handler's response starts,
 * the answer is a `Response` whose body is a stream fed as the handler writes (errored if it is cut short), else the
 * buffered answer made by `buffered`.
 * @example
 * return answerLive((sink) => api.handle(head, body, sink), (r) => new HttpResponse(r.body, { status: r.status }));
 */
export function answerLive<T extends object>(run: (sink: LiveSink) => Promise<T | LiveOutcome>, buffered: (answer: T) => Response): Promise<Response> {
  let body: ReadableStreamDefaultController<Uint8Array> | undefined;
  // The client may cancel the body (stop reading): later chunks and the end then go nowhere.
  let cancelled = false;
  let started!: (response: Response) => void;
  const live = new Promise<Response>((resolve) => (started = resolve));
  const sink: LiveSink = {
    head: (status, pairs) => {
      const stream = new ReadableStream<Uint8Array>({ start: (controller) => void (body = controller), cancel: () => void (cancelled = true) });
      started(new HttpResponse(stream, { status, headers: headersFrom(pairs) }));
    },
    write: (bytes) => {
      if (!cancelled) body!.enqueue(new Uint8Array(bytes));
    },
  };
  const answered = run(sink).then(
    (answer): Response | Promise<Response> => {
      if (isBuffered(answer)) return buffered(answer);
      if (cancelled) return live;
      if (answer.live === 'cut') body!.error(new Error('lambda-harness: the function failed while streaming its response'));
      else body!.close();
      return live;
    },
    (error: unknown) => {
      // After the status went out, a failure can only break the body (the race is already won by `live`).
      if (body === undefined) throw error;
      if (!cancelled) body.error(error);
      return live;
    },
  );
  return Promise.race([live, answered]);
}
