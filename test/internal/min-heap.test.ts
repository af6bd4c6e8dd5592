import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/internal/min-heap.js';

describe('MinHeap', () => {
  it('gives its items back smallest key first, whatever order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (keys) => {
        const heap = new MinHeap<number>();
        keys.forEach((key) => heap.push(key, key));
        const out: number[] = [];
        while (heap.size > 0) {
          expect(heap.peek()).toBe(heap.peekKey());
          out.push(heap.pop()!);
        }
        expect(out).toEqual([...keys].sort((a, b) => a - b));
        expect(heap.pop()).toBeUndefined();
        expect(heap.peekKey()).toBeUndefined();
      }),
    );
  });

  it('keeps only what retain accepts, still in key order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 })), fc.integer({ min: 2, max: 5 }), (keys, m) => {
        const heap = new MinHeap<string>();
        keys.forEach((key, i) => heap.push(key, `${key}:${i}`));
        heap.retain((_, key) => key % m !== 0);
        const out: number[] = [];
        while (heap.size > 0) out.push(Number(heap.pop()!.split(':')[0]));
        expect(out).toEqual(keys.filter((k) => k % m !== 0).sort((a, b) => a - b));
      }),
    );
  });
});
