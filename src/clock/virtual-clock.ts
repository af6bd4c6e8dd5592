import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { currentScope, hasPendingIo, scopeStorage, type EnvScope, outsideScope } from '../runtime/scope.js';
import { relaxIoTracking, releaseIoTracking, retainIoTracking } from '../runtime/io-tracker.js';
import { parseDuration, type Duration } from './duration.js';
import { EnvTimers } from './env-timers.js';
import { Timeline } from './timeline.js';
import { enterSimulation, leaveSimulation } from './globals.js';
import { real } from './real.js';

/**
 * Turns spent polling at once (setImmediate) while an environment waits on real I/O, before polling every
 * millisecond. Polling only decides when time may jump again; the I/O itself completes on its own.
 */
const BLOCKED_SPIN_TURNS = 4;

/**
 * Most scheduler turns one pass of Node's immediate queue runs (see `soon`): bounds how long the rest of the process
 * (a server, the test runner) waits while a handler's timers fire back to back.
 */
const MAX_TURNS_PER_PASS = 32;

/** The default start of virtual time: fixed, so logs and records are reproducible. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/**
 * A clock shared by one or more simulated functions.
 * @example
 * const clock = createClock({ now: '2025-06-01T00:00:00Z' });
 * const fn = createFunction({ handler, clock });
 * await clock.advance('15m');
 */
export interface Clock {
  /** Virtual now, epoch milliseconds. */
  now(): number;
  /** Virtual now as a Date. */
  date(): Date;
  /**
   * Moves virtual time forward, running whatever falls due (async retries, expiries) on the way. Idle
   * (frozen) environments do not run their timers; they catch up when they next invoke, as on Lambda.
   */
  advance(duration: Duration): Promise<number>;
  /**
   * Runs everything that is due or scheduled on this clock — asynchronous deliveries and their retries, for every
   * function sharing it — advancing virtual time from event to event until nothing is left.
   */
  settle(): Promise<void>;
  /** Releases the clock's hooks. Functions using it must be disposed first or with it. */
  dispose(): Promise<void>;
}

/**
 * Options of {@link createClock}.
 * @example
 * const clock = createClock({ now: '2025-06-01T00:00:00Z' });
 * createFunction({ handler, clock });
 */
export interface ClockOptions {
  /** Where virtual time starts: epoch ms, Date or ISO string. Default 2025-01-01T00:00:00.000Z. */
  now?: number | Date | string;
  /**
   * Guard against runaway timers: the most timers one invocation (or init) may fire before the harness assumes an
   * infinite loop and raises sinon's "Aborting after running N timers" in the environment, as an uncaught exception.
   * Default 1,000,000 (a 1 ms interval until a 900 s timeout fires 900,000).
   */
  loopLimit?: number;
  /**
   * The account's concurrent executions limit in this region, shared by every function on this clock
   * (a clock is one account and region). @defaultValue 1000
   */
  accountConcurrency?: number;
  /**
   * Whether virtual time also follows the real time simulated code spends. With `false`, virtual time moves only
   * by jumps and `advance()`, so durations and schedules are exactly reproducible (property tests use this);
   * a handler waiting on real I/O then sees no time pass. @defaultValue true
   */
  realTimeFlow?: boolean;
}

/**
 * A source of harness work that must start at the current instant, one item per scheduler turn (an async event
 * queue's ready deliveries): like Lambda's poller handing events over one after another, so a handler that finishes
 * at once is done before the next event arrives, while slow ones overlap.
 */
export interface Dispatcher {
  /** Whether an item is ready now. */
  hasReady(): boolean;
  /** Starts the next ready item. */
  dispatchOne(): void;
}

/** A running piece of simulated code (an invocation or an init) that the scheduler drives. */
export interface ClockRun {
  readonly scope: EnvScope;
  /** Virtual epoch ms at which the run times out. */
  readonly deadline: number;
  /** The run reached its deadline without finishing. */
  onTimeout(): void;
  /** The environment's event loop is empty (no ref'd timers, no I/O, no harness waits). */
  onDrain(): void;
  /** A timer callback threw. */
  onUncaught(error: unknown): void;
  /** Set by the run when it has finished; the scheduler then drops it. */
  finished: boolean;
  /** Timers the run has fired so far, counted by the scheduler against the clock's `loopLimit`. */
  timersFired: number;
  /**
   * Set for a run that only lets its environment catch up (a thaw): called, instead of time moving on, once no timer
   * of the environment is due at the current instant and what the fired ones queued has run.
   */
  readonly onCaughtUp: (() => void) | undefined;
}

function toEpoch(value: number | Date | string | undefined): number {
  if (value === undefined) return DEFAULT_EPOCH_MS;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) {
    throw new HarnessError('INVALID_OPTION', `clock now ${JSON.stringify(value)} is not a valid date: pass epoch milliseconds, a Date or an ISO-8601 string.`);
  }
  return ms;
}

/**
 * The virtual clock. Time moves only while simulated code runs (following real elapsed time) and jumps straight to
 * the next due timer whenever every running invocation waits on nothing but timers — so a 15-minute timeout costs
 * microseconds. Between invocations it stands still unless advanced.
 */
export class VirtualClock implements Clock {
  private time: number;
  readonly loopLimit: number;
  /**
   * The runs being driven, in start order, iterated by index on every turn (a Set iterator allocates, and its bytecode
   * costs several times more before the scheduler is optimised: the first rounds of every process, every fresh
   * worker). Replaced, never spliced, when a run ends: a loop in progress keeps the array it holds, whose ended runs
   * are all `finished` and skipped.
   */
  private runs: ClockRun[] = [];
  /** Harness events (async deliveries, expiries) on the same timeline, driven by `advance` and by running code. */
  private readonly system: Timeline;
  private armed = false;
  /**
   * Turn immediates queued by `soon` (those from `passNext` on have not run yet). The next one runs a turn when `soon`
   * armed the scheduler: armed, with no turn of `wake`'s pending.
   */
  private readonly passTurns: ReturnType<typeof setImmediate>[] = [];
  private passNext = 0;
  /** How many turn immediates `soon` queues next: doubles while turns follow each other, back to 1 when they stop. */
  private passSize = 1;
  /** The scheduler's own pending real callback, to cancel it on dispose (never clear one kind with the other's function: it corrupts Node's queues). */
  private pendingTurn: { kind: 'immediate'; handle: ReturnType<typeof setImmediate> } | { kind: 'timeout'; handle: ReturnType<typeof setTimeout> } | undefined;
  private lastReal = 0;
  /** Consecutive turns spent waiting on real I/O (polling backs off after a few). */
  private blockedTurns = 0;
  /** Real elapsed time not yet turned into whole virtual milliseconds. */
  private realCarry = 0;
  private disposed = false;
  private retained = false;
  private readonly idleWaiters: (() => void)[] = [];
  private tasks = 0;
  /** Harness queues that have deliveries ready at the current instant (see `addDispatcher`). */
  private readonly dispatchers: Dispatcher[] = [];
  /** The dispatcher asked first next turn: the one after the last that started something. */
  private nextDispatcher = 0;

  /** Concurrency accounting of the account (spec §4): reserved capacity is carved out of the account limit. */
  readonly accountConcurrency: number;
  private readonly realTimeFlow: boolean;
  reservedTotal = 0;
  /**
   * Provisioned concurrency of functions without reserved concurrency: AWS takes it from the unreserved pool too, so
   * the settings of every other function on the account are checked against it.
   */
  provisionedUnreserved = 0;
  unreservedBusy = 0;

  constructor(options: ClockOptions = {}) {
    rejectUnknownKeys('createClock', options, ['now', 'loopLimit', 'accountConcurrency', 'realTimeFlow']);
    this.time = Math.floor(toEpoch(options.now));
    this.loopLimit = options.loopLimit ?? 1_000_000;
    const account = options.accountConcurrency ?? 1000;
    if (!Number.isInteger(account) || account < 1) {
      throw new HarnessError('INVALID_OPTION', `createClock: accountConcurrency must be a positive integer (got ${JSON.stringify(account)}).`);
    }
    this.accountConcurrency = account;
    this.realTimeFlow = options.realTimeFlow ?? true;
    this.system = new Timeline();
  }

  now(): number {
    return Math.floor(this.time);
  }

  date(): Date {
    return new real.Date(this.now());
  }

  /**
   * Virtual now for the harness's own measurements. Whole milliseconds, like `Date.now()` and the timers: a
   * timer set for 2000 ms then always measures 2000 ms, and durations are reproducible.
   */
  preciseNow(): number {
    return this.time;
  }

  async advance(duration: Duration): Promise<number> {
    this.assertLive();
    const target = this.time + Math.round(parseDuration(duration));
    // Step through harness events one by one, letting the work each one starts run, then land on the target.
    for (;;) {
      await this.whenIdle();
      const next = this.system.nextDue();
      if (next === undefined || next > target) break;
      this.moveTo(Math.max(next, this.time));
      await this.settleNow();
    }
    await this.whenIdle();
    this.moveTo(target);
    await this.settleNow();
    return this.now();
  }

  async settle(): Promise<void> {
    this.assertLive();
    await this.runUntil(() => false);
  }

  /**
   * Steps through harness events (letting the work each one starts finish) until `done()` holds or nothing is
   * scheduled any more.
   */
  async runUntil(done: () => boolean): Promise<void> {
    for (;;) {
      await this.settleNow();
      if (done()) return;
      const next = this.system.nextDue();
      if (next === undefined) {
        if (this.isIdle()) return;
        continue;
      }
      this.moveTo(Math.max(next, this.time));
    }
  }

  /** Lets due harness events and the runs they start finish, without moving time. */
  private async settleNow(): Promise<void> {
    for (;;) {
      await this.settle0();
      const due = this.system.nextDue();
      if (due === undefined || due > this.time) return;
      this.system.runUntil(this.time);
    }
  }

  /**
   * Brings this clock up to `at` if it is behind: another clock (a worker-isolated environment's) lived through that
   * time in an invocation. Idle environments stay frozen; running ones follow.
   */
  catchUp(at: number): void {
    if (at > this.time) this.moveTo(at);
  }

  /** Makes due harness events run soon even while no invocation is running. */
  kick(): void {
    this.wake();
  }

  /** Registers a dispatcher; the scheduler starts one of its ready items per turn before time may move. */
  addDispatcher(dispatcher: Dispatcher): () => void {
    // An array, not a Set: every scheduler turn asks each one, and iterating a Set allocates until optimised.
    this.dispatchers.push(dispatcher);
    return () => {
      const i = this.dispatchers.indexOf(dispatcher);
      if (i < 0) return;
      this.dispatchers.splice(i, 1);
      // Keep pointing at the same next dispatcher.
      if (i < this.nextDispatcher) this.nextDispatcher--;
      if (this.nextDispatcher >= this.dispatchers.length) this.nextDispatcher = 0;
    };
  }

  private anyReady(): boolean {
    const dispatchers = this.dispatchers;
    for (let i = 0; i < dispatchers.length; i++) if (dispatchers[i]!.hasReady()) return true;
    return false;
  }

  /**
   * Starts one ready item, if any, taking the dispatchers in turn from the one after the last that started something:
   * two consumers of one source (two mappings of a queue) share it, as competing pollers do, and functions sharing a
   * clock take turns with their asynchronous deliveries, rather than the first registered taking everything.
   */
  private dispatch(): boolean {
    const dispatchers = this.dispatchers;
    const n = dispatchers.length;
    for (let k = 0; k < n; k++) {
      const i = (this.nextDispatcher + k) % n;
      const d = dispatchers[i]!;
      if (d.hasReady()) {
        this.nextDispatcher = (i + 1) % n;
        d.dispatchOne();
        return true;
      }
    }
    return false;
  }

  private isIdle(): boolean {
    return this.runs.length === 0 && this.tasks === 0 && !this.anyReady();
  }

  /** Schedules a harness event at virtual `at` (epoch ms). Returns a cancel function. */
  schedule(at: number, fn: () => void): () => void {
    // Straight to the fake clock: harness events need no ref/unref bookkeeping.
    return this.system.schedule(Math.max(at, this.time), fn);
  }

  /** The next harness event's due time, if any. */
  nextScheduled(): number | undefined {
    return this.system.nextDue();
  }

  /** Creates the timers of a new execution environment, starting at virtual now. */
  createEnvTimers(): EnvTimers {
    return new EnvTimers(this.time);
  }

  /** Starts driving a run. Also installs the global shims while anything runs. */
  startRun(run: ClockRun): void {
    this.assertLive();
    if (!this.retained) {
      retainIoTracking();
      this.retained = true;
    }
    if (this.runs.length === 0) this.lastReal = real.performanceNow();
    enterSimulation();
    this.runs.push(run);
    this.wake();
  }

  /** Stops driving a run (it finished, timed out or crashed). */
  endRun(run: ClockRun): void {
    const runs = this.runs;
    const at = runs.indexOf(run);
    if (at >= 0) {
      this.runs = runs.length === 1 ? [] : runs.filter((_, k) => k !== at);
      leaveSimulation();
    }
    if (this.isIdle()) this.flushIdle();
  }

  /**
   * Counts harness work in flight between runs (an async delivery that has started an attempt and will schedule
   * its retry when the attempt ends), so that "idle" means idle: nothing running and nothing about to schedule.
   */
  track<T>(work: Promise<T>): Promise<T> {
    this.tasks++;
    const done = (): void => {
      this.tasks--;
      if (this.isIdle()) this.flushIdle();
      else if (this.anyReady()) this.wake();
    };
    work.then(done, done);
    return work;
  }

  /** Resolves when no run is active on this clock and no tracked harness work is in flight. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    if (this.anyReady()) this.wake();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Lets microtasks and any run started by due events proceed, then waits until idle. */
  private async settle0(): Promise<void> {
    await new Promise<void>((resolve) => outsideScope(() => real.setImmediate(resolve)));
    await this.whenIdle();
  }

  private flushIdle(): void {
    if (this.idleWaiters.length === 0) return; // every run's end lands here: no garbage array when nobody waits
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }

  /**
   * Moves virtual time to `target`: each running environment fires its next due timer (one per turn, see
   * `EnvTimers.advanceTo`), then harness events fire. Returns whether anything fired, in which case the scheduler must
   * let microtasks run before judging who is idle, and call again for the timers still due.
   */
  private moveTo(target: number): boolean {
    if (target < this.time) return false;
    // Most scheduler turns move no virtual time (under a real millisecond passed): then an environment with nothing
    // due has nothing to do at all.
    const moved = target > this.time;
    this.time = target;
    let fired = false;
    const runs = this.runs;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      const timers = run.scope.timers;
      if (timers === null || run.finished) continue;
      const due = timers.nextDue();
      // A timer due exactly at the deadline loses the race: the sandbox is stopped first. (Computed only when it
      // matters: most turns have nothing due and move no time.)
      const limit = !moved && (due === undefined || due > target) ? target : Math.min(target, Math.ceil(run.deadline) - 1);
      if (due === undefined || due > limit) {
        // Nothing fires: no user code runs, so there is no need to enter the environment's scope (every scheduler
        // turn comes here, and a scope switch costs more than the rest of the move).
        if (moved) timers.advanceTo(limit);
        continue;
      }
      fired = true;
      if (++run.timersFired > this.loopLimit) {
        run.onUncaught(new Error(`Aborting after running ${this.loopLimit} timers, assuming an infinite loop!`));
        continue;
      }
      try {
        scopeStorage.run(run.scope, () => timers.advanceTo(limit));
      } catch (error) {
        run.onUncaught(error);
      }
    }
    if (this.system.runUntil(target)) fired = true;
    return fired;
  }

  private wake(): void {
    if (this.armed) return;
    this.armed = true;
    // Outside any environment's scope, so the scheduler's own real timers are never mistaken for handler I/O (its
    // own turns run outside any scope already, and skip the scope switch).
    const handle = currentScope() === undefined ? real.setImmediate(this.turn) : outsideScope(() => real.setImmediate(this.turn));
    this.pendingTurn = { kind: 'immediate', handle };
  }

  /**
   * Arms the next turn for as soon as everything this turn's work queued has run: microtasks, `process.nextTick`
   * callbacks and unhandled-rejection handling — what Node itself runs between two timers or two immediates. Turns
   * are queued as several immediates at once, and Node runs all immediates queued before a pass in that pass, draining
   * all of the above between each two: a handler whose timers fire back to back (a 1 s heartbeat until a 900 s
   * timeout) then costs one event-loop iteration per pass, not per timer. Only waiting on real I/O (`wake`) needs
   * fresh event-loop iterations, for the poll phase to deliver it.
   */
  private soon(): void {
    if (this.armed) return;
    this.armed = true;
    if (this.passNext < this.passTurns.length) return;
    this.passTurns.length = 0;
    this.passNext = 0;
    const size = this.passSize;
    this.passSize = Math.min(size * 2, MAX_TURNS_PER_PASS);
    // Called from turns only, which run outside every environment's scope: no scope switch needed.
    for (let i = 0; i < size; i++) this.passTurns.push(real.setImmediate(this.passTurn));
  }

  private readonly passTurn = (): void => {
    this.passNext++;
    if (!this.armed || this.pendingTurn !== undefined) {
      // The turns stopped needing each other (a run ended, or waits on I/O and `wake` armed its own turn): start small
      // again.
      this.passSize = 1;
      return;
    }
    this.turn();
  };

  /** Number of scheduler turns so far (lets harness work tell whether it is still in the same turn). */
  turnCount = 0;

  private readonly turn = (): void => {
    this.turnCount++;
    this.armed = false;
    this.pendingTurn = undefined;
    const runs = this.runs;
    // Harness work ready at this instant starts first, one item per turn, before time may move.
    if (this.dispatch()) {
      this.soon();
      return;
    }
    if (runs.length === 0) {
      // Nothing runs: still start harness events that are already due (an accepted async event), without moving time.
      const due = this.system.nextDue();
      if (due !== undefined && due <= this.time) this.system.runUntil(this.time);
      if (this.anyReady()) this.soon();
      else if (this.isIdle()) this.flushIdle();
      if (this.runs.length === 0) relaxIoTracking();
      return;
    }
    const now = real.performanceNow();
    if (this.realTimeFlow) this.realCarry += Math.max(0, now - this.lastReal);
    this.lastReal = now;
    let whole = Math.floor(this.realCarry);
    this.realCarry -= whole;
    if (whole > 0) {
      // Real time never carries a run past its deadline: the scheduler may just have jumped to it, and a run that
      // times out at 10 s must report 10000 ms however slow the machine was between two turns.
      for (let i = 0; i < runs.length; i++) {
        const run = runs[i]!;
        if (!run.finished && run.deadline >= this.time && run.deadline - this.time < whole) {
          whole = Math.ceil(run.deadline - this.time);
          this.realCarry = 0;
        }
      }
    }
    const fired = this.moveTo(this.time + whole);
    if (fired) {
      // Let what the timers resolved run before deciding anything.
      this.soon();
      return;
    }

    // Anything that finishes a run (a deadline, a thaw caught up, a drained loop) lets the microtasks it triggers run
    // before time moves again: the code waiting on that run must see the time it ended at, not a later one.
    let changed = false;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      if (run.finished) {
        this.endRun(run);
      } else if (this.time >= run.deadline) {
        run.onTimeout();
        changed = true;
      } else if (run.onCaughtUp !== undefined) {
        // No timer fired this turn (a due one would have), so what the last ones queued has run: the thaw is over,
        // before time may move on and fire the environment's later timers ahead of its next event.
        run.onCaughtUp();
        changed = true;
      }
    }
    if (this.runs.length === 0) return;
    if (changed) {
      this.soon();
      return;
    }

    let blocked = false;
    for (let i = 0; i < runs.length; i++) if (!runs[i]!.finished && hasPendingIo(runs[i]!.scope.io)) blocked = true;
    if (blocked) {
      // Waiting on real I/O: let real time flow (virtual time follows it) and look again shortly — at once for the
      // first few turns (short local I/O), then every millisecond so a long wait does not spin a core.
      this.blockedTurns++;
      if (this.blockedTurns <= BLOCKED_SPIN_TURNS) {
        this.wake();
      } else {
        this.armed = true;
        this.pendingTurn = { kind: 'timeout', handle: outsideScope(() => real.setTimeout(this.turn, 1)) };
      }
      return;
    }
    this.blockedTurns = 0;

    let next = Infinity;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      if (run.finished) continue;
      const timers = run.scope.timers;
      const refTimers = timers !== null && timers.hasRefTimers();
      if (!refTimers && run.scope.io.waits === 0) {
        run.onDrain();
        changed = true;
        continue;
      }
      const due = timers?.nextDue();
      if (due !== undefined && refTimers) next = Math.min(next, due);
      next = Math.min(next, run.deadline);
    }
    if (!changed) {
      const system = this.system.nextDue();
      if (system !== undefined) next = Math.min(next, system);
      if (next !== Infinity) this.moveTo(Math.max(next, this.time));
    }
    this.soon();
  };

  private assertLive(): void {
    if (this.disposed) throw new HarnessError('DISPOSED', 'This clock was disposed; create a new one with createClock().');
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.whenIdle();
    this.disposed = true;
    this.system.clear();
    for (const handle of this.passTurns.slice(this.passNext)) real.clearImmediate(handle);
    this.passTurns.length = 0;
    this.passNext = 0;
    const pending = this.pendingTurn;
    if (pending !== undefined) {
      if (pending.kind === 'immediate') real.clearImmediate(pending.handle);
      else real.clearTimeout(pending.handle);
      this.pendingTurn = undefined;
      this.armed = false;
    }
    if (this.retained) {
      releaseIoTracking();
      this.retained = false;
    }
  }
}

/**
 * Creates a virtual clock to share between functions (`createFunction({ clock })`).
 * @example
 * const clock = createClock();
 * const a = createFunction({ handler: h1, clock });
 * const b = createFunction({ handler: h2, clock });
 */
export function createClock(options: ClockOptions = {}): Clock {
  return new VirtualClock(options);
}
