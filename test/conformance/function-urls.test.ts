/**
 * Recorded function URL behaviour (area `function-urls`, and `reqid-function-url`), replayed with real HTTP requests
 * against `startFunctionUrl`. Most recordings were made with Python handlers; what is replayed is the URL layer's
 * mapping of requests to events and of results to HTTP responses, which does not depend on the runtime.
 *
 * The recorded `http` views are what python-requests saw: `statuscode`, the `Content-Length`/`Content-Type` headers
 * and `content` (parsed by the snapshot library when it starts with `{`).
 *
 * Not replayed: `url-missing-permission-403` (AuthType and resource policies are not modelled: every URL served is
 * public).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createFunction, HarnessError, startFunctionUrl, startServer, type FunctionUrlOptions, type LambdaFunction, type RunningServer } from '../../src/index.js';
import { setupServer } from 'msw/node';
import { functionUrlHandlers, unknownFunctionUrlHandler } from '../../src/msw/index.js';
import { echoOf, expectRecorded, recorded, recording, replays } from './_recordings.js';

const { release } = replays();

/** Serves `handler` at a function URL, released after the test. */
async function url(handler: (event: never) => Promise<unknown>, options?: FunctionUrlOptions): Promise<{ fn: LambdaFunction; server: RunningServer }> {
  const fn = release(createFunction({ name: 'url-fn', handler }) as LambdaFunction);
  const server = release(await startFunctionUrl(fn, options));
  return { fn, server };
}

/** The recordings' request: POST `custom_path/extend?test_param=test_value` with the body `{'key':'value'}`. */
const POST_PATH = '/custom_path/extend?test_param=test_value';

/** What python-requests saw of a response, as the recordings keep it. */
async function requestsView(response: Response): Promise<{ statuscode: number; headers: Record<string, string>; content: unknown }> {
  const text = await response.text();
  return {
    statuscode: response.status,
    headers: { 'Content-Length': response.headers.get('content-length')!, 'Content-Type': response.headers.get('content-type')! },
    content: text.startsWith('{') ? (JSON.parse(text) as unknown) : text,
  };
}

/** Compares with a recorded `http` view: the envelope in any order (the snapshot sorted it), the content in AWS's. */
function expectRecordedHttp(view: Awaited<ReturnType<typeof requestsView>>, expected: unknown): void {
  const { content, ...envelope } = view;
  const { content: recordedContent, ...recordedEnvelope } = expected as { content: unknown };
  expectRecorded(envelope, recordedEnvelope);
  expectRecorded(content, recordedContent, { ordered: true });
}

const post = (server: RunningServer, init: RequestInit = {}): Promise<Response> =>
  fetch(`${server.url}${POST_PATH}`, { method: 'POST', body: "{'key':'value'}", ...init });

describe('function URLs, as recorded on AWS', () => {
  it('url-return-plain-object: answers an object without statusCode as its compact JSON, 200, application/json', async () => {
    const { server } = await url(async () => ({ hello: 'world' }));
    expectRecordedHttp(await requestsView(await post(server)), recorded('url-return-plain-object', 'http'));
  });

  it('url-return-http-response: answers statusCode and body as that response, Content-Type still application/json', async () => {
    const { server } = await url(async () => ({ statusCode: 200, body: 'body123' }));
    expectRecordedHttp(await requestsView(await post(server)), recorded('url-return-http-response', 'http'));
  });

  it('url-return-http-response-json-body: passes a string body through byte for byte', async () => {
    const { server } = await url(async () => ({ statusCode: 200, body: '{"hello": "world"}' }));
    expectRecordedHttp(await requestsView(await post(server)), recorded('url-return-http-response-json-body', 'http'));
  });

  const nonObjects = recorded<Record<string, { handlerReturns: string; http: unknown }>>('url-return-non-object-values');
  // The Python values the handlers returned, in JavaScript.
  const returned: Record<string, unknown> = { 'list-mixed': ['hello', 3, true], string: 'hello', integer: 3, float: 3.1, boolean: true };
  it.each(Object.keys(nonObjects))('url-return-non-object-values: answers a handler returning a %s as the recorded body', async (kind) => {
    expect(Object.keys(returned)).toContain(kind);
    const { server } = await url(async () => returned[kind]);
    expectRecordedHttp(await requestsView(await post(server)), nonObjects[kind]!.http);
  });

  it('url-custom-status-headers: honours the returned status (a numeric string too) and headers', async () => {
    const bodies = recording('url-custom-status-headers').request['bodies'] as unknown[];
    const [created, teapot] = recorded<Record<string, unknown>[]>('url-custom-status-headers', 'assertions');
    // The recorded handler JSON-parses event.body and returns it.
    const { server } = await url(async (event: { body: string }) => JSON.parse(event.body) as unknown);
    const first = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodies[0]) });
    expect(first.status).toBe(created!['status']);
    expect(first.headers.get('my-custom-header')).toBe(created!['header my-custom-header']);
    expect(await first.json()).toEqual(created!['json']);
    const second = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodies[1]) });
    expect(second.status).toBe(teapot!['status']);
    expect(await second.text()).toBe(teapot!['text']);
  });

  it('url-function-error-502: answers a function error with 502 and the plain body Internal Server Error', async () => {
    const expected = recorded<{ status: number; body: string }>('url-function-error-502', 'assertions');
    const { fn, server } = await url(async () => {
      throw new Error('the error itself is not exposed');
    });
    const response = await fetch(`${server.url}/`, { method: 'POST', headers: { 'User-Agent': 'python-requests/testing' }, body: '{}' });
    expect(response.status).toBe(expected.status);
    expect(await response.text()).toBe(expected.body);
    expect(fn.invocations[0]?.outcome).toBe('error');
  });

  it('reqid-function-url: answers with x-amzn-RequestId, the request id of the invocation (its END line)', async () => {
    const { fn, server } = await url(async () => 'hi');
    const response = await post(server);
    const bindings = expectRecorded(
      { content: await response.text(), headers: { 'x-amzn-RequestId': response.headers.get('x-amzn-requestid') }, statuscode: response.status },
      recorded('reqid-function-url', 'http'),
    );
    const [end] = recorded<string[]>('reqid-function-url', 'cloudwatchEndLines');
    expect(fn.invocations[0]!.logs).toContain(end!.replace('<uuid:1>', bindings.get('<uuid:1>')!));
  });

  it('url-event-shape-echo: hands the function the event AWS built for the same request', async () => {
    const request = recording('url-event-shape-echo').request as { path: string; headers: Record<string, string>; json: unknown };
    const expected = recorded<Record<string, unknown>>('url-event-shape-echo', 'httpJson');
    // The recording's echo handler, over the payload-2.0 event.
    const { server } = await url(async (event: LambdaFunctionURLEvent) => ({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(echoOf(event)),
    }));
    // python-requests sent json.dumps of the body and its own accept/accept-encoding; fetch adds some headers of its
    // own (sec-fetch-mode, accept-language), which are not the recording's and are left out below.
    const response = await fetch(`${server.url}${request.path}`, {
      method: 'POST',
      headers: { ...request.headers, accept: '*/*', 'accept-encoding': 'gzip, deflate' },
      body: JSON.stringify(request.json).replace(/":/g, '": '),
    });
    const echoed = (await response.json()) as { headers: Record<string, string> };
    for (const name of ['accept-language', 'sec-fetch-mode']) delete echoed.headers[name];
    expectRecorded(echoed, expected);
  });

  it('url-multipart-base64: delivers a multipart body base64-encoded, decoding to the exact request bytes', async () => {
    const expected = recorded<{ data: string; path: string; args: Record<string, string> }>('url-multipart-base64', 'httpJson');
    const request = recording('url-multipart-base64').request as { headers: Record<string, string> };
    const bytes = Buffer.from(expected.data, 'base64');
    const { fn, server } = await url(async (event: { body: string; isBase64Encoded: boolean; rawPath: string; queryStringParameters?: Record<string, string> }) => ({
      data: event.body,
      base64: event.isBase64Encoded,
      path: event.rawPath,
      args: event.queryStringParameters ?? {},
    }));
    const response = await fetch(`${server.url}${expected.path}`, { method: 'POST', headers: request.headers, body: bytes });
    expect(await response.json()).toEqual({ data: expected.data, base64: true, path: expected.path, args: expected.args });
    expect(fn.invocations).toHaveLength(1);
  });

  it('url-node-invoke-modes: delivers a text/plain body as text, no body as no body key, and streams a plain handler’s whole result', async () => {
    const assertions = recorded<{ BUFFERED_or_unset: string[]; RESPONSE_STREAM: string[] }>('url-node-invoke-modes', 'assertions');
    expect(assertions.BUFFERED_or_unset).toContain('event.isBase64Encoded === false');
    const seen: unknown[] = [];
    const handler = async (event: { body?: string; isBase64Encoded: boolean }) => {
      seen.push({ hasBody: 'body' in event, body: event.body, isBase64Encoded: event.isBase64Encoded });
      return { statusCode: 200, body: 'answered' };
    };
    const buffered = await url(handler);
    const text = await fetch(`${buffered.server.url}/`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'text' });
    expect([text.status, await text.text()]).toEqual([200, 'answered']);
    await fetch(`${buffered.server.url}/`, { method: 'POST' }).then((r) => r.text());
    expect(seen).toEqual([
      { hasBody: true, body: 'text', isBase64Encoded: false },
      { hasBody: false, body: undefined, isBase64Encoded: false },
    ]);
    // RESPONSE_STREAM: "the streamed HTTP body is the ENTIRE returned object" — the statusCode/body wrapper is not read.
    const streamed = await url(handler, { invokeMode: 'RESPONSE_STREAM' });
    const raw = await fetch(`${streamed.server.url}/`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'text' });
    expect(raw.status).toBe(200);
    expect(JSON.parse(await raw.text())).toEqual({ statusCode: 200, body: 'answered' });
    expect(seen[2]).toEqual({ hasBody: true, body: 'text', isBase64Encoded: false });
  });

  it('url-node-response-stream: sends a streaming handler’s status, headers and chunks as one HTTP response', async () => {
    const expected = recorded<{ status: number; body: string }>('url-node-response-stream');
    // The recorded handler (functions/lambda_response_streaming.js), written against the runtime's awslambda global.
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
    const fn = release(createFunction({ name: 'url-fn', handler: 'streaming/handlers.hello', root }) as LambdaFunction);
    const server = release(await startFunctionUrl(fn, { invokeMode: 'RESPONSE_STREAM' }));
    const response = await fetch(`${server.url}${POST_PATH}`, { method: 'POST', body: recording('url-node-response-stream').request['body'] as string });
    expect({ status: response.status, body: await response.text() }).toEqual(expected);
    // The handler's headers, from the prelude (the recording kept only status and body).
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('url-config-invalid-invoke-mode: refuses an unknown invoke mode with AWS’s validation message', async () => {
    const expected = recorded<{ Error: { Message: string } }>('url-config-invalid-invoke-mode', 'exception');
    const fn = release(createFunction({ handler: async () => null }) as LambdaFunction);
    const refused = startFunctionUrl(fn, { invokeMode: recording('url-config-invalid-invoke-mode').request['InvokeMode'] as never });
    // A harness misuse (a HarnessError), worded as CreateFunctionUrlConfig's ValidationException.
    await expect(refused).rejects.toThrow(HarnessError);
    await expect(refused).rejects.toThrow(expected.Error.Message);
  });

  it('url-alias-deleted-403: serves an alias’s URL until the alias is deleted, then answers 403 AccessDeniedException', async () => {
    const id = 'url-alias-deleted-403';
    const fn = release(createFunction({ name: 'url-alias', handler: async (event: unknown) => ({ statusCode: 200, body: JSON.stringify({ event }) }) }) as LambdaFunction);
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    const server = release(await startFunctionUrl(fn, { qualifier: 'live' }));
    const request = recording(id).request as { body: string; headers: Record<string, string> };
    const send = (): Promise<Response> => fetch(`${server.url}/`, { method: 'POST', body: request.body, headers: request.headers });

    const before = await send();
    await before.text();
    expect(before.status).toBe(recorded(id, 'beforeDelete', 'status_code'));
    expect(fn.invocations[0]?.executedVersion).toBe('1');

    // DeleteAlias through the Lambda API, as the recording did.
    const lambdaApi = release(await startServer({ functions: [fn] }));
    const deleted = await fetch(`${lambdaApi.url}/2015-03-31/functions/${fn.name}/aliases/live`, { method: 'DELETE' });
    expect(deleted.status).toBe(recorded(id, 'deleteAlias', 'httpStatus'));
    const after = await send();
    const expected = recorded<{ status_code: number; headers: Record<string, string>; content: unknown }>(id, 'afterDelete');
    expect(after.status).toBe(expected.status_code);
    expect(after.headers.get('x-amzn-ErrorType')).toBe(expected.headers['x-amzn-ErrorType']);
    expectRecorded(JSON.parse(await after.text()), expected.content);
    expect(fn.invocations).toHaveLength(1);
  });

  it('url-nonexistent-403: answers a URL id nobody serves with 403 AccessDeniedException and {"Message":null}, through msw', async () => {
    const id = 'url-nonexistent-403';
    const fn = release(createFunction({ name: 'url-known', handler: async () => 'known' }) as LambdaFunction);
    const known = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws';
    const server = setupServer(...functionUrlHandlers(fn, { url: known }), unknownFunctionUrlHandler());
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect(await (await fetch(`${known}/`)).text()).toBe('known');
      const response = await fetch('https://0123456789abcdefghijklmnopqrstuv.lambda-url.us-east-1.on.aws/');
      const expected = recorded<{ status: number; body: string; 'Content-Type': string; 'x-amzn-ErrorType': string }>(id, 'assertions');
      expect(response.status).toBe(expected.status);
      expect(await response.text()).toBe(expected.body);
      expect(response.headers.get('content-type')).toBe(expected['Content-Type']);
      expect(response.headers.get('x-amzn-ErrorType')).toBe(expected['x-amzn-ErrorType']);
    } finally {
      server.close();
    }
  });

  it('refuses a URL on a version number or $LATEST, and on an alias that does not exist, as CreateFunctionUrlConfig does', async () => {
    const fn = release(createFunction({ name: 'url-q', handler: async () => null }) as LambdaFunction);
    fn.publishVersion();
    for (const qualifier of ['1', '$LATEST']) {
      await expect(startFunctionUrl(fn, { qualifier })).rejects.toThrow(
        `1 validation error detected: Value '${qualifier}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)`,
      );
    }
    await expect(startFunctionUrl(fn, { qualifier: 'missing' })).rejects.toThrow('Function does not exist');
  });
});
