import type { ClientContext, CognitoIdentity, Context } from 'aws-lambda';
import { createRandom } from '../internal/random.js';
import { hostRuntime, type RuntimeName } from '../runtime/profiles.js';
import { rejectUnknownKeys } from '../errors.js';

/** What the context of nodejs24.x adds (RIC v4). */
export interface LambdaContextExtras {
  /** The `_X_AMZN_TRACE_ID` of the invocation (nodejs24.x only). */
  xRayTraceId?: string;
  /** The tenant id of a multi-tenant invocation (`X-Amz-Tenant-Id`). */
  tenantId?: string;
}

/**
 * The context handed to handlers: `@types/aws-lambda`'s `Context` plus what newer runtimes add.
 * @example
 * const handler = async (event: unknown, context: LambdaContext) => context.getRemainingTimeInMillis();
 */
export type LambdaContext = Context & LambdaContextExtras;

/** Everything that varies per invocation, resolved by the invoker (or by {@link createContext} defaults). */
export interface ContextData {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity: CognitoIdentity | undefined;
  clientContext: ClientContext | undefined;
  tenantId: string | undefined;
  xRayTraceId: string | undefined;
  /** Epoch ms. */
  deadline: number;
  /** Virtual (or real) now, epoch ms. */
  now: () => number;
}

/** Completion functions of the v3 runtime (nodejs20.x/22.x), as the context exposes them. */
export interface CallbackControls {
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
  done(error?: unknown, result?: unknown): void;
}

/**
 * What a v3 runtime puts first in a context: the callback members, or for a streaming handler (RIC3's
 * StreamingContext) only `callbackWaitsForEmptyEventLoop`.
 */
export type ContextControls = CallbackControls | 'streaming';

/**
 * Builds the context object with the members, key order and formats of the real runtime (spec §6): on v3 the
 * callback members come first (so `JSON.stringify(context)` matches AWS's recording), then the environment data,
 * then the header data. `identity`/`clientContext`/`tenantId` are present only when set.
 */
export function buildContext(data: ContextData, runtime: RuntimeName, controls?: ContextControls): LambdaContext {
  const { deadline, now } = data;
  // Built key by key from `{}` rather than as an object literal, in the runtime's key order. V8 tracks where literals
  // are allocated and, when it sees a literal's objects survive young-generation collections (as everything of the
  // invocations a test keeps in `fn.invocations` does), allocates them straight in the old generation from then on. A
  // dead context there keeps the young objects it points to (closures, the completion state) alive until the next
  // full collection: warm invokes were twice as slow in that mode (issue 8, bench/RESULTS.md). `{}` has no such site.
  const ctx: Record<string, unknown> = {};
  // The v3 runtimes (nodejs20.x/22.x) put the callback members first; nodejs24.x has none, and an X-Ray trace id.
  const v3Controls = runtime !== 'nodejs24.x' ? controls : undefined;
  if (v3Controls) {
    // A plain data property (the runtime reads it when the callback is called): what a handler sets is what counts,
    // and JSON.stringify(context) shows it first, as AWS recorded.
    ctx['callbackWaitsForEmptyEventLoop'] = true;
    if (v3Controls !== 'streaming') {
      ctx['succeed'] = v3Controls.succeed;
      ctx['fail'] = v3Controls.fail;
      ctx['done'] = v3Controls.done;
    }
  }
  ctx['functionVersion'] = data.functionVersion;
  ctx['functionName'] = data.functionName;
  ctx['memoryLimitInMB'] = data.memoryLimitInMB;
  ctx['logGroupName'] = data.logGroupName;
  ctx['logStreamName'] = data.logStreamName;
  ctx['clientContext'] = data.clientContext;
  ctx['identity'] = data.identity;
  ctx['invokedFunctionArn'] = data.invokedFunctionArn;
  ctx['awsRequestId'] = data.awsRequestId;
  if (!v3Controls) ctx['xRayTraceId'] = data.xRayTraceId;
  ctx['getRemainingTimeInMillis'] = () => deadline - now();
  if (data.tenantId !== undefined) ctx['tenantId'] = data.tenantId;
  return ctx as unknown as LambdaContext;
}

/**
 * Options of {@link createContext}.
 * @example
 * const context = createContext({ functionName: 'orders', timeout: 30 });
 */
export interface CreateContextOptions {
  functionName?: string;
  functionVersion?: string;
  /** Seconds; default 3. */
  timeout?: number;
  /** MB; default 128. */
  memorySize?: number;
  runtime?: RuntimeName;
  region?: string;
  accountId?: string;
  /** Alias or version the function was invoked with (makes `invokedFunctionArn` qualified). */
  qualifier?: string;
  awsRequestId?: string;
  identity?: CognitoIdentity;
  clientContext?: ClientContext;
  tenantId?: string;
  /** Seed for the request id and log stream name. Default 1. */
  seed?: number;
  /**
   * The clock the deadline counts down on: `{ now(): number }` (e.g. a harness clock). By default the global
   * `Date.now()` at each call — so it counts down in real time, and follows `vi.useFakeTimers()` when installed.
   */
  clock?: { now(): number };
}

const KNOWN = [
  'functionName', 'functionVersion', 'timeout', 'memorySize', 'runtime', 'region', 'accountId', 'qualifier',
  'awsRequestId', 'identity', 'clientContext', 'tenantId', 'seed', 'clock',
];

/** `YYYY/MM/DD/[<version>]<32 hex>`: the log stream of one execution environment. */
export function logStreamName(epochMs: number, version: string, hex32: string): string {
  const d = new Date(epochMs).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/[${version}]${hex32}`;
}

/**
 * A faithful Lambda context for tests that call a handler directly. Its `getRemainingTimeInMillis()` really
 * counts down (deadline minus now, and may go negative), unlike frozen test contexts.
 * @example
 * const context = createContext({ functionName: 'orders', timeout: 10 });
 * await handler(event, context);
 */
export function createContext(options: CreateContextOptions = {}): LambdaContext {
  rejectUnknownKeys('createContext', options, KNOWN);
  const runtime = options.runtime ?? hostRuntime();
  const random = createRandom(options.seed ?? 1);
  const functionName = options.functionName ?? 'test-function';
  const version = options.functionVersion ?? '$LATEST';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const arn = `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
  const now = options.clock ? () => options.clock!.now() : () => Date.now();
  const timeoutMs = (options.timeout ?? 3) * 1000;
  const start = now();
  let finished = false;
  const once = (fn: () => void): void => {
    if (!finished) {
      finished = true;
      fn();
    }
  };
  return buildContext(
    {
      functionName,
      functionVersion: version,
      invokedFunctionArn: options.qualifier ? `${arn}:${options.qualifier}` : arn,
      memoryLimitInMB: String(options.memorySize ?? 128),
      awsRequestId: options.awsRequestId ?? random.uuid(),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: logStreamName(start, version, random.hex(32)),
      identity: options.identity,
      clientContext: options.clientContext,
      tenantId: options.tenantId,
      xRayTraceId: `Root=1-${Math.floor(start / 1000).toString(16).padStart(8, '0')}-${random.hex(24)};Sampled=0`,
      deadline: start + timeoutMs,
      now,
    },
    runtime,
    {
      // A standalone context has no runtime behind it: completion calls are accepted once and otherwise ignored.
      succeed: () => once(() => undefined),
      fail: () => once(() => undefined),
      done: () => once(() => undefined),
    },
  );
}
