import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { HarnessError, InvalidParameterValueError, rejectUnknownKeys } from '../errors.js';
import type { Clock } from '../clock/virtual-clock.js';
import { parseDuration, type Duration } from '../clock/duration.js';
import { LIMITS, checkCount, checkEnvironment, checkRange } from '../limits/limits.js';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '../logs/format.js';
import { hostRuntime, runtimeProfile, type RuntimeName, type RuntimeProfile } from '../runtime/profiles.js';
import type { LambdaContext } from '../context/context.js';
import { isFifoQueue, isTargetOf } from '../async/deliverable.js';
import type { Bucket, EventBus, Topic } from '../async/targets.js';
import type { Queue } from '../event-sources/sqs-queue.js';
import { isRegionName } from '../invoke-api/region.js';

/**
 * The callback of a callback-style handler (nodejs20.x/22.x).
 * @example
 * const handler = (event: unknown, context: unknown, callback: LambdaCallback<string>) => callback(null, 'done');
 */
export type LambdaCallback<TResult = unknown> = (error?: unknown, result?: TResult) => void;

/**
 * A handler function in any of the signatures Node runtimes accept: `async (event, context)`, a function returning
 * a promise, or `(event, context, callback)`.
 * @example
 * const handler: HandlerFunction<{ n: number }, number> = async (event) => event.n + 1;
 */
export type HandlerFunction<TEvent = never, TResult = unknown> = (
  event: TEvent,
  context: LambdaContext,
  callback: LambdaCallback<TResult>,
) => void | TResult | Promise<TResult>;

/**
 * What runs: a function; a `'path/to/file.export'` string resolved like Lambda's `_HANDLER` from `root`; or an
 * `init` factory re-run on every cold start (module state of a fresh sandbox).
 * @example
 * createFunction({ handler: 'src/orders.handler' });
 * createFunction({ handler: { init: async () => (await import('./orders.js')).handler } });
 */
export type HandlerSource<TEvent = never, TResult = unknown> =
  | HandlerFunction<TEvent, TResult>
  | string
  | { init: () => HandlerFunction<TEvent, TResult> | Promise<HandlerFunction<TEvent, TResult>> };

/**
 * Options of `createFunction`. Unknown keys are rejected (typos fail loudly).
 * @example
 * createFunction({ handler: 'src/orders.handler', timeout: 10, environment: { TABLE: 'orders' } });
 */
export interface FunctionOptions<TEvent = never, TResult = unknown> {
  handler: HandlerSource<TEvent, TResult>;
  /** Function name; default derived from the handler (`orders` for `src/orders.handler`). */
  name?: string;
  /** Seconds, 1..900. @defaultValue 3 */
  timeout?: number;
  /** MB, 128..10240. @defaultValue 128 */
  memorySize?: number;
  /** MB of /tmp, 512..10240. @defaultValue 512 */
  ephemeralStorage?: number;
  /** Environment variables; 4 KB limit on their JSON, as on Lambda. */
  environment?: Record<string, string>;
  /** @defaultValue the runtime matching the host Node.js major */
  runtime?: RuntimeName;
  /** @defaultValue 'us-east-1' */
  region?: string;
  /** @defaultValue '123456789012' */
  accountId?: string;
  /** Seed of every generated id (request ids, log streams): same seed, same results. @defaultValue 1 */
  seed?: number;
  /** Directory handler strings are resolved from (LAMBDA_TASK_ROOT). @defaultValue process.cwd() */
  root?: string;
  /** A clock to share with other functions, or `'real'` to enforce timeouts with real timers. Default: a new virtual clock. */
  clock?: Clock | 'real';
  /** `LoggingConfig.LogFormat`. @defaultValue 'Text' */
  logFormat?: LogFormat;
  /** Application log level filter (JSON format only, as on Lambda). @defaultValue 'TRACE' */
  logLevel?: LogLevel;
  /** Also write each invocation's log lines to the real stderr as they happen. @defaultValue false */
  printLogs?: boolean;
  /**
   * How many invocation records `fn.invocations` keeps (oldest dropped first); 0 keeps none. Kept records cost
   * memory (~0.7 KB for a small success, more for failures, which keep their error) but hardly any time: a warm
   * invoke measures ~3.4 µs with the default and ~3.2 µs with 0 (`npm run bench`). @defaultValue 1000
   */
  historyLimit?: number;
  /**
   * Reserved concurrency: at most this many concurrent executions; 0 throttles every synchronous invoke and sends
   * asynchronous events straight to failure handling. The account must keep 100 executions unreserved (AWS's error
   * otherwise). Default: none (shares the account's unreserved pool).
   */
  reservedConcurrency?: number;
  /** Dead-letter queue (`DeadLetterConfig`): an in-memory queue or topic. */
  deadLetterQueue?: Queue | Topic;
  /** Asynchronous invocation destinations: queues, topics, event buses or other simulated functions; a bucket on failure. */
  destinations?: { onSuccess?: Destination; onFailure?: Destination | Bucket };
  /** Async retries after a function error, 0..2. @defaultValue 2 */
  maximumRetryAttempts?: number;
  /** Maximum age of an async event in seconds, 60..21600. @defaultValue 21600 */
  maximumEventAge?: number;
  /**
   * At-least-once delivery: each accepted async event is delivered twice with this probability (seeded), so you can
   * prove your handler idempotent.
   */
  duplicateDelivery?: { probability: number };
  /**
   * How long an idle execution environment is kept before it is shut down (the next invocation is then a cold
   * start). Default: drawn per environment between 10 and 15 minutes from the seed, as observed on Lambda.
   */
  idleTimeout?: Duration;
  /**
   * How old an environment may get before it is retired after its current invocation, even if busy. Default: drawn
   * per environment between 2 and 4 hours from the seed.
   */
  maxLifetime?: Duration;
  /**
   * Provisioned concurrency: this many environments are initialised up front (with
   * `AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency`), so their first invocations are warm; more traffic
   * spills over to on-demand environments. At most the reserved concurrency, if set, else what leaves the account 100
   * unreserved (AWS's errors otherwise). An environment whose init fails is dropped, as AWS fails the provisioning
   * and serves on-demand.
   */
  provisionedConcurrency?: number;
  /**
   * How environments are isolated. `'module'` (default): in-process, fastest, works with `vi.mock` and sinon stubs
   * of the handler's dependencies; a cold start re-imports the handler file. `'worker'`: each environment is a
   * `worker_thread` with its own module graph, `process.env`, a heap capped by `memorySize` (`Runtime.OutOfMemory`),
   * a `/tmp` capped by `ephemeralStorage` and a read-only file system elsewhere; needs a handler file path.
   */
  isolation?: 'module' | 'worker';
}

/** What `fn.update()` may change: the function's code and configuration, not its identity or the harness's settings. */
const UPDATE_KEYS = ['handler', 'timeout', 'memorySize', 'ephemeralStorage', 'environment', 'runtime', 'logFormat', 'logLevel'] as const;

/**
 * What `fn.update()` changes (UpdateFunctionCode and UpdateFunctionConfiguration): each key as in `createFunction`.
 * @example
 * fn.update({ environment: { VARIANT: 'b' }, timeout: 10 });
 */
export type FunctionUpdate<TEvent = never, TResult = unknown> = Partial<Pick<FunctionOptions<TEvent, TResult>, (typeof UPDATE_KEYS)[number]>>;

/**
 * Checks the shape of `fn.update()`'s argument (its values are checked with the rest of the options).
 * @example
 * resolveUpdate({ timout: 3 }); // throws UNKNOWN_OPTION
 */
export function resolveUpdate<E, R>(changes: FunctionUpdate<E, R>): FunctionUpdate<E, R> {
  if (changes === null || typeof changes !== 'object') {
    throw new HarnessError('INVALID_OPTION', `update: pass an object of what changes, with keys among ${UPDATE_KEYS.join(', ')}.`);
  }
  rejectUnknownKeys('update', changes, UPDATE_KEYS);
  return changes;
}

/**
 * Whether two resolved configurations run the same code the same way (what `fn.update()` can change is equal).
 * @example
 * sameConfiguration(resolveOptions({ handler }), resolveOptions({ handler })); // true
 */
export function sameConfiguration(a: ResolvedOptions, b: ResolvedOptions): boolean {
  return UPDATE_KEYS.every((key) => SAME[key](a, b));
}

/** How each key `fn.update()` takes compares once resolved: a key added to UPDATE_KEYS without one does not compile. */
const SAME: Record<(typeof UPDATE_KEYS)[number], (a: ResolvedOptions, b: ResolvedOptions) => boolean> = {
  handler: (a, b) => a.handler === b.handler,
  timeout: (a, b) => a.timeoutMs === b.timeoutMs,
  memorySize: (a, b) => a.memorySize === b.memorySize,
  ephemeralStorage: (a, b) => a.ephemeralStorage === b.ephemeralStorage,
  environment: (a, b) => isDeepStrictEqual(a.environment, b.environment),
  runtime: (a, b) => a.runtime.name === b.runtime.name,
  logFormat: (a, b) => a.logFormat === b.logFormat,
  logLevel: (a, b) => a.logLevel === b.logLevel,
};

/**
 * Where asynchronous invocation records can go.
 * @example
 * createFunction({ handler, destinations: { onSuccess: createTopic('done'), onFailure: createQueue('failures') } });
 */
export type Destination = Queue | Topic | EventBus | { readonly name: string; readonly arn: string; invoke: unknown };

/** Options after defaults and validation. */
export interface ResolvedOptions {
  readonly handler: HandlerSource<never, unknown>;
  readonly name: string;
  readonly timeoutMs: number;
  readonly timeout: number;
  readonly memorySize: number;
  readonly ephemeralStorage: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly runtime: RuntimeProfile;
  readonly region: string;
  readonly accountId: string;
  readonly seed: number;
  readonly root: string;
  readonly clock: Clock | 'real' | undefined;
  readonly logFormat: LogFormat;
  readonly logLevel: LogLevel;
  readonly printLogs: boolean;
  readonly historyLimit: number;
  readonly reservedConcurrency: number | undefined;
  readonly deadLetterQueue: Queue | Topic | undefined;
  readonly onSuccess: Destination | undefined;
  readonly onFailure: Destination | Bucket | undefined;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAge: number;
  readonly duplicateProbability: number;
  /** Fixed idle timeout / max lifetime in ms, or undefined to draw one per environment. */
  readonly idleTimeoutMs: number | undefined;
  readonly maxLifetimeMs: number | undefined;
  readonly provisionedConcurrency: number;
  readonly isolation: 'module' | 'worker';
  /** `_HANDLER` as the function's configuration would show it. */
  readonly handlerName: string;
  readonly functionArn: string;
}

const KEYS = [
  'handler', 'name', 'timeout', 'memorySize', 'ephemeralStorage', 'environment', 'runtime', 'region', 'accountId',
  'seed', 'root', 'clock', 'logFormat', 'logLevel', 'printLogs', 'historyLimit', 'reservedConcurrency',
  'deadLetterQueue', 'destinations', 'maximumRetryAttempts', 'maximumEventAge', 'duplicateDelivery', 'idleTimeout',
  'maxLifetime', 'provisionedConcurrency', 'isolation',
] as const;
const NAME = /^[a-zA-Z0-9-_]{1,64}$/;

function invalid(message: string): HarnessError {
  return new HarnessError('INVALID_OPTION', `createFunction: ${message}`);
}

function isFunction(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { invoke?: unknown }).invoke === 'function' && typeof (value as { arn?: unknown }).arn === 'string';
}

function deriveName(handler: HandlerSource<never, unknown>): string {
  let raw = 'function';
  if (typeof handler === 'string') raw = path.basename(handler).split('.')[0] ?? raw;
  else if (typeof handler === 'function' && handler.name) raw = handler.name;
  const clean = raw.replace(/[^a-zA-Z0-9-_]/g, '-').slice(0, 64);
  return clean.length > 0 ? clean : 'function';
}

/**
 * Validates and completes `createFunction` options. Harness misuse (unknown keys, wrong types) throws
 * `INVALID_OPTION`/`UNKNOWN_OPTION`; values Lambda itself rejects throw `InvalidParameterValueException`.
 */
export function resolveOptions<E, R>(input: FunctionOptions<E, R>): ResolvedOptions {
  if (input === null || typeof input !== 'object') throw invalid('pass an options object: createFunction({ handler }).');
  rejectUnknownKeys('createFunction', input, KEYS);
  const { handler } = input;
  const handlerOk =
    typeof handler === 'function' ||
    (typeof handler === 'string' && handler.length > 0) ||
    (handler !== null && typeof handler === 'object' && typeof (handler as { init?: unknown }).init === 'function');
  if (!handlerOk) {
    throw invalid("'handler' must be a function, a 'path/file.export' string, or { init: () => handlerFunction }.");
  }
  const name = input.name ?? deriveName(handler);
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidParameterValueError(`Function name ${JSON.stringify(name)} must be 1-64 characters of letters, digits, '-' and '_'.`);
  }
  const timeout = checkRange('timeout', input.timeout ?? 3, LIMITS.timeoutSeconds, 'seconds');
  const memorySize = checkRange('memorySize', input.memorySize ?? 128, LIMITS.memoryMB, 'MB');
  const ephemeralStorage = checkRange('ephemeralStorage', input.ephemeralStorage ?? 512, LIMITS.ephemeralStorageMB, 'MB');
  const environment = input.environment ?? {};
  if (environment === null || typeof environment !== 'object' || Array.isArray(environment)) {
    throw invalid("'environment' must be an object of string values.");
  }
  for (const [k, v] of Object.entries(environment)) {
    if (typeof v !== 'string') throw invalid(`environment variable ${k} must be a string (got ${typeof v}); Lambda stores only strings.`);
  }
  checkEnvironment(environment);
  const runtime = runtimeProfile(input.runtime ?? hostRuntime());
  const region = input.region ?? 'us-east-1';
  if (!isRegionName(region)) throw invalid(`region ${JSON.stringify(region)} is not a region name such as us-east-1.`);
  const accountId = input.accountId ?? '123456789012';
  if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) throw invalid(`accountId ${JSON.stringify(accountId)} must be 12 digits.`);
  const seed = input.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw invalid("'seed' must be a finite number.");
  const root = path.resolve(input.root ?? process.cwd());
  const clock = input.clock;
  if (clock !== undefined && clock !== 'real' && (typeof clock !== 'object' || typeof clock.now !== 'function')) {
    throw invalid("'clock' must be a clock from createClock() or 'real'.");
  }
  const logFormat = input.logFormat ?? 'Text';
  if (logFormat !== 'Text' && logFormat !== 'JSON') throw invalid("'logFormat' must be 'Text' or 'JSON'.");
  const logLevel = input.logLevel ?? 'TRACE';
  if (!LOG_LEVELS.includes(logLevel)) throw invalid(`'logLevel' must be one of ${LOG_LEVELS.join(', ')}.`);
  const historyLimit = input.historyLimit ?? 1000;
  if (!Number.isInteger(historyLimit) || historyLimit < 0) throw invalid("'historyLimit' must be a non-negative integer.");
  const handlerName = typeof handler === 'string' ? handler : `index.handler`;
  const reservedConcurrency =
    input.reservedConcurrency === undefined ? undefined : checkCount('reservedConcurrency', input.reservedConcurrency);
  const maximumRetryAttempts = checkRange('maximumRetryAttempts', input.maximumRetryAttempts ?? 2, { min: 0, max: 2 }, 'retries');
  const maximumEventAge = checkRange('maximumEventAge', input.maximumEventAge ?? 21_600, { min: 60, max: 21_600 }, 'seconds');
  const dlq = input.deadLetterQueue;
  if (dlq !== undefined && !isTargetOf(dlq, ['queue', 'topic'])) {
    throw invalid("'deadLetterQueue' must be a queue from createQueue() or a topic from createTopic().");
  }
  const destinations = input.destinations ?? {};
  for (const key of Object.keys(destinations)) {
    if (key !== 'onSuccess' && key !== 'onFailure') throw new HarnessError('UNKNOWN_OPTION', `createFunction: unknown destination ${JSON.stringify(key)}: use onSuccess and onFailure.`);
  }
  if ((destinations.onSuccess as { kind?: string } | undefined)?.kind === 'bucket') {
    // AWS takes an S3 bucket for failures only [INFERRED message].
    throw new InvalidParameterValueError('destinations.onSuccess: an S3 bucket is supported as an on-failure destination only.');
  }
  for (const d of [destinations.onSuccess, destinations.onFailure]) {
    if (d !== undefined && !isTargetOf(d, ['queue', 'topic', 'event-bus', 'bucket']) && !isFunction(d)) {
      throw invalid('a destination must be a queue, topic, event bus or bucket (createQueue/createTopic/createEventBus/createBucket) or another simulated function.');
    }
  }
  for (const [what, target] of [['deadLetterQueue', dlq], ['destinations.onSuccess', destinations.onSuccess], ['destinations.onFailure', destinations.onFailure]] as const) {
    if (isFifoQueue(target)) {
      throw new InvalidParameterValueError(`${what}: ${(target as Queue).name} is a FIFO queue; Lambda sends asynchronous failures and records to standard queues only.`);
    }
  }
  const isolation = input.isolation ?? 'module';
  if (isolation !== 'module' && isolation !== 'worker') throw invalid("'isolation' must be 'module' or 'worker'.");
  if (isolation === 'worker' && typeof handler !== 'string') {
    throw invalid("isolation 'worker' needs a handler file path ('path/file.export'): a function cannot be moved into a worker thread.");
  }
  if (isolation === 'worker' && input.clock === 'real') throw invalid("isolation 'worker' runs on the virtual clock; remove clock: 'real'.");
  const probability = input.duplicateDelivery?.probability ?? 0;
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
    throw invalid("'duplicateDelivery.probability' must be a number from 0 to 1.");
  }
  return {
    handler,
    name,
    timeout,
    timeoutMs: timeout * 1000,
    memorySize,
    ephemeralStorage,
    environment: { ...environment },
    runtime,
    region,
    accountId,
    seed,
    root,
    clock,
    logFormat,
    logLevel,
    printLogs: input.printLogs === true,
    historyLimit,
    reservedConcurrency,
    deadLetterQueue: dlq,
    onSuccess: destinations.onSuccess,
    onFailure: destinations.onFailure,
    maximumRetryAttempts,
    maximumEventAge,
    duplicateProbability: probability,
    idleTimeoutMs: input.idleTimeout === undefined ? undefined : parseDuration(input.idleTimeout),
    maxLifetimeMs: input.maxLifetime === undefined ? undefined : parseDuration(input.maxLifetime),
    isolation,
    provisionedConcurrency:
      input.provisionedConcurrency === undefined ? 0 : checkCount('provisionedConcurrency', input.provisionedConcurrency),
    handlerName,
    functionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
  };
}
