import { AsyncLocalStorage } from 'node:async_hooks';
import type { EnvTimers } from '../clock/env-timers.js';
import type { LogLevel } from '../logs/format.js';

/**
 * What code running inside a simulated execution environment is attached to. The store of one
 * AsyncLocalStorage: everything the handler starts (promises, timers, sockets) inherits it, which is how
 * the global shims know whose clock, console and `process.env` to use, even when invocations interleave.
 */
export interface EnvScope {
  /** The environment's timers on the virtual clock, or `null` for `clock: 'real'`. */
  readonly timers: EnvTimers | null;
  /** The environment's `process.env` (Lambda's variables over the host's). */
  readonly processEnv: Record<string, string | undefined>;
  /**
   * The runtime's `awslambda` global (`streamifyResponse`, `HttpResponseStream`), or undefined where the function opts
   * out of it. Assignable, like any global.
   */
  awslambda: unknown;
  /** Where `console.*` of this environment goes (the current invocation, or init). */
  log(level: LogLevel, args: unknown[]): void;
  /** Raw writes to `process.stdout`/`process.stderr`: Lambda logs them as they are, without a prefix. */
  write(text: string): void;
  /** Real I/O the environment started: the clock must not jump while it is pending. */
  readonly io: IoState;
  /**
   * Code of this environment raised an uncaught exception, left a rejection unhandled, or called
   * `process.exit` — what the Node runtime turns into an invocation error and a reset.
   */
  crash(kind: CrashKind, detail: unknown): void;
}

/** How simulated code brought its runtime down. */
export type CrashKind = 'uncaughtException' | 'unhandledRejection' | 'exit' | 'oom';

/**
 * Thrown by the `process.exit` shim inside a simulated environment, to unwind the handler's stack instead of
 * ending the test process. The harness reports it as Lambda does (`Runtime.ExitError`).
 */
export class ProcessExitSignal extends Error {
  override readonly name = 'ProcessExitSignal';
  constructor(readonly exitCode: number) {
    super(`process.exit(${exitCode}) called inside a simulated Lambda environment`);
  }
}

/** A libuv handle or real Node timer as async_hooks hands it over. */
export interface TrackedHandle {
  hasRef(): boolean;
  _destroyed?: boolean;
}

/** Outstanding real work of one environment, maintained by the async-hooks tracker. */
export interface IoState {
  /** Handles (sockets, servers, real timers) created in the environment; pending while ref'd and open. */
  handles: WeakRef<TrackedHandle>[];
  /** Async ids of thread-pool requests (crypto, zlib) not yet destroyed. */
  requests: Set<number>;
  /** Lowercased types of libuv requests (fs, dns, connect...) started since they were last seen all done. */
  listedRequests: Set<string>;
  /** Harness-internal waits (e.g. a nested `fn.invoke` from inside a handler): not I/O, but not idle either. */
  waits: number;
}

/** The one store. Created lazily-free: constructing an AsyncLocalStorage has no global effect. */
export const scopeStorage = new AsyncLocalStorage<EnvScope>();

/**
 * Runs `fn` outside any simulated environment (the harness's own timers and threads). `run(undefined)` rather than
 * `exit()`: on Node 20, `exit()` disables and re-enables the storage's async hooks on every call, which costs far
 * more than the scheduler turn it wraps.
 */
export function outsideScope<T>(fn: () => T): T {
  return scopeStorage.run(undefined as unknown as EnvScope, fn);
}

/** The scope of the code running now, if it belongs to a simulated environment. */
export function currentScope(): EnvScope | undefined {
  return scopeStorage.getStore();
}

/** A fresh, empty I/O state. */
export function createIoState(): IoState {
  return { handles: [], requests: new Set(), listedRequests: new Set(), waits: 0 };
}

/** True when the environment is waiting on real I/O (so virtual time must flow with real time, not jump). */
export function hasPendingIo(io: IoState): boolean {
  if (io.requests.size > 0) return true;
  if (io.listedRequests.size > 0) {
    // Requests are transient: one of a type this environment started may still be in flight while the process
    // lists any request of that type (conservative: another's request only delays a jump, never causes one).
    const active = new Set(process.getActiveResourcesInfo().map((name) => name.toLowerCase()));
    for (const type of io.listedRequests) if (!active.has(type)) io.listedRequests.delete(type);
    if (io.listedRequests.size > 0) return true;
  }
  if (io.handles.length === 0) return false;
  let pending = false;
  // Weak references let closed sockets be collected; dead and destroyed entries are dropped as we go.
  io.handles = io.handles.filter((ref) => {
    const h = ref.deref();
    if (h === undefined || h._destroyed === true) return false;
    try {
      if (h.hasRef()) pending = true;
    } catch {
      return false;
    }
    return true;
  });
  return pending;
}
