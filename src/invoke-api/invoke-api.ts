import { HarnessError, LambdaServiceError, rejectUnknownKeys } from '../errors.js';
import type { InvokeOptions } from '../function/lambda-function.js';
import type { LiveOutcome, LiveSink } from '../internal/live.js';
import type { StreamListener } from '../runtime/response-stream.js';
import { invokeCompleteMessage, payloadChunks } from './event-stream.js';
import { createRandom, hashSeed, type Random } from '../internal/random.js';
import { asyncRequestTooLarge, LIMITS, syncRequestTooLarge } from '../limits/limits.js';
import { parseEventBody } from './event-body.js';
import { decodePathSegment, functionNameViolations, parseFunctionReference, functionNotFound, lengthViolations, qualifierViolations, splitFunctionReference, wrongRegion, type FunctionReference } from './function-name.js';
import { functionLevelOnly, routeControl, type ControlOperation, type ControlRoute } from './control-plane.js';
import { functionConfiguration } from './control-shapes.js';
import { mappedFunctionOf, type MappedFunction } from '../function/lambda-function.js';
import { wireErrorOf } from '../internal/wire-error.js';
import { FunctionRegistry, type InvokeTarget, type RegisteredFunction } from './registry.js';
import { errorResponse, invocationResponse, invokeComplete, rawErrorResponse, streamHeaders, streamInvocationResponse, type ApiResponse } from './response.js';
import type { EventAccepted, InvocationResult } from '../function/result.js';
import { isRegionName, signedRegion } from './region.js';
import { enumViolations, validationError, type ConstraintViolation } from './validation.js';

/** What the API needs to know of a request before reading its body. */
export interface RequestHead {
  readonly method: string;
  /** The path as sent (still percent-encoded), without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Case-insensitive header lookup (a `Headers` object fits). */
  readonly headers: { get(name: string): string | null };
  /** The region the endpoint belongs to, when the transport knows it (msw: from the host name). */
  readonly region?: string | undefined;
}

/**
 * The first step of serving a request, from its head alone: either a response to send at once (unknown route,
 * validation error, unknown function), or an invocation (or a control-plane call, which transports serve the same
 * way) waiting for a body of at most `bodyLimit` bytes.
 */
export type InvokeStart =
  | { readonly kind: 'respond'; readonly response: ApiResponse }
  | {
      readonly kind: 'invoke';
      /** Largest body AWS accepts for this invocation type (6 MB sync, 1 MB `Event`). */
      readonly bodyLimit: number;
      /** Whether the 413 quotes the body's size (`Event`), so a transport should count an oversized body to its end. */
      readonly quotesSize: boolean;
      /** The 413 for a body over `bodyLimit` (`size` when known: the `Event` message quotes it). */
      tooLarge(size: number | undefined): ApiResponse;
      /**
       * Runs the invocation with the complete body. Never rejects: every failure is a response. With a `sink`,
       * `InvokeWithResponseStream` sends a streaming handler's response there as it is written, and resolves with how it
       * ended (the transport then finishes or aborts it).
       */
      run(body: Uint8Array): Promise<ApiResponse>;
      run(body: Uint8Array, sink: LiveSink | undefined): Promise<ApiResponse | LiveOutcome>;
    };

type RunInvocation = Extract<InvokeStart, { kind: 'invoke' }>['run'];

/** Options of {@link createInvokeApi}. */
export interface InvokeApiOptions {
  /** Region assumed for requests that carry none (unsigned requests). @defaultValue the first function's, else 'us-east-1' */
  region?: string;
  /** Seed of the request ids of error responses (invocations use their function's ids). @defaultValue 1 */
  seed?: number;
  /** Told about internal failures (a 500 `ServiceException` is sent). */
  onError?: (error: unknown) => void;
}

/**
 * The Lambda Invoke API over a set of simulated functions, independent of any transport: the msw handlers and
 * the HTTP server both drive this one implementation.
 * @example
 * const api = createInvokeApi([fn]);
 * const start = api.start({ method: 'POST', path: '/2015-03-31/functions/orders/invocations', query, headers });
 * const response = start.kind === 'respond' ? start.response : await start.run(body);
 */
export interface InvokeApi {
  /** Routes and validates a request from its head. */
  start(head: RequestHead): InvokeStart;
  /** Serves a request whose body is already in memory (start, size check, run). */
  handle(head: RequestHead, body: Uint8Array): Promise<ApiResponse>;
  /** The same, sending a live `InvokeWithResponseStream` response to `sink` (see `InvokeStart.run`). */
  handle(head: RequestHead, body: Uint8Array, sink: LiveSink | undefined): Promise<ApiResponse | LiveOutcome>;
  /** The 500 `ServiceException` for a failure of the harness itself (reported to `onError` first). */
  internalError(error: unknown): ApiResponse;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]*)\/invocations$/;
const STREAM_PATH = /^\/2021-11-15\/functions\/([^/]*)\/response-streaming-invocations$/;
const LIST_FUNCTIONS_PATH = /^\/2015-03-31\/functions\/?$/;
const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'] as const;
/** `InvokeWithResponseStream` has no asynchronous invocation. */
const STREAM_INVOCATION_TYPES = ['RequestResponse', 'DryRun'] as const;
const LOG_TYPES = ['None', 'Tail'] as const;
const TENANT_ID = /^[a-zA-Z0-9._:/=+\-@ ]+$/;
const TENANT_ID_PATTERN = '[a-zA-Z0-9\\._:\\/=+\\-@ ]+';
const KEYS = ['region', 'seed', 'onError'];
/** Largest control-plane request body (their JSON is small; the figure is the Invoke limit's) [INFERRED]. */
const CONTROL_BODY_LIMIT = LIMITS.syncRequestBytes;

function tenantViolations(value: string | null): ConstraintViolation[] {
  if (value === null) return [];
  const out = lengthViolations('tenantId', value, 256);
  if (out.length === 0 && !TENANT_ID.test(value)) out.push({ member: 'tenantId', value, constraint: `Member must satisfy regular expression pattern: ${TENANT_ID_PATTERN}` });
  return out;
}

/** What a request is, by its method, path and query: the one routing that `start` serves by and msw lets through by. */
type Route =
  | { readonly kind: 'invoke'; readonly segment: string; readonly streaming: boolean }
  | { readonly kind: 'list-functions' }
  | { readonly kind: 'control'; readonly route: ControlRoute };

function classify(method: string, path: string, query: URLSearchParams): Route | undefined {
  const invoke = INVOKE_PATH.exec(path);
  const stream = invoke ? null : STREAM_PATH.exec(path);
  // No other operation lives on an invocation path: another method is the API's 405, not someone else's request.
  if (invoke || stream) return { kind: 'invoke', segment: (invoke ?? stream)![1]!, streaming: invoke === null };
  if (LIST_FUNCTIONS_PATH.test(path) && method === 'GET') return { kind: 'list-functions' };
  const route = routeControl(method, path, query);
  return route === undefined ? undefined : { kind: 'control', route };
}

/**
 * Whether the API serves a request's operation (an invocation, ListFunctions, or a control-plane operation): the msw
 * handlers let the others fall through to the user's own handlers.
 * @example
 * serves('GET', '/2015-03-31/functions/orders/policy', new URLSearchParams()); // false: GetPolicy
 */
export function serves(method: string, path: string, query: URLSearchParams): boolean {
  return classify(method, path, query) !== undefined;
}

class Api implements InvokeApi {
  private readonly registry: FunctionRegistry;
  private readonly random: Random;
  private readonly fallbackRegion: string;
  private readonly onError: ((error: unknown) => void) | undefined;

  constructor(functions: readonly InvokeTarget[], options: InvokeApiOptions) {
    if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', 'Invoke API options must be an object.');
    rejectUnknownKeys('Invoke API', options, KEYS);
    if (options.region !== undefined && !isRegionName(options.region)) {
      throw new HarnessError('INVALID_OPTION', `'region' must be a region name such as us-east-1 (got ${JSON.stringify(options.region)}).`);
    }
    this.registry = new FunctionRegistry(functions);
    this.fallbackRegion = options.region ?? this.registry.all()[0]?.region ?? 'us-east-1';
    this.random = createRandom(hashSeed('invoke-api', (options.seed ?? 1) >>> 0));
    this.onError = options.onError;
  }

  private respond(response: ApiResponse): InvokeStart {
    return { kind: 'respond', response };
  }

  private fail(error: LambdaServiceError): InvokeStart {
    return this.respond(errorResponse(error, this.random.uuid()));
  }

  start(head: RequestHead): InvokeStart {
    const route = classify(head.method, head.path, head.query);
    if (route === undefined) {
      return this.unknownOperation(
        'lambda-harness serves Invoke, InvokeWithResponseStream, ListFunctions, versions and aliases, reserved and provisioned ' +
          `concurrency, and Get/UpdateFunctionConfiguration (see docs/invoke-api.md), not ${head.method} ${head.path}.`,
      );
    }
    if (route.kind === 'list-functions') return this.listFunctions(head);
    if (route.kind === 'control') return this.startControl(head, route.route);
    const streaming = route.streaming;
    if (head.method !== 'POST') {
      const message = `Method ${head.method} is not allowed on ${head.path}; use POST.`;
      return this.respond(rawErrorResponse(405, 'MethodNotAllowedException', { Type: 'User', message }, this.random.uuid(), { Allow: 'POST' }));
    }
    const functionName = decodePathSegment(route.segment);
    const qualifierParam = head.query.get('Qualifier') ?? undefined;
    const invocationType = head.headers.get('x-amz-invocation-type');
    const logType = head.headers.get('x-amz-log-type');
    const tenantId = head.headers.get('x-amz-tenant-id');
    // One ValidationException lists every failed member, in the order of the request shape.
    const violations = [
      ...functionNameViolations(functionName),
      ...enumViolations('invocationType', invocationType, streaming ? STREAM_INVOCATION_TYPES : INVOCATION_TYPES),
      ...enumViolations('logType', logType, LOG_TYPES),
      ...(qualifierParam === undefined ? [] : qualifierViolations(qualifierParam)),
      ...tenantViolations(tenantId),
    ];
    if (violations.length > 0) return this.fail(validationError(violations));
    const parsed = splitFunctionReference(functionName, qualifierParam);
    if (!parsed.ok) return this.fail(parsed.error);
    const ref = parsed.reference;
    const found = this.locate(head, ref);
    if (found instanceof LambdaServiceError) return this.fail(found);
    const type = (invocationType ?? 'RequestResponse') as InvokeOptions['invocationType'] & string;
    const options: InvokeOptions = { invocationType: type };
    if (ref.qualifier !== undefined) options.qualifier = ref.qualifier;
    if (tenantId !== null) options.tenantId = tenantId;
    if (type === 'RequestResponse') {
      // Tail logs and the client context only exist for synchronous invocations.
      if (logType === 'Tail') options.logType = 'Tail';
      const clientContext = head.headers.get('x-amz-client-context');
      if (clientContext !== null) options.clientContext = clientContext;
    }
    const bodyLimit = type === 'Event' ? LIMITS.asyncRequestBytes : LIMITS.syncRequestBytes;
    return {
      kind: 'invoke',
      bodyLimit,
      quotesSize: type === 'Event',
      tooLarge: (size) =>
        errorResponse(type === 'Event' ? asyncRequestTooLarge(size ?? bodyLimit + 1) : syncRequestTooLarge(), this.random.uuid()),
      run: ((body: Uint8Array, sink?: LiveSink) => this.run(found, options, body, streaming ? sink : undefined, streaming)) as RunInvocation,
    };
  }

  private unknownOperation(message: string): InvokeStart {
    return this.respond(rawErrorResponse(404, 'UnknownOperationException', { Type: 'User', message }, this.random.uuid()));
  }

  /**
   * The function a reference names, in the request's region, or AWS's 404 (a qualifier the function does not have,
   * `$latest` included, is the operation's own 404).
   */
  private locate(head: RequestHead, ref: FunctionReference): RegisteredFunction | LambdaServiceError {
    const region = this.regionOf(head);
    if (ref.region !== undefined && ref.region !== region) return wrongRegion(ref.region, region);
    const found = this.registry.find(region, ref.name);
    const account = ref.account ?? found?.account ?? this.registry.defaultAccount;
    // A disposed function is gone, as a deleted one is on AWS.
    const gone = found === undefined || found.account !== account || mappedFunctionOf(found.target)?.disposed === true;
    if (gone) return functionNotFound({ partition: ref.partition, region, account, name: ref.name, qualifier: ref.qualifier });
    return found;
  }

  /** The region a request is for: its endpoint's (msw), its signature's, else the API's default. */
  private regionOf(head: RequestHead): string {
    return head.region ?? signedRegion(head.headers.get('authorization')) ?? this.fallbackRegion;
  }

  /** A request for the control plane (versions, aliases, concurrency, configuration). */
  private startControl(head: RequestHead, route: ControlRoute): InvokeStart {
    const operation = route.operation;
    const qualifierParam = head.query.get('Qualifier') ?? undefined;
    const parsed = parseFunctionReference(route.functionName, qualifierParam);
    if (!parsed.ok) return this.fail('violations' in parsed ? validationError(parsed.violations) : parsed.error);
    const ref = parsed.reference;
    if (operation.qualifier === 'unqualified' && ref.qualifier !== undefined) return this.fail(functionLevelOnly());
    if (operation.qualifier === 'required' && ref.qualifier === undefined) {
      return this.fail(validationError([{ member: 'qualifier', value: null, constraint: 'Member must not be null' }]));
    }
    const found = this.locate(head, ref);
    if (found instanceof LambdaServiceError) return this.fail(found);
    const fn = mappedFunctionOf(found.target);
    if (fn === undefined) {
      // A hand-written InvokeTarget can be invoked, not managed.
      return this.unknownOperation(`${operation.name} needs a function from createFunction(); ${ref.name} is a hand-written target.`);
    }
    const tooLarge = (): ApiResponse =>
      errorResponse(
        new LambdaServiceError({ name: 'RequestEntityTooLargeException', statusCode: 413, message: `Request must be smaller than ${CONTROL_BODY_LIMIT} bytes for the ${operation.name} operation` }),
        this.random.uuid(),
      );
    return {
      kind: 'invoke',
      bodyLimit: CONTROL_BODY_LIMIT,
      quotesSize: false,
      tooLarge,
      run: ((body: Uint8Array) => Promise.resolve(this.runControl(operation, fn, ref, route.alias, body))) as RunInvocation,
    };
  }

  /**
   * ListFunctions: `$LATEST`'s configuration of every function from `createFunction()` in the request's region, in
   * one page (`Marker` and `MaxItems` are ignored: a test serves a handful).
   */
  private listFunctions(head: RequestHead): InvokeStart {
    const region = this.regionOf(head);
    const functions = this.registry
      .all()
      .filter((f) => f.region === region)
      .flatMap((f) => mappedFunctionOf(f.target) ?? [])
      .filter((fn) => !fn.disposed)
      .map((fn) => functionConfiguration(fn, fn.configurationOf(undefined), fn.arn));
    const headers = { 'Content-Type': 'application/json', 'x-amzn-RequestId': this.random.uuid() };
    return this.respond({ status: 200, headers, body: JSON.stringify({ Functions: functions }) });
  }

  /** Runs a control-plane operation: its answer, or what AWS answers for what it threw. */
  private runControl(operation: ControlOperation, fn: MappedFunction, ref: FunctionReference, alias: string | undefined, bytes: Uint8Array): ApiResponse {
    const requestId = this.random.uuid();
    const text = Buffer.from(bytes).toString('utf8');
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return errorResponse(new LambdaServiceError({ name: 'InvalidRequestContentException', statusCode: 400, message: 'Could not parse request body into json' }), requestId);
    }
    try {
      const answer = operation.run({ fn, ref, alias, body: body as Record<string, unknown> });
      const headers = { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId };
      return { status: answer.status, headers, body: answer.body === undefined ? '' : JSON.stringify(answer.body) };
    } catch (error) {
      const wire = wireErrorOf(error);
      return wire ? errorResponse(wire, requestId) : this.internalError(error);
    }
  }

  private async run(fn: RegisteredFunction, options: InvokeOptions, body: Uint8Array, sink: LiveSink | undefined, streaming: boolean): Promise<ApiResponse | LiveOutcome> {
    const parsed = parseEventBody(body);
    if (!parsed.ok) return errorResponse(parsed.error, this.random.uuid());
    let live = false;
    try {
      // The text as sent goes along: it is not serialised again, and an Event payload is dead-lettered as sent.
      const via: { payloadText: string; streamListener?: StreamListener } = { payloadText: parsed.text };
      if (streaming) {
        // Read as a stream. With a sink, each write goes out as it is written, as PayloadChunk events after the headers
        // (the stream's content type).
        via.streamListener = (chunk, contentType, requestId, executedVersion) => {
          if (!sink) return;
          if (!live) sink.head(200, Object.entries(streamHeaders(contentType, requestId, executedVersion)));
          live = true;
          for (const message of payloadChunks(chunk)) sink.write(message);
        };
      }
      // A hand-written target is called as a user would call it (the overloads of invoke narrow on the literal type;
      // the API chooses it at run time).
      const managed = mappedFunctionOf(fn.target);
      const result = await (managed
        ? managed.invokeVia(parsed.event, options, via)
        : (fn.target.invoke as (event: unknown, options: InvokeOptions) => ReturnType<InvokeTarget['invoke']>).call(fn.target, parsed.event, options));
      if (live) {
        // However it ended, a live stream ends with InvokeComplete (carrying the error, if any), as on AWS.
        sink!.write(invokeCompleteMessage(invokeComplete(result as unknown as InvocationResult)));
        return { live: 'complete' };
      }
      return streaming ? streamInvocationResponse(result as Exclude<typeof result, EventAccepted>) : invocationResponse(result);
    } catch (error) {
      if (live) {
        this.onError?.(error);
        return { live: 'cut' };
      }
      if (error instanceof LambdaServiceError) return errorResponse(error, this.random.uuid());
      return this.internalError(error);
    }
  }

  internalError(error: unknown): ApiResponse {
    this.onError?.(error);
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return rawErrorResponse(500, 'ServiceException', { Message: `lambda-harness could not run the invocation: ${detail}`, Type: 'Service' }, this.random.uuid());
  }

  handle(head: RequestHead, body: Uint8Array): Promise<ApiResponse>;
  handle(head: RequestHead, body: Uint8Array, sink: LiveSink | undefined): Promise<ApiResponse | LiveOutcome>;
  async handle(head: RequestHead, body: Uint8Array, sink?: LiveSink): Promise<ApiResponse | LiveOutcome> {
    const start = this.start(head);
    if (start.kind === 'respond') return start.response;
    if (body.length > start.bodyLimit) return start.tooLarge(body.length);
    return start.run(body, sink);
  }
}

/**
 * Creates the Invoke API over `functions` (see {@link InvokeApi}). Misuse (not an array of functions, two
 * functions with one name in one region, unknown options) throws a `HarnessError`.
 * @example
 * const api = createInvokeApi([createFunction({ handler, name: 'hello-world' })]);
 */
export function createInvokeApi(functions: readonly InvokeTarget[], options: InvokeApiOptions = {}): InvokeApi {
  return new Api(functions, options);
}
