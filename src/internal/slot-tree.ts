/**
 * A number in each of a fixed count of slots (a power of two), with the smallest and largest of every aligned block
 * of slots kept (a tournament tree): the first slot at or after a given one whose value is at most `x`, or above
 * `x`, is found by skipping whole blocks, in O(log n), where a scan would look at every slot in between. An empty slot
 * matches neither.
 * @example
 * const tree = new SlotTree(8);
 * tree.set(2, 100);
 * tree.set(5, 40);
 * tree.firstAtMost(0, 50); // 5
 * tree.firstAbove(0, 50); // 2
 * tree.clear(5);
 * tree.firstAtMost(0, 50); // -1
 */
export class SlotTree {
  /** Node 1 is the root, node i has children 2i and 2i+1, and slot s is node `capacity + s`. */
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(Math.log2(capacity))) throw new RangeError(`SlotTree: capacity ${capacity} is not a power of two.`);
    this.min = new Float64Array(2 * capacity).fill(Infinity);
    this.max = new Float64Array(2 * capacity).fill(-Infinity);
  }

  set(slot: number, value: number): void {
    this.put(slot, value, value);
  }

  /** Empties a slot: it matches nothing any more. */
  clear(slot: number): void {
    this.put(slot, Infinity, -Infinity);
  }

  /** The first slot from `from` on holding a value ≤ `x`, or -1. */
  firstAtMost(from: number, x: number): number {
    return this.first(from, x, false);
  }

  /** The first slot from `from` on holding a value > `x`, or -1. */
  firstAbove(from: number, x: number): number {
    return this.first(from, x, true);
  }

  private put(slot: number, low: number, high: number): void {
    if (!(slot >= 0 && slot < this.capacity)) throw new RangeError(`SlotTree: slot ${slot} is outside 0..${this.capacity - 1}.`);
    const { min, max } = this;
    let i = slot + this.capacity;
    min[i] = low;
    max[i] = high;
    for (i >>= 1; i >= 1; i >>= 1) {
      min[i] = Math.min(min[2 * i]!, min[2 * i + 1]!);
      max[i] = Math.max(max[2 * i]!, max[2 * i + 1]!);
    }
  }

  private first(from: number, x: number, above: boolean): number {
    if (from >= this.capacity) return -1;
    const { min, max } = this;
    const matches = (i: number): boolean => (above ? max[i]! > x : min[i]! <= x);
    let i = Math.max(0, from) + this.capacity;
    if (!matches(i)) {
      // Climb while on a right child; then try the right sibling's block, until one has a match.
      for (;;) {
        while (i & 1) i >>= 1;
        if (i === 0) return -1;
        i++;
        if (matches(i)) break;
      }
      // Down to the block's first matching slot.
      while (i < this.capacity) i = matches(2 * i) ? 2 * i : 2 * i + 1;
    }
    return i - this.capacity;
  }
}
