import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { apiGatewayId, clfTime, shortRequestId } from '../_internals/format.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { anonymousIdentity, restRequestParts, type RestApiRequestContext, type RestRequestIntent } from './_rest.js';
import { hasHeader, headerValue, lastValues, multiValues, toPairs, type MultiMap } from './_request.js';
import { apiGatewayV2, type ApiGatewayV2Input } from './api-gateway-v2.js';

const ACCOUNT = '123456789012';

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
const arn = (apiId: string, stage: string, rest: string): string =>
  `arn:aws:execute-api:us-east-1:${ACCOUNT}:${apiId}/${stage}/${rest}`;

// ---------------------------------------------------------------------------------------------- REST TOKEN

/** The canonical base of `apiGatewayTokenAuthorizer` (powertools-lambda-typescript/parser__apigw-rest__authorizer-token.json). */
export const apiGatewayTokenAuthorizerFixture: APIGatewayTokenAuthorizerEvent = {
  type: 'TOKEN',
  methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token',
  authorizationToken: 'Bearer foo',
};

/** Intent for a REST TOKEN authorizer call. */
export interface TokenAuthorizerInput {
  /** The value of the identity source header. @defaultValue `'Bearer <seeded hex>'` */
  readonly token?: string;
  readonly method?: string;
  readonly path?: string;
  readonly stage?: string;
}

/**
 * A REST API TOKEN authorizer event: the token and the ARN of the method being called.
 * @example
 * const event = events.apiGatewayTokenAuthorizer({ token: 'Bearer abc', method: 'GET', path: '/orders' });
 * event.methodArn; // 'arn:aws:execute-api:us-east-1:123456789012:<apiId>/prod/GET/orders'
 */
export function apiGatewayTokenAuthorizer(input: TokenAuthorizerInput = {}, options?: EventOptions): APIGatewayTokenAuthorizerEvent {
  const { random } = buildContext('apigw-auth-token', options);
  const apiId = apiGatewayId(random);
  const path = (input.path ?? '/').replace(/^\//, '');
  return {
    type: 'TOKEN',
    methodArn: arn(apiId, input.stage ?? 'prod', `${(input.method ?? 'GET').toUpperCase()}/${path}`),
    authorizationToken: input.token ?? `Bearer ${random.hex(32)}`,
  };
}

// ---------------------------------------------------------------------------------------------- REST REQUEST

/**
 * A REST REQUEST authorizer event as AWS sends it: the request context has the corrected identity of
 * {@link RestApiRequestContext} (no `apiKey`/`apiKeyId`/`clientCert` unless used) and a `deploymentId`.
 */
export type RestRequestAuthorizerEvent = Omit<APIGatewayRequestAuthorizerEvent, 'requestContext'> & {
  requestContext: RestApiRequestContext<undefined>;
};

/** Intent for a REST REQUEST authorizer call: the request being authorised. */
export interface RequestAuthorizerInput extends RestRequestIntent {
  readonly overrides?: DeepPartial<RestRequestAuthorizerEvent>;
}

function restRequestAuthorizer(kindId: string, input: RequestAuthorizerInput, options: EventOptions | undefined) {
  const { random, now } = buildContext(kindId, options);
  // The token is drawn either way, so that giving your own header does not shift the other random fields.
  const token = `Bearer ${random.fork('token').hex(32)}`;
  const headers = hasHeader(input.headers, 'Authorization') ? input.headers : { Authorization: token, ...input.headers };
  const p = restRequestParts({ ...input, headers }, random, now);
  // The request as REQUEST authorizers receive it. Unlike proxy events, they carry `{}` for empty maps (`null` only
  // in the console's test tool).
  const fields = {
    resource: p.resource,
    path: p.path,
    httpMethod: p.req.method,
    headers: p.headers,
    multiValueHeaders: p.multiValueHeaders,
    queryStringParameters: p.queryStringParameters ?? {},
    multiValueQueryStringParameters: p.multiValueQueryStringParameters ?? {},
    pathParameters: p.pathParameters ?? {},
    stageVariables: p.stageVariables ?? {},
  };
  return { p, fields, methodArn: arn(p.apiId, p.stage, `${p.req.method}${p.path}`) };
}

/** The canonical base of `apiGatewayRequestAuthorizer` (powertools-lambda-typescript/parser__apigw-rest__authorizer-request.json, headers trimmed). */
export const apiGatewayRequestAuthorizerFixture: RestRequestAuthorizerEvent = {
  type: 'REQUEST',
  methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-request',
  resource: '/lambda-request',
  path: '/lambda-request',
  httpMethod: 'POST',
  headers: { Authorization: 'Bearer foo', Host: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com' },
  multiValueHeaders: { Authorization: ['Bearer foo'], Host: ['puhdx84jy9.execute-api.eu-west-1.amazonaws.com'] },
  queryStringParameters: {},
  multiValueQueryStringParameters: {},
  pathParameters: {},
  stageVariables: {},
  requestContext: {
    resourceId: 'w567jh',
    resourcePath: '/lambda-request',
    httpMethod: 'POST',
    extendedRequestId: 'ZhFsxGQDDoEEMig=',
    requestTime: '17/Jun/2024:15:02:03 +0000',
    path: '/prod/lambda-request',
    accountId: ACCOUNT,
    protocol: 'HTTP/1.1',
    stage: 'prod',
    domainPrefix: 'puhdx84jy9',
    requestTimeEpoch: 1718636523035,
    requestId: '141d6671-99b4-40ca-9997-7a22f01eac74',
    authorizer: undefined,
    identity: anonymousIdentity('HTTPie/3.2.2', '15.248.3.126'),
    domainName: 'puhdx84jy9.execute-api.eu-west-1.amazonaws.com',
    deploymentId: 'v99qix',
    apiId: 'puhdx84jy9',
  },
};

/**
 * A REST API REQUEST authorizer event: the full request (headers, query, path parameters, stage variables) and the
 * method ARN. An `Authorization` header is added unless you give one.
 * @example
 * const event = events.apiGatewayRequestAuthorizer({ headers: { Authorization: 'Bearer abc' }, query: { tenant: 't1' } });
 */
export function apiGatewayRequestAuthorizer(input: RequestAuthorizerInput = {}, options?: EventOptions): RestRequestAuthorizerEvent {
  const { p, fields, methodArn } = restRequestAuthorizer('apigw-auth-request', input, options);
  const event: RestRequestAuthorizerEvent = {
    type: 'REQUEST',
    methodArn,
    ...fields,
    requestContext: p.requestContext as RestRequestAuthorizerEvent['requestContext'],
  };
  return input.overrides === undefined ? event : deepMerge<RestRequestAuthorizerEvent>(event, input.overrides);
}

// ---------------------------------------------------------------------------------------------- HTTP API v1

/**
 * An HTTP API Lambda authorizer event in payload format 1.0. `@types/aws-lambda` types it as
 * `APIGatewayRequestAuthorizerEvent`, but AWS adds `version: '1.0'`, `identitySource` and `authorizationToken`
 * (both the comma-joined identity source values) and sends no `multiValueQueryStringParameters`
 * (aws-lambda-go/apigw-v2-custom-authorizer-v1-request.json, powertools-lambda-python/apiGatewayAuthorizerRequestEvent.json).
 */
export type HttpApiAuthorizerV1Event = Omit<RestRequestAuthorizerEvent, 'multiValueQueryStringParameters' | 'multiValueHeaders'> & {
  version: '1.0';
  identitySource: string;
  authorizationToken: string;
  multiValueHeaders?: Record<string, string[]> | null;
};

/** The canonical base of `httpApiAuthorizerV1` (powertools-lambda-python/apiGatewayAuthorizerRequestEvent.json, trimmed). */
export const httpApiAuthorizerV1Fixture: HttpApiAuthorizerV1Event = {
  version: '1.0',
  type: 'REQUEST',
  methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request',
  identitySource: 'user1,123',
  authorizationToken: 'user1,123',
  resource: '/request',
  path: '/request',
  httpMethod: 'GET',
  headers: { 'X-AMZ-Date': '20170718T062915Z', Accept: '*/*', HeaderAuth1: 'headerValue1' },
  multiValueHeaders: { 'X-AMZ-Date': ['20170718T062915Z'], Accept: ['*/*'], HeaderAuth1: ['headerValue1'] },
  queryStringParameters: { QueryString1: 'queryValue1' },
  pathParameters: {},
  stageVariables: { StageVar1: 'stageValue1' },
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'abcdef123',
    domainName: '3npb9j1tlk.execute-api.us-west-1.amazonaws.com',
    domainPrefix: '3npb9j1tlk',
    extendedRequestId: 'EXqgWgXxSK4EJug=',
    httpMethod: 'GET',
    identity: anonymousIdentity('PostmanRuntime/7.28.3', 'test-invoke-source-ip'),
    path: '/request',
    protocol: 'HTTP/1.1',
    requestId: 'EXqgWgXxSK4EJug=',
    requestTime: '20/Aug/2021:14:36:50 +0000',
    requestTimeEpoch: 1629470210043,
    resourceId: 'ANY /request',
    resourcePath: '/request',
    stage: 'test',
    authorizer: undefined,
  },
};

/**
 * An HTTP API Lambda authorizer event, payload format 1.0. The identity source defaults to the `Authorization`
 * header, which is added unless you give one.
 * @example
 * const event = events.httpApiAuthorizerV1({ headers: { Authorization: 'Bearer abc' } });
 * event.identitySource; // 'Bearer abc'
 */
export function httpApiAuthorizerV1(
  input: RestRequestIntent & { readonly identitySource?: readonly string[]; readonly overrides?: DeepPartial<HttpApiAuthorizerV1Event> } = {},
  options?: EventOptions,
): HttpApiAuthorizerV1Event {
  const { p, fields, methodArn } = restRequestAuthorizer('apigw-auth-http-v1', { ...input, stage: input.stage ?? '$default' }, options);
  const auth = headerValue(p.headers, 'authorization') ?? '';
  const identitySource = (input.identitySource ?? [auth]).join(',');
  const event: HttpApiAuthorizerV1Event = {
    version: '1.0',
    type: 'REQUEST',
    methodArn,
    identitySource,
    authorizationToken: identitySource,
    // Payload format 1.0 has no multi-value query map.
    ...withoutKey(fields, 'multiValueQueryStringParameters'),
    // HTTP APIs have no deployments (no REST-only deploymentId), and the context's path has no stage prefix (samples).
    requestContext: { ...withoutKey(p.requestContext, 'deploymentId'), path: p.path } as HttpApiAuthorizerV1Event['requestContext'],
  };
  return input.overrides === undefined ? event : deepMerge<HttpApiAuthorizerV1Event>(event, input.overrides);
}

// ---------------------------------------------------------------------------------------------- HTTP API v2

/**
 * An HTTP API Lambda authorizer event, payload format 2.0. `@types/aws-lambda` requires `cookies`; AWS omits it
 * when the request has none (powertools-lambda-typescript/parser__apigw-http__authorizer-request.json,
 * aws-lambda-rust-runtime/example-apigw-v2-custom-authorizer-v2-request-without-cookies.json).
 */
export type HttpApiAuthorizerV2Event = Omit<APIGatewayRequestAuthorizerEventV2, 'cookies'> & { cookies?: string[] };

/** The canonical base of `httpApiAuthorizerV2` (powertools-lambda-typescript/parser__apigw-http__authorizer-request.json). */
export const httpApiAuthorizerV2Fixture: HttpApiAuthorizerV2Event = {
  version: '2.0',
  type: 'REQUEST',
  routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda',
  identitySource: ['Bearer foo'],
  routeKey: 'POST /lambda',
  rawPath: '/lambda',
  rawQueryString: '',
  headers: {
    accept: '*/*',
    'accept-encoding': 'gzip, deflate',
    authorization: 'Bearer foo',
    'content-length': '0',
    host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
    'user-agent': 'HTTPie/3.2.2',
    'x-amzn-trace-id': 'Root=1-66705bc7-2b4257df30cbee696ef2cf28',
    'x-forwarded-for': '15.248.3.126',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  requestContext: {
    accountId: ACCOUNT,
    apiId: 'lsw1ro4ipb',
    domainName: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
    domainPrefix: 'lsw1ro4ipb',
    http: { method: 'POST', path: '/lambda', protocol: 'HTTP/1.1', sourceIp: '15.248.3.126', userAgent: 'HTTPie/3.2.2' },
    requestId: 'ZhNHJhhLjoEEPiw=',
    routeKey: 'POST /lambda',
    stage: '$default',
    time: '17/Jun/2024:15:52:39 +0000',
    timeEpoch: 1718639559080,
  },
};

/**
 * An HTTP API Lambda authorizer event, payload format 2.0, for the request described by the same intent as
 * `apiGatewayV2`. `identitySource` defaults to the `authorization` header (added unless given).
 * @example
 * const event = events.httpApiAuthorizerV2({ method: 'POST', path: '/orders', route: 'POST /orders' });
 * event.routeArn; // 'arn:aws:execute-api:us-east-1:123456789012:<apiId>/$default/POST/orders'
 */
export function httpApiAuthorizerV2(
  input: Omit<ApiGatewayV2Input, 'overrides'> & {
    readonly identitySource?: readonly string[];
    readonly overrides?: DeepPartial<HttpApiAuthorizerV2Event>;
  } = {},
  options?: EventOptions,
): HttpApiAuthorizerV2Event {
  const token = `Bearer ${buildContext('apigw-auth-http-v2', options).random.hex(32)}`;
  const given = input.headers ?? {};
  const headers: MultiMap = hasHeader(given, 'authorization') ? given : { authorization: token, ...given };
  const { overrides, identitySource: sources, ...request } = input;
  const req = apiGatewayV2({ ...request, headers }, options);
  const auth = req.headers['authorization'] ?? token;
  const event: HttpApiAuthorizerV2Event = {
    version: '2.0',
    type: 'REQUEST',
    routeArn: arn(req.requestContext.apiId, req.requestContext.stage, `${req.requestContext.http.method}${req.rawPath}`),
    identitySource: [...(sources ?? [auth])],
    routeKey: req.routeKey,
    rawPath: req.rawPath,
    rawQueryString: req.rawQueryString,
    ...(req.cookies !== undefined ? { cookies: req.cookies } : {}),
    headers: req.headers,
    ...(req.queryStringParameters !== undefined ? { queryStringParameters: req.queryStringParameters } : {}),
    requestContext: req.requestContext,
    ...(req.pathParameters !== undefined ? { pathParameters: req.pathParameters } : {}),
    ...(req.stageVariables !== undefined ? { stageVariables: req.stageVariables } : {}),
  };
  return overrides === undefined ? event : deepMerge<HttpApiAuthorizerV2Event>(event, overrides);
}

// ---------------------------------------------------------------------------------------------- WebSocket $connect

/**
 * A WebSocket API `$connect` REQUEST authorizer event. `@types/aws-lambda` types it as
 * `APIGatewayRequestAuthorizerEvent` (REST fields: `resource`, `path`, `httpMethod`, a REST request context); AWS
 * sends a WebSocket request context (`connectionId`, `eventType: 'CONNECT'`, identity with only `sourceIp`), no
 * REST fields, and `isBase64Encoded: false` with `body: null` (powertools-lambda-typescript/parser__apigw-websocket__connectEvent.json).
 */
export interface WebSocketAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  stageVariables: Record<string, string>;
  requestContext: {
    routeKey: '$connect';
    eventType: 'CONNECT';
    extendedRequestId: string;
    requestTime: string;
    messageDirection: 'IN';
    stage: string;
    connectedAt: number;
    requestTimeEpoch: number;
    identity: { sourceIp: string };
    requestId: string;
    domainName: string;
    connectionId: string;
    apiId: string;
  };
  isBase64Encoded: false;
  body: null;
}

/** The canonical base of `webSocketAuthorizer` (powertools-lambda-typescript/parser__apigw-websocket__connectEvent.json). */
export const webSocketAuthorizerFixture: WebSocketAuthorizerEvent = {
  type: 'REQUEST',
  methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect',
  headers: {
    Connection: 'upgrade',
    'content-length': '0',
    Host: 'abcdef123.execute-api.us-east-1.amazonaws.com',
    Upgrade: 'websocket',
  },
  multiValueHeaders: {
    Connection: ['upgrade'],
    'content-length': ['0'],
    Host: ['abcdef123.execute-api.us-east-1.amazonaws.com'],
    Upgrade: ['websocket'],
  },
  queryStringParameters: {},
  multiValueQueryStringParameters: {},
  stageVariables: {},
  requestContext: {
    routeKey: '$connect',
    eventType: 'CONNECT',
    extendedRequestId: 'XYZ123=',
    requestTime: '10/Oct/2024:22:56:18 +0000',
    messageDirection: 'IN',
    stage: 'default',
    connectedAt: 1674162806344,
    requestTimeEpoch: 1674162806345,
    identity: { sourceIp: '192.0.2.1' },
    requestId: 'abc123',
    domainName: 'abcdef123.execute-api.us-east-1.amazonaws.com',
    connectionId: 'def456',
    apiId: 'abcdef123',
  },
  isBase64Encoded: false,
  body: null,
};

/**
 * A WebSocket API `$connect` authorizer event. Unlike REST, empty maps arrive as `{}`.
 * @example
 * const event = events.webSocketAuthorizer({ query: { token: 'abc' } });
 * event.queryStringParameters.token; // 'abc'
 */
export function webSocketAuthorizer(
  input: {
    readonly headers?: MultiMap;
    readonly query?: MultiMap;
    readonly stageVariables?: Readonly<Record<string, string>>;
    readonly stage?: string;
    readonly overrides?: DeepPartial<WebSocketAuthorizerEvent>;
  } = {},
  options?: EventOptions,
): WebSocketAuthorizerEvent {
  const { random, now } = buildContext('apigw-auth-ws', options);
  const apiId = apiGatewayId(random);
  const domainName = `${apiId}.execute-api.us-east-1.amazonaws.com`;
  const stage = input.stage ?? 'prod';
  const given = toPairs(input.headers);
  const names = new Set(given.map(([n]) => n.toLowerCase()));
  const headerPairs = [
    ...([['Connection', 'upgrade'], ['content-length', '0'], ['Host', domainName], ['Upgrade', 'websocket']] as [string, string][]).filter(
      ([n]) => !names.has(n.toLowerCase()),
    ),
    ...given,
  ];
  const queryPairs = toPairs(input.query);
  const requestId = shortRequestId(random);
  const event: WebSocketAuthorizerEvent = {
    type: 'REQUEST',
    methodArn: arn(apiId, stage, '$connect'),
    headers: lastValues(headerPairs),
    multiValueHeaders: multiValues(headerPairs),
    queryStringParameters: lastValues(queryPairs),
    multiValueQueryStringParameters: multiValues(queryPairs),
    stageVariables: { ...(input.stageVariables ?? {}) },
    requestContext: {
      routeKey: '$connect',
      eventType: 'CONNECT',
      extendedRequestId: requestId,
      requestTime: clfTime(now),
      messageDirection: 'IN',
      stage,
      connectedAt: now,
      requestTimeEpoch: now,
      identity: { sourceIp: '192.0.2.1' },
      requestId,
      domainName,
      connectionId: shortRequestId(random),
      apiId,
    },
    isBase64Encoded: false,
    body: null,
  };
  return input.overrides === undefined ? event : deepMerge<WebSocketAuthorizerEvent>(event, input.overrides);
}

// ---------------------------------------------------------------------------------------------- registry

/** Registry entries of the API Gateway authorizer events. */
export const authorizerKinds: readonly EventKind[] = [
  {
    id: 'apigw-auth-token',
    factory: 'apiGatewayTokenAuthorizer',
    title: 'API Gateway Lambda authorizer — TOKEN (REST)',
    type: 'APIGatewayTokenAuthorizerEvent',
    build: (options) => apiGatewayTokenAuthorizer({}, options),
    samples: [
      'powertools-lambda-typescript/parser__apigw-rest__authorizer-token.json',
      'aws-lambda-go/apigw-custom-auth-request.json',
      'powertools-lambda-python/apiGatewayAuthorizerTokenEvent.json',
    ],
    fixture: apiGatewayTokenAuthorizerFixture,
    sam: [{ service: 'apigateway', event: 'authorizer' }],
  },
  {
    id: 'apigw-auth-request',
    factory: 'apiGatewayRequestAuthorizer',
    title: 'API Gateway Lambda authorizer — REQUEST (REST API)',
    type: 'APIGatewayRequestAuthorizerEvent (corrected: RestRequestAuthorizerEvent)',
    build: (options) => apiGatewayRequestAuthorizer({}, options),
    samples: ['powertools-lambda-typescript/parser__apigw-rest__authorizer-request.json'],
    fixture: apiGatewayRequestAuthorizerFixture,
    sam: [{ service: 'apigateway', event: 'request-authorizer' }],
    examples: [
      {
        name: 'with query, path parameters and stage variables',
        build: (options) =>
          apiGatewayRequestAuthorizer(
            { path: '/request/1', resource: '/request/{id}', pathParameters: { id: '1' }, query: { QueryString1: 'queryValue1' }, stageVariables: { StageVar1: 'stageValue1' } },
            options,
          ),
        samples: [
          'powertools-lambda-typescript/parser__apigw-rest__authorizer-request.json',
          'aws-lambda-go/apigw-custom-auth-request-type-request.json',
        ],
      },
    ],
  },
  {
    id: 'apigw-auth-http-v1',
    factory: 'httpApiAuthorizerV1',
    title: 'HTTP API Lambda authorizer, payload format 1.0',
    type: 'APIGatewayRequestAuthorizerEvent (corrected: HttpApiAuthorizerV1Event)',
    build: (options) => httpApiAuthorizerV1({}, options),
    samples: [
      'powertools-lambda-python/apiGatewayAuthorizerRequestEvent.json',
      'aws-lambda-go/apigw-v2-custom-authorizer-v1-request.json',
    ],
    fixture: httpApiAuthorizerV1Fixture,
    // Both samples are AWS documentation examples of a mutual-TLS API called with an API key; a plain request
    // carries neither, so these two fields are neither required nor compared.
    conformance: { ignore: ['requestContext.identity.clientCert', 'requestContext.identity.apiKey'] },
  },
  {
    id: 'apigw-auth-http-v2',
    factory: 'httpApiAuthorizerV2',
    title: 'HTTP API Lambda authorizer, payload format 2.0',
    type: 'APIGatewayRequestAuthorizerEventV2 (corrected: HttpApiAuthorizerV2Event)',
    build: (options) => httpApiAuthorizerV2({}, options),
    samples: [
      'powertools-lambda-typescript/parser__apigw-http__authorizer-request.json',
      'aws-lambda-rust-runtime/example-apigw-v2-custom-authorizer-v2-request-without-cookies.json',
    ],
    fixture: httpApiAuthorizerV2Fixture,
    examples: [
      {
        name: 'with cookies, query and path parameters',
        build: (options) =>
          httpApiAuthorizerV2(
            { route: 'GET /my/{id}', path: '/my/1', query: { a: ['1', '2'] }, cookies: ['c=1'], pathParameters: { id: '1' }, stageVariables: { s: 'v' } },
            options,
          ),
        samples: [
          'powertools-lambda-typescript/parser__apigw-http__authorizer-request.json',
          'aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json',
        ],
      },
    ],
  },
  {
    id: 'apigw-auth-ws',
    factory: 'webSocketAuthorizer',
    title: 'WebSocket API $connect REQUEST authorizer',
    type: 'APIGatewayRequestAuthorizerEvent (corrected: WebSocketAuthorizerEvent)',
    build: (options) => webSocketAuthorizer({}, options),
    samples: ['powertools-lambda-typescript/parser__apigw-websocket__connectEvent.json'],
    fixture: webSocketAuthorizerFixture,
  },
];
