import type { ServerResponse } from 'node:http';
import type { LiveOutcome, LiveSink } from '../internal/live.js';

/**
 * A live response on a `node:http` response: headers flushed at once, then each chunk (chunked encoding, no length).
 * @example
 * const answer = await api.handle(head, body, liveSink(res));
 */
export function liveSink(res: ServerResponse): LiveSink {
  return {
    head: (status, pairs) => {
      const raw: string[] = [];
      for (const [name, value] of pairs) raw.push(name, value);
      res.writeHead(status, raw);
      res.flushHeaders();
    },
    write: (body) => void res.write(body),
  };
}

/**
 * Ends a live response: finished, or cut (the client sees the body end without its last chunk, as when Lambda's
 * stream breaks).
 * @example
 * endLive(res, { live: 'complete' });
 */
export function endLive(res: ServerResponse, outcome: LiveOutcome): void {
  if (outcome.live === 'cut') res.destroy();
  else res.end();
}
