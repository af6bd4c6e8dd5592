import { ownList } from '../_internals/deep.js';
import type { CloudFrontHeaders, CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResponse, CloudFrontResponseEvent } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventBuildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { base64Chars, lowerAlnum, upperAlnum } from './_internals/aws.js';

type EventType = CloudFrontRequestEvent['Records'][number]['cf']['config']['eventType'];

/** Header values as a test writes them: one value or several, under any casing of the name. */
export type CloudFrontHeaderInput = Readonly<Record<string, string | readonly string[]>>;

/** Intent shared by Lambda@Edge request and response events. */
interface CloudFrontCommonInput {
  /** Path of the request, starting with `/`. @defaultValue `'/picture.jpg'` */
  readonly uri?: string;
  /** @defaultValue `'GET'` */
  readonly method?: string;
  /** The query string without `?`, or its parameters (encoded as CloudFront forwards them). @defaultValue `''` */
  readonly querystring?: string | Readonly<Record<string, string>>;
  /** Request headers, any casing; CloudFront keys them by lowercase name and keeps the original in `key`. */
  readonly headers?: CloudFrontHeaderInput;
  /** The viewer's IP address. @defaultValue `'203.0.113.178'` */
  readonly clientIp?: string;
}

/** Intent for {@link cloudFrontRequest}. */
export interface CloudFrontRequestInput extends CloudFrontCommonInput {
  /** @defaultValue `'viewer-request'` */
  readonly eventType?: 'viewer-request' | 'origin-request';
  /** A request body (when the behaviour includes the body): sent base64-encoded, read-only, not truncated. */
  readonly body?: string;
  /** Verbatim deep-partial overrides of the event, applied last. */
  readonly overrides?: DeepPartial<CloudFrontRequestEvent>;
}

/** Intent for {@link cloudFrontResponse}. */
export interface CloudFrontResponseInput extends CloudFrontCommonInput {
  /** @defaultValue `'origin-response'` */
  readonly eventType?: 'viewer-response' | 'origin-response';
  /** HTTP status of the origin's response. @defaultValue `200` */
  readonly status?: number;
  /** @defaultValue the standard reason phrase of `status` */
  readonly statusDescription?: string;
  /** Response headers, any casing. */
  readonly responseHeaders?: CloudFrontHeaderInput;
  /** Verbatim deep-partial overrides of the event, applied last. */
  readonly overrides?: DeepPartial<CloudFrontResponseEvent>;
}

/**
 * Converts headers to CloudFront's shape: keyed by lowercase name, each a list of `{ key, value }` with the name as
 * written. Later spellings of the same name add values rather than replace them, as CloudFront merges repeats.
 * @example
 * cloudFrontHeaders({ 'User-Agent': 'curl' }); // { 'user-agent': [{ key: 'User-Agent', value: 'curl' }] }
 */
export function cloudFrontHeaders(headers: CloudFrontHeaderInput): CloudFrontHeaders {
  const out: CloudFrontHeaders = {};
  for (const [name, raw] of Object.entries(headers)) {
    const values = typeof raw === 'string' ? [raw] : raw;
    const list = ownList(out, name.toLowerCase());
    for (const value of values) list.push({ key: name, value });
  }
  return out;
}

/**
 * The canonical base of `cloudFrontRequest`, from aws-lambda-developer-guide/java-events__events__cloudfront.json
 * (a viewer request).
 */
export const cloudFrontRequestFixture: CloudFrontRequestEvent = {
  Records: [
    {
      cf: {
        config: {
          distributionDomainName: 'd111111abcdef8.cloudfront.net',
          distributionId: 'EDFDVBD6EXAMPLE',
          eventType: 'viewer-request',
          requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
        },
        request: {
          clientIp: '203.0.113.178',
          headers: {
            host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }],
            'user-agent': [{ key: 'User-Agent', value: 'curl/7.66.0' }],
            accept: [{ key: 'accept', value: '*/*' }],
          },
          method: 'GET',
          querystring: '',
          uri: '/picture.jpg',
        },
      },
    },
  ],
};

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function encodeQuery(query: string | Readonly<Record<string, string>> | undefined): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query.startsWith('?') ? query.slice(1) : query;
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * The config block and request CloudFront builds for one viewer request: a seeded distribution (id `E` + 13
 * characters, domain `d<13>.cloudfront.net`), a 56-character request id, and a `host` header naming the
 * distribution unless the test sent its own.
 */
function edgeParts(ctx: EventBuildContext, input: CloudFrontCommonInput, eventType: EventType) {
  const base = cloudFrontRequestFixture.Records[0]!.cf;
  const domain = `d${lowerAlnum(ctx.random, 13)}.cloudfront.net`;
  const config = {
    distributionDomainName: domain,
    distributionId: `E${upperAlnum(ctx.random, 13)}`,
    eventType,
    requestId: `${base64Chars(ctx.random, 54).replace(/[+/]/g, '_')}==`,
  };
  const given = cloudFrontHeaders(input.headers ?? {});
  const headers: CloudFrontHeaders = {
    host: [{ key: 'Host', value: domain }],
    'user-agent': [{ key: 'User-Agent', value: 'curl/7.66.0' }],
    accept: [{ key: 'accept', value: '*/*' }],
    ...given,
  };
  const request: CloudFrontRequest = {
    clientIp: input.clientIp ?? base.request.clientIp,
    headers,
    method: (input.method ?? 'GET').toUpperCase(),
    querystring: encodeQuery(input.querystring),
    uri: input.uri ?? base.request.uri,
  };
  return { config, request };
}

/**
 * A Lambda@Edge viewer or origin request. Headers are keyed by lowercase name with `{ key, value }` entries, as
 * CloudFront sends them; a body is base64-encoded with `inputTruncated: false`.
 * @example
 * const e = events.cloudFrontRequest({ uri: '/index.html', headers: { 'CloudFront-Viewer-Country': 'DE' } });
 */
export function cloudFrontRequest(input: CloudFrontRequestInput = {}, options?: EventOptions): CloudFrontRequestEvent {
  const ctx = buildContext('cf-request', options);
  const { config, request } = edgeParts(ctx, input, input.eventType ?? 'viewer-request');
  if (input.body !== undefined) {
    request.body = { action: 'read-only', data: Buffer.from(input.body, 'utf8').toString('base64'), encoding: 'base64', inputTruncated: false };
  }
  return deepMerge<CloudFrontRequestEvent>({ Records: [{ cf: { config, request } }] }, input.overrides);
}

/** The canonical base of `cloudFrontResponse`, from aws-sam-cli-rendered/cloudfront__modify-response-header.json plus the request of the request fixture. */
export const cloudFrontResponseFixture: CloudFrontResponseEvent = {
  Records: [
    {
      cf: {
        config: { ...cloudFrontRequestFixture.Records[0]!.cf.config, eventType: 'origin-response' },
        request: cloudFrontRequestFixture.Records[0]!.cf.request,
        response: {
          status: '200',
          statusDescription: 'OK',
          headers: {
            vary: [{ key: 'Vary', value: '*' }],
            'last-modified': [{ key: 'Last-Modified', value: '2016-11-25' }],
            'x-amz-meta-last-modified': [{ key: 'X-Amz-Meta-Last-Modified', value: '2016-01-01' }],
          },
        },
      },
    },
  ],
};

/**
 * A Lambda@Edge origin or viewer response, with the request that caused it. `status` is a string, as CloudFront
 * sends it, and `statusDescription` the standard reason phrase unless given.
 * @example
 * const e = events.cloudFrontResponse({ status: 404, responseHeaders: { 'Cache-Control': 'no-store' } });
 */
export function cloudFrontResponse(input: CloudFrontResponseInput = {}, options?: EventOptions): CloudFrontResponseEvent {
  const ctx = buildContext('cf-response', options);
  const { config, request } = edgeParts(ctx, input, input.eventType ?? 'origin-response');
  const status = input.status ?? 200;
  const response: CloudFrontResponse = {
    status: String(status),
    statusDescription: input.statusDescription ?? REASONS[status] ?? '',
    headers: cloudFrontHeaders(input.responseHeaders ?? { 'Last-Modified': 'Mon, 25 Nov 2024 00:00:00 GMT', Vary: '*' }),
  };
  return deepMerge<CloudFrontResponseEvent>({ Records: [{ cf: { config, request, response } }] }, input.overrides);
}

const SAM_REQUESTS = [
  'ab-test',
  'http-redirect',
  'modify-querystring',
  'multiple-remote-calls-aggregate-response',
  'normalize-querystring-to-improve-cache-hit',
  'redirect-on-viewer-country',
  'redirect-unauthenticated-users',
  'response-generation',
  'serve-object-on-viewer-device',
  'simple-remote-call',
];

/** Registry entry of `cloudFrontRequest`. */
export const cloudFrontRequestKind: EventKind = {
  id: 'cf-request',
  factory: 'cloudFrontRequest',
  title: 'CloudFront Lambda@Edge viewer/origin request',
  type: 'CloudFrontRequestEvent',
  build: (options) => cloudFrontRequest({}, options),
  samples: ['aws-lambda-developer-guide/java-events__events__cloudfront.json', ...SAM_REQUESTS.map((e) => `aws-sam-cli-rendered/cloudfront__${e}.json`)],
  fixture: cloudFrontRequestFixture,
  sam: SAM_REQUESTS.map((event) => ({
    service: 'cloudfront',
    event,
    build: (options?: EventOptions) => cloudFrontRequest({ uri: '/test', headers: { Host: 'd123.cf.net' }, clientIp: '2001:cdba::3257:9652' }, options),
  })),
  examples: [
    {
      name: 'with a query string and repeated headers',
      build: (options) => cloudFrontRequest({ uri: '/a b', querystring: { size: 'large' }, headers: { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'] } }, options),
    },
  ],
};

/** Registry entry of `cloudFrontResponse`. */
export const cloudFrontResponseKind: EventKind = {
  id: 'cf-response',
  factory: 'cloudFrontResponse',
  title: 'CloudFront Lambda@Edge viewer/origin response',
  type: 'CloudFrontResponseEvent',
  build: (options) => cloudFrontResponse({}, options),
  samples: ['aws-sam-cli-rendered/cloudfront__modify-response-header.json', 'aws-sam-cli-rendered/cloudfront__access-request-in-response.json'],
  fixture: cloudFrontResponseFixture,
  // SAM's response templates are abbreviated: they omit the `request` CloudFront sends with every response event and
  // all of `config` but the distribution id. The request part is checked by cf-request.
  conformance: { ignore: ['Records[].cf.request', 'Records[].cf.config'] },
  sam: [
    { service: 'cloudfront', event: 'modify-response-header' },
    { service: 'cloudfront', event: 'access-request-in-response' },
  ],
};
