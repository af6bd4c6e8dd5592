/**
 * Defaults shared by the messaging family, in one place so every event of a test run names the same account and
 * region (a handler that parses ARNs sees a consistent world).
 */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

/** ISO-8601 with milliseconds and `Z`, the format SQS/SNS/S3/EventBridge use for event times. */
export function isoMillis(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** ISO-8601 without milliseconds (`2025-01-01T00:00:00Z`), the format of EventBridge's `time`. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The region of an ARN (`arn:aws:sqs:eu-west-1:...` → `eu-west-1`), or `undefined` when it names none. */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}

/** The account of an ARN, or `undefined` when it names none. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}

/** The last `:`-separated segment of an ARN (a queue, topic or stream name). */
export function resourceOfArn(arn: string): string {
  const parts = arn.split(':');
  return parts[parts.length - 1] ?? arn;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `length` characters of base64 alphabet drawn from `random`, for opaque tokens (receipt handles, signatures). */
export function randomBase64(random: { int(max: number): number }, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE64[random.int(64)];
  return out;
}

/** `length` characters of upper-case hex, the alphabet of S3 request ids and sequencers. */
export function randomUpperHex(random: { hex(length: number): string }, length: number): string {
  return random.hex(length).toUpperCase();
}

/** A string of decimal digits of exactly `length` (first digit non-zero), for sequence numbers. */
export function randomDigits(random: { int(max: number): number }, length: number): string {
  let out = String(1 + random.int(9));
  for (let i = 1; i < length; i++) out += String(random.int(10));
  return out;
}

let byteHex: string[] | undefined;

/** 8 hex digits from one 32-bit draw, by byte table: number-to-hex conversion of values above 2^31 is slow in V8. */
function word(random: { int(max: number): number }): string {
  const table = (byteHex ??= Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')));
  const v = random.int(0x1_0000_0000);
  return table[v >>> 24]! + table[(v >>> 16) & 255]! + table[(v >>> 8) & 255]! + table[v & 255]!;
}

/**
 * `length` lowercase hex digits, drawn 32 bits at a time: the same determinism as `random.hex`, several times
 * faster, which matters for per-record ids in 10-record batches.
 */
export function fastHex(random: { int(max: number): number }, length: number): string {
  let out = '';
  while (out.length < length) out += word(random);
  return out.length === length ? out : out.slice(0, length);
}

/** A lowercase version-4 UUID built from four 32-bit draws (see {@link fastHex}). */
export function fastUuid(random: { int(max: number): number }): string {
  const a = word(random);
  const b = word(random);
  const c = word(random);
  const d = word(random);
  const variant = '89ab'[parseInt(c[0]!, 16) & 3]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}
