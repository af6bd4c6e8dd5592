export { DEFAULT_ACCOUNT, DEFAULT_REGION, regionOfArn, accountOfArn } from '../_internals/aws.js';


const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `length` characters of base64 alphabet drawn from `random`, for opaque tokens (receipt handles, signatures):
 * five 6-bit characters per 32-bit draw, since one draw per character made this a visible cost per SQS event.
 * @example
 * randomBase64(createRandom(1), 18).length; // 18
 */
export function randomBase64(random: { int(max: number): number }, length: number): string {
  let out = '';
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (i % 5 === 0) v = random.int(0x1_0000_0000);
    out += BASE64[v & 63]!;
    v >>>= 6;
  }
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

let byteHex: readonly string[] | undefined;
let nibble3Hex: readonly string[] | undefined;

/** Two hex digits per byte value, built on first use (no import-time work). */
function bytes(): readonly string[] {
  return (byteHex ??= Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')));
}

/** Three hex digits per 12-bit value: the UUID's version and variant groups are 3 digits after a fixed one. */
function nibbles3(): readonly string[] {
  return (nibble3Hex ??= Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0')));
}

/** One unsigned 32-bit draw. `int(2^32)` is exact: floor((u / 2^32) * 2^32) = u. */
const draw = (random: { int(max: number): number }): number => random.int(0x1_0000_0000);

/** A source of unsigned 32-bit integers. */
export type U32Source = () => number;

/**
 * An integer-only mulberry32 stream seeded by one draw of `random`: for per-record ids in hot loops, where the
 * shared generator's float scaling (`int(max)`) was a third of an SQS record's cost. Same seed, same stream.
 * @example
 * const next = u32Stream(createRandom(1)); next(); // an integer in [0, 2^32)
 */
export function u32Stream(random: { int(max: number): number }): U32Source {
  let state = draw(random);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** 8 hex digits of `v`, by byte table: number-to-hex conversion of values above 2^31 is slow in V8. */
function hex8(t: readonly string[], v: number): string {
  return t[v >>> 24]! + t[(v >>> 16) & 255]! + t[(v >>> 8) & 255]! + t[v & 255]!;
}

/**
 * `length` lowercase hex digits, drawn 32 bits at a time from a {@link u32Stream}: deterministic like `random.hex`,
 * several times faster, which matters for per-record ids in 10-record batches.
 * @example
 * fastHex(u32Stream(createRandom(1)), 24).length; // 24
 */
export function fastHex(next: U32Source, length: number): string {
  const t = bytes();
  let out = '';
  while (out.length < length) out += hex8(t, next());
  return out.length === length ? out : out.slice(0, length);
}

/**
 * A lowercase version-4 UUID built from four 32-bit draws (see {@link fastHex}). Assembled from lookup tables
 * rather than sliced from a hex string: this runs once per SQS record, so intermediate strings show up as GC time.
 * @example
 * fastUuid(u32Stream(createRandom(1))); // 'xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx'
 */
export function fastUuid(next: U32Source): string {
  const t = bytes();
  const t3 = nibbles3();
  const a = next();
  const b = next();
  const c = next();
  const d = next();
  return (
    hex8(t, a) +
    '-' +
    t[b >>> 24]! +
    t[(b >>> 16) & 255]! +
    '-4' +
    t3[b & 0xfff]! +
    '-' +
    '89ab'[(c >>> 28) & 3]! +
    t3[(c >>> 16) & 0xfff]! +
    '-' +
    t[(c >>> 8) & 255]! +
    t[c & 255]! +
    hex8(t, d)
  );
}

/**
 * The decimal text of an epoch-millisecond time. Such numbers exceed V8's small-integer range, and converting a
 * heap number to text is several times dearer than two small integers; SQS records carry two of these each.
 * @example
 * epochText(1_700_000_000_123); // '1700000000123'
 */
export function epochText(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 1_000_000) return String(ms);
  const high = Math.floor(ms / 1_000_000);
  const low = ms - high * 1_000_000;
  return low >= 100_000 ? `${high}${low}` : `${high}${String(low).padStart(6, '0')}`;
}
