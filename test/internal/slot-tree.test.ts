import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotTree } from '../../src/internal/slot-tree.js';

/** What the tree answers, found by looking at every slot. */
function scan(values: readonly (number | undefined)[], from: number, matches: (v: number) => boolean): number {
  for (let i = Math.max(0, from); i < values.length; i++) if (values[i] !== undefined && matches(values[i]!)) return i;
  return -1;
}

describe('SlotTree', () => {
  it('finds the first slot from a given one whose value is at most, or above, a bound, as a scan would', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), slot: fc.nat(63), value: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)) }),
      fc.record({ kind: fc.constant('clear' as const), slot: fc.nat(63) }),
      fc.record({ kind: fc.constant('ask' as const), from: fc.integer({ min: -1, max: 70 }), x: fc.integer({ min: -1, max: 21 }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 8, 64), fc.array(op, { maxLength: 80 }), (capacity, ops) => {
        const tree = new SlotTree(capacity);
        const values: (number | undefined)[] = Array.from({ length: capacity }, () => undefined);
        for (const o of ops) {
          if (o.kind === 'ask') {
            expect(tree.firstAtMost(o.from, o.x)).toBe(scan(values, o.from, (v) => v <= o.x));
            expect(tree.firstAbove(o.from, o.x)).toBe(scan(values, o.from, (v) => v > o.x));
          } else if (o.slot < capacity) {
            if (o.kind === 'set') tree.set(o.slot, o.value);
            else tree.clear(o.slot);
            values[o.slot] = o.kind === 'set' ? o.value : undefined;
          }
        }
      }),
    );
  });

  it('refuses a capacity that is not a power of two, and a slot outside it', () => {
    expect(() => new SlotTree(12)).toThrow(/power of two/);
    expect(() => new SlotTree(8).set(8, 1)).toThrow(/outside 0..7/);
  });
});
