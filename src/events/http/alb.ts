import type { ALBEvent } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { encodePath, randomString, traceId } from '../_internals/format.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { lastValues, multiValues, resolveRequest, type HttpRequestIntent } from './_request.js';

/** Intent for an Application Load Balancer request. */
export interface AlbInput extends HttpRequestIntent {
  /**
   * Whether the target group has multi-value headers enabled: then only `multiValueHeaders` and
   * `multiValueQueryStringParameters` are sent, otherwise only the single-value maps (last value wins).
   * @defaultValue `false`
   */
  readonly multiValue?: boolean;
  readonly overrides?: DeepPartial<ALBEvent>;
}

/**
 * The canonical base of `alb`, from a captured request (powertools-lambda-typescript/parser__alb__base.json).
 * Equal to `fixtures/events/alb.json`.
 */
export const albFixture: ALBEvent = {
  requestContext: {
    elb: {
      targetGroupArn:
        'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a',
    },
  },
  httpMethod: 'GET',
  path: '/lambda',
  queryStringParameters: { query: '1234ABCD' },
  headers: {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8',
    'accept-encoding': 'gzip',
    'accept-language': 'en-US,en;q=0.9',
    connection: 'keep-alive',
    host: 'lambda-alb-123578498.us-east-2.elb.amazonaws.com',
    'upgrade-insecure-requests': '1',
    'user-agent':
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36',
    'x-amzn-trace-id': 'Root=1-5c536348-3d683b8b04734faae651f476',
    'x-forwarded-for': '72.12.164.125',
    'x-forwarded-port': '80',
    'x-forwarded-proto': 'http',
    'x-imforwards': '20',
  },
  body: 'Test',
  isBase64Encoded: false,
};

/**
 * An Application Load Balancer target-group request. Unlike API Gateway, ALB passes query parameters still
 * URL-encoded, lowercases header names, and sends `body: ''` when there is none.
 * @example
 * const event = events.alb({ path: '/search', query: { q: 'a b' } });
 * event.queryStringParameters; // { q: 'a%20b' }
 * const multi = events.alb({ multiValue: true, headers: { accept: ['a', 'b'] } });
 */
export function alb(input: AlbInput = {}, options?: EventOptions): ALBEvent {
  const { random, now } = buildContext('alb', options);
  const req = resolveRequest(input);
  const name = `lambda-${randomString(random, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  const host = `${name.slice(0, 18)}-${1 + random.int(999_999_999)}.us-east-1.elb.amazonaws.com`;
  const headerPairs: (readonly [string, string])[] = [
    ['accept', '*/*'],
    ['connection', 'keep-alive'],
    ['host', host],
    ['user-agent', 'curl/8.5.0'],
    ['x-amzn-trace-id', traceId(random, now)],
    ['x-forwarded-for', '72.12.164.125'],
    ['x-forwarded-port', '443'],
    ['x-forwarded-proto', 'https'],
  ];
  const given = req.headerPairs.map(([n, v]) => [n.toLowerCase(), v] as const);
  const names = new Set(given.map(([n]) => n));
  const allHeaders = [...headerPairs.filter(([n]) => !names.has(n)), ...given];
  if (req.body !== undefined && !names.has('content-length')) allHeaders.push(['content-length', String(req.contentLength)]);
  // ALB does not decode the query string: names and values arrive as the client encoded them.
  const query = req.queryPairs.map(([n, v]) => [encodeURIComponent(n), encodeURIComponent(v)] as const);
  const event: ALBEvent = {
    requestContext: {
      elb: { targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/${random.hex(16)}` },
    },
    httpMethod: req.method,
    path: encodePath(req.path),
    ...(input.multiValue === true
      ? { multiValueQueryStringParameters: multiValues(query), multiValueHeaders: multiValues(allHeaders) }
      : { queryStringParameters: lastValues(query), headers: lastValues(allHeaders) }),
    body: req.body ?? '',
    isBase64Encoded: req.isBase64Encoded,
  };
  return input.overrides === undefined ? event : deepMerge<ALBEvent>(event, input.overrides);
}

const SAMPLES = [
  'powertools-lambda-typescript/parser__alb__base.json',
  'aws-lambda-go/alb-lambda-target-request-headers-only.json',
] as const;

/** Registry entry for `alb`. */
export const albKind: EventKind = {
  id: 'alb',
  factory: 'alb',
  title: 'ALB target-group request',
  type: 'ALBEvent',
  build: (options) => alb({}, options),
  samples: SAMPLES,
  fixture: albFixture,
  sam: [{ service: 'alb', event: 'request' }],
  examples: [
    {
      name: 'with multi-value headers and query',
      build: (options) => alb({ multiValue: true, query: { key: ['a', 'b c'] }, headers: { accept: ['text/html', 'application/json'] } }, options),
      samples: ['aws-lambda-go/alb-lambda-target-request-multivalue-headers.json', 'powertools-lambda-typescript/parser__alb__multi-fields.json'],
    },
    {
      name: 'with a JSON body',
      build: (options) => alb({ method: 'POST', json: { a: 1 } }, options),
    },
  ],
};
