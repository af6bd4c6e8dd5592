/**
 * A binary min-heap of items keyed by a number (a virtual time): the earliest is read in O(1) and removed in
 * O(log n). Callers that cannot remove an item in the middle leave it and skip it once it comes to the top (lazy
 * deletion), then `retain` the live ones now and then so that skipped items do not pile up.
 * @example
 * const heap = new MinHeap<string>();
 * heap.push(30, 'later');
 * heap.push(10, 'sooner');
 * heap.peekKey(); // 10
 * heap.pop(); // 'sooner'
 */
export class MinHeap<T> {
  private keys: number[] = [];
  private items: T[] = [];

  /** How many items it holds, skipped ones included. */
  get size(): number {
    return this.keys.length;
  }

  /** The smallest key, or undefined when empty. */
  peekKey(): number | undefined {
    return this.keys[0];
  }

  /** The item of the smallest key, or undefined when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(key: number, item: T): void {
    this.keys.push(key);
    this.items.push(item);
    this.up(this.keys.length - 1);
  }

  /** Removes and returns the item of the smallest key (of several equal keys, any one). */
  pop(): T | undefined {
    const keys = this.keys;
    const items = this.items;
    if (keys.length === 0) return undefined;
    const top = items[0];
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    if (keys.length > 0) {
      keys[0] = lastKey;
      items[0] = lastItem;
      this.down(0);
    }
    return top;
  }

  /** Keeps only the items `keep` accepts (in O(n)): how a caller drops the ones it has been skipping. */
  retain(keep: (item: T, key: number) => boolean): void {
    const keys: number[] = [];
    const items: T[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (!keep(this.items[i]!, this.keys[i]!)) continue;
      keys.push(this.keys[i]!);
      items.push(this.items[i]!);
    }
    this.keys = keys;
    this.items = items;
    for (let i = (keys.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  clear(): void {
    this.keys.length = 0;
    this.items.length = 0;
  }

  private up(i: number): void {
    const keys = this.keys;
    const items = this.items;
    const key = keys[i]!;
    const item = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  private down(i: number): void {
    const keys = this.keys;
    const items = this.items;
    const n = keys.length;
    const key = keys[i]!;
    const item = items[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      items[i] = items[child]!;
      i = child;
    }
    keys[i] = key;
    items[i] = item;
  }
}
