import { regionOfArn } from '../events/_internals/aws.js';
import { HarnessError, LambdaServiceError } from '../errors.js';
import { randomString } from '../events/_internals/format.js';
import { codeTimeOf, mappedFunctionOf, type InvokeOptions, type LambdaFunction } from '../function/lambda-function.js';
import type { InvocationResult } from '../function/result.js';
import { ALIAS_NAME } from '../function/versions.js';
import { enumViolations, validationError } from '../invoke-api/validation.js';
import type { StreamListener } from '../runtime/response-stream.js';
import type { LiveOutcome, LiveSink } from '../internal/live.js';
import { LiveResponse } from './live-response.js';
import { createRandom, hashSeed } from '../internal/random.js';
import { LIMITS, syncRequestTooLarge } from '../limits/limits.js';
import { functionErrorResponse, httpResponseOf, httpResponseOfStream, type InvokeMode, type UrlResponse } from './http-response.js';
import { functionUrlEvent, type UrlPlace, type UrlRequest } from './request-event.js';

/** A function URL, transport aside: turns requests into invocations and results into responses. */
export interface FunctionUrl {
  readonly region: string;
  /** Largest request body a buffered URL accepts (Lambda's 6 MB synchronous payload). */
  readonly bodyLimit: number;
  /** The answer to a request whose body is over `bodyLimit`. */
  tooLarge(): UrlResponse;
  /**
   * Invokes the function with the request's event (`urlId`: the first label of the host it was sent to); resolves
   * with the response, never rejecting for a function's failure. A body over `bodyLimit` is refused unrun. With a
   * `sink`, a `RESPONSE_STREAM` URL sends a streaming handler's response there as it is written, and resolves with
   * whether it ended whole (the transport finishes it) or was cut short by a failure (the transport aborts it).
   */
  handle(request: UrlRequest, urlId?: string, sink?: LiveSink): Promise<UrlResponse | LiveOutcome>;
}

/** A service error (a throttle, a body over the limit) as the URL answers it: its status and message. [UNCERTAIN] */
function serviceErrorResponse(error: LambdaServiceError, requestId: string): UrlResponse {
  return {
    status: error.statusCode,
    headers: [
      ['Content-Type', 'application/json'],
      ['x-amzn-ErrorType', error.name],
      ['x-amzn-RequestId', requestId],
    ],
    body: Buffer.from(JSON.stringify({ Message: error.message })),
  };
}

/** What a function URL is configured with (beyond AuthType NONE). */
export interface FunctionUrlConfig {
  /** `BUFFERED` maps the handler's result to an HTTP response; `RESPONSE_STREAM` sends it as it is. @defaultValue 'BUFFERED' */
  invokeMode?: InvokeMode;
  /** Seed of the URL id and the events' generated ids. @defaultValue 1 */
  seed?: number;
  /**
   * The alias the URL belongs to (CreateFunctionUrlConfig's `Qualifier`; not a version number). Requests invoke it;
   * once the alias is deleted the URL answers 403, as on AWS. Default: the unqualified function.
   */
  qualifier?: string;
}

/** The 403 a URL answers when it no longer exists, as for a request it does not authorise (recorded: url-alias-deleted-403). */
const FORBIDDEN = new LambdaServiceError({
  name: 'AccessDeniedException',
  statusCode: 403,
  message: 'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
});

const MODES: readonly InvokeMode[] = ['RESPONSE_STREAM', 'BUFFERED'];

/**
 * The function URL of `fn` (AuthType NONE): each request becomes the payload-2.0 event, the result the HTTP response
 * AWS makes of it, with `x-amzn-RequestId` the invocation's id. Shared by the loopback server and the msw handler;
 * misuse throws a HarnessError naming `caller`.
 * @example
 * const url = createFunctionUrl('startFunctionUrl', fn, { invokeMode: 'BUFFERED' });
 * const response = await url.handle({ method: 'GET', target: '/', headers: [], body: new Uint8Array(), sourceIp: '127.0.0.1' });
 */
export function createFunctionUrl(caller: string, fn: LambdaFunction, config: FunctionUrlConfig): FunctionUrl {
  const invalid = (message: string): HarnessError => new HarnessError('INVALID_OPTION', `${caller}: ${message}`);
  const managed = mappedFunctionOf(fn);
  if (managed === undefined) throw invalid(`pass a function from createFunction(): ${caller}(fn, options).`);
  const { invokeMode = 'BUFFERED', seed = 1, qualifier } = config;
  if (!MODES.includes(invokeMode)) {
    // AWS's CreateFunctionUrlConfig validation message (recorded: url-config-invalid-invoke-mode).
    const violations = enumViolations('invokeMode', String(invokeMode), MODES);
    throw invalid(`${validationError(violations).message} (pass 'BUFFERED', the default, or 'RESPONSE_STREAM').`);
  }
  if (!Number.isInteger(seed)) throw invalid("'seed' must be an integer.");
  if (qualifier !== undefined) {
    // CreateFunctionUrlConfig's `Qualifier` is an alias name (recorded: test_url_config_exceptions).
    if (typeof qualifier !== 'string' || !ALIAS_NAME.test(qualifier)) {
      const violation = { member: 'qualifier', value: String(qualifier), constraint: 'Member must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)' };
      throw invalid(`${validationError([violation]).message} (a URL belongs to the function or to one of its aliases).`);
    }
    // AWS: ResourceNotFoundException.
    if (!managed.hasQualifier(qualifier)) throw invalid(`Function does not exist (${fn.name} has no alias ${JSON.stringify(qualifier)}; create it first).`);
  }
  const random = createRandom(hashSeed(`function-url:${fn.name}`, seed));
  const urlId = randomString(random, 32);
  const region = regionOfArn(fn.arn)!;
  const tooLarge = (): UrlResponse => serviceErrorResponse(syncRequestTooLarge(), random.uuid());
  return {
    region,
    bodyLimit: LIMITS.syncRequestBytes,
    tooLarge,
    handle: async (request, requestedId = urlId, sink) => {
      if (request.body.byteLength > LIMITS.syncRequestBytes) return tooLarge();
      // The URL's alias was deleted, and AWS deletes its URL with it: 403, as for any URL that does not exist. (Here the
      // URL serves again if an alias of that name is created again; on AWS it would need a new URL.)
      if (qualifier !== undefined && !managed.hasQualifier(qualifier)) return serviceErrorResponse(FORBIDDEN, random.uuid());
      const place: UrlPlace = { urlId: requestedId, region, port: 443 };
      const event = functionUrlEvent(request, place, random, codeTimeOf(fn));
      let response: UrlResponse;
      let requestId: string;
      try {
        // RESPONSE_STREAM reads a streaming handler's response as a stream (up to 200 MB, not 6 MB): live, with a sink.
        const live = sink && invokeMode === 'RESPONSE_STREAM' ? new LiveResponse(sink) : undefined;
        const listener: StreamListener = live ? live.chunk.bind(live) : () => undefined;
        const options: InvokeOptions = qualifier === undefined ? {} : { qualifier };
        const result = (await managed.invokeVia(event, options, invokeMode === 'RESPONSE_STREAM' ? { streamListener: listener } : {})) as InvocationResult;
        // Once the status went out, a failure can only cut the body short, as on AWS.
        if (live?.started) return { live: result.ok ? 'complete' : 'cut' };
        requestId = result.requestId;
        if (!result.ok) response = functionErrorResponse();
        else if (result.responseStream) response = httpResponseOfStream(result.responseStream);
        else response = httpResponseOf(result.payload, result.rawPayload, invokeMode);
      } catch (error) {
        if (!(error instanceof LambdaServiceError)) throw error;
        return serviceErrorResponse(error, random.uuid());
      }
      return { ...response, headers: [...response.headers, ['x-amzn-RequestId', requestId]] };
    },
  };
}
