import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/internal/random.js';

/** The id a seed's next four draws should give: hex(32) with the version and variant nibbles set, then dashed. */
function expectedUuid(seed: number): string {
  const h = createRandom(seed).hex(32).split('');
  h[12] = '4';
  h[16] = '0123456789abcdef'[8 + (parseInt(h[16]!, 16) & 3)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

describe('createRandom', () => {
  it('makes RFC 4122 version-4 request ids with the digits of the same seed’s hex stream', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef, -7]) {
      const id = createRandom(seed).uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id).toBe(expectedUuid(seed));
    }
  });

  it('gives the same ids for the same seed and different ids on each call', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const ids = Array.from({ length: 1000 }, () => a.uuid());
    expect(Array.from({ length: 1000 }, () => b.uuid())).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('returns ids that stay intact after later calls', () => {
    const r = createRandom(3);
    const first = r.uuid();
    const copy = `${first}`;
    r.uuid();
    createRandom(4).uuid();
    expect(first).toBe(copy);
    expect(first).toBe(expectedUuid(3));
  });
});
