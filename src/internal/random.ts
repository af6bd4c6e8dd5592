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
/** The char code of a byte's low hex digit, then of its high one (the order `hex()` uses). */
const lo = (byte: number): number => HEX_CODES[byte & 15]!;
const hi = (byte: number): number => HEX_CODES[(byte >>> 4) & 15]!;

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
      // The digits of hex(32), with the version and variant nibbles set and dashes inserted, made by one
      // String.fromCharCode call: a flat 36-byte string (concatenating 20 pieces would make a tree of cons strings,
      // ~0.6 KB per id, and a result keeps its request id for as long as the history keeps the result), and at about
      // 60 ns three times faster than decoding a scratch buffer — the request id is made on every invocation.
      const a = nextU32();
      const b = nextU32();
      const c = nextU32();
      const d = nextU32();
      return String.fromCharCode(
        lo(a), hi(a), lo(a >>> 8), hi(a >>> 8), lo(a >>> 16), hi(a >>> 16), lo(a >>> 24), hi(a >>> 24), DASH,
        lo(b), hi(b), lo(b >>> 8), hi(b >>> 8), DASH,
        HEX_CODES[4]!, HEX_CODES[(b >>> 20) & 15]!, lo(b >>> 24), hi(b >>> 24), DASH,
        HEX_CODES[8 + (c & 3)]!, HEX_CODES[(c >>> 4) & 15]!, lo(c >>> 8), hi(c >>> 8), DASH,
        lo(c >>> 16), hi(c >>> 16), lo(c >>> 24), hi(c >>> 24), lo(d), hi(d), lo(d >>> 8), hi(d >>> 8), lo(d >>> 16),
        hi(d >>> 16), lo(d >>> 24), hi(d >>> 24),
      );
    },
    fork: (label) => createRandom(hashSeed(label, nextU32())),
  };
}
