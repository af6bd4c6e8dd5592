import { ownList } from '../_internals/deep.js';
import { toBase64 } from '../_internals/format.js';

/**
 * The intent a user writes for any HTTP-shaped event, and how it becomes the pieces every HTTP payload format
 * needs (encoded query string, decoded parameters, header maps, body and its encoding). One place, so API
 * Gateway v1/v2, ALB and function URLs agree on what `query: { a: ['1', '2'] }` means.
 */

/** A header or query map: a repeated name takes an array of values. */
export type MultiMap = Readonly<Record<string, string | readonly string[]>>;

/** Intent fields shared by the HTTP event factories. */
export interface HttpRequestIntent {
  /** HTTP method. @defaultValue `'GET'` (or `'POST'` when a body or `json` is given) */
  readonly method?: string;
  /** The request path, decoded or encoded (it is percent-encoded once where AWS sends it encoded). @defaultValue `'/'` */
  readonly path?: string;
  /** Query parameters (decoded); a repeated parameter takes an array. */
  readonly query?: MultiMap;
  /** Request headers in any case; a repeated header takes an array. */
  readonly headers?: MultiMap;
  /** Cookies as `name=value` strings or a name → value map. */
  readonly cookies?: readonly string[] | Readonly<Record<string, string>>;
  /** A value serialised as the JSON body; sets `content-type: application/json` unless a content-type is given. */
  readonly json?: unknown;
  /** The body as the client sent it. Bytes are always base64-encoded (as API Gateway does for binary media). */
  readonly body?: string | Uint8Array;
  /** Whether the body reaches Lambda base64-encoded. A string body is encoded when this is true. @defaultValue `false` for text */
  readonly isBase64Encoded?: boolean;
}

/** What the intent resolves to, independent of any payload format. */
export interface ResolvedRequest {
  readonly method: string;
  readonly path: string;
  /** `[name, value]` pairs in order, decoded. */
  readonly queryPairs: readonly (readonly [string, string])[];
  /** `[name, value]` pairs in order, names as given. */
  readonly headerPairs: readonly (readonly [string, string])[];
  readonly cookies: readonly string[];
  /** The body as it reaches Lambda (base64 when `isBase64Encoded`), or undefined for no body. */
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
  /** Byte length of the body as the client sent it (for `content-length`). */
  readonly contentLength: number;
}

/** Whether `map` has a header called `name` (header names are case-insensitive). */
export function hasHeader(map: MultiMap | undefined, name: string): boolean {
  const lower = name.toLowerCase();
  return map !== undefined && Object.keys(map).some((n) => n.toLowerCase() === lower);
}

/** The value of the header called `name` in a single-value map, whatever the case of its name. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(headers).find(([n]) => n.toLowerCase() === lower)?.[1];
}

/**
 * A header or query map as `[name, value]` pairs, one per value of a multi-value entry, in the map's order.
 * @example
 * toPairs({ a: ['1', '2'], b: '3' }); // [['a', '1'], ['a', '2'], ['b', '3']]
 */
export function toPairs(map: MultiMap | undefined): [string, string][] {
  const out: [string, string][] = [];
  if (map === undefined) return out;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value === 'string') out.push([name, value]);
    else for (const v of value) out.push([name, v]);
  }
  return out;
}

/** Resolves the shared intent fields. */
export function resolveRequest(intent: HttpRequestIntent): ResolvedRequest {
  const headerPairs = toPairs(intent.headers);
  let raw: string | Uint8Array | undefined = intent.body;
  if (intent.json !== undefined) {
    raw = JSON.stringify(intent.json);
    if (!headerPairs.some(([n]) => n.toLowerCase() === 'content-type')) headerPairs.push(['content-type', 'application/json']);
  }
  const binary = raw instanceof Uint8Array;
  const isBase64Encoded = binary || (intent.isBase64Encoded ?? false);
  const body = raw === undefined ? undefined : isBase64Encoded ? toBase64(raw) : (raw as string);
  const contentLength = raw === undefined ? 0 : typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  const cookies =
    intent.cookies === undefined
      ? []
      : Array.isArray(intent.cookies)
        ? [...(intent.cookies as readonly string[])]
        : Object.entries(intent.cookies as Record<string, string>).map(([n, v]) => `${n}=${v}`);
  return {
    method: (intent.method ?? (raw === undefined ? 'GET' : 'POST')).toUpperCase(),
    path: intent.path ?? '/',
    queryPairs: toPairs(intent.query),
    headerPairs,
    cookies,
    body,
    isBase64Encoded,
    contentLength,
  };
}

/**
 * Encodes query pairs as a raw query string the way browsers and curl do (`a=1&a=2&q=hello%20world`).
 * @example
 * encodeQuery([['q', 'a b']]); // 'q=a%20b'
 */
export function encodeQuery(queryPairs: readonly (readonly [string, string])[]): string {
  return queryPairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
}

/** Groups pairs by name into single values (last wins, as API Gateway v1 / ALB single-value maps do). */
export function lastValues(list: readonly (readonly [string, string])[], lowerNames = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of list) out[lowerNames ? n.toLowerCase() : n] = v;
  return out;
}

/** Groups pairs by name into comma-joined values (as HTTP API v2 and function URLs do). */
export function joinedValues(list: readonly (readonly [string, string])[], lowerNames = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of list) {
    const key = lowerNames ? n.toLowerCase() : n;
    out[key] = out[key] === undefined ? v : `${out[key]},${v}`;
  }
  return out;
}

/** Groups pairs by name into arrays (multi-value maps). */
export function multiValues(list: readonly (readonly [string, string])[], lowerNames = false): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [n, v] of list) ownList(out, lowerNames ? n.toLowerCase() : n).push(v);
  return out;
}

// Media types delivered as text; anything else (multipart forms, images, an unknown or missing type) arrives
// base64-encoded (recorded: url-multipart-base64; a captured event with content-type "idk" is base64 too).
// [UNCERTAIN] application/x-www-form-urlencoded: reported base64 by users, treated as binary here.
const TEXT_TYPE = /^(text\/[^;]+|application\/([\w.+-]+\+)?(json|xml|javascript|yaml))\s*(;|$)/i;

/**
 * Whether a body of this content type reaches a function URL's handler as text (else base64).
 * @example
 * isTextContent('application/json; charset=utf-8'); // true
 * isTextContent('multipart/form-data; boundary=x'); // false
 */
export function isTextContent(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXT_TYPE.test(contentType);
}
