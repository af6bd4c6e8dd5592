import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { clfTime, traceId } from '../events/_internals/format.js';
import { isTextContent, joinedValues } from '../events/http/_request.js';
import { FUNCTION_URL_TLS_HEADERS } from '../events/http/function-url.js';
import type { Random } from '../internal/random.js';

/** An HTTP request as a function URL receives it, before Lambda turns it into an event. */
export interface UrlRequest {
  readonly method: string;
  /** The request target as sent: path and query string, not decoded (`/pa2%Fth/1?q=1`). */
  readonly target: string;
  /** Header names and values as sent, in order (Node's `rawHeaders` pairs). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
  readonly sourceIp: string;
}

/** Where the URL lives: its id (the host's first label), region and the protocol details AWS's front end adds. */
export interface UrlPlace {
  readonly urlId: string;
  readonly region: string;
  readonly port: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te']);

/**
 * The payload-2.0 event Lambda hands a function for a request to its URL: `rawPath` and `requestContext.http.path`
 * as sent (not decoded), `rawQueryString` as sent, lower-cased headers with repeated ones joined by ","
 * (the `cookie` header kept, and split into `cookies`), parameters decoded and joined by ",", AWS's own headers
 * (`x-amzn-trace-id`, `x-forwarded-*`, TLS), a text body as is or any other body base64-encoded
 * (recorded: url-event-shape-echo, url-multipart-base64, url-node-invoke-modes).
 * @example
 * functionUrlEvent({ method: 'GET', target: '/?a=1', headers: [['Host', 'x']], body: new Uint8Array(), sourceIp: '127.0.0.1' },
 *   { urlId: 'abc', region: 'us-east-1', port: 443 }, random, Date.now()).rawQueryString; // 'a=1'
 */
export function functionUrlEvent(request: UrlRequest, place: UrlPlace, random: Random, now: number): LambdaFunctionURLEvent {
  const q = request.target.indexOf('?');
  const rawPath = q < 0 ? request.target : request.target.slice(0, q);
  const rawQueryString = q < 0 ? '' : request.target.slice(q + 1);
  const domainName = `${place.urlId}.lambda-url.${place.region}.on.aws`;
  // Hop-by-hop headers end at AWS's front end (the recorded echo has no `connection` though the client sent one).
  const sent = joinedValues(request.headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())), true);
  // The client's headers, then what AWS's front end sets (it terminates TLS on 443 and rewrites Host).
  const headers: Record<string, string> = {
    ...sent,
    host: domainName,
    ...FUNCTION_URL_TLS_HEADERS,
    'x-amzn-trace-id': traceId(random, now),
    'x-forwarded-for': request.sourceIp,
    'x-forwarded-port': String(place.port),
    'x-forwarded-proto': 'https',
  };
  const event: Record<string, unknown> = { version: '2.0', routeKey: '$default', rawPath, rawQueryString };
  const cookie = sent['cookie'];
  if (cookie !== undefined) event['cookies'] = cookie.split(/;\s*/).filter((c) => c !== '');
  event['headers'] = headers;
  if (rawQueryString !== '') event['queryStringParameters'] = joinedValues([...new URLSearchParams(rawQueryString)]);
  event['requestContext'] = {
    accountId: 'anonymous',
    apiId: place.urlId,
    domainName,
    domainPrefix: place.urlId,
    http: { method: request.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: sent['user-agent'] ?? '' },
    requestId: random.uuid(),
    routeKey: '$default',
    stage: '$default',
    time: clfTime(now),
    timeEpoch: now,
  };
  // A request without a body has no `body` key at all (recorded: url-node-invoke-modes).
  const text = isTextContent(sent['content-type']);
  if (request.body.byteLength > 0) event['body'] = text ? Buffer.from(request.body).toString('utf8') : Buffer.from(request.body).toString('base64');
  event['isBase64Encoded'] = request.body.byteLength > 0 && !text;
  return event as unknown as LambdaFunctionURLEvent;
}
