import type { ClockRun, VirtualClock } from '../clock/virtual-clock.js';
import { outsideScope, scopeStorage, type CrashKind, type EnvScope } from './scope.js';
import type { ChunkListener, ResponseStream, StreamedResponse } from './response-stream.js';

/** How a run of simulated code ended, before it is turned into an AWS-shaped result. */
export type RunOutcome =
  /**
   * The runtime posted a response: its JSON text (`undefined` when `JSON.stringify` gives none, e.g. for a
   * function), or `unserialisable` when it threw (a cycle, a BigInt).
   */
  | { kind: 'response'; json: string | undefined; unserialisable?: true }
  /**
   * A streaming handler's response, complete; `lateError` when the handler failed after ending its stream (the runtime
   * only logs it: the response has gone); `tooLarge`, the limit, when it wrote more than that (the response was cut
   * there).
   */
  | { kind: 'stream'; stream: StreamedResponse; lateError?: { error: unknown }; tooLarge?: number }
  /**
   * The runtime posted an error raised by user code (formatted later, per runtime). The failures of a streaming
   * handler carry what it had streamed by then (`stream`).
   */
  | { kind: 'error'; error: unknown; stream?: StreamedResponse }
  /** The function exceeded its deadline. */
  | { kind: 'timeout'; stream?: StreamedResponse }
  /** The runtime went down: uncaught exception, unhandled rejection, `process.exit`. */
  | { kind: 'crash'; crash: CrashKind; detail: unknown; stream?: StreamedResponse };

/**
 * One run of simulated code (an init or an invocation) on the clock: it finishes exactly once, by whichever comes
 * first — the runtime's completion, the deadline, a crash, or the event loop draining.
 */
export class HandlerRun implements ClockRun {
  finished = false;
  timersFired = 0;
  /** What to do when the environment's event loop drains (set by the handler-style driver). */
  drainAction: (() => void) | undefined;
  /** Set for a thaw: the run only lets the environment fire its overdue timers, and ends once they have run. */
  onCaughtUp: (() => void) | undefined;
  /** Takes the outcome: a promise's resolve (`start`), or the caller's callback (`startThen`). */
  private settle: ((outcome: RunOutcome) => void) | undefined;

  constructor(
    readonly scope: EnvScope,
    readonly deadline: number,
    private readonly clock: VirtualClock,
  ) {}

  /** Starts driving the run on the clock and calls `body` inside the environment's scope. */
  start(body: (run: HandlerRun) => void): Promise<RunOutcome> {
    const outcome = new Promise<RunOutcome>((resolve) => {
      this.settle = resolve;
    });
    this.begin(body);
    return outcome;
  }

  /**
   * Like `start`, but hands the outcome to `onFinish` as the run finishes, outside the environment's scope, instead of
   * through a promise: the warm invocation path saves a promise and a reaction (each costs an async-hooks call on
   * Node 20).
   */
  startThen(body: (run: HandlerRun) => void, onFinish: (outcome: RunOutcome) => void): void {
    this.settle = (outcome) => outsideScope(() => onFinish(outcome));
    this.begin(body);
  }

  private begin(body: (run: HandlerRun) => void): void {
    this.clock.startRun(this);
    try {
      scopeStorage.run(this.scope, () => body(this));
    } catch (error) {
      this.finish({ kind: 'error', error });
    }
  }

  /** A streaming handler's response stream, so that a timeout or a crash reports what it had written. */
  stream: ResponseStream | undefined;
  /** Where a streaming handler's chunks go as they are written, if the caller reads them as a stream. */
  streamListener: ChunkListener | undefined;

  finish(outcome: RunOutcome): void {
    if (this.finished) return;
    this.finished = true;
    this.clock.endRun(this);
    // A streaming handler's failures (an error, a timeout, a crash) carry what it had written by then.
    if (this.stream !== undefined && outcome.kind !== 'stream' && outcome.kind !== 'response') {
      outcome = { ...outcome, stream: this.stream.response() };
    }
    this.settle!(outcome);
  }

  /**
   * Finishes with a response as the runtime interface client posts it: serialised where it runs, inside the
   * environment (so that a handler returning its own `process.env`, or an object whose getters read it, responds with
   * the function's values), and only if the run is still going (a late result is never serialised).
   */
  respond(value: unknown): void {
    if (this.finished) return;
    // Already inside the scope on the promise path; the drain path is called from the scheduler, outside it.
    this.finish(scopeStorage.getStore() === this.scope ? responseOutcome(value) : scopeStorage.run(this.scope, () => responseOutcome(value)));
  }

  /** Finishes with what the streaming handler wrote (`this.stream`), if the run is still going. */
  respondStream(lateError?: { error: unknown }): void {
    if (this.finished) return;
    const written = this.stream!;
    const stream = written.response();
    this.finish({ kind: 'stream', stream, ...(lateError ? { lateError } : {}), ...(written.exceeded ? { tooLarge: written.limit } : {}) });
  }

  /**
   * What an empty event loop means here: Node exits with 13, the status of a top-level await left unsettled (the
   * handler's promise never settled, or init never finished) [INFERRED for nodejs24.x].
   */
  exitOnDrain(): void {
    this.drainAction = () => this.finish({ kind: 'crash', crash: 'exit', detail: 13 });
  }

  onTimeout(): void {
    this.finish({ kind: 'timeout' });
  }

  onDrain(): void {
    const action = this.drainAction;
    this.drainAction = undefined;
    if (action) action();
  }

  onUncaught(error: unknown): void {
    this.scope.crash('uncaughtException', error);
  }
}

/** The outcome of a response: its JSON text, or `unserialisable` when `JSON.stringify` threw (a cycle, a BigInt). */
function responseOutcome(value: unknown): RunOutcome {
  try {
    return { kind: 'response', json: JSON.stringify(value === undefined ? null : value) };
  } catch {
    return { kind: 'response', json: undefined, unserialisable: true };
  }
}
