import type { IncomingMessage } from 'node:http';

/** The outcome of {@link readBody}. */
export type BodyRead =
  | { readonly kind: 'complete'; readonly body: Buffer }
  /** Over the limit; `size` is the full length when it could be known without buffering. */
  | { readonly kind: 'too-large'; readonly size: number | undefined }
  /** The client went away before sending the whole body. */
  | { readonly kind: 'aborted' };

/** Bytes a rejected body may still stream in (discarded) before the connection is cut. */
const DISCARD_CAP = 64 * 1024 * 1024;

/**
 * Reads a request body, keeping at most `limit` bytes in memory. A declared `Content-Length` over the limit is
 * refused before reading anything; a body that grows past it is refused as soon as it does, and what follows is
 * discarded (up to a cap, then the connection is cut) so a keep-alive connection stays usable.
 * With `measure`, an oversized body of unknown length is counted to its end, for messages that quote the size.
 * @example
 * const read = await readBody(req, 6_291_456, false);
 * if (read.kind === 'complete') JSON.parse(read.body.toString());
 */
export function readBody(req: IncomingMessage, limit: number, measure: boolean): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    let overflow = declared !== undefined && declared > limit;
    const settle = (read: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(read);
    };
    if (overflow) settle({ kind: 'too-large', size: declared });
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (!overflow && received > limit) {
        overflow = true;
        chunks.length = 0;
        if (!measure) settle({ kind: 'too-large', size: undefined });
      }
      if (overflow) {
        if (received > limit + DISCARD_CAP) {
          settle({ kind: 'too-large', size: undefined });
          req.socket.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (overflow) settle({ kind: 'too-large', size: declared ?? received });
      else settle({ kind: 'complete', body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) });
    });
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
