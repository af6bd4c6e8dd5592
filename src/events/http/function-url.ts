import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { randomString } from '../_internals/format.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { apiGatewayV2, type ApiGatewayV2Input } from './api-gateway-v2.js';
import { isTextContent, toPairs } from './_request.js';

/** Intent for a Lambda function URL request: the same intent as `apiGatewayV2`, without routes and stages. */
export interface FunctionUrlInput extends Omit<ApiGatewayV2Input, 'route' | 'stage' | 'pathParameters' | 'stageVariables' | 'overrides'> {
  /** Verbatim deep-partial overrides, applied last. */
  readonly overrides?: DeepPartial<LambdaFunctionURLEvent>;
}

/** The TLS headers a function URL's front end adds to every request (from the captured events). */
export const FUNCTION_URL_TLS_HEADERS: Readonly<Record<string, string>> = {
  'x-amzn-tls-cipher-suite': 'ECDHE-RSA-AES128-GCM-SHA256',
  'x-amzn-tls-version': 'TLSv1.2',
};

/**
 * The canonical base of `functionUrl`, from a captured GET with AUTH_TYPE NONE
 * (aws-lambda-go/lambdaurl__testdata__function-url-domain-only-get-request.json, AWS-signing headers dropped).
 * Equal to `fixtures/events/furl.json`.
 */
export const functionUrlFixture: LambdaFunctionURLEvent = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/',
  rawQueryString: '',
  headers: {
    accept: 'application/xml',
    'accept-encoding': 'gzip, deflate',
    host: 'lambda-url-id.lambda-url.us-west-2.on.aws',
    'user-agent': 'python-requests/2.28.2',
    'x-amzn-tls-cipher-suite': 'ECDHE-RSA-AES128-GCM-SHA256',
    'x-amzn-tls-version': 'TLSv1.2',
    'x-amzn-trace-id': 'Root=1-643eccfb-4c9be61972302fa41111a443',
    'x-forwarded-for': '127.0.0.1',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'lambda-url-id',
    domainName: 'lambda-url-id.lambda-url.us-west-2.on.aws',
    domainPrefix: 'lambda-url-id',
    http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'python-requests/2.28.2' },
    requestId: 'deeb7e49-a9a8-4a8f-bcd1-5482231e2087',
    routeKey: '$default',
    stage: '$default',
    time: '18/Apr/2023:17:01:47 +0000',
    timeEpoch: 1681837307283,
  },
  isBase64Encoded: false,
};

/**
 * A Lambda function URL request (payload format 2.0, like HTTP APIs, but on `<url-id>.lambda-url.<region>.on.aws`,
 * with `accountId: 'anonymous'` for AUTH_TYPE NONE, UUID request ids and TLS headers). A string body arrives as text
 * only for text media types (`text/*`, JSON, XML, JavaScript, YAML); any other, or none, is base64-encoded, as the
 * URL does (pass `isBase64Encoded` to choose).
 * @example
 * const event = events.functionUrl({ method: 'POST', path: '/hooks', json: { ok: true } });
 * event.requestContext.domainName; // '<url-id>.lambda-url.us-east-1.on.aws'
 */
export function functionUrl(input: FunctionUrlInput = {}, options?: EventOptions): LambdaFunctionURLEvent {
  const { random } = buildContext('furl', options);
  const urlId = randomString(random, 32);
  const domainName = `${urlId}.lambda-url.us-east-1.on.aws`;
  const { overrides, headers, ...request } = input;
  // A function URL delivers only text media types as text: any other string body (a form, an unknown or missing
  // content type) arrives base64-encoded, as recorded (url-multipart-base64) and captured (content-type "idk").
  const contentType = toPairs(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const textBody = typeof request.body === 'string' && request.json === undefined;
  const event = apiGatewayV2(
    {
      ...request,
      isBase64Encoded: request.isBase64Encoded ?? (textBody && !isTextContent(contentType)),
      headers: {
        ...FUNCTION_URL_TLS_HEADERS,
        host: domainName,
        ...(headers ?? {}),
      },
    },
    options,
  );
  const context = event.requestContext;
  const shaped: LambdaFunctionURLEvent = {
    ...event,
    requestContext: {
      ...context,
      accountId: 'anonymous',
      apiId: urlId,
      domainName,
      domainPrefix: urlId,
      requestId: random.uuid(),
    },
  };
  // Function URLs never send a body-less content-length of 0 (API Gateway does).
  if (shaped.body === undefined) delete shaped.headers['content-length'];
  return overrides === undefined ? shaped : deepMerge<LambdaFunctionURLEvent>(shaped, overrides);
}

const SAMPLES = [
  'aws-lambda-go/lambdaurl__testdata__function-url-domain-only-get-request.json',
  'powertools-lambda-typescript/parser__lambda__get-request.json',
  'powertools-lambda-python/lambdaFunctionUrlEvent.json',
] as const;

/** Registry entry for `functionUrl`. */
export const functionUrlKind: EventKind = {
  id: 'furl',
  factory: 'functionUrl',
  title: 'Lambda function URL request',
  type: 'LambdaFunctionURLEvent',
  build: (options) => functionUrl({}, options),
  samples: SAMPLES,
  fixture: functionUrlFixture,
  examples: [
    {
      name: 'with a JSON body, query and cookies',
      build: (options) => functionUrl({ method: 'POST', path: '/my/path', query: { p: ['1', '2'] }, cookies: ['a=b'], json: { hello: 'world' } }, options),
      samples: [...SAMPLES, 'aws-lambda-go/lambdaurl__testdata__function-url-request-with-headers-and-cookies-and-text-body.json'],
    },
    {
      name: 'with a body of a media type that is not text (base64-encoded)',
      build: (options) => functionUrl({ method: 'POST', headers: { 'content-type': 'idk' }, body: '<idk/>' }, options),
      samples: [...SAMPLES, 'aws-lambda-go/lambdaurl__testdata__function-url-domain-only-request-with-base64-encoded-body.json'],
    },
  ],
};
