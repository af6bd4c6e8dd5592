import { hash } from 'node:crypto';
import type { SQSMessageAttributes } from 'aws-lambda';

/*
 * Tests tend to send the same bodies again and again, and MD5 is the dearest step of building an SQS record,
 * so the last few hundred digests are remembered. Bounded, so a property test with unique bodies cannot grow it.
 */
const MEMO_LIMIT = 512;
const memo = new Map<string, string>();

/**
 * Lowercase hex MD5 of the UTF-8 bytes of `text`, as SQS reports it in `md5OfBody`.
 * @example
 * md5Hex('Hello from SQS!'); // '7b270e59b47ff90a553787216d55d91d'
 */
export function md5Hex(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const digest = hash('md5', text, 'hex');
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, digest);
  return digest;
}

function lengthPrefixed(bytes: Buffer): Buffer[] {
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(bytes.length, 0);
  return [length, bytes];
}

/**
 * MD5 of message attributes the way SQS computes `MD5OfMessageAttributes`: attributes sorted by name, each encoded
 * as length-prefixed (4-byte big-endian) name, length-prefixed data type, a transport byte (1 = string, 2 = binary)
 * and the length-prefixed value (UTF-8 for strings, the decoded bytes for base64 binary values).
 * Returns `undefined` for no attributes: SQS then omits the field.
 * @example
 * md5OfMessageAttributes({ timestamp: { dataType: 'Number', stringValue: '1493147359900' } });
 * // '235c5c510d26fb653d073faed50ae77c'
 */
export function md5OfMessageAttributes(attributes: SQSMessageAttributes): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const name of names) {
    const attribute = attributes[name]!;
    parts.push(...lengthPrefixed(Buffer.from(name, 'utf8')), ...lengthPrefixed(Buffer.from(attribute.dataType, 'utf8')));
    if (attribute.stringValue !== undefined) {
      parts.push(Buffer.of(1), ...lengthPrefixed(Buffer.from(attribute.stringValue, 'utf8')));
    } else {
      parts.push(Buffer.of(2), ...lengthPrefixed(Buffer.from(attribute.binaryValue ?? '', 'base64')));
    }
  }
  return hash('md5', Buffer.concat(parts), 'hex');
}
