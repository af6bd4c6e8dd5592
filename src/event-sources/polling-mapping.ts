import { qualifiedArn } from '../function/versions.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { HarnessError, LambdaServiceError } from '../errors.js';
import type { InvokeOptions, MappedFunction } from '../function/lambda-function.js';
import type { InvocationResult } from '../function/result.js';
import { createRandom, hashSeed } from '../internal/random.js';
import type { ResolvedCommonOptions } from './mapping-options.js';
import type { RecordFilter } from './filter-criteria.js';

/** How many batches `mapping.batches` remembers. */
const BATCHES_KEPT = 1000;

/** What one invoke of a batch came to: the function's result, or Lambda refusing it (internal). */
export type BatchOutcome =
  | { readonly kind: 'ran'; readonly result: InvocationResult }
  | { readonly kind: 'refused'; readonly reason: 'throttled' | 'service-error'; readonly error: LambdaServiceError };

/**
 * Records this mapping's own function sends to its source at one virtual instant, after which the mapping gives up: a
 * handler feeding the source it reads. Records from anyone else (the test, another function) never count.
 */
const LOOP_LIMIT = 10_000;

/**
 * What every event source mapping shares (internal): its identity and state, the batches it ran, the one wake-up it
 * keeps on the clock, its place among the clock's dispatchers, and invoking the function. The source-specific part
 * (when a poll is ready, what it reads, what an outcome does) is the subclass's.
 */
export abstract class PollingMapping<TBatch> {
  readonly uuid: string;
  readonly functionArn: string;
  protected current: 'Enabled' | 'Disabled' | 'Deleted';
  private readonly history: TBatch[] = [];
  /** Batches invoked and not yet settled. */
  protected inFlight = 0;
  private wakeAt: number | undefined;
  private cancelWake: (() => void) | undefined;
  private readonly removeDispatcher: () => void;
  private readonly onArrival = (): void => {
    if (this.current === 'Enabled' && this.fn.runsNow()) this.countFeedback();
    this.arrived();
  };
  private readonly onDispose = (): void => this.delete();
  /** A harness error raised while settling a batch: the next drain() throws it. */
  private failure: unknown;
  /** Records the function sent to its own source at `feedbackAt` (a virtual instant). */
  private feedback = 0;
  private feedbackAt = NaN;

  /** The filter criteria, compiled; undefined when every record goes to the function. */
  private readonly filter: RecordFilter | undefined;
  /** Each record's verdict, decided once: the scheduler asks about waiting records every turn. */
  private readonly verdicts = new WeakMap<object, boolean>();
  /** How each batch is invoked: with the mapping's qualifier, if it has one. */
  private readonly invokeOptions: (InvokeOptions & { invocationType?: 'RequestResponse' }) | undefined;

  constructor(
    protected readonly fn: MappedFunction,
    protected readonly clock: VirtualClock,
    readonly eventSourceArn: string,
    common: ResolvedCommonOptions,
    /** The source's arrival listeners: the mapping wakes when something is sent or put. */
    private readonly arrivals: Set<() => void>,
  ) {
    const qualifier = common.qualifier;
    this.functionArn = qualifiedArn(fn.arn, qualifier);
    this.invokeOptions = qualifier === undefined ? undefined : { qualifier };
    this.uuid = createRandom(hashSeed(`${this.functionArn} ${eventSourceArn}`)).uuid();
    this.current = common.enabled ? 'Enabled' : 'Disabled';
    this.filter = common.filter;
    arrivals.add(this.onArrival);
    fn.disposeListeners.add(this.onDispose);
    this.removeDispatcher = clock.addDispatcher({ hasReady: () => this.current === 'Enabled' && this.hasReady(this.clock.now()), dispatchOne: () => this.dispatch() });
  }

  /** Whether the mapping has filter criteria. */
  protected get filters(): boolean {
    return this.filter !== undefined;
  }

  /** Whether a record passes the filter criteria, seen as `view` makes it (every record passes without criteria). */
  protected passes(record: object, view: () => unknown): boolean {
    const filter = this.filter;
    if (filter === undefined) return true;
    let verdict = this.verdicts.get(record);
    if (verdict === undefined) this.verdicts.set(record, (verdict = filter(view())));
    return verdict;
  }

  /** Whether a poll now would make progress (the clock asks every turn: it must not be true without progress). */
  protected abstract hasReady(now: number): boolean;
  /** Reads one batch and starts it, or otherwise makes the progress `hasReady` promised. */
  protected abstract poll(now: number): void;
  /** The next instant something may become ready while enabled, if any: a question only, asked after `catchUp`. */
  protected abstract nextWake(now: number): number | undefined;
  /**
   * Brings the source up to `now` before a poll or a decision on when to wake: what time alone ends (a message's
   * retention) ends here, so that `hasReady` and `nextWake` can answer without changing anything (hook).
   */
  protected catchUp(_now: number): void {}
  /** Whether there is nothing left for the mapping to do (drain's end, besides batches in flight). */
  protected abstract drained(): boolean;
  /** Something arrived at the source (hook). */
  protected arrivedHook(): void {}
  /** Called once when the mapping is deleted (its registration as the function's mapping of the source ends). */
  onDeleted: (() => void) | undefined;

  get state(): 'Enabled' | 'Disabled' | 'Deleted' {
    return this.current;
  }

  get batches(): readonly TBatch[] {
    return this.history.slice();
  }

  enable(): void {
    this.assertNotDeleted('enable');
    this.current = 'Enabled';
    this.arrived();
  }

  disable(): void {
    this.assertNotDeleted('disable');
    this.current = 'Disabled';
    this.arm();
  }

  delete(): void {
    if (this.current === 'Deleted') return;
    this.current = 'Deleted';
    this.arrivals.delete(this.onArrival);
    this.fn.disposeListeners.delete(this.onDispose);
    this.onDeleted?.();
    this.removeDispatcher();
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeAt = undefined;
  }

  /**
   * Runs the clock until the mapping has nothing left to do, and says what `counters` (the subclass's running totals,
   * named as its drain summary names them) gained meanwhile, and how much virtual time passed.
   */
  protected async runDrain<C extends Record<string, number>>(counters: C): Promise<C & { readonly virtualMs: number }> {
    this.assertNotDeleted('drain');
    const before = { ...counters };
    const t0 = this.clock.now();
    // A failure disables the mapping, so the clock goes idle and this ends.
    await this.clock.runUntil(() => this.failure !== undefined || (this.inFlight === 0 && (this.current !== 'Enabled' || this.drained())));
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
    const gained: Record<string, number> = {};
    for (const key in counters) gained[key] = counters[key]! - before[key]!;
    return { ...(gained as C), virtualMs: this.clock.now() - t0 };
  }

  protected assertNotDeleted(what: string): void {
    if (this.current === 'Deleted') throw new HarnessError('DISPOSED', `mapping.${what}(): this event source mapping was deleted; create a new one with createEventSourceMapping().`);
  }

  /** Starts (or re-evaluates) polling: after an arrival, an enable, or at creation. */
  protected arrived(): void {
    if (this.current !== 'Enabled') return;
    this.arrivedHook();
    this.arm();
    this.clock.kick();
  }

  private dispatch(): void {
    const now = this.clock.now();
    this.catchUp(now);
    this.poll(now);
    this.arm();
  }

  protected remember(batch: TBatch): void {
    this.history.push(batch);
    if (this.history.length > BATCHES_KEPT) this.history.shift();
  }

  /**
   * Invokes the function synchronously with a batch, as the poller does, and hands the outcome to `settle`. The batch
   * counts as in flight (and as the clock's work) until `settle` has run.
   */
  protected runBatch(event: unknown, settle: (outcome: BatchOutcome) => void): void {
    this.inFlight++;
    const running = this.invoke(event)
      .then(settle)
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.inFlight--;
        this.arm();
      });
    void this.clock.track(running);
  }

  private async invoke(event: unknown): Promise<BatchOutcome> {
    try {
      return { kind: 'ran', result: await this.fn.invoke(event, this.invokeOptions) };
    } catch (error) {
      if (!(error instanceof LambdaServiceError)) throw error;
      return { kind: 'refused', reason: error.statusCode === 429 ? 'throttled' : 'service-error', error };
    }
  }

  /** Counts a record the function sent to its own source; too many at one instant is a loop. */
  private countFeedback(): void {
    const now = this.clock.now();
    if (now !== this.feedbackAt) {
      this.feedbackAt = now;
      this.feedback = 0;
    }
    if (++this.feedback > LOOP_LIMIT) {
      this.feedback = 0;
      this.fail(
        new HarnessError(
          'INVALID_ARGUMENT',
          `mapping.drain(): the function sent ${LOOP_LIMIT} records to the source it reads at one virtual instant, a loop (AWS stops such loops after about 16 calls; not simulated). The mapping is now disabled.`,
        ),
      );
    }
  }

  /** Stops polling, and has the next drain() throw `error`. */
  private fail(error: unknown): void {
    this.failure ??= error;
    if (this.current === 'Enabled') this.current = 'Disabled';
  }

  /** Keeps one wake-up on the clock at the next instant something may become ready. */
  protected arm(): void {
    let next: number | undefined;
    if (this.current === 'Enabled') {
      const now = this.clock.now();
      this.catchUp(now);
      next = this.nextWake(now);
    }
    if (next === this.wakeAt) return;
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeAt = next;
    if (next !== undefined) {
      this.cancelWake = this.clock.schedule(next, () => {
        this.wakeAt = undefined;
        this.cancelWake = undefined;
        this.arm();
        this.clock.kick();
      });
    }
  }
}
