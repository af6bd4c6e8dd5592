import FakeTimers from '@sinonjs/fake-timers';

type FakeClock = ReturnType<typeof FakeTimers.createClock>;
type TimerHandle = { id: number; ref(): unknown; unref(): unknown; hasRef(): boolean };
interface HeapTimer {
  id: number;
  callAt: number;
}
/** Sinon's min-heap of pending timers; its first element is the next due timer. Not public API, hence the narrow view. */
interface TimerHeap {
  readonly timers: HeapTimer[];
  peek(): HeapTimer | undefined;
}

/** Timer objects handed to handler code, mapped to the environment that owns them (for clear* from anywhere). */
export const timerOwners = new WeakMap<object, EnvTimers>();

/**
 * The timers of one execution environment, on virtual time. Each environment has its own so that freezing is
 * exact: an idle (frozen) environment's timers do not advance; when it thaws for its next invocation they fire
 * once if overdue (sinon's `jump`), like a thawed Lambda sandbox whose libuv loop finds them expired.
 */
export class EnvTimers {
  /**
   * The sinon clock, created on first use: many handlers never set a timer or read `performance.now()`, and a clock
   * costs tens of microseconds of every cold start. Until then only the time is kept.
   */
  private clock: FakeClock | undefined;
  /** Epoch ms this environment's clock has been moved to (fractions kept for the scheduler, not for timers). */
  private time: number;
  private readonly startMs: number;
  private readonly unrefIds = new Set<number>();
  /**
   * Sinon's timer heap, looked up again only where sinon may have replaced it (it creates one with the first timer
   * and a new one on every `jump`). The scheduler reads it several times per turn, and a property of sinon's clock — a
   * large object in dictionary mode — costs more than the rest of the turn until the code is optimised.
   */
  private timerHeap: TimerHeap | undefined;

  constructor(
    startMs: number,
    private readonly loopLimit: number,
  ) {
    this.startMs = Math.floor(startMs);
    this.time = this.startMs;
  }

  /** The sinon clock behind this environment's timers, `performance.now` and `hrtime`. */
  get fake(): FakeClock {
    if (this.clock === undefined) {
      // Started when the environment was, so performance.now() counts from the environment's start.
      this.clock = FakeTimers.createClock(this.startMs, this.loopLimit);
      this.clock.now = Math.floor(this.time);
    }
    return this.clock;
  }

  /** Virtual now of this environment (epoch ms, integer as `Date.now()` reports). */
  now(): number {
    return this.clock === undefined ? Math.floor(this.time) : this.clock.now;
  }

  private heapOfClock(): TimerHeap | undefined {
    return (this.clock as unknown as { timerHeap?: TimerHeap } | undefined)?.timerHeap;
  }

  private track<T extends object>(handle: T): T {
    this.timerHeap = this.heapOfClock();
    const h = handle as unknown as TimerHandle;
    timerOwners.set(handle, this);
    const unrefIds = this.unrefIds;
    const ref = h.ref.bind(h);
    const unref = h.unref.bind(h);
    // Sinon records ref state on the handle only; the scheduler needs it per timer to know when the loop is empty.
    h.unref = () => {
      unrefIds.add(h.id);
      return unref();
    };
    h.ref = () => {
      unrefIds.delete(h.id);
      return ref();
    };
    return handle;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): object {
    return this.track(this.fake.setTimeout(fn, ms ?? 0, ...args) as unknown as object);
  }
  setInterval(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): object {
    return this.track(this.fake.setInterval(fn, ms ?? 0, ...args) as unknown as object);
  }
  setImmediate(fn: (...args: unknown[]) => void, ...args: unknown[]): object {
    return this.track(this.fake.setImmediate(fn, ...args) as unknown as object);
  }
  clear(handle: unknown): void {
    if (handle === undefined || handle === null || this.clock === undefined) return;
    const id = typeof handle === 'object' ? (handle as TimerHandle).id : Number(handle);
    this.unrefIds.delete(id);
    // clearTimeout/clearInterval/clearImmediate are interchangeable in Node; sinon is stricter, so try each.
    for (const clear of ['clearTimeout', 'clearInterval', 'clearImmediate'] as const) {
      try {
        (this.fake[clear] as (h: unknown) => void)(handle);
        return;
      } catch {
        // wrong kind for this clear function: try the next
      }
    }
  }

  private heap(): HeapTimer[] {
    return this.timerHeap?.timers ?? [];
  }

  /** When the next timer is due (epoch ms), or undefined when none is pending. */
  nextDue(): number | undefined {
    return this.timerHeap?.timers[0]?.callAt;
  }

  /** True when at least one pending timer keeps the (simulated) event loop alive. */
  hasRefTimers(): boolean {
    const timers = this.heap();
    if (this.unrefIds.size === 0) return timers.length > 0;
    for (const t of timers) if (!this.unrefIds.has(t.id)) return true;
    return false;
  }

  /** Number of pending timers (for diagnostics and tests). */
  count(): number {
    return this.heap().length;
  }

  /**
   * Runs time forward to `target`, firing due timers in order. Returns whether any timer was due (its callbacks
   * may have queued microtasks the scheduler must let run). Throws the first error a callback threw.
   * Environment clocks move in whole milliseconds, like `Date.now()`, so a timer due at `target` always fires.
   */
  tickTo(target: number): boolean {
    const to = Math.floor(target);
    if (to < this.now()) return false;
    this.time = target;
    if (this.clock === undefined) return false;
    // Fire due timers one by one (sinon's `next` is several times cheaper than `tick` and allocates less), then
    // land on the target. Same order and semantics as `tick`, with the same runaway guard.
    let fired = 0;
    for (let due = this.nextDue(); due !== undefined && due <= to; due = this.nextDue()) {
      if (++fired > this.loopLimit) {
        throw new Error(`Aborting after running ${this.loopLimit} timers, assuming an infinite loop!`);
      }
      this.fake.next();
    }
    this.fake.now = to;
    return fired > 0;
  }

  /** Thaws after a freeze: overdue timers fire once, intervals resume from now (sinon `jump`). */
  thawTo(target: number): void {
    const delta = Math.floor(target) - this.now();
    this.time = target;
    if (delta > 0 && this.clock !== undefined) {
      this.clock.jump(delta);
      this.timerHeap = this.heapOfClock();
    }
  }

  /** Drops every pending timer (the environment was shut down or its runtime reset). */
  clearAll(): void {
    for (const t of [...this.heap()]) this.clear(t.id);
    this.unrefIds.clear();
  }
}
