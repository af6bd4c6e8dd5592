import type { ClockRun, VirtualClock } from '../clock/virtual-clock.js';
import type { EnvScope } from './scope.js';

/**
 * A thawing environment's overdue timers, fired before the next event is handed to the handler: on Lambda the thawed
 * libuv loop runs its timers phase (each expired timer, then what it queued) before the poll phase receives the
 * event. Ends as soon as no timer is due at the current instant (time does not move on for it), at the deadline, or
 * when the environment's event loop is empty. A timer that throws crashes the runtime as any uncaught exception does.
 * @example
 * if (timers.thawTo(clock.preciseNow())) await new ThawRun(runtime, deadline, clock).start();
 */
export class ThawRun implements ClockRun {
  finished = false;
  timersFired = 0;
  readonly untilCaughtUp = true;
  private resolve!: () => void;
  private readonly done = new Promise<void>((resolve) => {
    this.resolve = resolve;
  });

  constructor(
    readonly scope: EnvScope,
    readonly deadline: number,
    private readonly clock: VirtualClock,
  ) {}

  /** Lets the clock fire the due timers; resolves when they (and what they queued) have run. */
  start(): Promise<void> {
    this.clock.startRun(this);
    return this.done;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.clock.endRun(this);
    this.resolve();
  }

  onCaughtUp(): void {
    this.finish();
  }

  onTimeout(): void {
    this.finish();
  }

  onDrain(): void {
    this.finish();
  }

  onUncaught(error: unknown): void {
    this.scope.crash('uncaughtException', error);
    // The crash reset the runtime (its timers are gone) unless the environment was shut down meanwhile: done either way.
    this.finish();
  }
}
