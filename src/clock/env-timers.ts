import FakeTimers from '@sinonjs/fake-timers';

type FakeClock = ReturnType<typeof FakeTimers.createClock>;
/** Sinon's timer handle (Node-like): its id is its primitive value (`Number(handle)`), not a property. */
type TimerHandle = { ref(): unknown; unref(): unknown; hasRef(): boolean };
interface HeapTimer {
  id: number;
  callAt: number;
  /** Sinon's creation counter: the tie-break between timers due at the same instant. */
  order: number;
}
/** Sinon's min-heap of pending timers; its first element is the next due timer. Not public API, hence the narrow view. */
interface TimerHeap {
  readonly timers: HeapTimer[];
  push(timer: HeapTimer): void;
  remove(timer: HeapTimer): boolean;
}

/** Node's largest timer delay; a longer one is set to 1 ms. */
const TIMEOUT_MAX = 2 ** 31 - 1;

/**
 * The delay Node gives a timer: under 1 ms, over TIMEOUT_MAX or not a number means 1 ms. Sinon keeps 0, and a
 * `setInterval(fn, 0)` would then fire forever at one instant instead of every millisecond.
 */
function nodeDelay(ms: unknown): number {
  const after = Number(ms);
  return after >= 1 && after <= TIMEOUT_MAX ? after : 1;
}

/** Timer objects handed to handler code, mapped to the environment that owns them (for clear* from anywhere). */
export const timerOwners = new WeakMap<object, EnvTimers>();

/**
 * The timers of one execution environment, on virtual time. Each environment has its own so that freezing is
 * exact: an idle (frozen) environment's timers do not advance; when it thaws for its next invocation the overdue ones
 * fire once (`thawTo`), like a thawed Lambda sandbox whose libuv loop finds them expired.
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
   * Sinon's timer heap, looked up when a timer is added (sinon creates it with the first one; only `jump` and
   * `reset`, never called here, would replace it). The scheduler reads it several times per turn, and a property of
   * sinon's clock — a large object in dictionary mode — costs more than the rest of the turn until optimised.
   */
  private timerHeap: TimerHeap | undefined;

  constructor(startMs: number) {
    this.startMs = Math.floor(startMs);
    this.time = this.startMs;
  }

  /** The sinon clock behind this environment's timers, `performance.now` and `hrtime`. */
  get fake(): FakeClock {
    if (this.clock === undefined) {
      // Started when the environment was, so performance.now() counts from the environment's start.
      this.clock = FakeTimers.createClock(this.startMs);
      this.clock.now = Math.floor(this.time);
    }
    return this.clock;
  }

  /** Virtual now of this environment (epoch ms, integer as `Date.now()` reports). */
  now(): number {
    return this.clock === undefined ? Math.floor(this.time) : this.clock.now;
  }

  private track<T extends object>(handle: T): T {
    this.timerHeap ??= (this.clock as unknown as { timerHeap?: TimerHeap }).timerHeap;
    const h = handle as unknown as TimerHandle;
    timerOwners.set(handle, this);
    const unrefIds = this.unrefIds;
    const id = Number(handle);
    const ref = h.ref.bind(h);
    const unref = h.unref.bind(h);
    // Sinon records ref state on the handle only; the scheduler needs it per timer to know when the loop is empty.
    h.unref = () => {
      unrefIds.add(id);
      return unref();
    };
    h.ref = () => {
      unrefIds.delete(id);
      return ref();
    };
    return handle;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): object {
    return this.track(this.fake.setTimeout(fn, nodeDelay(ms), ...args) as unknown as object);
  }
  setInterval(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): object {
    return this.track(this.fake.setInterval(fn, nodeDelay(ms), ...args) as unknown as object);
  }
  setImmediate(fn: (...args: unknown[]) => void, ...args: unknown[]): object {
    return this.track(this.fake.setImmediate(fn, ...args) as unknown as object);
  }
  clear(handle: unknown): void {
    if (handle === undefined || handle === null || this.clock === undefined) return;
    this.unrefIds.delete(Number(handle));
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
   * Moves this environment's clock towards `target` (epoch ms), firing at most one due timer. Node runs every microtask
   * and `process.nextTick` callback a timer's callback queued before it runs the next timer, even one due at the same
   * millisecond; so the scheduler lets them run, then calls again. When no timer is left due by `target`, the clock
   * lands on it. Environment clocks move in whole milliseconds, like `Date.now()`, so a timer due at `target` fires.
   * Throws what the callback threw.
   */
  advanceTo(target: number): void {
    const to = Math.floor(target);
    if (to < this.now()) return;
    this.time = target;
    if (this.clock === undefined) return;
    const due = this.nextDue();
    if (due === undefined || due > to) {
      this.fake.now = to;
      return;
    }
    // Sinon's `next`: the first timer in order, its clock set to the timer's time while it runs.
    this.fake.next();
    const next = this.nextDue();
    // Another timer due by `target` fires in the scheduler's next turn; until then the clock stays at this one's time.
    if (next === undefined || next > to) this.fake.now = to;
  }

  /**
   * Thaws after a freeze, firing nothing: the timers that fell due while the environment was frozen are all due now,
   * in the order they expired (a thawed libuv loop finds them expired and runs them by expiry), to fire one per
   * scheduler turn like any others; an interval fires once and resumes from now. Returns whether any timer is due.
   */
  thawTo(target: number): boolean {
    const to = Math.floor(target);
    if (to < this.now()) return false;
    this.time = target;
    const clock = this.clock;
    if (clock === undefined) return false;
    // The clock moves whether or not a timer is due: performance.now() and hrtime read it too.
    clock.now = to;
    const heap = this.timerHeap;
    const first = heap?.timers[0];
    if (heap === undefined || first === undefined || first.callAt > to) return false;
    const due = heap.timers.filter((t) => t.callAt <= to);
    // Once all are due at `to`, sinon orders them by creation: hand them the same creation numbers in expiry order.
    const orders = due.map((t) => t.order).sort((a, b) => a - b);
    due.sort((a, b) => a.callAt - b.callAt || a.order - b.order);
    for (const t of due) heap.remove(t);
    due.forEach((t, i) => {
      t.order = orders[i]!;
      t.callAt = to;
      heap.push(t);
    });
    return true;
  }

  /** Drops every pending timer (the environment was shut down or its runtime reset). */
  clearAll(): void {
    for (const t of [...this.heap()]) this.clear(t.id);
    this.unrefIds.clear();
  }
}
