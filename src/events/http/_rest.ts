import type {
  APIGatewayEventClientCertificate,
  APIGatewayEventDefaultAuthorizerContext,
  APIGatewayEventIdentity,
  APIGatewayEventRequestContextWithAuthorizer,
  APIGatewayProxyEventBase,
} from 'aws-lambda';
import type { Random } from '../../internal/random.js';
import { apiGatewayId, clfTime, encodePath, randomString, shortRequestId, traceId } from '../_internals/format.js';
import { headerValue, lastValues, multiValues, resolveRequest, type HttpRequestIntent, type ResolvedRequest } from './_request.js';

/**
 * The parts shared by REST API (v1) proxy events and REST REQUEST authorizer events: both carry the request as
 * API Gateway's REST front door saw it (CloudFront headers, single- and multi-value maps, `null` for empty maps).
 */

/** Intent for a REST API request. */
export interface RestRequestIntent extends HttpRequestIntent {
  /** The API resource that matched, e.g. `'/orders/{id}'`. @defaultValue the path */
  readonly resource?: string;
  /** Values of the resource's path parameters. */
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** Stage variables. */
  readonly stageVariables?: Readonly<Record<string, string>>;
  /** The stage name. @defaultValue `'prod'` */
  readonly stage?: string;
}

/**
 * The caller identity of REST API events as AWS sends it. `@types/aws-lambda` requires `apiKey`, `apiKeyId` and
 * `clientCert`; captured payloads (powertools-lambda-typescript/parser__apigw-rest__no-auth.json) omit all three
 * when no API key and no mutual TLS are involved, and no sample ever sends them as `null`.
 * @example
 * const identity: RestApiIdentity = events.apiGatewayV1().requestContext.identity;
 */
export type RestApiIdentity = Omit<APIGatewayEventIdentity, 'apiKey' | 'apiKeyId' | 'clientCert'> & {
  apiKey?: string | null;
  apiKeyId?: string | null;
  clientCert?: APIGatewayEventClientCertificate | null;
};

/**
 * A REST API request context as AWS sends it: the corrected {@link RestApiIdentity}, and `deploymentId`, which
 * `@types/aws-lambda` does not declare (powertools-lambda-typescript/parser__apigw-rest__no-auth.json).
 * @example
 * const context: RestApiRequestContext = events.apiGatewayV1().requestContext;
 */
export type RestApiRequestContext<TAuthorizer = APIGatewayEventDefaultAuthorizerContext> = Omit<
  APIGatewayEventRequestContextWithAuthorizer<TAuthorizer>,
  'identity'
> & { identity: RestApiIdentity; deploymentId?: string };

/**
 * A REST API proxy event (payload v1) as AWS sends it: `APIGatewayProxyEventBase` with the corrected
 * {@link RestApiRequestContext}.
 * @example
 * const event: RestApiProxyEvent = events.apiGatewayV1();
 */
export type RestApiProxyEvent<TAuthorizer = APIGatewayEventDefaultAuthorizerContext> = Omit<
  APIGatewayProxyEventBase<TAuthorizer>,
  'requestContext'
> & { requestContext: RestApiRequestContext<TAuthorizer> };

/** The identity of an unauthenticated REST caller, as captured payloads carry it. */
export function anonymousIdentity(userAgent: string | null, sourceIp: string): RestApiIdentity {
  return {
    accessKey: null,
    accountId: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}

/** The REST request resolved into the fields every REST-shaped payload has. */
export interface RestRequestParts {
  readonly req: ResolvedRequest;
  readonly resource: string;
  readonly path: string;
  readonly stage: string;
  readonly apiId: string;
  readonly domainName: string;
  readonly headers: Record<string, string>;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly queryStringParameters: Record<string, string> | null;
  readonly multiValueQueryStringParameters: Record<string, string[]> | null;
  readonly pathParameters: Record<string, string> | null;
  readonly stageVariables: Record<string, string> | null;
  readonly requestContext: Record<string, unknown>;
}

const SOURCE_IP = '15.248.3.126';

/** Builds the REST request parts from intent, with ids from `random` and times from `now`. */
export function restRequestParts(intent: RestRequestIntent, random: Random, now: number): RestRequestParts {
  const req = resolveRequest(intent);
  const apiId = apiGatewayId(random);
  const domainName = `${apiId}.execute-api.us-east-1.amazonaws.com`;
  const path = encodePath(req.path);
  const resource = intent.resource ?? path;
  const stage = intent.stage ?? 'prod';
  const cfId = `${randomString(random, 54, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}==`;
  // REST APIs sit behind CloudFront: these headers are always added; the client's own headers win.
  const headerPairs: (readonly [string, string])[] = [
    ['Accept', '*/*'],
    ['CloudFront-Forwarded-Proto', 'https'],
    ['CloudFront-Is-Desktop-Viewer', 'true'],
    ['CloudFront-Is-Mobile-Viewer', 'false'],
    ['CloudFront-Is-SmartTV-Viewer', 'false'],
    ['CloudFront-Is-Tablet-Viewer', 'false'],
    ['CloudFront-Viewer-Country', 'US'],
    ['Host', domainName],
    ['User-Agent', 'HTTPie/3.2.2'],
    ['Via', `1.1 ${random.hex(32)}.cloudfront.net (CloudFront)`],
    ['X-Amz-Cf-Id', cfId],
    ['X-Amzn-Trace-Id', traceId(random, now)],
    ['X-Forwarded-For', `${SOURCE_IP}, 130.176.209.21`],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Proto', 'https'],
  ];
  const given = new Set(req.headerPairs.map(([n]) => n.toLowerCase()));
  const allHeaders = [...headerPairs.filter(([n]) => !given.has(n.toLowerCase())), ...req.headerPairs];
  if (req.body !== undefined && !allHeaders.some(([n]) => n.toLowerCase() === 'content-length')) {
    allHeaders.push(['Content-Length', String(req.contentLength)]);
  }
  const headers = lastValues(allHeaders);
  const userAgent = headerValue(headers, 'user-agent') ?? null;
  const requestContext: Record<string, unknown> = {
    resourceId: randomString(random, 6),
    resourcePath: resource,
    httpMethod: req.method,
    extendedRequestId: shortRequestId(random),
    requestTime: clfTime(now),
    path: `/${stage}${path}`,
    accountId: '123456789012',
    protocol: 'HTTP/1.1',
    stage,
    domainPrefix: apiId,
    requestTimeEpoch: now,
    requestId: random.uuid(),
    identity: anonymousIdentity(userAgent, SOURCE_IP),
    domainName,
    deploymentId: randomString(random, 6),
    apiId,
  };
  return {
    req,
    resource,
    path,
    stage,
    apiId,
    domainName,
    headers,
    multiValueHeaders: multiValues(allHeaders),
    // REST APIs send `null`, not `{}`, for an empty map.
    queryStringParameters: req.queryPairs.length > 0 ? lastValues(req.queryPairs) : null,
    multiValueQueryStringParameters: req.queryPairs.length > 0 ? multiValues(req.queryPairs) : null,
    pathParameters: intent.pathParameters !== undefined ? { ...intent.pathParameters } : null,
    stageVariables: intent.stageVariables !== undefined ? { ...intent.stageVariables } : null,
    requestContext,
  };
}
