import { rm } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientContext, CognitoIdentity } from 'aws-lambda';
import { HarnessError, InvalidParameterValueError, LambdaServiceError, rejectUnknownKeys } from '../errors.js';
import { AsyncEventQueue, type AsyncCaller, type AsyncEventRecord, type AttemptResult, type DrainSummary } from '../async/event-queue.js';
import { VirtualClock, type Clock } from '../clock/virtual-clock.js';
import { uninstallIfIdle, writeToHostStderr } from '../clock/globals.js';
import { real } from '../clock/real.js';
import { createRandom, hashSeed, type Random } from '../internal/random.js';
import { asyncRequestTooLarge, checkCount, exceedsBytes, invalidRequestContent, LIMITS, syncRequestTooLarge, throttled } from '../limits/limits.js';
import { currentScope } from '../runtime/scope.js';
import { InvokeRequest, type EnvironmentInfo, type ExecutionEnvironment, type FunctionInternals } from './environment.js';
import { resolveOptions, resolveUpdate, sameConfiguration, type FunctionOptions, type FunctionUpdate } from './options.js';
import { resolveHandler } from '../handler/resolve.js';
import type { StreamListener } from '../runtime/response-stream.js';
import { releaseSpares } from '../worker/worker-environment.js';
import type { DryRunResult, EventAccepted, InvocationResult } from './result.js';
import { FunctionConcurrency, noProvisionedConfig } from './concurrency.js';
import { EnvironmentPool } from './environment-pool.js';
import { qualifiedArn, VersionRegistry, type AliasInfo, type AliasOptions, type PublishedVersion } from './versions.js';

/**
 * Per-call options of `fn.invoke`. Unknown keys are rejected.
 * @example
 * await fn.invoke(event, { logType: 'Tail', qualifier: 'live' });
 */
export interface InvokeOptions {
  /** @defaultValue 'RequestResponse' */
  invocationType?: 'RequestResponse' | 'Event' | 'DryRun';
  /** `'Tail'` adds `logResult` (base64 of the last 4 KB of logs), sync only. @defaultValue 'None' */
  logType?: 'None' | 'Tail';
  /** Client context (mobile SDK): an object, or the base64 JSON of `X-Amz-Client-Context`. Sync only. */
  clientContext?: ClientContext | string;
  /** Cognito identity of the caller. */
  identity?: CognitoIdentity;
  /** An alias or version the caller used: `invokedFunctionArn` becomes qualified. */
  qualifier?: string;
  /** `X-Amz-Tenant-Id` of a multi-tenant invocation. */
  tenantId?: string;
}

const INVOKE_KEYS = ['invocationType', 'logType', 'clientContext', 'identity', 'qualifier', 'tenantId'];
const NO_OPTIONS: InvokeOptions = Object.freeze({});

/**
 * A simulated Lambda function.
 * @example
 * const fn = createFunction({ handler: async (e: { n: number }) => e.n + 1 });
 * const r = await fn.invoke({ n: 1 }); // r.ok && r.payload === 2
 */
export interface LambdaFunction<TEvent = unknown, TResult = unknown> {
  /** The function name. */
  readonly name: string;
  /** Its unqualified ARN. */
  readonly arn: string;
  /** The virtual clock it runs on (shared when `clock:` was passed). */
  readonly clock: Clock;
  /** Synchronous invocation (`RequestResponse`, the default). Rejects only with a service error. */
  invoke(event?: TEvent, options?: InvokeOptions & { invocationType?: 'RequestResponse' }): Promise<InvocationResult<TResult>>;
  /** `DryRun`: validates and runs nothing (204). */
  invoke(event: TEvent | undefined, options: InvokeOptions & { invocationType: 'DryRun' }): Promise<DryRunResult>;
  /** `Event`: accepted into the asynchronous queue (202). */
  invoke(event: TEvent | undefined, options: InvokeOptions & { invocationType: 'Event' }): Promise<EventAccepted>;
  /** `invoke(event, { invocationType: 'Event' })`: accepted into the asynchronous queue (202). */
  invokeAsync(event?: TEvent, options?: Omit<InvokeOptions, 'invocationType' | 'logType' | 'clientContext'>): Promise<EventAccepted>;
  /**
   * Advances virtual time until every accepted asynchronous event of this function has settled (succeeded, or
   * failed into the dead-letter queue / on-failure destination, or was dropped), and summarises what happened.
   * Three attempts spread over three virtual minutes take about a millisecond.
   */
  drain(): Promise<DrainSummary>;
  /** The history of every asynchronous event: each attempt and its final fate. */
  readonly asyncEvents: readonly AsyncEventRecord[];
  /** History of invocations, oldest first, bounded by `historyLimit`. */
  readonly invocations: readonly InvocationResult<TResult>[];
  /** Snapshot of the execution environments, in creation order. */
  readonly environments: readonly EnvironmentInfo[];
  /** Forgets the invocation history. */
  clearHistory(): void;
  /**
   * UpdateFunctionCode / UpdateFunctionConfiguration of `$LATEST`: a new handler, timeout, memory size, environment…
   * Invocations from now on (queued asynchronous events included) run on new environments with the new code and
   * configuration; running ones finish on the old, whose environments are then shut down. Published versions keep
   * theirs. Bad values throw as `createFunction` does.
   */
  update(changes: FunctionUpdate<TEvent, TResult>): void;
  /**
   * PublishVersion: `$LATEST`'s code and configuration as they are now become version `1`, `2`, … Nothing is published
   * when nothing changed since the last version: that version is returned again, as on Lambda.
   */
  publishVersion(): PublishedVersion;
  /** CreateAlias: a name that invokes a version (`qualifier: 'live'`), optionally sharing traffic with a second one. */
  createAlias(options: AliasOptions): AliasInfo;
  /** UpdateAlias: point an alias at another version, or change or remove (`routingConfig: null`) its routing. */
  updateAlias(options: AliasOptions): AliasInfo;
  /** DeleteAlias: invoking it is then a 404, and a function URL on it answers 403. */
  deleteAlias(name: string): void;
  /**
   * PutFunctionConcurrency: reserved concurrency from now on, checked as AWS checks it (not below the function's
   * provisioned concurrency, leaving the account 100 unreserved).
   */
  putFunctionConcurrency(reservedConcurrency: number): void;
  /** DeleteFunctionConcurrency: back to the account's unreserved pool. */
  deleteFunctionConcurrency(): void;
  /**
   * PutProvisionedConcurrencyConfig of a published version or an alias: `count` environments are initialised now, on
   * the clock, and serve its invocations first. They are carved out of the reserved concurrency (or of the account's
   * unreserved pool): on-demand invocations, `$LATEST`'s included, get only what is left, as on AWS.
   */
  putProvisionedConcurrency(qualifier: string, count: number): void;
  /** DeleteProvisionedConcurrencyConfig: the version's provisioned environments shut down (busy ones when they finish). */
  deleteProvisionedConcurrency(qualifier: string): void;
  /** The published version numbers, oldest first. */
  readonly versions: readonly string[];
  /** The aliases, in creation order. */
  readonly aliases: readonly AliasInfo[];
  /** Shuts every environment down and releases the clock (if it owns it). Idempotent. */
  dispose(): Promise<void>;
}

/** Live worker-isolated functions: the spare worker threads are stopped when the last one is disposed. */
let workerFunctions = 0;
/** Distinguishes the /tmp roots of functions created in one process. */
let tmpCounter = 0;

function decodeClientContext(value: ClientContext | string | undefined): ClientContext | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return JSON.parse(JSON.stringify(value)) as ClientContext;
  if (value.length > LIMITS.clientContextBytes) {
    throw new LambdaServiceError({
      name: 'InvalidRequestContentException',
      statusCode: 400,
      message: `Client context must be at most ${LIMITS.clientContextBytes} bytes of base64.`,
    });
  }
  try {
    return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as ClientContext;
  } catch {
    throw new LambdaServiceError({
      name: 'InvalidRequestContentException',
      statusCode: 400,
      message: 'Client context must be a valid Base64-encoded JSON object.',
    });
  }
}

/**
 * What event source mappings need of a function from `createFunction()` beyond its public interface (internal).
 * @example
 * const mapped = mappedFunctionOf(fn); // undefined for anything createFunction() did not make
 */
export interface MappedFunction extends LambdaFunction {
  /** Whether the code runs on real timers (`clock: 'real'`). */
  readonly runsOnRealTime: boolean;
  /** Whether a qualifier names something the function has: `$LATEST`, a published version or an alias. */
  hasQualifier(qualifier: string): boolean;
  /** Told once when the function is disposed. */
  readonly disposeListeners: Set<() => void>;
  /** Whether the code running now is one of this function's handlers (a handler sending to a queue, say). */
  runsNow(): boolean;
  /** The reserved concurrency (GetFunctionConcurrency), if set. */
  readonly reservedConcurrency: number | undefined;
  /** Whether `dispose()` was called: the function is gone (the Lambda API answers 404 for it). */
  readonly disposed: boolean;
  /**
   * `invoke` as a transport calls it, with what the public options have no place for (`via`). Like `invoke`, never
   * throws: misuse and service errors are rejections.
   */
  invokeVia(event: unknown, options: InvokeOptions, via: InvokeVia): Promise<InvocationResult | DryRunResult | EventAccepted>;
  /** GetProvisionedConcurrencyConfig of a version or alias; throws AWS's not-found refusal when it has none. */
  provisionedConcurrencyOf(qualifier: string): ProvisionedConcurrencyState;
  /** The code and configuration a qualifier names (an alias: its primary version), as the control-plane API shows them. */
  configurationOf(qualifier: string | undefined): FunctionInternals;
}

/**
 * How a transport hands an invocation over (internal): what a caller of the public `invoke` never needs.
 * @example
 * mapped.invokeVia(parsed.event, { invocationType: 'Event' }, { payloadText: parsed.text });
 */
export interface InvokeVia {
  /**
   * The payload's JSON text as the caller sent it, with its fresh parse as the event (an object nobody else holds): the
   * invocation neither serialises nor parses again, and an asynchronous event is queued, and dead-lettered, byte for byte.
   */
  readonly payloadText?: string;
  /**
   * The caller reads the response as a stream (`InvokeWithResponseStream`, a `RESPONSE_STREAM` function URL): told of
   * each chunk a streaming handler writes, as it writes it, and a streamed response may reach the streamed limit
   * (200 MB) rather than the buffered one (6 MB).
   */
  readonly streamListener?: StreamListener;
}

/**
 * A provisioned concurrency configuration and how far it got (GetProvisionedConcurrencyConfig).
 * @example
 * const state: ProvisionedConcurrencyState = { requested: 2, allocated: 2, status: 'READY', modifiedAt: 0 };
 */
export interface ProvisionedConcurrencyState {
  readonly requested: number;
  readonly allocated: number;
  readonly status: 'IN_PROGRESS' | 'READY' | 'FAILED';
  /** Virtual epoch ms of the PutProvisionedConcurrencyConfig. */
  readonly modifiedAt: number;
}

class SimulatedFunction<TEvent, TResult> implements LambdaFunction<TEvent, TResult>, MappedFunction {
  readonly name: string;
  readonly arn: string;
  readonly clock: Clock;
  /**
   * What belongs to the function whatever the version: clock, ids, concurrency, isolation, asynchronous settings. The
   * code and configuration an invocation runs come from `versionRegistry`; this object is `$LATEST`'s until `update()`.
   */
  private readonly internals: FunctionInternals;
  private readonly versionRegistry: VersionRegistry;
  /** Draws alias routing apart from the request ids, so that adding a weighted alias changes no id. */
  private readonly routing: Random;
  /** The options as given, to which `update()` applies its changes. */
  private input: FunctionOptions<TEvent, TResult>;

  /** Whether the code runs on real timers (`clock: 'real'`). */
  get runsOnRealTime(): boolean {
    return this.internals.realTime;
  }

  hasQualifier(qualifier: string): boolean {
    return this.versionRegistry.has(qualifier);
  }
  /** Told once when the function is disposed: its event source mappings end with it. */
  readonly disposeListeners = new Set<() => void>();

  get reservedConcurrency(): number | undefined {
    return this.concurrency.reserved;
  }

  provisionedConcurrencyOf(qualifier: string): ProvisionedConcurrencyState {
    const requested = this.concurrency.provisionedFor(qualifier);
    if (requested === 0 || qualifier === '$LATEST') throw noProvisionedConfig();
    return { requested, ...this.pool.provisionedState(qualifier), modifiedAt: this.provisionedAt.get(qualifier) ?? 0 };
  }

  configurationOf(qualifier: string | undefined): FunctionInternals {
    return this.versionRegistry.resolve(qualifier, undefined);
  }

  runsNow(): boolean {
    const scope = currentScope();
    return scope !== undefined && this.pool.hosts(scope);
  }
  private readonly ownsClock: boolean;
  private readonly pool: EnvironmentPool;
  /** Whether the `provisionedConcurrency` option's environments were started (on first use). */
  private provisionedOnCreate = false;
  private readonly concurrency: FunctionConcurrency;
  /** When each qualifier's provisioned concurrency was last put (LastModified of its configuration). */
  private readonly provisionedAt = new Map<string, number>();
  /** Ring buffer of the last `historyLimit` results: recording is O(1) however long the history. */
  private readonly history: InvocationResult<TResult>[] = [];
  private historyStart = 0;
  private wasDisposed = false;
  get disposed(): boolean {
    return this.wasDisposed;
  }
  private readonly queue: AsyncEventQueue;

  constructor(options: FunctionOptions<TEvent, TResult>) {
    const resolved = resolveOptions(options);
    // A handler file that does not exist is a typo in the test, not a Lambda behaviour to simulate: fail now.
    const handlerParse = typeof resolved.handler === 'string' ? resolveHandler(resolved.handler, resolved.root) : undefined;
    const given = resolved.clock;
    let clock: VirtualClock;
    if (given instanceof VirtualClock) clock = given;
    else if (given === undefined || given === 'real') clock = new VirtualClock();
    else throw new HarnessError('INVALID_OPTION', "createFunction: 'clock' must come from createClock() or be 'real'.");
    this.ownsClock = !(given instanceof VirtualClock);
    this.clock = clock;
    this.name = resolved.name;
    this.arn = resolved.functionArn;
    this.input = options;
    this.internals = {
      options: resolved,
      version: '$LATEST',
      clock,
      realTime: given === 'real',
      random: createRandom(hashSeed(resolved.name, resolved.seed >>> 0)),
      hostEnv: { ...process.env },
      ...(handlerParse === undefined ? {} : { handlerParse }),
      echo: resolved.printLogs ? (line: string) => writeToHostStderr(line) : undefined,
      tmpRoot: path.join(os.tmpdir(), 'lambda-harness', `${process.pid}-${resolved.name}-${(tmpCounter++).toString(36)}`),
      modifiedAt: clock.now(),
    };
    for (const d of [resolved.onSuccess, resolved.onFailure]) {
      if ((d as { arn?: string } | undefined)?.arn === this.arn) {
        throw new InvalidParameterValueError("You can't specify the function as a destination for itself.");
      }
    }
    this.concurrency = new FunctionConcurrency(clock, resolved.reservedConcurrency, resolved.provisionedConcurrency);
    const internals = this.internals;
    this.pool = new EnvironmentPool(internals, this.concurrency);
    this.versionRegistry = new VersionRegistry(this.arn, internals);
    this.routing = internals.random.fork('routing');
    if (resolved.isolation === 'worker') workerFunctions++;
    this.queue = new AsyncEventQueue({
      clock,
      random: internals.random.fork('async'),
      functionArn: this.arn,
      config: { maximumRetryAttempts: resolved.maximumRetryAttempts, maximumEventAgeSeconds: resolved.maximumEventAge },
      deadLetterQueue: resolved.deadLetterQueue,
      onSuccess: resolved.onSuccess,
      onFailure: resolved.onFailure,
      duplicateProbability: resolved.duplicateProbability,
      zeroConcurrency: () => this.concurrency.reserved === 0,
      attempt: (requestId, body, caller) => this.attemptAsync(requestId, body, caller),
      deliverToFunction: (target, record) => {
        void (target as LambdaFunction).invoke(record, { invocationType: 'Event' });
        return true;
      },
    });
  }

  /**
   * The provisioned inits an invocation through `holder` waits for; the `provisionedConcurrency` option's start on the
   * first invocation, so that construction stays synchronous.
   */
  private provisioning(holder: string): Promise<void> | undefined {
    if (!this.provisionedOnCreate) {
      this.provisionedOnCreate = true;
      this.pool.provision(this.versionRegistry.latest, '$LATEST', this.concurrency.provisionedFor('$LATEST'));
    }
    return this.pool.provisioning(holder);
  }

  /**
   * What holds the provisioned environments an invocation may use: the alias it was made through, else the version
   * (as on AWS, provisioned concurrency configured on an alias serves invocations through that alias [INFERRED]).
   */
  private holderOf(qualifier: string | undefined, config: FunctionInternals): string {
    return qualifier !== undefined && this.versionRegistry.isAlias(qualifier) ? qualifier : config.version;
  }

  get asyncEvents(): readonly AsyncEventRecord[] {
    return this.queue.records();
  }

  invokeAsync(event?: TEvent, options: Omit<InvokeOptions, 'invocationType' | 'logType' | 'clientContext'> = {}): Promise<EventAccepted> {
    return this.invoke(event, { ...options, invocationType: 'Event' }) as Promise<EventAccepted>;
  }

  async drain(): Promise<DrainSummary> {
    this.mustBeLive();
    const clock = this.internals.clock;
    const before = this.queue.counters();
    const t0 = clock.now();
    await clock.runUntil(() => this.queue.pendingCount === 0);
    const after = this.queue.counters();
    return {
      settled: after.succeeded - before.succeeded + (after.failed - before.failed),
      succeeded: after.succeeded - before.succeeded,
      failed: after.failed - before.failed,
      dropped: after.dropped - before.dropped,
      attempts: after.attempts - before.attempts,
      virtualMs: clock.now() - t0,
    };
  }

  /**
   * One asynchronous attempt: throttled when no concurrency is free (throttles never count as retries). The context
   * has the ARN as invoked and the tenant id, never a client context (sync only).
   */
  private async attemptAsync(requestId: string, body: string, caller: AsyncCaller): Promise<AttemptResult> {
    // `$LATEST` is what it is at this attempt: events queued before an update run the new code (recorded:
    // async-queue-uses-updated-config). A published version never changes.
    const config = this.versionRegistry.version(caller.version)!;
    const qualifier = caller.qualifier;
    const holder = this.holderOf(qualifier, config);
    const provisioning = this.provisioning(holder);
    if (provisioning) await provisioning;
    const env = this.pool.acquire(config, holder);
    if (typeof env === 'string') return { kind: 'throttled' };
    const req = new InvokeRequest(requestId, JSON.parse(body) as unknown, qualifiedArn(this.arn, qualifier), undefined, undefined, caller.tenantId, false);
    const result = await this.runOn(env, req);
    return { kind: 'ran', result };
  }

  get invocations(): readonly InvocationResult<TResult>[] {
    const h = this.history;
    return this.historyStart === 0 ? h.slice() : [...h.slice(this.historyStart), ...h.slice(0, this.historyStart)];
  }

  get environments(): readonly EnvironmentInfo[] {
    return this.pool.info();
  }

  clearHistory(): void {
    this.history.length = 0;
    this.historyStart = 0;
  }

  invoke(event?: TEvent, options?: InvokeOptions): Promise<never> {
    // Not an async function on purpose: the warm path is one promise chain shorter. Misuse and service errors are
    // still rejections, never synchronous throws.
    try {
      return this.invokeAny(event, options) as Promise<never>;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  invokeVia(event: unknown, options: InvokeOptions, via: InvokeVia): Promise<InvocationResult | DryRunResult | EventAccepted> {
    try {
      return this.invokeAny(event, options, via);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private invokeAny(event: unknown, options: InvokeOptions = NO_OPTIONS, via?: InvokeVia): Promise<InvocationResult<TResult> | DryRunResult | EventAccepted> {
    this.mustBeLive();
    if (options !== NO_OPTIONS) rejectUnknownKeys('invoke', options, INVOKE_KEYS);
    const type = options.invocationType ?? 'RequestResponse';
    if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
      throw new HarnessError('INVALID_ARGUMENT', `invoke: invocationType must be 'RequestResponse', 'Event' or 'DryRun' (got ${JSON.stringify(type)}).`);
    }
    // The handler receives a JSON round trip of the event, never the caller's object (an empty body is {}). Text from
    // the Invoke API comes with its own fresh parse as the event: neither is done again.
    const payloadText = via?.payloadText;
    let json = payloadText;
    try {
      json ??= event === undefined ? '{}' : JSON.stringify(event);
    } catch (error) {
      throw invalidRequestContent((error as Error).message);
    }
    if (json === undefined) throw invalidRequestContent(`a ${typeof event} is not a JSON value`);
    const random = this.internals.random;
    const qualifier = options.qualifier;
    // DryRun checks that the qualifier exists; it does not route, so it draws nothing.
    const config = qualifier === undefined ? this.versionRegistry.latest : this.versionRegistry.resolve(qualifier, type === 'DryRun' ? undefined : this.routing);
    const invokedFunctionArn = qualifiedArn(this.arn, qualifier);
    if (type === 'Event') {
      if (exceedsBytes(json, LIMITS.asyncRequestBytes)) throw asyncRequestTooLarge(Buffer.byteLength(json));
      // Accepted even with reserved concurrency 0: the queue sends such events straight to failure handling. An alias
      // is resolved once, here: every attempt runs the version it chose.
      const requestId = random.uuid();
      this.queue.accept(requestId, json, { qualifier, tenantId: options.tenantId, version: config.version });
      return Promise.resolve({ statusCode: 202 as const, requestId });
    }
    if (exceedsBytes(json, LIMITS.syncRequestBytes)) throw syncRequestTooLarge();
    const requestId = random.uuid();
    if (type === 'DryRun') return Promise.resolve({ statusCode: 204 as const, requestId });

    const req = new InvokeRequest(
      requestId,
      payloadText === undefined ? (JSON.parse(json) as unknown) : event,
      invokedFunctionArn,
      decodeClientContext(options.clientContext),
      options.identity,
      options.tenantId,
      options.logType === 'Tail',
    );
    const listener = via?.streamListener;
    if (listener) req.streamListener = (chunk, contentType) => listener(chunk, contentType, requestId, config.version);
    const holder = this.holderOf(qualifier, config);
    const start = (): Promise<InvocationResult<TResult>> => {
      const env = this.pool.acquire(config, holder);
      if (typeof env === 'string') return Promise.reject(throttled(env));
      return this.runOn(env, req);
    };
    const provisioning = this.provisioning(holder);
    return provisioning ? provisioning.then(start) : start();
  }

  /** Runs one invocation on an acquired environment, records it, and releases the environment. */
  private runOn(env: ExecutionEnvironment, req: InvokeRequest): Promise<InvocationResult<TResult>> {
    // A nested invoke (a handler invoking another simulated function) is a wait of the caller's environment:
    // it is neither idle nor doing real I/O, so virtual time may still jump for the callee.
    const caller = currentScope();
    if (caller) caller.io.waits++;
    let settled = false;
    const ended = (result: InvocationResult | undefined): void => {
      if (settled) return;
      settled = true;
      if (result) this.record(result as InvocationResult<TResult>);
      this.pool.release(env);
      // The caller stops waiting once the callee's result reaches it, a microtask later: ended synchronously, inside the
      // scheduler turn that finished the callee, the caller would look drained in that very turn, with the result it
      // waits for not yet delivered.
      if (caller) queueMicrotask(() => caller.io.waits--);
    };
    try {
      // The bookkeeping rides on the environment's own completion rather than a `.then`: one promise fewer on the path
      // every invocation takes.
      return env.invoke(req, ended) as Promise<InvocationResult<TResult>>;
    } catch (error) {
      ended(undefined);
      return Promise.reject(error);
    }
  }

  private record(result: InvocationResult<TResult>): void {
    const limit = this.internals.options.historyLimit;
    if (limit === 0) return;
    if (this.history.length < limit) {
      this.history.push(result);
    } else {
      this.history[this.historyStart] = result;
      this.historyStart = (this.historyStart + 1) % limit;
    }
  }

  update(changes: FunctionUpdate<never, unknown>): void {
    this.mustBeLive();
    const merged = { ...this.input, name: this.name, ...resolveUpdate(changes) } as FunctionOptions<TEvent, TResult>;
    const resolved = resolveOptions(merged);
    const old = this.versionRegistry.latest;
    // The same code and configuration again is no update: nothing restarts, and PublishVersion has nothing new.
    if (sameConfiguration(old.options, resolved)) return;
    const handlerParse = typeof resolved.handler === 'string' ? resolveHandler(resolved.handler, resolved.root) : undefined;
    const { handlerParse: _old, ...kept } = old;
    this.versionRegistry.update({ ...kept, options: resolved, modifiedAt: this.internals.clock.now(), ...(handlerParse === undefined ? {} : { handlerParse }) });
    this.input = merged;
    // The old `$LATEST`'s environments are not used again: idle ones shut down now, busy ones after their invocation.
    this.pool.replace(old);
    // Provisioned concurrency on `$LATEST` (the option) stays: its environments are provisioned again, with the new code.
    if (this.provisionedOnCreate) this.pool.provision(this.versionRegistry.latest, '$LATEST', this.concurrency.provisionedFor('$LATEST'));
  }

  putFunctionConcurrency(reservedConcurrency: number): void {
    this.mustBeLive();
    this.concurrency.setReserved(checkCount('reservedConcurrency', reservedConcurrency));
  }

  deleteFunctionConcurrency(): void {
    this.mustBeLive();
    this.concurrency.setReserved(undefined);
  }

  putProvisionedConcurrency(qualifier: string, count: number): void {
    this.mustBeLive();
    const config = this.versionRegistry.provisionable(qualifier);
    if (!Number.isInteger(count) || count < 1) {
      throw new InvalidParameterValueError(`putProvisionedConcurrency: the count must be an integer of at least 1 (got ${JSON.stringify(count)}); deleteProvisionedConcurrency removes it.`);
    }
    this.concurrency.setProvisioned(qualifier, count);
    this.provisionedAt.set(qualifier, this.internals.clock.now());
    this.pool.provision(config, qualifier, count);
  }

  deleteProvisionedConcurrency(qualifier: string): void {
    this.mustBeLive();
    if (qualifier === '$LATEST' || this.concurrency.provisionedFor(qualifier) === 0) throw noProvisionedConfig();
    this.unprovision(qualifier);
  }

  /** Drops a qualifier's provisioned concurrency: its environments shut down (busy ones after their invocation). */
  private unprovision(qualifier: string): void {
    this.provisionedAt.delete(qualifier);
    this.concurrency.setProvisioned(qualifier, 0);
    this.pool.provision(this.versionRegistry.latest, qualifier, 0);
  }

  publishVersion(): PublishedVersion {
    this.mustBeLive();
    return this.versionRegistry.publish();
  }

  createAlias(options: AliasOptions): AliasInfo {
    this.mustBeLive();
    return this.versionRegistry.createAlias(options);
  }

  updateAlias(options: AliasOptions): AliasInfo {
    this.mustBeLive();
    const provisioned = this.concurrency.provisionedFor(options?.name);
    const alias = this.versionRegistry.updateAlias(options, provisioned > 0);
    // Its provisioned environments follow it to the version it now points to (AWS reallocates them).
    if (provisioned > 0) this.pool.provision(this.versionRegistry.provisionable(alias.name), alias.name, provisioned);
    return alias;
  }

  deleteAlias(name: string): void {
    this.mustBeLive();
    // Its provisioned concurrency configuration goes with it.
    if (this.versionRegistry.isAlias(name) && this.concurrency.provisionedFor(name) > 0) this.unprovision(name);
    this.versionRegistry.deleteAlias(name);
  }

  get versions(): readonly string[] {
    return this.versionRegistry.versions();
  }

  get aliases(): readonly AliasInfo[] {
    return this.versionRegistry.aliasList();
  }

  private mustBeLive(): void {
    if (this.wasDisposed) throw new HarnessError('DISPOSED', `Function ${this.name} was disposed; create a new one with createFunction().`);
  }

  async dispose(): Promise<void> {
    if (this.wasDisposed) return;
    this.wasDisposed = true;
    for (const listener of [...this.disposeListeners]) listener();
    await this.internals.clock.whenIdle();
    this.queue.close();
    await this.pool.settled();
    this.pool.shutdownAll();
    // In the background and forgiving: environments' own directories may still be being created or removed.
    rm(this.internals.tmpRoot, { recursive: true, force: true, maxRetries: 3 }, () => undefined);
    if (this.internals.options.isolation === 'worker' && --workerFunctions === 0) releaseSpares();
    this.concurrency.release();
    if (this.ownsClock) await this.internals.clock.dispose();
    uninstallIfIdle();
  }
}

/**
 * The function behind `fn` with what event source mappings need, or undefined when `fn` is not from `createFunction()`.
 * @example
 * if (!mappedFunctionOf(fn)) throw new Error('not a function from createFunction()');
 */
export function mappedFunctionOf(fn: unknown): MappedFunction | undefined {
  return fn instanceof SimulatedFunction ? (fn as MappedFunction) : undefined;
}

/**
 * The time a function's code sees now (internal): its virtual clock's, or the real time with `clock: 'real'`, whose
 * handlers run on real timers while `fn.clock` stands still.
 * @example
 * functionUrlEvent(request, place, random, codeTimeOf(fn));
 */
export function codeTimeOf(fn: LambdaFunction): number {
  return fn instanceof SimulatedFunction && fn.runsOnRealTime ? real.dateNow() : fn.clock.now();
}

/**
 * Creates a simulated Lambda function. Bad options throw at once (`HarnessError` with a `code`); values Lambda
 * rejects throw `InvalidParameterValueException` with the valid range.
 * @example
 * import { createFunction } from 'lambda-harness';
 * const fn = createFunction({ handler: 'src/orders.handler', timeout: 10 });
 * const result = await fn.invoke({ orderId: 42 });
 */
export function createFunction<TEvent = never, TResult = unknown>(
  options: FunctionOptions<TEvent, TResult>,
): LambdaFunction<[TEvent] extends [never] ? unknown : TEvent, Awaited<TResult>> {
  return new SimulatedFunction(options) as unknown as LambdaFunction<[TEvent] extends [never] ? unknown : TEvent, Awaited<TResult>>;
}
