import type { HandlerDriver } from '../runtime/call-handler.js';
import type { EnvTimers } from '../clock/env-timers.js';
import type { LogLevel } from '../logs/format.js';
import type { LogSink } from '../logs/sink.js';
import type { AnyHandler } from '../handler/load.js';
import { createIoState, type CrashKind, type EnvScope, type IoState } from '../runtime/scope.js';
import { forgetIo } from '../runtime/io-tracker.js';
import { awslambdaGlobal } from '../runtime/response-stream.js';

/**
 * One Node.js runtime process inside an execution environment: what a reset throws away. Its module state (the
 * loaded handler), its timers, its `process.env` and its pending I/O die with it, while the environment (log
 * stream, `/tmp`) lives on. Code of a dead runtime that still runs in the test process (a promise chain resumed by
 * real I/O after a timeout) is cut off: its timers never fire, its logs and crashes are dropped.
 */
export class RuntimeInstance implements EnvScope {
  readonly io: IoState = createIoState();
  handler: AnyHandler | undefined;
  /** How its invocations call the handler, decided when it was loaded (streaming or not). */
  driver: HandlerDriver | undefined;
  /** The sink console lines go to now (the running invocation or init). */
  sink: LogSink | undefined;
  /** The last sink, for lines written by work that outlives its invocation while the environment is frozen. */
  lastSink: LogSink | undefined;
  dead = false;
  awslambda: unknown;
  /** Virtual now of this runtime (real now with `clock: 'real'`), bound once for the contexts it hands out. */
  readonly now: () => number;
  /** The current invocation's X-Ray trace header, rendered when first read (`_X_AMZN_TRACE_ID`, `xRayTraceId`). */
  private trace: { requestId: string; at: number; value: string | undefined } | undefined;

  constructor(
    readonly timers: EnvTimers | null,
    readonly processEnv: Record<string, string | undefined>,
    private readonly onCrash: (runtime: RuntimeInstance, kind: CrashKind, detail: unknown) => void,
  ) {
    this.now = timers ? () => timers.now() : () => Date.now();
    this.awslambda = awslambdaGlobal(processEnv);
    // Per invocation, only the inputs change; the header is built if the handler or an SDK reads it.
    Object.defineProperty(processEnv, '_X_AMZN_TRACE_ID', {
      get: () => this.traceId(),
      set: (value: string | undefined) => {
        if (this.trace) this.trace.value = value;
      },
      enumerable: true,
      configurable: true,
    });
  }

  /** Starts a new invocation's trace (lazily rendered). */
  beginTrace(requestId: string, at: number): void {
    if (this.trace === undefined) this.trace = { requestId, at, value: undefined };
    else {
      this.trace.requestId = requestId;
      this.trace.at = at;
      this.trace.value = undefined;
    }
  }

  /** The current invocation's trace header, `Root=1-<epoch s hex>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
  traceId(): string | undefined {
    const trace = this.trace;
    if (trace === undefined) return undefined;
    trace.value ??= traceHeader(trace.requestId, trace.at);
    return trace.value;
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
    this.driver = undefined;
  }
}

/**
 * The X-Ray trace header of an invocation, derived from its (seeded) request id so that it costs no extra random
 * draws.
 */
function traceHeader(requestId: string, now: number): string {
  // requestId is 8-4-4-4-12 hex: take its 32 digits without building an intermediate string.
  const root = requestId.slice(0, 8) + requestId.slice(9, 13) + requestId.slice(14, 18) + requestId.slice(19, 23) + requestId.slice(24, 28);
  return `Root=1-${Math.floor(now / 1000).toString(16).padStart(8, '0')}-${root};Parent=${requestId.slice(20, 36).replace('-', '0')};Sampled=0`;
}
