import { MinHeap } from '../internal/min-heap.js';
import { SlotTree } from '../internal/slot-tree.js';

/**
 * What the store reads of a message (a queue's `StoredMessage`): fields that only the store writes once the message is
 * in it, so that its indexes follow them.
 */
export interface Timed {
  /** When it can next be received (epoch ms); Infinity until the queue has a clock. */
  readonly visibleAt: number;
  /** When its retention period started; undefined until the queue has a clock. */
  readonly enqueuedAt: number | undefined;
}

/** The same fields, as the store writes them. */
type Writable = { -readonly [K in keyof Timed]: Timed[K] };

/** Slots of a new or emptied store. */
const MIN_CAPACITY = 16;

/**
 * The messages of one queue in arrival order (internal), indexed for what the poller asks after every batch: which
 * are visible at a time, in order, without looking at the hidden ones (the tree of `visibleAt` by arrival slot);
 * when the next hidden one turns visible, and when the next retention period ends (two heaps). The store is the
 * only writer of `visibleAt` and `enqueuedAt` once a message is in it, so the indexes cannot fall out of step.
 *
 * Times passed in come from the queue's one clock and never go back: the visibility heap lets go of what turned
 * visible (otherwise every answer is a function of the messages as they are now).
 * @example
 * const store = new MessageStore(345_600_000);
 * store.add(message);
 * for (const m of store.visible(now)) if (take(m)) store.setVisibleAt(m, now + 30_000);
 */
export class MessageStore<M extends Timed> {
  /** Arrival order: a message's slot never changes until `compact`; a removed message leaves an empty slot. */
  private slots: (M | undefined)[] = [];
  private readonly slotOf = new Map<M, number>();
  private tree = new SlotTree(MIN_CAPACITY);
  /** Bumped when slots move, which a walk over them must not live through. */
  private layout = 0;
  /** A hidden message by when it turns visible; an entry whose message moved on or left is skipped. */
  private readonly turnsVisible = new MinHeap<M>();
  /** Every message that has a retention start, by that start (the same order as its end). */
  private readonly enqueued = new MinHeap<M>();

  constructor(private readonly retentionMs: number) {}

  /** How many messages it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Every message, in arrival order. */
  *[Symbol.iterator](): IterableIterator<M> {
    const layout = this.layout;
    for (const m of this.slots) {
      this.assertLayout(layout);
      if (m !== undefined) yield m;
    }
  }

  /** Puts a message last. */
  add(m: M): void {
    if (this.slots.length === this.tree.capacity) this.compact();
    const slot = this.slots.length;
    this.slots.push(m);
    this.slotOf.set(m, slot);
    this.tree.set(slot, m.visibleAt);
    this.indexVisibility(m);
    this.indexRetention(m);
  }

  /** Takes a message out; false when it was not here. */
  remove(m: M): boolean {
    const slot = this.slotOf.get(m);
    if (slot === undefined) return false;
    this.slotOf.delete(m);
    this.slots[slot] = undefined;
    this.tree.clear(slot);
    return true;
  }

  /** Takes every message out. */
  clear(): void {
    this.slots = [];
    this.slotOf.clear();
    this.tree = new SlotTree(MIN_CAPACITY);
    this.layout++;
    this.turnsVisible.clear();
    this.enqueued.clear();
  }

  /** When a message can next be received (after its delay, or its visibility timeout). */
  setVisibleAt(m: M, at: number): void {
    (m as Writable).visibleAt = at;
    const slot = this.slotOf.get(m);
    if (slot === undefined) return;
    this.tree.set(slot, at);
    this.indexVisibility(m);
  }

  /** When a message's retention period starts (once: a message sent before the queue had a clock). */
  setEnqueuedAt(m: M, at: number): void {
    (m as Writable).enqueuedAt = at;
    if (this.slotOf.has(m)) this.indexRetention(m);
  }

  /** The messages visible at `now`, in arrival order; taking or hiding the current one as it goes is fine. */
  visible(now: number): IterableIterator<M> {
    return this.walk(now, false);
  }

  /** The messages hidden at `now` (received and not yet back, delayed, or waiting for the queue's clock), in arrival order. */
  hidden(now: number): IterableIterator<M> {
    return this.walk(now, true);
  }

  /** The earliest time after `now` at which a message becomes visible, if any. */
  nextVisibleAfter(now: number): number | undefined {
    const heap = this.turnsVisible;
    for (;;) {
      const m = heap.peek();
      if (m === undefined) return undefined;
      const at = heap.peekKey()!;
      // Visible by now, or stale (hidden again since, or gone): later calls come with a later `now`.
      if (at > now && m.visibleAt === at && this.slotOf.has(m)) return at;
      heap.pop();
    }
  }

  /** Takes out the messages past their retention period at `now`; returns how many. */
  expire(now: number): number {
    let expired = 0;
    for (;;) {
      const m = this.nextEnqueued();
      if (m === undefined || now - m.enqueuedAt! < this.retentionMs) return expired;
      this.enqueued.pop();
      this.remove(m);
      expired++;
    }
  }

  /** When the next message's retention period ends, if any. */
  nextExpiry(): number | undefined {
    const m = this.nextEnqueued();
    return m === undefined ? undefined : m.enqueuedAt! + this.retentionMs;
  }

  /** The message whose retention started first, dropping entries of messages gone. */
  private nextEnqueued(): M | undefined {
    for (;;) {
      const m = this.enqueued.peek();
      if (m === undefined || (m.enqueuedAt === this.enqueued.peekKey() && this.slotOf.has(m))) return m;
      this.enqueued.pop();
    }
  }

  private indexVisibility(m: M): void {
    // Never visible until the queue has a clock: `setVisibleAt` indexes it then.
    if (m.visibleAt === Infinity) return;
    this.turnsVisible.push(m.visibleAt, m);
    // Entries of messages gone or hidden again wait until they come to the top: drop them once they outnumber the rest.
    if (this.turnsVisible.size > 2 * this.size + MIN_CAPACITY) this.turnsVisible.retain((x, at) => x.visibleAt === at && this.slotOf.has(x));
  }

  private indexRetention(m: M): void {
    if (m.enqueuedAt === undefined) return;
    this.enqueued.push(m.enqueuedAt, m);
    if (this.enqueued.size > 2 * this.size + MIN_CAPACITY) this.enqueued.retain((x, at) => x.enqueuedAt === at && this.slotOf.has(x));
  }

  /** Closes the gaps removed messages left, in a tree with room for as many again: O(n) once per n additions. */
  private compact(): void {
    const live = this.slots.filter((m): m is M => m !== undefined);
    let capacity = MIN_CAPACITY;
    while (capacity < 2 * live.length) capacity *= 2;
    this.tree = new SlotTree(capacity);
    this.slots = live;
    this.layout++;
    live.forEach((m, slot) => {
      this.slotOf.set(m, slot);
      this.tree.set(slot, m.visibleAt);
    });
  }

  /** The messages visible at `now` (or hidden, if `hidden`), slot by slot. */
  private *walk(now: number, hidden: boolean): IterableIterator<M> {
    const layout = this.layout;
    const first = (from: number): number => (hidden ? this.tree.firstAbove(from, now) : this.tree.firstAtMost(from, now));
    for (let slot = first(0); slot !== -1; ) {
      yield this.slots[slot]!;
      this.assertLayout(layout);
      // They often come in runs (a FIFO queue skips runs of visible messages of groups in flight): the next slot is
      // tried before the tree.
      const next = this.slots[slot + 1];
      slot = next !== undefined && next.visibleAt > now === hidden ? slot + 1 : first(slot + 1);
    }
  }

  private assertLayout(layout: number): void {
    if (layout !== this.layout) throw new Error('MessageStore: a message was added or the store cleared during a walk over it (internal error).');
  }
}
