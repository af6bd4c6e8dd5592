import { crc32 } from 'node:zlib';

/**
 * The AWS event stream encoding (`application/vnd.amazon.eventstream`) of `InvokeWithResponseStream`'s body: each
 * message is a prelude (total length, headers length, the prelude's CRC32), headers, the payload and the message's
 * CRC32, all big-endian. Headers here are strings only (type 7: a 2-byte length, then UTF-8).
 */

const STRING_HEADER = 7;

/**
 * Encodes one event stream message.
 * @example
 * eventStreamMessage({ ':message-type': 'event', ':event-type': 'PayloadChunk' }, Buffer.from('hi'));
 */
export function eventStreamMessage(headers: Readonly<Record<string, string>>, payload: Uint8Array): Buffer {
  const encodedHeaders = Buffer.concat(
    Object.entries(headers).map(([name, value]) => {
      const n = Buffer.from(name);
      const v = Buffer.from(value);
      const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
      out.writeUInt8(n.length, 0);
      n.copy(out, 1);
      out.writeUInt8(STRING_HEADER, 1 + n.length);
      out.writeUInt16BE(v.length, 2 + n.length);
      v.copy(out, 4 + n.length);
      return out;
    }),
  );
  const total = 12 + encodedHeaders.length + payload.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(encodedHeaders.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  encodedHeaders.copy(message, 12);
  message.set(payload, 12 + encodedHeaders.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
  return message;
}

/** What ends a response stream (`InvokeComplete`): an error's code and details, and the log tail when asked for. */
export interface InvokeComplete {
  readonly ErrorCode?: string;
  readonly ErrorDetails?: string;
  readonly LogResult?: string;
}

/**
 * Largest `PayloadChunk` sent: a bigger write is split (AWS keeps no write boundaries either, and SDKs refuse event
 * payloads over 16 MB).
 */
const MAX_CHUNK_BYTES = 1_048_576;

/**
 * The `PayloadChunk` events of one chunk the function wrote: none for an empty one, several for one over 1 MB.
 * @example
 * payloadChunks(Buffer.from('Hello,')).length; // 1
 */
export function payloadChunks(chunk: Uint8Array): Buffer[] {
  const messages: Buffer[] = [];
  for (let at = 0; at < chunk.length; at += MAX_CHUNK_BYTES) {
    messages.push(eventStreamMessage({ ':event-type': 'PayloadChunk', ':content-type': 'application/octet-stream', ':message-type': 'event' }, chunk.subarray(at, at + MAX_CHUNK_BYTES)));
  }
  return messages;
}

/**
 * The `InvokeComplete` event that ends a response stream.
 * @example
 * invokeCompleteMessage({ LogResult: 'U1RBUlQ=' });
 */
export function invokeCompleteMessage(complete: InvokeComplete): Buffer {
  return eventStreamMessage({ ':event-type': 'InvokeComplete', ':content-type': 'application/json', ':message-type': 'event' }, Buffer.from(JSON.stringify(complete)));
}

/**
 * The body of an `InvokeWithResponseStream` response: the `PayloadChunk` events of each chunk the function wrote, then
 * `InvokeComplete`.
 * @example
 * responseStreamBody([Buffer.from('Hello,'), Buffer.from(' world!')], {}); // three messages
 */
export function responseStreamBody(chunks: readonly Uint8Array[], complete: InvokeComplete): Buffer {
  return Buffer.concat([...chunks.flatMap(payloadChunks), invokeCompleteMessage(complete)]);
}
