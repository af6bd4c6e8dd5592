import { createHash } from 'node:crypto';
import { mkdirSync, rm } from 'node:fs';
import path from 'node:path';
import type { ClientContext, CognitoIdentity } from 'aws-lambda';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { buildContext, type ContextControls, type LambdaContext } from '../context/context.js';
import { loadHandler, type AnyHandler } from '../handler/load.js';
import { resolveHandler, type HandlerParse } from '../handler/resolve.js';
import type { Random } from '../internal/random.js';
import { exceedsBytes, LIMITS } from '../limits/limits.js';
import {
  endLine,
  formatErrorForLog,
  initStartLine,
  initTimeoutReport,
  jsonInitStartLine,
  jsonReportLine,
  jsonStartLine,
  reportLine,
  startLine,
  timeoutLine,
  type ReportFigures,
} from '../logs/format.js';
import { LogSink } from '../logs/sink.js';
import { prepareHandler } from '../runtime/call-handler.js';
import {
  exitPayload,
  JSONStringifyError,
  responseTooLargePayload,
  timeoutPayload,
  toErrorPayload,
  UnhandledPromiseRejection,
  type ErrorPayload,
} from '../runtime/error-payload.js';
import { HandlerRun, type RunOutcome } from '../runtime/handler-run.js';
import type { ChunkListener, StreamedResponse } from '../runtime/response-stream.js';
import type { CrashKind, EnvScope } from '../runtime/scope.js';
import type { ResolvedOptions } from './options.js';
import type { InvocationResult } from './result.js';
import { InvocationRecord } from './invocation-record.js';
import { RuntimeInstance } from './runtime-instance.js';

/** On-demand init is limited to 10 s (spec §4); past it the init is retried inside the invoke phase. */
const INIT_TIMEOUT_MS = 10_000;
/**
 * `Max Memory Used` in module isolation: the harness shares one process with the test runner, so it cannot
 * measure one environment; it reports a typical empty Node.js runtime, capped at the memory size. Worker isolation
 * measures it. Documented as an estimate.
 */
const ESTIMATED_MEMORY_MB = 65;

/**
 * Public view of one execution environment.
 * @example
 * await fn.invoke({});
 * fn.environments[0]?.invocationCount; // 1
 */
export interface EnvironmentInfo {
  readonly id: string;
  readonly state: 'idle' | 'busy' | 'shutdown';
  /** Virtual epoch ms of creation and of the end of the last invocation. */
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly invocationCount: number;
  readonly logStreamName: string;
  readonly initializationType: 'on-demand' | 'provisioned-concurrency';
  /** The function version it runs: `$LATEST` or a published number. */
  readonly version: string;
  /**
   * Why it was shut down, once it has been: `idle-expired`, `lifetime-expired`, `disposed`, `function-updated`
   * (`$LATEST` changed: its environments are not used again), `provisioning-changed` (provisioned concurrency was
   * lowered, deleted, or moved with its alias), or `provisioning-failed` (a provisioned environment whose init failed).
   */
  readonly endReason: string | undefined;
  /** The environment's own `/tmp` (also its `TMPDIR`): it survives runtime resets, not shutdown. */
  readonly tmpDir: string;
}

/**
 * What the function hands an environment for one invocation. A class, not an object literal: a failed invocation's
 * error keeps its stack frames (and so this request) reachable from `fn.invocations`, and V8 would start allocating a
 * literal that survives like that straight in the old generation, where dead ones keep the young event alive (see
 * buildContext).
 */
export class InvokeRequest {
  constructor(
    readonly requestId: string,
    /** The JSON round-trip copy of the event. */
    readonly event: unknown,
    readonly invokedFunctionArn: string,
    readonly clientContext: ClientContext | undefined,
    readonly identity: CognitoIdentity | undefined,
    readonly tenantId: string | undefined,
    readonly logTail: boolean,
  ) {}

  /**
   * Set when the caller reads the response as a stream: told of each chunk a streaming handler writes, as it is
   * written; such a response may reach 200 MB, not 6 MB. Never sent to a worker (see WorkerEnvironment).
   */
  streamListener: ChunkListener | undefined = undefined;
}

/** Shared, per-function things an environment needs. */
export interface FunctionInternals {
  readonly options: ResolvedOptions;
  /** The version these options are: `$LATEST` or a published number (every environment runs exactly one). */
  readonly version: string;
  readonly clock: VirtualClock;
  /** True for `clock: 'real'`: handlers see real timers and Date. */
  readonly realTime: boolean;
  readonly random: Random;
  /** `process.env` of the host when the function was created; environments layer Lambda's variables over it. */
  readonly hostEnv: Readonly<Record<string, string | undefined>>;
  readonly echo: ((line: string) => void) | undefined;
  /** Directory under which each environment gets its own `/tmp`. */
  readonly tmpRoot: string;
  /** A real measurement of the environment's memory in MB (worker isolation), else the module-mode estimate. */
  readonly measureMemoryMB?: () => number;
  /** The handler string resolved once when the function was created (resolution reads the file system). */
  readonly handlerParse?: HandlerParse;
  /** Called when an invocation's handler is about to run (after any init): worker isolation arms its watchdog. */
  readonly onHandlerStart?: () => void;
  /** Virtual epoch ms of the last change to this code and configuration (created, updated or published): `LastModified`. */
  readonly modifiedAt?: number;
}

/** An environment's identity, when it was decided elsewhere (the worker side of worker isolation). */
export interface EnvironmentIdentity {
  readonly id: string;
  readonly createdAt: number;
  readonly idleTimeoutMs: number;
  readonly maxLifetimeMs: number;
  readonly tmpDir: string;
}


/**
 * One execution environment: a sandbox with its own log stream and runtime process. Runs one invocation at a time;
 * initialises on its first invocation (cold start) and again after its runtime was reset by a timeout or crash.
 */
export class ExecutionEnvironment {
  readonly id: string;
  readonly logStreamName: string;
  readonly createdAt: number;
  lastUsedAt: number;
  invocationCount = 0;
  state: 'idle' | 'busy' | 'shutdown' = 'idle';
  endReason: string | undefined;
  private runtime: RuntimeInstance;
  /** The invocation whose code runs now (crashes are reported to it). */
  private current: HandlerRun | undefined;
  /** Set when the runtime was reset: the next init counts against the invocation's timeout ("suppressed init"). */
  private wasReset = false;
  /** How long this environment may stay idle, and live, before Lambda would reclaim it. */
  readonly idleTimeoutMs: number;
  readonly maxLifetimeMs: number;
  readonly tmpDir: string;

  constructor(
    protected readonly fn: FunctionInternals,
    readonly initializationType: 'on-demand' | 'provisioned-concurrency' = 'on-demand',
    identity?: EnvironmentIdentity,
  ) {
    const now = identity?.createdAt ?? fn.clock.now();
    const hex = identity?.id ?? fn.random.hex(32);
    this.id = hex;
    this.createdAt = now;
    this.lastUsedAt = now;
    const d = new Date(now).toISOString();
    this.logStreamName = `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/[${fn.version}]${hex}`;
    const o = fn.options;
    // Observed on Lambda: reclaimed after a bit over 10 idle minutes, recycled every few hours even when busy.
    this.idleTimeoutMs = identity?.idleTimeoutMs ?? o.idleTimeoutMs ?? 600_000 + fn.random.int(300_001);
    this.maxLifetimeMs = identity?.maxLifetimeMs ?? o.maxLifetimeMs ?? 7_200_000 + fn.random.int(7_200_001);
    this.tmpDir = identity?.tmpDir ?? path.join(fn.tmpRoot, hex);
    // The directory is created on first use (os.tmpdir(), process.env.TMPDIR): most handlers never touch /tmp,
    // and creating and removing a directory costs more than the rest of a cold start.
    this.runtime = this.newRuntime();
  }

  /** Whether this environment runs this code and configuration (a version, or `$LATEST` as it is now). */
  runs(config: FunctionInternals): boolean {
    return this.fn === config;
  }

  /** The identity of this environment, to recreate it elsewhere (worker isolation). */
  identity(): EnvironmentIdentity {
    return { id: this.id, createdAt: this.createdAt, idleTimeoutMs: this.idleTimeoutMs, maxLifetimeMs: this.maxLifetimeMs, tmpDir: this.tmpDir };
  }

  /** A snapshot for `fn.environments`. */
  info(): EnvironmentInfo {
    return {
      id: this.id,
      state: this.state,
      createdAt: this.createdAt,
      lastUsedAt: this.lastUsedAt,
      invocationCount: this.invocationCount,
      logStreamName: this.logStreamName,
      initializationType: this.initializationType,
      version: this.fn.version,
      endReason: this.endReason,
      tmpDir: this.tmpDir,
    };
  }

  private newRuntime(): RuntimeInstance {
    const o = this.fn.options;
    // The host's variables sit on the prototype (no copy per runtime); Lambda's and the function's are own properties.
    const env = Object.assign(Object.create(this.fn.hostEnv) as Record<string, string | undefined>, {
      AWS_LAMBDA_FUNCTION_NAME: o.name,
      AWS_LAMBDA_FUNCTION_VERSION: this.fn.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(o.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${o.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: this.logStreamName,
      AWS_LAMBDA_INITIALIZATION_TYPE: this.initializationType,
      // Addresses as recorded on nodejs22.x (node-context-and-env, 2026): the Runtime API and the X-Ray daemon.
      AWS_LAMBDA_RUNTIME_API: '169.254.100.1:9001',
      AWS_REGION: o.region,
      AWS_DEFAULT_REGION: o.region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${o.runtime.name}`,
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      AWS_XRAY_DAEMON_ADDRESS: '169.254.100.1:2000',
      _AWS_XRAY_DAEMON_ADDRESS: '169.254.100.1',
      _AWS_XRAY_DAEMON_PORT: '2000',
      _HANDLER: o.handlerName,
      LAMBDA_TASK_ROOT: o.root,
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      LANG: 'en_US.UTF-8',
      SHLVL: '0',
      TZ: ':UTC',
    });
    // os.tmpdir() reads these: each environment writes to its own directory, which persists across resets. Lambda
    // sets none of them, so they are readable but not listed (a handler serialising process.env sees Lambda's keys).
    for (const name of ['TMPDIR', 'TMP', 'TEMP']) {
      Object.defineProperty(env, name, {
        get: () => this.ensureTmpDir(),
        set: (value: string | undefined) => Object.defineProperty(env, name, { value, writable: true, enumerable: true, configurable: true }),
        enumerable: false,
        configurable: true,
      });
    }
    // Lambda hands every function its execution role's credentials; give fake ones (never real) unless the host
    // already provides some, so SDK clients construct without further setup.
    if (env['AWS_ACCESS_KEY_ID'] === undefined && env['AWS_PROFILE'] === undefined) {
      env['AWS_ACCESS_KEY_ID'] = 'ASIALAMBDAHARNESSFAKE';
      env['AWS_SECRET_ACCESS_KEY'] = 'lambda-harness-fake-secret-access-key';
      env['AWS_SESSION_TOKEN'] = 'lambda-harness-fake-session-token';
    }
    if (o.logFormat === 'JSON') {
      env['AWS_LAMBDA_LOG_FORMAT'] = 'JSON';
      env['AWS_LAMBDA_LOG_LEVEL'] = o.logLevel;
    }
    Object.assign(env, o.environment);
    const timers = this.fn.realTime ? null : this.fn.clock.createEnvTimers();
    return new RuntimeInstance(timers, env, (rt, kind, detail) => this.onCrash(rt, kind, detail));
  }

  private onCrash(runtime: RuntimeInstance, kind: CrashKind, detail: unknown): void {
    if (runtime !== this.runtime) return;
    if (kind === 'uncaughtException') runtime.log('ERROR', ['Uncaught Exception', formatErrorForLog(detail)]);
    if (kind === 'unhandledRejection') {
      const err = new UnhandledPromiseRejection(detail as string);
      runtime.log('ERROR', ['Unhandled Promise Rejection', formatErrorForLog(err)]);
    }
    if (this.current && !this.current.finished) this.current.finish({ kind: 'crash', crash: kind, detail });
    else this.resetRuntime();
  }

  /** Throws the runtime away (module state, timers, env); `/tmp` and the log stream stay. */
  protected resetRuntime(): void {
    this.runtime.kill();
    this.runtime = this.newRuntime();
    this.wasReset = true;
  }

  /** Whether this environment's /tmp directory exists (it is made on first use). */
  protected tmpDirMade = false;

  /** Creates the environment's /tmp on first use and returns its path. */
  ensureTmpDir(): string {
    if (!this.tmpDirMade) {
      mkdirSync(this.tmpDir, { recursive: true });
      this.tmpDirMade = true;
    }
    return this.tmpDir;
  }

  /** Whether `scope` (the code running now) is this environment's runtime. */
  hosts(scope: EnvScope): boolean {
    return this.runtime === scope;
  }

  /** Shuts the environment down for good. */
  shutdown(reason: string): void {
    if (this.state === 'shutdown') return;
    this.runtime.kill();
    this.state = 'shutdown';
    this.endReason = reason;
    // In the background, like Lambda reclaiming a sandbox: the next invocation does not wait for it.
    if (this.tmpDirMade) rm(this.tmpDir, { recursive: true, force: true }, () => undefined);
  }

  /** Whether Lambda would have reclaimed this idle environment by `now`, and why. */
  expiry(now: number): 'idle-expired' | 'lifetime-expired' | undefined {
    if (this.initializationType === 'provisioned-concurrency') return undefined;
    if (now - this.lastUsedAt >= this.idleTimeoutMs) return 'idle-expired';
    if (now - this.createdAt >= this.maxLifetimeMs) return 'lifetime-expired';
    return undefined;
  }

  /**
   * A result for an invocation whose runtime could not report one (worker isolation: the thread ran out of memory,
   * exited, or hung in synchronous code): the platform's error, its log lines, and a reset.
   */
  protected failWithoutRunning(req: InvokeRequest, outcome: RunOutcome, start: number, end: number): InvocationResult {
    return this.finishInvocation(req, outcome, {
      coldStart: false,
      initStart: '',
      initText: '',
      initDurationMs: undefined,
      start,
      end,
      sink: this.sink(req.requestId, req.tenantId),
      runtime: this.runtime,
    });
  }

  /**
   * Initialises ahead of any invocation (provisioned concurrency); resolves with whether init succeeded. As on
   * Lambda, init output belongs to the log stream, not to any invocation's logs.
   */
  async prewarm(): Promise<boolean> {
    const sink = this.sink(undefined);
    const now = this.fn.clock.now();
    // Provisioned concurrency allows the larger of 130 s and the function timeout for init (spec §4).
    const outcome = await this.init(this.runtime, now + Math.max(130_000, this.fn.options.timeoutMs), sink);
    return outcome === undefined;
  }

  protected sink(requestId: string | undefined, tenantId?: string): LogSink {
    const o = this.fn.options;
    return new LogSink(requestId, o.logFormat, o.logLevel, this.fn.echo, tenantId);
  }

  /** Loads the handler in the runtime, within `deadline`. Resolves to undefined on success, else the outcome. */
  private async init(runtime: RuntimeInstance, deadline: number, sink: LogSink): Promise<RunOutcome | undefined> {
    const o = this.fn.options;
    const run = new HandlerRun(runtime, deadline, this.fn.clock);
    runtime.sink = sink;
    runtime.lastSink = sink;
    this.current = run;
    const generation = ++generations;
    const source = o.handler;
    const outcome = await run.start((r) => {
      // An init that leaves nothing to wait for with its promise unsettled is Node exiting on an unsettled
      // top-level await (exit code 13).
      r.exitOnDrain();
      let loading: Promise<AnyHandler>;
      if (typeof source === 'function') {
        loading = Promise.resolve(source as AnyHandler);
      } else if (typeof source === 'string') {
        const parsed = this.fn.handlerParse ?? resolveHandler(source, o.root);
        loading = parsed.ok ? loadHandler(parsed.location, o.root, generation) : Promise.reject(parsed.error);
      } else {
        loading = Promise.resolve().then(() => source.init() as AnyHandler);
      }
      loading.then(
        (handler) => {
          if (typeof handler !== 'function') {
            r.finish({ kind: 'error', error: new TypeError(`init() must return the handler function (got ${typeof handler})`) });
            return;
          }
          const driver = prepareHandler(handler, o.runtime);
          if (driver instanceof Error) {
            r.finish({ kind: 'error', error: driver });
            return;
          }
          runtime.handler = handler;
          runtime.driver = driver;
          r.finish({ kind: 'response', json: undefined });
        },
        (error: unknown) => r.finish({ kind: 'error', error }),
      );
    });
    this.current = undefined;
    return outcome.kind === 'response' ? undefined : outcome;
  }

  /**
   * Runs one invocation on this environment. The caller has marked it busy; `onSettled` (the function's bookkeeping:
   * history, releasing the environment) sees the result, or undefined when the harness itself failed, just before the
   * returned promise settles.
   */
  invoke(req: InvokeRequest, onSettled: OnSettled = ignore): Promise<InvocationResult> {
    const clock = this.fn.clock;
    this.invocationCount++;
    const runtime = this.runtime;
    const invokeSink = this.sink(req.requestId, req.tenantId);
    runtime.sink = invokeSink;
    runtime.lastSink = invokeSink;
    // Thaw: timers that fell due while the environment was frozen fire once now, in this invocation's context and
    // before its handler, each followed by what it queued — a thawed libuv loop runs its timers phase before its poll
    // phase delivers the event. A run with no body does that: the clock fires the timers and ends it once none is
    // due (or the loop is empty). One that throws crashes the runtime as any uncaught exception does (the crash resets
    // it, which clears its timers); the invocation then runs on a fresh runtime, re-initialised inside its invoke
    // phase. [UNCERTAIN] the spec is silent; on Lambda the exit may instead fail this invocation with Runtime.ExitError.
    if (runtime.timers?.thawTo(clock.preciseNow())) {
      const thaw = new HandlerRun(runtime, clock.preciseNow() + this.fn.options.timeoutMs, clock);
      // The scheduler ends a thaw when no timer fired in a turn (`onCaughtUp`), before it would ever see it drained.
      thaw.onCaughtUp = () => thaw.finish({ kind: 'response', json: undefined });
      return thaw.start(() => undefined).then(() => this.invokeThawed(req, invokeSink, onSettled));
    }
    return this.invokeThawed(req, invokeSink, onSettled);
  }

  /** Runs one invocation on this environment once it has thawed. */
  private invokeThawed(req: InvokeRequest, invokeSink: LogSink, onSettled: OnSettled): Promise<InvocationResult> {
    const clock = this.fn.clock;
    const runtime = this.runtime;
    if (runtime.handler === undefined) return settling(this.invokeCold(req, invokeSink), onSettled);
    // Warm: the run hands its outcome straight to a callback — no async function, no promise between the handler's
    // and the caller's. This is the path property tests run thousands of times.
    return new Promise((resolve, reject) => {
      let start = 0;
      const deliver = (outcome: RunOutcome, end: number): void => {
        let result: InvocationResult;
        try {
          result = this.finishInvocation(req, outcome, { coldStart: false, initStart: '', initText: '', initDurationMs: undefined, start, end, sink: invokeSink, runtime });
        } catch (error) {
          onSettled(undefined);
          reject(error);
          return;
        }
        onSettled(result);
        resolve(result);
      };
      // A handler that completes synchronously (context.succeed, a sync callback) must not release its environment
      // within the invoke() call: invocations started together overlap, whatever their handlers do.
      let starting = true;
      try {
        start = this.beginInvokePhase(req, runtime);
        this.runHandler(req, runtime, start, (outcome) => {
          const end = clock.preciseNow();
          if (starting) queueMicrotask(() => deliver(outcome, end));
          else deliver(outcome, end);
        });
      } catch (error) {
        onSettled(undefined);
        reject(error);
      }
      starting = false;
    });
  }

  /** An invocation that must initialise first: a cold start, or the first one after a reset. */
  private async invokeCold(req: InvokeRequest, invokeSink: LogSink): Promise<InvocationResult> {
    const clock = this.fn.clock;
    let runtime = this.runtime;
    const suppressed = this.wasReset;
    let initDurationMs: number | undefined;
    let outcome: RunOutcome | undefined;
    let initText = '';
    let initStart = '';

    if (!suppressed) {
      const initSink = this.sink(undefined);
      const t0 = clock.preciseNow();
      initStart = this.initStartLine(t0);
      this.fn.echo?.(initStart);
      outcome = await this.init(runtime, t0 + INIT_TIMEOUT_MS, initSink);
      initDurationMs = clock.preciseNow() - t0;
      if (outcome?.kind === 'timeout') {
        initSink.push(initTimeoutReport(initDurationMs, this.fn.options.logFormat === 'JSON', clock.preciseNow(), this.initializationType));
        this.resetRuntime();
        runtime = this.runtime;
        outcome = undefined;
      }
      initText = initSink.text();
    }

    // The invocation's own sink again: init wrote to its own, or the runtime was reset.
    runtime.sink = invokeSink;
    runtime.lastSink = invokeSink;
    const start = this.beginInvokePhase(req, runtime);
    if (outcome === undefined && runtime.handler === undefined) {
      // Re-initialise inside the invoke phase (its output is the invocation's): after a reset or an init timeout,
      // init counts against the timeout.
      outcome = await this.init(runtime, start + this.fn.options.timeoutMs, invokeSink);
    }
    if (outcome === undefined) outcome = await new Promise<RunOutcome>((resolve) => this.runHandler(req, runtime, start, resolve));
    return this.finishInvocation(req, outcome, {
      coldStart: true,
      initStart,
      initText,
      initDurationMs,
      start,
      end: clock.preciseNow(),
      sink: invokeSink,
      runtime,
    });
  }

  /** `INIT_START` of a cold start at `now`, in the function's log format. */
  private initStartLine(now: number): string {
    const o = this.fn.options;
    const version = o.runtime.version;
    // Runtime version ARNs end in a 64-hex-digit id; derived from the version, so logs are reproducible.
    const arn = `arn:aws:lambda:${o.region}::runtime:${runtimeVersionId(version)}`;
    if (o.logFormat !== 'JSON') return initStartLine(version, arn);
    return jsonInitStartLine(now, {
      initializationType: this.initializationType,
      phase: 'init',
      runtimeVersion: version,
      runtimeVersionArn: arn,
      functionName: o.name,
      functionVersion: this.fn.version,
    });
  }

  /** START: the invoke phase begins now (virtual time), with this invocation's trace id. */
  private beginInvokePhase(req: InvokeRequest, runtime: RuntimeInstance): number {
    const o = this.fn.options;
    const start = this.fn.clock.preciseNow();
    this.fn.echo?.(o.logFormat === 'JSON' ? jsonStartLine(start, req.requestId, this.fn.version) : startLine(req.requestId, this.fn.version));
    runtime.beginTrace(req.requestId, start);
    return start;
  }

  /** Calls the loaded handler on the clock, with a fresh context; `onFinish` learns how the run ended. */
  private runHandler(req: InvokeRequest, runtime: RuntimeInstance, start: number, onFinish: (outcome: RunOutcome) => void): void {
    const o = this.fn.options;
    this.fn.onHandlerStart?.();
    const handler = runtime.handler!;
    const deadline = start + o.timeoutMs;
    const run = new HandlerRun(runtime, deadline, this.fn.clock);
    run.streamListener = req.streamListener;
    this.current = run;
    // The context's data is made inside the closure, so that it is not one of the variables this function's
    // closures keep alive (see InvokeRequest).
    const makeContext = (controls: ContextControls | undefined): LambdaContext =>
      buildContext(
        {
          functionName: o.name,
          functionVersion: this.fn.version,
          invokedFunctionArn: req.invokedFunctionArn,
          memoryLimitInMB: String(o.memorySize),
          awsRequestId: req.requestId,
          logGroupName: `/aws/lambda/${o.name}`,
          logStreamName: this.logStreamName,
          identity: req.identity,
          clientContext: req.clientContext,
          tenantId: req.tenantId,
          xRayTraceId: o.runtime.ric === 4 ? runtime.traceId() : undefined,
          deadline: Math.floor(deadline),
          now: runtime.now,
        },
        o.runtime.name,
        controls,
      );
    try {
      const drive = runtime.driver!;
      run.startThen((r) => drive(handler, req.event, makeContext, o.runtime, r), onFinish);
    } catch (error) {
      // The clock refused the run (disposed, or another fake clock owns the timers): it never started.
      this.current = undefined;
      throw error;
    }
  }

  protected finishInvocation(
    req: InvokeRequest,
    outcome: RunOutcome,
    t: {
      coldStart: boolean;
      /** The cold start's `INIT_START` line ('' otherwise): in the log stream, not in the invocation's tail. */
      initStart: string;
      initText: string;
      initDurationMs: number | undefined;
      start: number;
      end: number;
      sink: LogSink;
      runtime: RuntimeInstance;
    },
  ): InvocationResult {
    this.current = undefined; // the run (if any) has ended
    const o = this.fn.options;
    const profile = o.runtime;
    const id = req.requestId;
    let rawPayload: string;
    let error: ErrorPayload | undefined;
    let kind: 'success' | 'error' | 'timeout' | 'crash' = 'success';
    let status: ReportFigures['status'];
    let platformErrorType: string | undefined;
    let payload: unknown;
    let durationMs = t.end - t.start;
    let reset = false;
    // A streaming handler's output, also when it failed: what it wrote had reached the caller by then.
    const stream: StreamedResponse | undefined = outcome.kind === 'response' ? undefined : outcome.stream;

    switch (outcome.kind) {
      case 'response': {
        const json = outcome.json;
        if (outcome.unserialisable) {
          const e = profile.ric === 4 ? new JSONStringifyError('Unable to stringify response body') : new Error('Unable to stringify response body');
          error = toErrorPayload(e, profile);
          t.sink.deferConsole(t.end, 'ERROR', () => ['Invoke Error', formatErrorForLog(e)]);
          kind = 'error';
          break;
        }
        rawPayload = json ?? 'null';
        if (exceedsBytes(rawPayload, LIMITS.responseBytes)) {
          error = responseTooLargePayload(LIMITS.responseBytes);
          kind = 'error';
          break;
        }
        payload = json === undefined ? null : JSON.parse(rawPayload);
        break;
      }
      case 'stream': {
        // Streamed bytes are the payload as they are (a buffered Invoke returns them as its body): text here. Past its
        // limit (6 MB read buffered, 200 MB as a stream) the response was cut, and fails (the error past 200 MB is
        // [UNCERTAIN]: the buffered one's).
        if (outcome.tooLarge !== undefined) {
          error = responseTooLargePayload(outcome.tooLarge);
          kind = 'error';
          break;
        }
        rawPayload = outcome.stream.body.toString();
        payload = rawPayload;
        const late = outcome.lateError;
        if (late) t.sink.deferConsole(t.end, 'ERROR', () => ['Invoke Error', formatErrorForLog(late.error)]);
        break;
      }
      case 'error': {
        // v3 turns an empty failure into the string "handled"; v4 formats null as {"errorType":"object","errorMessage":"null"}.
        const value = outcome.error === undefined && profile.ric === 3 ? 'handled' : outcome.error;
        error = toErrorPayload(value, profile);
        t.sink.deferConsole(t.end, 'ERROR', () => ['Invoke Error', formatErrorForLog(value)]);
        kind = 'error';
        break;
      }
      case 'timeout': {
        durationMs = o.timeoutMs;
        error = timeoutPayload(id, o.timeoutMs);
        t.sink.push(timeoutLine(t.end, id, o.timeoutMs));
        kind = 'timeout';
        status = 'timeout';
        reset = true;
        break;
      }
      case 'crash': {
        kind = 'crash';
        reset = true;
        if (outcome.crash === 'oom') {
          // The runtime was killed for exceeding its memory (the message is [UNCERTAIN]; the REPORT is certain).
          error = { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${id} Error: Runtime exited with error: signal: killed` };
          status = 'error';
          platformErrorType = 'Runtime.OutOfMemory';
          t.sink.push(`${error.errorMessage}\nRuntime.OutOfMemory\n`);
        } else if (outcome.crash === 'exit') {
          const code = typeof outcome.detail === 'number' ? outcome.detail : 0;
          error = exitPayload(id, code);
          status = 'error';
          platformErrorType = 'Runtime.ExitError';
          t.sink.push(`${error.errorMessage}\nRuntime.ExitError\n`);
        } else if (profile.ric === 4) {
          // nodejs24.x installs no process-level handlers [UNCERTAIN]: Node's default is to print and exit with 1.
          error = exitPayload(id, 1);
          status = 'error';
          platformErrorType = 'Runtime.ExitError';
          t.sink.push(`${error.errorMessage}\nRuntime.ExitError\n`);
        } else if (outcome.crash === 'uncaughtException') {
          // RIC v3 posts the error itself as the invocation error, then exits with 129.
          error = toErrorPayload(outcome.detail, profile);
        } else {
          error = toErrorPayload(new UnhandledPromiseRejection(outcome.detail as string), profile);
        }
        break;
      }
    }

    if (error !== undefined) payload = error;
    if (reset) this.resetRuntime();
    this.lastUsedAt = Math.floor(t.end);

    const initDurationMs = t.initDurationMs;
    const figures: ReportFigures = {
      requestId: id,
      version: this.fn.version,
      durationMs,
      // Billing is per millisecond with a 1 ms minimum; since Aug 2025 a cold start also bills its init.
      billedDurationMs: Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0))),
      memorySizeMB: o.memorySize,
      maxMemoryUsedMB: Math.min(o.memorySize, this.fn.measureMemoryMB?.() ?? ESTIMATED_MEMORY_MB),
      initDurationMs,
      status,
      errorType: platformErrorType,
    };
    const json = o.logFormat === 'JSON';
    const end = t.start + durationMs;
    this.fn.echo?.((json ? '' : endLine(id)) + (json ? jsonReportLine(end, figures) : reportLine(figures)));
    const parts = { initStart: t.initStart, initText: t.initText, sink: t.sink, json, figures, start: t.start, end };
    const raw = kind === 'success' ? rawPayload! : undefined;
    const record = new InvocationRecord(kind, payload, error, raw, parts, this.id, t.coldStart, req.logTail, stream);
    return record as unknown as InvocationResult;
  }
}

/** Told of an invocation's result (undefined: the harness failed) just before the caller is. */
export type OnSettled = (result: InvocationResult | undefined) => void;

const ignore: OnSettled = () => undefined;

/** `onSettled` called on `running`'s way to the caller, for paths that are promises already. */
export function settling(running: Promise<InvocationResult>, onSettled: OnSettled): Promise<InvocationResult> {
  if (onSettled === ignore) return running;
  return running.then(
    (result) => {
      onSettled(result);
      return result;
    },
    (error: unknown) => {
      onSettled(undefined);
      throw error;
    },
  );
}

const runtimeVersionIds = new Map<string, string>();

/**
 * The 64-hex-digit id of a runtime version ARN, derived from the version (hashed once per version, not per cold start).
 * @example
 * `arn:aws:lambda:us-east-1::runtime:${runtimeVersionId('nodejs:22.v60')}`;
 */
export function runtimeVersionId(version: string): string {
  let id = runtimeVersionIds.get(version);
  if (id === undefined) {
    id = createHash('sha256').update(version).digest('hex');
    runtimeVersionIds.set(version, id);
  }
  return id;
}

/** Module instances must differ across every environment of every function in the process. */
let generations = 0;
