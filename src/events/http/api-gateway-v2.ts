import type {
  APIGatewayEventRequestContextIAMAuthorizer,
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayEventRequestContextV2WithAuthorizer,
} from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { apiGatewayId, clfTime, encodePath, shortRequestId, traceId } from '../_internals/format.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { encodeQuery, joinedValues, resolveRequest, type HttpRequestIntent } from './_request.js';

/**
 * The IAM authorizer block as AWS sends it. `@types/aws-lambda` types `cognitoIdentity` as `null` and
 * `principalOrgId` as `string`; real payloads carry a Cognito identity object for identity-pool callers
 * (aws-lambda-go/apigw-v2-request-iam.json) and `null` for callers outside an organisation
 * (powertools-lambda-typescript/parser__apigw-http__iam-auth.json).
 */
export interface HttpApiIamAuthorizer {
  iam: Omit<APIGatewayEventRequestContextIAMAuthorizer['iam'], 'cognitoIdentity' | 'principalOrgId'> & {
    cognitoIdentity: { amr: string[]; identityId: string; identityPoolId: string } | null;
    principalOrgId: string | null;
  };
}

/** An HTTP API event authorised by IAM, with the corrected {@link HttpApiIamAuthorizer} block. */
export type APIGatewayProxyEventV2WithIAMAuthorizerCorrected = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2WithAuthorizer<HttpApiIamAuthorizer>
>;

/** Intent for an HTTP API (payload format 2.0) request. Derived fields are computed as API Gateway does. */
export interface ApiGatewayV2Input extends HttpRequestIntent {
  /** The route that matched, e.g. `'POST /orders/{id}'`. @defaultValue `'$default'` */
  readonly route?: string;
  /** Values of the route's path parameters. */
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** Stage variables. */
  readonly stageVariables?: Readonly<Record<string, string>>;
  /** The stage name. @defaultValue `'$default'` */
  readonly stage?: string;
  /** Verbatim deep-partial overrides, applied last with no derivation (for fields the intent does not cover). */
  readonly overrides?: DeepPartial<APIGatewayProxyEventV2>;
}

/** JWT authorizer intent: claims and scopes as the authorizer validated them. */
export interface JwtAuthorizerIntent {
  readonly jwt: { readonly claims?: Record<string, string | number | boolean | string[]>; readonly scopes?: string[] | null };
}
/** Lambda authorizer intent: the context the authorizer returned. */
export interface LambdaAuthorizerIntent<T> {
  readonly lambda: T;
}
/** IAM authorizer intent: any fields of the caller's identity. */
export interface IamAuthorizerIntent {
  readonly iam: Partial<HttpApiIamAuthorizer['iam']>;
}

/**
 * The canonical base of `apiGatewayV2`, curated from a captured no-authorizer request
 * (powertools-lambda-typescript/parser__apigw-http__no-auth.json). Equal to `fixtures/events/apigw-http-v2.json`.
 */
export const apiGatewayV2Fixture: APIGatewayProxyEventV2 = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/',
  rawQueryString: '',
  headers: {
    accept: '*/*',
    'accept-encoding': 'gzip, deflate',
    'content-length': '0',
    host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
    'user-agent': 'HTTPie/3.2.2',
    'x-amzn-trace-id': 'Root=1-66705bc7-2b4257df30cbee696ef2cf28',
    'x-forwarded-for': '15.248.3.126',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  requestContext: {
    accountId: '123456789012',
    apiId: 'lsw1ro4ipb',
    domainName: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
    domainPrefix: 'lsw1ro4ipb',
    http: {
      method: 'GET',
      path: '/',
      protocol: 'HTTP/1.1',
      sourceIp: '15.248.3.126',
      userAgent: 'HTTPie/3.2.2',
    },
    requestId: 'ZhNHJhhLjoEEPiw=',
    routeKey: '$default',
    stage: '$default',
    time: '17/Jun/2024:15:52:39 +0000',
    timeEpoch: 1718639559080,
  },
  isBase64Encoded: false,
};

const KIND_ID = 'apigw-http-v2';

function build(
  input: ApiGatewayV2Input & { readonly authorizer?: unknown },
  options: EventOptions | undefined,
): Record<string, unknown> {
  const { random, now } = buildContext(KIND_ID, options);
  const base = structuredClone(apiGatewayV2Fixture);
  const req = resolveRequest(input);
  const apiId = apiGatewayId(random);
  const requestId = shortRequestId(random);
  const region = 'us-east-1';
  const domainName = `${apiId}.execute-api.${region}.amazonaws.com`;
  const rawPath = encodePath(req.path);
  const route = input.route ?? '$default';
  const stage = input.stage ?? '$default';

  // AWS adds its own headers (host, x-forwarded-*, trace) to whatever the client sent; a client header wins.
  const headers: Record<string, string> = {
    ...base.headers,
    'content-length': String(req.contentLength),
    host: domainName,
    'x-amzn-trace-id': traceId(random, now),
    ...joinedValues(req.headerPairs, true),
  } as Record<string, string>;
  const userAgent = headers['user-agent'] ?? '';

  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: route,
    rawPath,
    rawQueryString: encodeQuery(req.queryPairs),
  };
  if (req.cookies.length > 0) event['cookies'] = [...req.cookies];
  event['headers'] = headers;
  // API Gateway omits the parameter maps entirely when they would be empty.
  if (req.queryPairs.length > 0) event['queryStringParameters'] = joinedValues(req.queryPairs);
  const requestContext: Record<string, unknown> = {
    accountId: base.requestContext.accountId,
    apiId,
  };
  if (input.authorizer !== undefined) requestContext['authorizer'] = resolveAuthorizer(input.authorizer);
  Object.assign(requestContext, {
    domainName,
    domainPrefix: apiId,
    http: { method: req.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: base.requestContext.http.sourceIp, userAgent },
    requestId,
    routeKey: route,
    stage,
    time: clfTime(now),
    timeEpoch: now,
  });
  event['requestContext'] = requestContext;
  if (req.body !== undefined) event['body'] = req.body;
  if (input.pathParameters !== undefined) event['pathParameters'] = { ...input.pathParameters };
  event['isBase64Encoded'] = req.isBase64Encoded;
  if (input.stageVariables !== undefined) event['stageVariables'] = { ...input.stageVariables };
  return input.overrides === undefined ? event : deepMerge(event, input.overrides as DeepPartial<Record<string, unknown>>);
}

function resolveAuthorizer(authorizer: unknown): unknown {
  const a = authorizer as Partial<JwtAuthorizerIntent & LambdaAuthorizerIntent<unknown> & IamAuthorizerIntent>;
  if (a.jwt !== undefined) {
    const jwt: APIGatewayEventRequestContextJWTAuthorizer['jwt'] = {
      claims: a.jwt.claims ?? { sub: 'd2f50444-0041-7036-aea2-a955fca33d37', token_use: 'id' },
      scopes: a.jwt.scopes ?? null,
    };
    return { jwt };
  }
  if (a.iam !== undefined) {
    const iam: HttpApiIamAuthorizer['iam'] = {
      accessKey: 'ASIAXZWZ5ZDPIFV7JHWH',
      accountId: '123456789012',
      callerId: 'AROAXZWZ5ZDPNIH6C6ODK:session',
      cognitoIdentity: null,
      principalOrgId: null,
      userArn: 'arn:aws:sts::123456789012:assumed-role/Admin/session',
      userId: 'AROAXZWZ5ZDPNIH6C6ODK:session',
      ...a.iam,
    };
    return { iam };
  }
  return { lambda: a.lambda };
}

/**
 * An API Gateway HTTP API (payload format 2.0) request. Write intent (`method`, `path`, `query`, `headers`,
 * `cookies`, `json`/`body`); `rawPath`, `rawQueryString`, `routeKey`, lowercase headers, `requestContext.http`,
 * `isBase64Encoded` and `content-type`/`content-length` are derived. Ids come from the seed, times from `now`.
 * Pass `authorizer: { jwt } | { lambda } | { iam }` for the authorised variants (the return type follows).
 * @example
 * const event = events.apiGatewayV2({ method: 'POST', path: '/orders', query: { dryRun: 'true' }, json: { id: 1 } });
 * event.rawQueryString; // 'dryRun=true'
 * event.headers['content-type']; // 'application/json'
 */
export function apiGatewayV2<TContext>(
  input: ApiGatewayV2Input & { readonly authorizer: LambdaAuthorizerIntent<TContext> },
  options?: EventOptions,
): APIGatewayProxyEventV2WithLambdaAuthorizer<TContext>;
export function apiGatewayV2(
  input: ApiGatewayV2Input & { readonly authorizer: JwtAuthorizerIntent },
  options?: EventOptions,
): APIGatewayProxyEventV2WithJWTAuthorizer;
export function apiGatewayV2(
  input: ApiGatewayV2Input & { readonly authorizer: IamAuthorizerIntent },
  options?: EventOptions,
): APIGatewayProxyEventV2WithIAMAuthorizerCorrected;
export function apiGatewayV2(input?: ApiGatewayV2Input, options?: EventOptions): APIGatewayProxyEventV2;
export function apiGatewayV2(
  input: ApiGatewayV2Input & { readonly authorizer?: unknown } = {},
  options?: EventOptions,
): unknown {
  return build(input, options);
}

const NO_AUTH_SAMPLES = [
  'powertools-lambda-typescript/parser__apigw-http__no-auth.json',
  'aws-lambda-go/apigw-v2-request-no-authorizer.json',
  'aws-lambda-rust-runtime/example-apigw-v2-request-no-authorizer.json',
] as const;

/** Registry entry for `apiGatewayV2`. */
export const apiGatewayV2Kind: EventKind = {
  id: KIND_ID,
  factory: 'apiGatewayV2',
  title: 'API Gateway HTTP API request (payload v2.0)',
  type: 'APIGatewayProxyEventV2',
  build: (options) => apiGatewayV2({}, options),
  samples: NO_AUTH_SAMPLES,
  fixture: apiGatewayV2Fixture,
  conformance: { dictionaries: ['requestContext.authorizer.lambda'] },
  sam: [{ service: 'apigateway', event: 'http-api-proxy' }],
  examples: [
    {
      name: 'with a JSON body, query, cookies and path parameters',
      build: (options) =>
        apiGatewayV2(
          {
            method: 'POST',
            path: '/my/path',
            route: 'POST /my/{proxy+}',
            query: { parameter1: ['value1', 'value2'], parameter2: 'value' },
            cookies: { cookie1: 'value1' },
            json: { message: 'hello world' },
            pathParameters: { proxy: 'path' },
            stageVariables: { stageVariable1: 'value1' },
          },
          options,
        ),
      samples: [...NO_AUTH_SAMPLES, 'powertools-lambda-python/apiGatewayProxyV2Event.json'],
    },
    {
      name: 'with a binary body',
      build: (options) => apiGatewayV2({ method: 'PUT', body: new Uint8Array([0, 1, 2, 250]) }, options),
      samples: [...NO_AUTH_SAMPLES, 'aws-lambda-rust-runtime/lambda-http__tests__data__apigw_v2_proxy_request.json'],
    },
    {
      name: 'with a JWT authorizer',
      build: (options) => apiGatewayV2({ authorizer: { jwt: { scopes: ['orders:read'] } } }, options),
      samples: [
        'powertools-lambda-typescript/parser__apigw-http__jwt-authorizer-auth.json',
        'aws-lambda-go/apigw-v2-request-jwt-authorizer.json',
      ],
    },
    {
      name: 'with an IAM authorizer',
      build: (options) => apiGatewayV2({ authorizer: { iam: {} } }, options),
      samples: ['powertools-lambda-typescript/parser__apigw-http__iam-auth.json', 'aws-lambda-go/apigw-v2-request-iam.json'],
    },
    {
      name: 'with a Lambda authorizer',
      build: (options) => apiGatewayV2({ authorizer: { lambda: { userId: 'u-1' } } }, options),
      samples: [...NO_AUTH_SAMPLES, 'aws-lambda-go/apigw-v2-request-lambda-authorizer.json'],
    },
  ],
};
