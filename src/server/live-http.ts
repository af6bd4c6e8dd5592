import type { ServerResponse } from 'node:http';
import type { LiveOutcome, LiveSink } from '../internal/live.js';

/**
 * Header pairs as the flat list `writeHead` takes (a name may repeat, as `set-cookie` does).
 * @example
 * res.writeHead(200, rawHeaders([['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]));
 */
export function rawHeaders(pairs: readonly (readonly [string, string])[]): string[] {
  const raw: string[] = [];
  for (const [name, value] of pairs) raw.push(name, value);
  return raw;
}

/**
 * A live response on a `node:http` response: headers flushed at once, then each chunk (chunked encoding, no length).
 * @example
 * const answer = await api.handle(head, body, liveSink(res));
 */
export function liveSink(res: ServerResponse): LiveSink {
  return {
    head: (status, pairs) => {
      res.writeHead(status, rawHeaders(pairs));
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
