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
      // The same digits as formatting hex(32), assembled in one string: request ids are made on every invocation.
      const a = nextU32();
      const b = nextU32();
      const c = nextU32();
      const d = nextU32();
      const b6 = BYTE_HEX[(b >>> 16) & 255]!;
      const b8 = c & 255;
      return (
        BYTE_HEX[a & 255]! + BYTE_HEX[(a >>> 8) & 255]! + BYTE_HEX[(a >>> 16) & 255]! + BYTE_HEX[a >>> 24]! + '-' +
        BYTE_HEX[b & 255]! + BYTE_HEX[(b >>> 8) & 255]! + '-4' + b6[1]! + BYTE_HEX[b >>> 24]! + '-' +
        HEX[8 + (b8 & 3)]! + BYTE_HEX[b8]![1]! + BYTE_HEX[(c >>> 8) & 255]! + '-' +
        BYTE_HEX[(c >>> 16) & 255]! + BYTE_HEX[c >>> 24]! + BYTE_HEX[d & 255]! + BYTE_HEX[(d >>> 8) & 255]! +
        BYTE_HEX[(d >>> 16) & 255]! + BYTE_HEX[d >>> 24]!
      );
    },
    fork: (label) => createRandom(hashSeed(label, nextU32())),
  };
}
