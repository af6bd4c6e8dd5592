import { http, HttpResponse, type HttpHandler } from 'msw';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import type { LambdaFunction } from '../function/lambda-function.js';
import { createFunctionUrl, type FunctionUrlConfig } from '../function-url/function-url.js';
import { answerLive, headersFrom } from './live-response.js';
import { createRandom, hashSeed } from '../internal/random.js';

/**
 * Options of {@link functionUrlHandlers}. Unknown keys are rejected.
 * @example
 * functionUrlHandlers(fn, { url: 'https://abc123.lambda-url.eu-west-1.on.aws', invokeMode: 'BUFFERED' });
 */
export interface FunctionUrlHandlersOptions extends FunctionUrlConfig {
  /**
   * The function URL the code under test calls (`https://<url-id>.lambda-url.<region>.on.aws`). By default any
   * function URL in the function's region is intercepted: pass `url` when several functions have handlers.
   */
  url?: string;
}

const KEYS = ['url', 'invokeMode', 'seed', 'qualifier'];
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const URL_HOST = /^([a-z0-9]+)\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;

/**
 * msw request handlers that serve a simulated function at its function URL, for code under test that calls the URL
 * with fetch or any HTTP client: the request becomes the event Lambda builds and the result the response AWS makes
 * of it, as `startFunctionUrl` does over real HTTP. One difference: a repeated request header reaches the handler
 * joined by ", " (fetch's `Headers` merge repeats before msw sees them), where AWS joins the values with ",".
 * @example
 * import { setupServer } from 'msw/node';
 * import { functionUrlHandlers } from 'lambda-harness/msw';
 * const api = createFunction({ handler: 'src/api.handler' });
 * const server = setupServer(...functionUrlHandlers(api, { url: 'https://abc123.lambda-url.us-east-1.on.aws' }));
 * server.listen();
 */
export function functionUrlHandlers(fn: LambdaFunction, options: FunctionUrlHandlersOptions = {}): HttpHandler[] {
  if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', 'functionUrlHandlers: options must be an object.');
  rejectUnknownKeys('functionUrlHandlers', options, KEYS);
  const { url, ...config } = options;
  const functionUrl = createFunctionUrl('functionUrlHandlers', fn, config);
  let origin: RegExp;
  if (url === undefined) {
    origin = new RegExp(`^https://[a-z0-9]+${escapeRegExp(`.lambda-url.${functionUrl.region}.on.aws`)}(/|$)`);
  } else {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new HarnessError('INVALID_OPTION', `functionUrlHandlers: 'url' must be a URL such as https://abc123.lambda-url.us-east-1.on.aws (got ${JSON.stringify(url)}).`);
    }
    const host = URL_HOST.exec(parsed.hostname);
    if (host === null) {
      throw new HarnessError('INVALID_OPTION', `functionUrlHandlers: 'url' must be a function URL, https://<url-id>.lambda-url.<region>.on.aws (got ${JSON.stringify(url)}).`);
    }
    if (host[2] !== functionUrl.region) {
      throw new HarnessError(
        'INVALID_OPTION',
        `functionUrlHandlers: 'url' is in ${host[2]}, but function ${fn.name} is in ${functionUrl.region}: pass a URL of its region, or create the function with { region: '${host[2]}' }.`,
      );
    }
    origin = new RegExp(`^${escapeRegExp(parsed.origin)}(/|$)`);
  }
  return [
    http.all(origin, async ({ request }) => {
      const target = new URL(request.url);
      const requestBody = new Uint8Array(await request.arrayBuffer());
      // The raw target as sent: msw hands over a parsed URL, whose path and query keep their escapes. A streaming
      // handler's response is answered as soon as its status is known, its body a stream fed as it is written
      // (RESPONSE_STREAM); anything else once the invocation is over.
      return answerLive(
        (sink) =>
          functionUrl.handle(
            { method: request.method, target: `${target.pathname}${target.search}`, headers: [...request.headers], body: requestBody, sourceIp: '127.0.0.1' },
            URL_HOST.exec(target.hostname)?.[1],
            sink,
          ),
        (answer) => new HttpResponse(answer.body.byteLength === 0 ? null : answer.body, { status: answer.status, headers: headersFrom(answer.headers) }),
      );
    }),
  ];
}

/**
 * An msw handler answering every function URL no other handler serves as AWS answers a URL that does not exist: 403,
 * `x-amzn-ErrorType: AccessDeniedException`, body `{"Message":null}` (recorded: url-nonexistent-403). List it after the
 * functions' handlers, so that a request to a mistyped URL id fails as it would on AWS instead of leaving the process.
 * @example
 * const server = setupServer(...functionUrlHandlers(api, { url }), unknownFunctionUrlHandler());
 */
export function unknownFunctionUrlHandler(): HttpHandler {
  const random = createRandom(hashSeed('unknown-function-url'));
  return http.all(/^https:\/\/[a-z0-9]+\.lambda-url\.[a-z0-9-]+\.on\.aws(\/|$)/, () =>
    HttpResponse.json({ Message: null }, { status: 403, headers: { 'x-amzn-ErrorType': 'AccessDeniedException', 'x-amzn-RequestId': random.uuid() } }),
  );
}
