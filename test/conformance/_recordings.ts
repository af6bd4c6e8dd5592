/**
 * Replaying AWS's recorded behaviour (`../shared/aws-recordings/cases.json`) against the harness.
 *
 * Each vector was recorded against the real Lambda service and normalised by LocalStack's snapshot library (see the
 * collection's README): ids, names and timestamps became placeholders such as `<uuid:2>`, `<request-id>` or the
 * literal word `date`. `expectRecorded` compares a harness value with a recorded one under those rules: a numbered
 * placeholder binds on first sight and must then stand for the same value everywhere (an unnumbered one only matches
 * its pattern, unless the test binds it), and parsed bodies keep AWS's key order, which is compared too.
 *
 * `serveOverHttp` puts functions behind the real loopback server and calls it with `fetch` as botocore (which made the
 * recordings) does — the function name and qualifier percent-encoded its way — returning what botocore saw: the
 * flattened Invoke response, or the parsed error (with the body's fields only for exceptions in Lambda's model).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { startServer, type LambdaFunction } from '../../src/index.js';
import { releasedAfterEach } from '../_support/functions.js';
import { repoRoot } from '../events/_samples.js';

export const recordingsFile = path.resolve(repoRoot, '../shared/aws-recordings/cases.json');

/** One recorded case (only the fields the replays read are typed). */
export interface RecordedCase {
  readonly id: string;
  readonly area: string;
  readonly runtime: string;
  readonly request: Record<string, unknown>;
  readonly recorded: Record<string, unknown>;
  readonly notes: string;
}

let cases: Map<string, RecordedCase> | undefined;

/** Every recorded case, by id. */
export function allRecordings(): Map<string, RecordedCase> {
  cases ??= new Map((JSON.parse(readFileSync(recordingsFile, 'utf8')) as RecordedCase[]).map((c) => [c.id, c]));
  return cases;
}

/** The recorded case `id` (throws for an unknown id, so a typo cannot make a replay vacuous). */
export function recording(id: string): RecordedCase {
  const found = allRecordings().get(id);
  if (found === undefined) throw new Error(`no recording '${id}' in ${recordingsFile}`);
  return found;
}

/** The value at `path` (dot-separated keys) of a case's `recorded` object. */
export function recorded<T = unknown>(id: string, ...keys: string[]): T {
  let value: unknown = recording(id).recorded;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`recording '${id}' has no recorded.${keys.join('.')}`);
    value = (value as Record<string, unknown>)[key];
  }
  return value as T;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** What an unnumbered placeholder may stand for. */
const PATTERNS: Record<string, string> = {
  uuid: UUID,
  'request-id': UUID,
  timeout_error_msg: UUID,
  duration: '\\d+(?:\\.\\d+)?',
  memory: '\\d+',
  region: '[a-z]{2}(?:-[a-z]+)+-\\d',
  partition: 'aws(?:-[a-z]+)*',
};
/** Placeholders whose whole value was replaced and not recorded: any value matches (but the key must exist). */
const OPAQUE = new Set([
  '<stack-trace>',
  'log-result',
  '<log-result:1>',
  '<remaining-time-in-millis>',
  // Timestamps the snapshots replaced whole, whatever their type (epoch seconds are numbers in stream records).
  '<approximate-arrival-timestamp>',
  '<approximate-creation-datetime>',
]);

/** Placeholder → the value it stood for in this replay (pre-seed with known ones, e.g. the request id). */
export type Bindings = Map<string, string>;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `actual` matches the recorded string `expected`, binding the placeholders it contains. */
function matchString(actual: string, expected: string, bindings: Bindings): boolean {
  const names: string[] = [];
  let source = '';
  let last = 0;
  // `<name>` / `<name:N>` placeholders, and the legacy transformer's literal `date` standing for an ISO timestamp.
  // `<timestamp:2022-07-13T13:48:01.000Z>` (the newer transformer) stands for any timestamp in exactly that format.
  const token = /<([a-z0-9_-]+)(?::\d+)?>|<timestamp:[^>]+>|\bdate\b/g;
  for (let m = token.exec(expected); m !== null; m = token.exec(expected)) {
    source += escape(expected.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[0];
    const bound = bindings.get(name);
    if (bound !== undefined) {
      source += escape(bound);
    } else if (name.startsWith('<timestamp:')) {
      source += escape(name.slice('<timestamp:'.length, -1)).replace(/\d/g, '\\d');
    } else if (name === 'date') {
      // UTC as `Z` or as Lambda's control plane writes it (`+0000`).
      source += '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|\\+0000)?)';
      names.push('');
    } else {
      source += `(${PATTERNS[m[1]!] ?? '[^\\s"]+?'})`;
      // A numbered placeholder stands for one value throughout a case. An unnumbered one (`<uuid>`, `<md5-body>`)
      // may stand for different values (LocalStack's regex transformers replace every match alike), so it binds
      // only when the test pre-seeds it (e.g. `<uuid>` as the response's request id).
      names.push(/:\d+>$/.test(name) ? name : '');
    }
  }
  source += escape(expected.slice(last));
  const match = new RegExp(`^${source}$`, 's').exec(actual);
  if (match === null) return false;
  names.forEach((name, i) => {
    if (name !== '' && !bindings.has(name)) bindings.set(name, match[i + 1]!);
  });
  return true;
}

function describeAt(where: string): string {
  return where === '' ? 'the value' : where;
}

function compare(actual: unknown, expected: unknown, bindings: Bindings, ordered: boolean, where: string, problems: string[]): void {
  if (typeof expected === 'string') {
    if (OPAQUE.has(expected)) {
      if (actual === undefined) problems.push(`${describeAt(where)}: missing (recorded as ${expected})`);
      return;
    }
    if (typeof actual !== 'string' || !matchString(actual, expected, bindings)) {
      problems.push(`${describeAt(where)}: got ${JSON.stringify(actual)}, recorded ${JSON.stringify(expected)}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      problems.push(`${describeAt(where)}: got ${JSON.stringify(actual)}, recorded ${JSON.stringify(expected)}`);
      return;
    }
    expected.forEach((e, i) => compare(actual[i], e, bindings, ordered, `${where}[${i}]`, problems));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      problems.push(`${describeAt(where)}: got ${JSON.stringify(actual)}, recorded an object`);
      return;
    }
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const missing = Object.keys(e).filter((k) => !(k in a));
    const extra = Object.keys(a).filter((k) => !(k in e));
    if (missing.length > 0 || extra.length > 0) {
      problems.push(`${describeAt(where)}: keys differ (missing ${JSON.stringify(missing)}, not recorded ${JSON.stringify(extra)})`);
    } else if (ordered && Object.keys(a).join() !== Object.keys(e).join()) {
      problems.push(`${describeAt(where)}: key order ${JSON.stringify(Object.keys(a))}, recorded ${JSON.stringify(Object.keys(e))}`);
    }
    for (const k of Object.keys(e)) if (k in a) compare(a[k], e[k], bindings, ordered, where === '' ? k : `${where}.${k}`, problems);
    return;
  }
  if (!Object.is(actual, expected)) problems.push(`${describeAt(where)}: got ${JSON.stringify(actual)}, recorded ${JSON.stringify(expected)}`);
}

/**
 * Asserts that `actual` is what AWS recorded, placeholders aside. `ordered` also compares key order (true for bodies
 * AWS produced and LocalStack parsed after sorting, such as `Payload`; false for the sorted botocore envelope).
 * Returns the bindings, so that later values of the same case can be held to them.
 */
export function expectRecorded(actual: unknown, expected: unknown, options: { bindings?: Bindings; ordered?: boolean } = {}): Bindings {
  const bindings = options.bindings ?? new Map<string, string>();
  const problems: string[] = [];
  compare(actual, expected, bindings, options.ordered ?? false, '', problems);
  if (problems.length > 0) {
    throw new Error(`differs from the recording:\n  ${problems.join('\n  ')}\nactual: ${JSON.stringify(actual, null, 2)}`);
  }
  return bindings;
}

/** What botocore saw of an Invoke call, flattened as the recordings are. */
export interface BotocoreView {
  /** Always present: the HTTP status. */
  httpStatus: number;
  /** Success: the Invoke output fields present on the wire. */
  StatusCode?: number;
  ExecutedVersion?: string;
  FunctionError?: string;
  LogResult?: string;
  /** The body: parsed when it starts with `{` (LocalStack's rule), else the raw text. */
  Payload?: unknown;
  /** Failure: botocore's parsed error, plus the body's own fields. */
  Error?: { Code: string; Message: string };
  [bodyField: string]: unknown;
}

/** One HTTP exchange with the Invoke API: the botocore-style view, the request id header and the raw body. */
export interface Exchange {
  readonly view: BotocoreView;
  readonly requestId: string | null;
  readonly body: string;
}

/** Options of one Invoke request, named as the API's parameters. */
export interface InvokeRequestOptions {
  readonly Payload?: string | Uint8Array;
  readonly InvocationType?: 'RequestResponse' | 'Event' | 'DryRun';
  readonly LogType?: 'None' | 'Tail';
  readonly Qualifier?: string;
  readonly ClientContext?: string;
}

/** Exceptions outside Lambda's service model: botocore parses only `Error` of them, not the body's own fields. */
const UNMODELLED = new Set(['ValidationException']);

/** botocore's `percent_encode` of URI labels and query values: all but ASCII letters, digits and `-._~`. */
export function botocoreEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** botocore's view of an error response, or undefined when the response is none. */
function errorViewOf(status: number, headers: Headers, parsed: unknown): BotocoreView | undefined {
  const errorType = headers.get('x-amzn-errortype');
  if (errorType === null) return undefined;
  const fields = parsed as Record<string, unknown>;
  const code = errorType.split(':')[0]!;
  const view: BotocoreView = { httpStatus: status, Error: { Code: code, Message: String(fields['message'] ?? fields['Message']) } };
  return UNMODELLED.has(code) ? view : { ...view, ...fields };
}

function viewOf(status: number, headers: Headers, body: string): BotocoreView {
  const parsed: unknown = body.startsWith('{') ? JSON.parse(body) : body;
  const error = errorViewOf(status, headers, parsed);
  if (error !== undefined) return error;
  const view: BotocoreView = { httpStatus: status, StatusCode: status };
  const executed = headers.get('x-amz-executed-version');
  if (executed !== null) view.ExecutedVersion = executed;
  const functionError = headers.get('x-amz-function-error');
  if (functionError !== null) view.FunctionError = functionError;
  const logResult = headers.get('x-amz-log-result');
  if (logResult !== null) view.LogResult = logResult;
  view.Payload = parsed;
  return view;
}

/**
 * Serves `functions` on the real loopback server (region us-east-1, account 111111111111 as in the recordings) and
 * returns an `invoke` that speaks raw HTTP to it. Close it after the test.
 */
export async function serveOverHttp(functions: readonly LambdaFunction[]): Promise<{
  invoke(functionName: string, options?: InvokeRequestOptions): Promise<Exchange>;
  /**
   * A control-plane request (`PUT /2017-10-31/functions/f/concurrency`, its JSON body): botocore's view is the output
   * members with `httpStatus`, or the error as for Invoke.
   */
  send(method: string, path: string, body?: unknown): Promise<Exchange>;
  /** PublishVersion of `functionName`. */
  publish(functionName: string): Promise<Exchange>;
  /** PutFunctionConcurrency (botocore encodes the name, which may be an ARN). */
  reserve(functionName: string, count: number): Promise<Exchange>;
  /** PutProvisionedConcurrencyConfig of a version or alias. */
  provision(functionName: string, qualifier: string, count: number): Promise<Exchange>;
  close(): Promise<void>;
}> {
  const server = await startServer({ functions });
  const exchange = async (method: string, path: string, body?: unknown): Promise<Exchange> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    const view = errorViewOf(response.status, response.headers, parsed) ?? { httpStatus: response.status, ...(parsed as Record<string, unknown>) };
    return { view, requestId: response.headers.get('x-amzn-requestid'), body: text };
  };
  return {
    send: exchange,
    publish: (name) => exchange('POST', `/2015-03-31/functions/${botocoreEncode(name)}/versions`, {}),
    reserve: (name, count) => exchange('PUT', `/2017-10-31/functions/${botocoreEncode(name)}/concurrency`, { ReservedConcurrentExecutions: count }),
    provision: (name, qualifier, count) =>
      exchange('PUT', `/2019-09-30/functions/${botocoreEncode(name)}/provisioned-concurrency?Qualifier=${botocoreEncode(qualifier)}`, { ProvisionedConcurrentExecutions: count }),
    invoke: async (functionName, options = {}) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.InvocationType !== undefined) headers['X-Amz-Invocation-Type'] = options.InvocationType;
      if (options.LogType !== undefined) headers['X-Amz-Log-Type'] = options.LogType;
      if (options.ClientContext !== undefined) headers['X-Amz-Client-Context'] = options.ClientContext;
      const query = options.Qualifier === undefined ? '' : `?Qualifier=${botocoreEncode(options.Qualifier)}`;
      const response = await fetch(`${server.url}/2015-03-31/functions/${botocoreEncode(functionName)}/invocations${query}`, {
        method: 'POST',
        headers,
        ...(options.Payload === undefined ? {} : { body: options.Payload }),
      });
      const body = await response.text();
      return { view: viewOf(response.status, response.headers, body), requestId: response.headers.get('x-amzn-requestid'), body };
    },
    close: () => server.close(),
  };
}

/** The account id of every recording (LocalStack's test account, kept by the snapshots). */
export const RECORDED_ACCOUNT = '111111111111';

/**
 * For a test file: `serve(...fns)` serves functions as {@link serveOverHttp} does, and `release(x)` marks anything
 * else to let go of; after each test the server closes, then the functions and the rest are released.
 * @example
 * const { serve, release } = replays();
 * const server = await serve(release(createFunction({ handler })));
 */
export function replays(): {
  serve(...fns: LambdaFunction[]): ReturnType<typeof serveOverHttp>;
  release: ReturnType<typeof releasedAfterEach>;
} {
  const release = releasedAfterEach();
  return {
    serve: async (...fns) => {
      for (const fn of fns) release(fn);
      return release(await serveOverHttp(fns));
    },
    release,
  };
}

/**
 * What the recordings' HTTP echo handler (LocalStack's create_echo_http_server fixture) answers for a function URL
 * event: its query parameters, JSON body, domain, headers, method, client address and path.
 */
export function echoOf(event: LambdaFunctionURLEvent): Record<string, unknown> {
  return {
    args: event.queryStringParameters ?? {},
    data: JSON.parse(event.body!) as unknown,
    domain: event.requestContext.domainName,
    headers: event.headers,
    method: event.requestContext.http.method,
    origin: event.requestContext.http.sourceIp,
    path: event.requestContext.http.path,
  };
}

