import type {
  APIGatewayEventLambdaAuthorizerContext,
  APIGatewayProxyCognitoAuthorizer,
} from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { anonymousIdentity, restRequestParts, type RestApiProxyEvent, type RestRequestIntent } from './_rest.js';

export type { RestApiIdentity, RestApiProxyEvent, RestApiRequestContext } from './_rest.js';

/** Intent for a REST API (payload v1) proxy request. */
export interface ApiGatewayV1Input extends RestRequestIntent {
  /** Verbatim deep-partial overrides, applied last with no derivation. */
  readonly overrides?: DeepPartial<RestApiProxyEvent>;
}

/** Cognito user pool authorizer intent: the token's claims (API Gateway passes them all as strings). */
export interface CognitoAuthorizerIntent {
  readonly claims: Record<string, string>;
}
/** Lambda authorizer intent: the principal and the context the authorizer returned. */
export interface RestLambdaAuthorizerIntent<T> {
  readonly principalId?: string;
  readonly context: T;
}

/**
 * The canonical base of `apiGatewayV1`, from a captured no-authorizer request
 * (powertools-lambda-typescript/parser__apigw-rest__no-auth.json). Equal to `fixtures/events/apigw-rest.json`.
 */
export const apiGatewayV1Fixture: RestApiProxyEvent = {
  resource: '/no-auth',
  path: '/no-auth',
  httpMethod: 'POST',
  headers: {
    Accept: '*/*',
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Is-Mobile-Viewer': 'false',
    'CloudFront-Is-SmartTV-Viewer': 'false',
    'CloudFront-Is-Tablet-Viewer': 'false',
    'CloudFront-Viewer-Country': 'GB',
    Host: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com',
    'User-Agent': 'HTTPie/3.2.2',
    Via: '1.1 49c0c4776e390b983c9f9f5365e3140c.cloudfront.net (CloudFront)',
    'X-Amz-Cf-Id': 'x9VncJ8IMo4X5UQEL8-Xg94vWwwuokofx236RgW1CrFCTh9DnPrgJA==',
    'X-Amzn-Trace-Id': 'Root=1-66704cad-0fbaf1491365339d168b2a7d',
    'X-Forwarded-For': '15.248.3.126, 130.176.209.21',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  },
  multiValueHeaders: {
    Accept: ['*/*'],
    'CloudFront-Forwarded-Proto': ['https'],
    'CloudFront-Is-Desktop-Viewer': ['true'],
    'CloudFront-Is-Mobile-Viewer': ['false'],
    'CloudFront-Is-SmartTV-Viewer': ['false'],
    'CloudFront-Is-Tablet-Viewer': ['false'],
    'CloudFront-Viewer-Country': ['GB'],
    Host: ['puhdx84jy9.execute-api.eu-west-1.amazonaws.com'],
    'User-Agent': ['HTTPie/3.2.2'],
    Via: ['1.1 49c0c4776e390b983c9f9f5365e3140c.cloudfront.net (CloudFront)'],
    'X-Amz-Cf-Id': ['x9VncJ8IMo4X5UQEL8-Xg94vWwwuokofx236RgW1CrFCTh9DnPrgJA=='],
    'X-Amzn-Trace-Id': ['Root=1-66704cad-0fbaf1491365339d168b2a7d'],
    'X-Forwarded-For': ['15.248.3.126, 130.176.209.21'],
    'X-Forwarded-Port': ['443'],
    'X-Forwarded-Proto': ['https'],
  },
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    resourceId: '3nq1cq',
    resourcePath: '/no-auth',
    httpMethod: 'POST',
    extendedRequestId: 'ZhDrKF5dDoEEHfA=',
    requestTime: '17/Jun/2024:14:48:13 +0000',
    path: '/prod/no-auth',
    accountId: '123456789012',
    protocol: 'HTTP/1.1',
    stage: 'prod',
    domainPrefix: 'puhdx84jy9',
    requestTimeEpoch: 1718635693506,
    requestId: 'f88e38e3-2060-4a56-93c0-9efbc6a659a0',
    authorizer: undefined,
    identity: anonymousIdentity('HTTPie/3.2.2', '15.248.3.126'),
    domainName: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com',
    deploymentId: 'v99qix',
    apiId: 'puhdx84jy9',
  },
  body: null,
  isBase64Encoded: false,
};

const KIND_ID = 'apigw-rest';

function build(input: ApiGatewayV1Input & { readonly authorizer?: unknown }, options: EventOptions | undefined): unknown {
  const { random, now } = buildContext(KIND_ID, options);
  const p = restRequestParts(input, random, now);
  const requestContext = { ...p.requestContext };
  if (input.authorizer !== undefined) {
    const a = input.authorizer as Partial<CognitoAuthorizerIntent & RestLambdaAuthorizerIntent<Record<string, unknown>>>;
    if (a.claims !== undefined) requestContext['authorizer'] = { claims: { ...a.claims } };
    else {
      // API Gateway stringifies every context value (numbers and booleans arrive as strings) and adds these two.
      const context: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a.context ?? {})) context[k] = v === null ? null : String(v);
      requestContext['authorizer'] = {
        ...context,
        principalId: a.principalId ?? 'user',
        integrationLatency: 0,
      };
    }
  }
  const event = {
    resource: p.resource,
    path: p.path,
    httpMethod: p.req.method,
    headers: p.headers,
    multiValueHeaders: p.multiValueHeaders,
    queryStringParameters: p.queryStringParameters,
    multiValueQueryStringParameters: p.multiValueQueryStringParameters,
    pathParameters: p.pathParameters,
    stageVariables: p.stageVariables,
    requestContext,
    body: p.req.body ?? null,
    isBase64Encoded: p.req.isBase64Encoded,
  };
  return input.overrides === undefined ? event : deepMerge(event, input.overrides as DeepPartial<typeof event>);
}

/**
 * An API Gateway REST API proxy request (payload v1). Write intent (`method`, `path`, `resource`, `query`,
 * `headers`, `json`/`body`); single- and multi-value maps, `null` for empty maps, `requestContext.path` with the
 * stage, `requestTime` (`09/Apr/2015:12:34:56 +0000`) and `requestTimeEpoch` (ms) are derived.
 * Pass `authorizer: { claims }` (Cognito) or `authorizer: { context, principalId }` (Lambda) for authorised routes.
 * @example
 * const event = events.apiGatewayV1({ method: 'GET', path: '/orders/42', resource: '/orders/{id}', pathParameters: { id: '42' } });
 * event.requestContext.path; // '/prod/orders/42'
 */
export function apiGatewayV1<TContext extends Record<string, unknown>>(
  input: ApiGatewayV1Input & { readonly authorizer: RestLambdaAuthorizerIntent<TContext> },
  options?: EventOptions,
): RestApiProxyEvent<APIGatewayEventLambdaAuthorizerContext<TContext>>;
export function apiGatewayV1(
  input: ApiGatewayV1Input & { readonly authorizer: CognitoAuthorizerIntent },
  options?: EventOptions,
): RestApiProxyEvent<APIGatewayProxyCognitoAuthorizer>;
export function apiGatewayV1(input?: ApiGatewayV1Input, options?: EventOptions): RestApiProxyEvent;
export function apiGatewayV1(
  input: ApiGatewayV1Input & { readonly authorizer?: unknown } = {},
  options?: EventOptions,
): unknown {
  return build(input, options);
}

/**
 * The same factory under the name `@types/aws-lambda` uses for the event (`APIGatewayProxyEvent`).
 * @example
 * const event = events.apiGatewayProxy({ path: '/health' });
 */
export const apiGatewayProxy: typeof apiGatewayV1 = apiGatewayV1;

const SAMPLES = [
  'powertools-lambda-typescript/parser__apigw-rest__no-auth.json',
  'aws-lambda-go/apigw-request.json',
  'aws-lambda-rust-runtime/example-apigw-request.json',
] as const;

/** Registry entry for `apiGatewayV1`. */
export const apiGatewayV1Kind: EventKind = {
  id: KIND_ID,
  factory: 'apiGatewayV1',
  title: 'API Gateway REST API proxy request (payload v1)',
  type: 'APIGatewayProxyEvent (corrected: RestApiProxyEvent)',
  build: (options) => apiGatewayV1({}, options),
  samples: SAMPLES,
  fixture: apiGatewayV1Fixture,
  conformance: { dictionaries: ['requestContext.authorizer'] },
  sam: [{ service: 'apigateway', event: 'aws-proxy' }],
  examples: [
    {
      name: 'with a JSON body, query and path parameters',
      build: (options) =>
        apiGatewayV1(
          {
            method: 'POST',
            path: '/orders/42',
            resource: '/orders/{id}',
            pathParameters: { id: '42' },
            query: { expand: ['lines', 'customer'] },
            json: { quantity: 2 },
            stageVariables: { env: 'test' },
          },
          options,
        ),
    },
    {
      name: 'with a Lambda authorizer context',
      build: (options) => apiGatewayV1({ authorizer: { principalId: 'user-1', context: { tenant: 't-1' } } }, options),
      samples: [
        'powertools-lambda-typescript/parser__apigw-rest__lambda-authorizer-auth.json',
        'powertools-lambda-python/apiGatewayProxyEventPrincipalId.json',
      ],
    },
  ],
};
