import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventStreamMessage, responseStreamBody } from '../../src/invoke-api/event-stream.js';

/** Reads messages back by the layout of the AWS event stream spec, checking both CRCs. */
function decode(bytes: Buffer): { headers: Record<string, string>; payload: string }[] {
  const out: { headers: Record<string, string>; payload: string }[] = [];
  for (let at = 0; at < bytes.length; ) {
    const total = bytes.readUInt32BE(at);
    const headersLength = bytes.readUInt32BE(at + 4);
    expect(bytes.readUInt32BE(at + 8)).toBe(crc32(bytes.subarray(at, at + 8)));
    expect(bytes.readUInt32BE(at + total - 4)).toBe(crc32(bytes.subarray(at, at + total - 4)));
    const headers: Record<string, string> = {};
    for (let h = at + 12; h < at + 12 + headersLength; ) {
      const nameLength = bytes.readUInt8(h);
      const name = bytes.subarray(h + 1, h + 1 + nameLength).toString();
      expect(bytes.readUInt8(h + 1 + nameLength)).toBe(7); // string
      const valueLength = bytes.readUInt16BE(h + 2 + nameLength);
      headers[name] = bytes.subarray(h + 4 + nameLength, h + 4 + nameLength + valueLength).toString();
      h += 4 + nameLength + valueLength;
    }
    out.push({ headers, payload: bytes.subarray(at + 12 + headersLength, at + total - 4).toString() });
    at += total;
  }
  return out;
}

describe('the event stream of InvokeWithResponseStream', () => {
  it('frames a message as prelude, string headers, payload and CRCs', () => {
    expect(decode(eventStreamMessage({ ':message-type': 'event' }, Buffer.from('hi')))).toEqual([{ headers: { ':message-type': 'event' }, payload: 'hi' }]);
  });

  it('sends one PayloadChunk per non-empty write, then InvokeComplete as JSON', () => {
    const messages = decode(responseStreamBody([Buffer.from('a'), Buffer.alloc(0), Buffer.from('b')], { ErrorCode: 'Error', ErrorDetails: 'x' }));
    expect(messages.map((m) => [m.headers[':event-type'], m.payload])).toEqual([
      ['PayloadChunk', 'a'],
      ['PayloadChunk', 'b'],
      ['InvokeComplete', '{"ErrorCode":"Error","ErrorDetails":"x"}'],
    ]);
    expect(messages[2]!.headers[':content-type']).toBe('application/json');
  });

  it('splits a write over 1 MB into several chunks', () => {
    const messages = decode(responseStreamBody([Buffer.alloc(2_500_000, 'a')], {}));
    expect(messages.map((m) => m.payload.length)).toEqual([1_048_576, 1_048_576, 402_848, 2]);
  });
});
