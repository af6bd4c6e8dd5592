/**
 * The harness's own events on the virtual timeline (async deliveries and retries): a binary min-heap ordered by due
 * time, then by scheduling order. Sinon's clock is built for user code (ids, ref/unref, intervals); these events
 * need none of that, and a delivery queue of 10,000 events schedules tens of thousands of them.
 */
interface Entry {
  readonly at: number;
  readonly seq: number;
  fn: (() => void) | undefined;
}

export class Timeline {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** Schedules `fn` at `at` (epoch ms). Returns a cancel function. */
  schedule(at: number, fn: () => void): () => void {
    const entry: Entry = { at, seq: this.seq++, fn };
    this.push(entry);
    return () => {
      entry.fn = undefined;
    };
  }

  /** When the next event is due, or undefined. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Runs every event due at or before `target`, in order (including ones they schedule). Returns whether any ran. */
  runUntil(target: number): boolean {
    let ran = false;
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (top === undefined || top.at > target) return ran;
      this.pop();
      const fn = top.fn;
      top.fn = undefined;
      if (fn) {
        ran = true;
        fn();
      }
    }
  }

  /** Forgets every event. */
  clear(): void {
    this.heap.length = 0;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.fn === undefined) this.pop();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && this.less(heap[l]!, heap[smallest]!)) smallest = l;
      if (r < heap.length && this.less(heap[r]!, heap[smallest]!)) smallest = r;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}
