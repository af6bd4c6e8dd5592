import type { EnvTimers } from '../clock/env-timers.js';
import type { LogLevel } from '../logs/format.js';
import type { LogSink } from '../logs/sink.js';
import type { AnyHandler } from '../handler/load.js';
import { createIoState, type CrashKind, type EnvScope, type IoState } from '../runtime/scope.js';
import { forgetIo } from '../runtime/io-tracker.js';

/**
 * One Node.js runtime process inside an execution environment: what a reset throws away. Its module state (the
 * loaded handler), its timers, its `process.env` and its pending I/O die with it, while the environment (log
 * stream, `/tmp`) lives on. Code of a dead runtime that still runs in the test process (a promise chain resumed by
 * real I/O after a timeout) is cut off: its timers never fire, its logs and crashes are dropped.
 */
export class RuntimeInstance implements EnvScope {
  readonly io: IoState = createIoState();
  handler: AnyHandler | undefined;
  /** The sink console lines go to now (the running invocation or init). */
  sink: LogSink | undefined;
  /** The last sink, for lines written by work that outlives its invocation while the environment is frozen. */
  lastSink: LogSink | undefined;
  dead = false;
  /** Virtual now of this runtime (real now with `clock: 'real'`), bound once for the contexts it hands out. */
  readonly now: () => number;

  constructor(
    readonly timers: EnvTimers | null,
    readonly processEnv: Record<string, string | undefined>,
    private readonly onCrash: (runtime: RuntimeInstance, kind: CrashKind, detail: unknown) => void,
  ) {
    this.now = timers ? () => timers.now() : () => Date.now();
  }

  log(level: LogLevel, args: unknown[]): void {
    if (this.dead) return;
    const sink = this.sink ?? this.lastSink;
    sink?.console(this.now(), level, args);
  }

  write(text: string): void {
    if (this.dead) return;
    (this.sink ?? this.lastSink)?.push(text);
  }

  crash(kind: CrashKind, detail: unknown): void {
    if (this.dead) return;
    this.onCrash(this, kind, detail);
  }

  /** Ends this runtime: pending timers dropped, I/O forgotten. */
  kill(): void {
    if (this.dead) return;
    this.dead = true;
    this.timers?.clearAll();
    forgetIo(this.io);
    this.handler = undefined;
  }
}
