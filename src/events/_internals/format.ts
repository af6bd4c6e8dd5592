import type { Random } from '../../internal/random.js';
import { isoTime } from '../../logs/format.js';

/**
 * Formats and id shapes that AWS uses across event kinds. Shared by every family, so two kinds that carry
 * the same field (an API Gateway `requestTime`, an X-Ray trace header) format it identically.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * API Gateway's request time (`requestTime`, v2 `time`): `09/Apr/2015:12:34:56 +0000`, always UTC.
 * @example
 * clfTime(Date.UTC(2015, 3, 9, 12, 34, 56)); // '09/Apr/2015:12:34:56 +0000'
 */
export function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]!}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

/** ISO-8601 with milliseconds (`2025-01-01T00:00:00.000Z`), as most AWS JSON timestamps are written: the logs' own. */
export { isoTime };

/**
 * ISO-8601 without milliseconds (`2025-01-01T00:00:00Z`), as EventBridge `time` and S3 `eventTime` variants use.
 * @example
 * isoTimeSeconds(0); // '1970-01-01T00:00:00Z'
 */
export function isoTimeSeconds(epochMs: number): string {
  return isoTime(epochMs).replace(/\.\d{3}Z$/, 'Z');
}

const ALNUM_LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `length` characters from `alphabet`, drawn from `random`.
 * @example
 * randomString(createRandom(1), 10, 'abc');
 */
export function randomString(random: Random, length: number, alphabet: string = ALNUM_LOWER): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.int(alphabet.length)]!;
  return out;
}

/**
 * An API Gateway id (`apiId`, resource id): 10 lowercase alphanumerics, e.g. `lsw1ro4ipb`.
 * @example
 * apiGatewayId(createRandom(1)).length; // 10
 */
export function apiGatewayId(random: Random): string {
  return randomString(random, 10);
}

/**
 * An HTTP API / WebSocket request id: 15 base64 characters and `=`, e.g. `ZhNHJhhLjoEEPiw=`.
 * @example
 * shortRequestId(createRandom(1)).endsWith('='); // true
 */
export function shortRequestId(random: Random): string {
  return `${randomString(random, 15, BASE64_ALPHABET.slice(0, 62))}=`;
}

/**
 * An X-Ray trace header root: `Root=1-<epoch seconds hex>-<24 hex>`.
 * @example
 * traceId(createRandom(1), 0); // 'Root=1-00000000-…'
 */
export function traceId(random: Random, epochMs: number): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16).padStart(8, '0')}-${random.hex(24)}`;
}

/**
 * Standard base64 of UTF-8 text or bytes.
 * @example
 * toBase64('{"a":1}'); // 'eyJhIjoxfQ=='
 */
export function toBase64(data: string | Uint8Array): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');
}

/** RFC 3986 sub-delimiters and `:`/`@` are legal in a path segment; clients send them unencoded. */
const PATH_SAFE = /%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi;

/**
 * Percent-encodes a URL path the way HTTP clients send it: each segment encoded, `/` kept.
 * Already-encoded sequences are not double-encoded, so `/a%20b` stays as is.
 * @example
 * encodePath('/my path/ü'); // '/my%20path/%C3%BC'
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment)).replace(PATH_SAFE, (m) => decodeURIComponent(m));
      } catch {
        // A `%` that starts no escape is sent as is by clients (WHATWG URL, curl, python requests) and reaches the
        // function verbatim (recorded: url-event-shape-echo, "/pa2%Fth/1"): encode the rest, keep the `%`.
        return encodeURIComponent(segment).replace(PATH_SAFE, (m) => decodeURIComponent(m)).replace(/%25/g, '%');
      }
    })
    .join('/');
}
