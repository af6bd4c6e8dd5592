import { http, HttpResponse, type HttpHandler } from 'msw';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { createInvokeApi, serves, type InvokeApiOptions } from '../invoke-api/invoke-api.js';
import type { InvokeTarget } from '../invoke-api/registry.js';
import { isRegionName } from '../invoke-api/region.js';
import { answerLive } from './live-response.js';

/**
 * Options of {@link lambdaHandlers}. Unknown keys are rejected.
 * @example
 * lambdaHandlers([fn], { region: 'eu-west-1', seed: 7 });
 */
export interface LambdaHandlersOptions {
  /**
   * Intercept only `lambda.<region>.amazonaws.com`. By default every region's endpoint is intercepted and the
   * region is read from the host name (functions are found in their own region only, as on AWS).
   */
  region?: string;
  /** Seed of the request ids of error responses. @defaultValue 1 */
  seed?: number;
  /** Told about internal failures (which answer 500 `ServiceException`). */
  onError?: InvokeApiOptions['onError'];
}

const KEYS = ['region', 'seed', 'onError'];
const ENDPOINT = /^https?:\/\/lambda\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//;

/**
 * msw request handlers that serve the Lambda Invoke API (`POST /2015-03-31/functions/{FunctionName}/invocations`
 * on `https://lambda.<region>.amazonaws.com`, and `InvokeWithResponseStream`) from simulated functions, so code that
 * calls `@aws-sdk/client-lambda` (or any HTTP client) reaches them: statuses, headers and error bodies as AWS sends them.
 * Versions, aliases, reserved and provisioned concurrency and GetFunction(Configuration) are served too.
 * @example
 * import { setupServer } from 'msw/node';
 * import { lambdaHandlers } from 'lambda-harness/msw';
 * const server = setupServer(...lambdaHandlers([createFunction({ handler, name: 'hello-world' })]));
 * server.listen();
 */
export function lambdaHandlers(functions: readonly InvokeTarget[], options: LambdaHandlersOptions = {}): HttpHandler[] {
  if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', 'lambdaHandlers: options must be an object.');
  rejectUnknownKeys('lambdaHandlers', options, KEYS);
  const { region, ...apiOptions } = options;
  if (region !== undefined && !isRegionName(region)) {
    throw new HarnessError('INVALID_OPTION', `lambdaHandlers: 'region' must be a region name such as us-east-1 (got ${JSON.stringify(region)}).`);
  }
  const api = createInvokeApi(functions, apiOptions);
  const host = region === undefined ? '[a-z0-9-]+' : region.replace(/-/g, '\\-');
  // Paths of the Lambda API under /functions/: those the Invoke API serves (invocations, versions, aliases, concurrency,
  // configuration) are answered; the others fall through to the user's own handlers (or msw's unhandled-request rule).
  const route = new RegExp(`^https?://lambda\\.${host}\\.amazonaws\\.com(?:\\.cn)?/\\d{4}-\\d{2}-\\d{2}/functions(?:/[^?]*)?(?:\\?.*)?$`);
  return [
    http.all(route, async ({ request }) => {
      const url = new URL(request.url);
      if (!serves(request.method, url.pathname, url.searchParams)) return undefined;
      const head = { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, region: ENDPOINT.exec(request.url)?.[1] };
      const body = new Uint8Array(await request.arrayBuffer());
      // InvokeWithResponseStream answers as soon as a streaming handler writes, its events fed as they are written.
      return answerLive(
        (sink) => api.handle(head, body, sink),
        (response) => new HttpResponse(response.body === '' ? null : response.body, { status: response.status, headers: response.headers }),
      );
    }),
  ];
}
