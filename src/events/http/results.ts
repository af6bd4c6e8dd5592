import type {
  ALBResult,
  APIGatewayAuthorizerResultContext,
  APIGatewayAuthorizerWithContextResult,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { toBase64 } from '../_internals/format.js';

/**
 * What handlers return, built from intent: a status, a body (`json`, text or bytes) and headers. Used by tests
 * that assert on a handler's result (`expect(result).toEqual(apiGatewayResult({ status: 200, json: {...} }))`).
 */
export interface HttpResultIntent {
  /** @defaultValue `200` */
  readonly status?: number;
  /** Serialised as the body; sets `content-type: application/json` unless given. */
  readonly json?: unknown;
  /** Text or bytes (bytes are base64-encoded and `isBase64Encoded` set). */
  readonly body?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

function resolve(intent: HttpResultIntent): { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean } {
  const headers: Record<string, string> = { ...(intent.headers ?? {}) };
  let body = '';
  let isBase64Encoded = false;
  if (intent.json !== undefined) {
    body = JSON.stringify(intent.json);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  } else if (intent.body instanceof Uint8Array) {
    body = toBase64(intent.body);
    isBase64Encoded = true;
  } else if (intent.body !== undefined) {
    body = intent.body;
  }
  return { statusCode: intent.status ?? 200, headers, body, isBase64Encoded };
}

/**
 * A REST API (v1) proxy integration result.
 * @example
 * apiGatewayResult({ status: 201, json: { id: 1 } });
 * // { statusCode: 201, headers: { 'content-type': 'application/json' }, body: '{"id":1}', isBase64Encoded: false }
 */
export function apiGatewayResult(intent: HttpResultIntent = {}): APIGatewayProxyResult {
  return resolve(intent);
}

/**
 * An HTTP API (v2) structured result, also what function URLs return.
 * @example
 * httpApiResult({ json: { ok: true }, cookies: ['session=abc'] });
 */
export function httpApiResult(intent: HttpResultIntent & { readonly cookies?: readonly string[] } = {}): APIGatewayProxyStructuredResultV2 {
  const r = resolve(intent);
  return intent.cookies === undefined ? r : { ...r, cookies: [...intent.cookies] };
}

/**
 * A Lambda function URL result (the same shape as an HTTP API v2 structured result).
 * @example
 * functionUrlResult({ status: 204 });
 */
export const functionUrlResult: typeof httpApiResult = httpApiResult;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * An ALB target result. `statusDescription` ("200 OK") is filled in, as ALB expects it.
 * @example
 * albResult({ status: 404, body: 'not found' }).statusDescription; // '404 Not Found'
 */
export function albResult(intent: HttpResultIntent & { readonly multiValue?: boolean } = {}): ALBResult {
  const r = resolve(intent);
  const statusDescription = `${r.statusCode} ${STATUS_TEXT[r.statusCode] ?? ''}`.trim();
  if (intent.multiValue === true) {
    const multiValueHeaders: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(r.headers)) multiValueHeaders[k] = [v];
    return { statusCode: r.statusCode, statusDescription, multiValueHeaders, body: r.body, isBase64Encoded: r.isBase64Encoded };
  }
  return { statusCode: r.statusCode, statusDescription, headers: r.headers, body: r.body, isBase64Encoded: r.isBase64Encoded };
}

/** Input of {@link authorizerPolicy}. */
export interface AuthorizerPolicyInput<TContext extends APIGatewayAuthorizerResultContext> {
  readonly principalId: string;
  readonly effect: 'Allow' | 'Deny';
  /** One or more method ARNs (wildcards allowed, e.g. `arn:aws:execute-api:…/prod/*`). */
  readonly resource: string | readonly string[];
  readonly context?: TContext;
  readonly usageIdentifierKey?: string;
}

/**
 * An IAM-policy authorizer result (REST TOKEN/REQUEST authorizers, HTTP API payload 1.0).
 * @example
 * authorizerPolicy({ principalId: 'user-1', effect: 'Allow', resource: event.methodArn, context: { tenant: 't1' } });
 */
export function authorizerPolicy<TContext extends APIGatewayAuthorizerResultContext = Record<string, never>>(
  input: AuthorizerPolicyInput<TContext>,
): APIGatewayAuthorizerWithContextResult<TContext> {
  return {
    principalId: input.principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'execute-api:Invoke',
          Effect: input.effect,
          Resource: typeof input.resource === 'string' ? input.resource : [...input.resource],
        },
      ],
    },
    context: input.context ?? ({} as TContext),
    ...(input.usageIdentifierKey !== undefined ? { usageIdentifierKey: input.usageIdentifierKey } : {}),
  };
}

/**
 * A simple-response authorizer result (HTTP API payload 2.0 with `enableSimpleResponses`).
 * @example
 * simpleAuthorizerResult({ isAuthorized: true, context: { userId: 'u1' } });
 */
export function simpleAuthorizerResult<TContext = Record<string, never>>(input: {
  readonly isAuthorized: boolean;
  readonly context?: TContext;
}): APIGatewaySimpleAuthorizerWithContextResult<TContext> {
  return { isAuthorized: input.isAuthorized, context: input.context ?? ({} as TContext) };
}
