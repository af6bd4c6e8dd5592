/**
 * A small seeded pseudo-random generator. Every id and timestamp the harness invents comes from one of these,
 * so two runs with the same seed produce byte-identical results (ids, log stream names, receipt handles).
 * Not cryptographic, on purpose: speed and reproducibility are what tests need.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** A lowercase RFC 4122 version-4 UUID, as Lambda uses for request ids. */
  uuid(): string;
  /** A new independent generator derived from this one (for sub-streams that must not shift each other). */
  fork(label: string): Random;
}

const HEX = '0123456789abcdef';
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => HEX[b & 15]! + HEX[b >> 4]!);
const HEX_CODES: readonly number[] = Array.from(HEX, (ch) => ch.charCodeAt(0));
const DASH = 0x2d;
/** Shared by every generator: ids are decoded from it at once, so it never holds anything between calls. */
let scratch: Buffer | undefined;

/** Writes a byte's two hex digits, low nibble first (the order `hex()` uses). */
function putByte(out: Buffer, at: number, byte: number): void {
  out[at] = HEX_CODES[byte & 15]!;
  out[at + 1] = HEX_CODES[(byte >>> 4) & 15]!;
}

/** Hashes a string to a 32-bit seed (FNV-1a), so labels can derive independent streams. */
export function hashSeed(text: string, base = 0x811c9dc5): number {
  let h = base >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Creates a deterministic generator (mulberry32) from a numeric seed.
 * @example
 * const r = createRandom(1); r.uuid(); // the same value on every run
 */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const nextU32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const hex = (length: number): string => {
    // Eight nibbles per draw, lowest first (a table of byte → two digits keeps this off the hot path).
    let out = '';
    while (out.length < length) {
      const v = nextU32();
      out += BYTE_HEX[v & 255]! + BYTE_HEX[(v >>> 8) & 255]! + BYTE_HEX[(v >>> 16) & 255]! + BYTE_HEX[v >>> 24]!;
    }
    return out.length === length ? out : out.slice(0, length);
  };
  return {
    next: () => nextU32() / 0x1_0000_0000,
    int: (max) => Math.floor((nextU32() / 0x1_0000_0000) * max),
    hex,
    uuid: () => {
      // The digits of hex(32), with the version and variant nibbles set and dashes inserted. Written as bytes into a
      // scratch buffer and decoded once: concatenating 20 pieces would make a tree of cons strings (~0.6 KB per id,
      // not 56 bytes), and a result keeps its request id for as long as the history keeps the result.
      const a = nextU32();
      const b = nextU32();
      const c = nextU32();
      const d = nextU32();
      const out = (scratch ??= Buffer.alloc(36));
      putByte(out, 0, a);
      putByte(out, 2, a >>> 8);
      putByte(out, 4, a >>> 16);
      putByte(out, 6, a >>> 24);
      out[8] = DASH;
      putByte(out, 9, b);
      putByte(out, 11, b >>> 8);
      out[13] = DASH;
      out[14] = HEX_CODES[4]!;
      out[15] = HEX_CODES[(b >>> 20) & 15]!;
      putByte(out, 16, b >>> 24);
      out[18] = DASH;
      out[19] = HEX_CODES[8 + (c & 3)]!;
      out[20] = HEX_CODES[(c >>> 4) & 15]!;
      putByte(out, 21, c >>> 8);
      out[23] = DASH;
      putByte(out, 24, c >>> 16);
      putByte(out, 26, c >>> 24);
      putByte(out, 28, d);
      putByte(out, 30, d >>> 8);
      putByte(out, 32, d >>> 16);
      putByte(out, 34, d >>> 24);
      return out.toString('latin1', 0, 36);
    },
    fork: (label) => createRandom(hashSeed(label, nextU32())),
  };
}
