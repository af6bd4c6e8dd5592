/**
 * `startFunctionUrl`: a function behind a real loopback URL, called with fetch. AWS's recorded mapping of requests
 * and results is replayed in test/conformance/function-urls.test.ts; this covers the rest a user relies on.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFunction, HarnessError, HttpResponseStream, startFunctionUrl, streamifyResponse, type LambdaFunction, type RunningServer } from '../../src/index.js';
import { releasedAfterEach } from '../_support/functions.js';

const release = releasedAfterEach();

async function serve(fn: LambdaFunction, options?: Parameters<typeof startFunctionUrl>[1]): Promise<RunningServer> {
  release(fn);
  return release(await startFunctionUrl(fn, options));
}

describe('startFunctionUrl', () => {
  it('gives each request the function URL event: raw path and query, cookies, the client address, a host of its own', async () => {
    let seen: Record<string, unknown> | undefined;
    const server = await serve(
      createFunction({
        handler: async (event: Record<string, unknown>) => {
          seen = event;
          return null;
        },
      }) as LambdaFunction,
    );
    await fetch(`${server.url}/a%20b/c?x=1&x=2&y=%2F`, { headers: { cookie: 'session=abc; theme=dark', 'X-Custom': 'v' } });
    expect(seen).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/a%20b/c',
      rawQueryString: 'x=1&x=2&y=%2F',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { x: '1,2', y: '/' },
      headers: { 'x-custom': 'v', cookie: 'session=abc; theme=dark', 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' },
      requestContext: { accountId: 'anonymous', http: { method: 'GET', path: '/a%20b/c', sourceIp: '127.0.0.1' }, stage: '$default' },
      isBase64Encoded: false,
    });
    const context = seen!['requestContext'] as { domainName: string; apiId: string };
    expect(context.domainName).toBe(`${context.apiId}.lambda-url.us-east-1.on.aws`);
    expect((seen!['headers'] as Record<string, string>)['host']).toBe(context.domainName);
    expect(seen).not.toHaveProperty('body');
    expect(seen!['headers']).not.toHaveProperty('connection');
  });

  it('sends cookies as Set-Cookie headers and decodes a base64 body', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const server = await serve(
      createFunction({
        handler: async () => ({ statusCode: 200, headers: { 'content-type': 'image/png' }, cookies: ['a=1; Path=/', 'b=2'], body: png.toString('base64'), isBase64Encoded: true }),
      }) as LambdaFunction,
    );
    const res = await fetch(`${server.url}/logo.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it.each(['BUFFERED', 'RESPONSE_STREAM'] as const)('sends a streaming handler’s bytes as written, with its prelude’s status and headers (%s)', async (invokeMode) => {
    const bytes = Buffer.from([0xff, 0x00, 0x80, 0x41]);
    const server = await serve(
      createFunction({
        handler: streamifyResponse(async (_event, stream) => {
          const http = HttpResponseStream.from(stream, { statusCode: 201, headers: { 'content-type': 'application/x-thing' }, cookies: ['s=1'] });
          http.write(bytes);
          http.end();
        }),
      }) as LambdaFunction,
      { invokeMode },
    );
    const res = await fetch(`${server.url}/things`, { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/x-thing');
    expect(res.headers.getSetCookie()).toEqual(['s=1']);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  /** A loopback server whose requests wait until `open()`: real I/O a handler can be held on. */
  async function gate(): Promise<{ url: string; open(): void }> {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const server: Server = createServer((_req, res) => void opened.then(() => res.end('go')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    release({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, open };
  }
  const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');

  it.each(['module', 'worker'] as const)('sends a RESPONSE_STREAM response as it is written: the client reads the first event while the handler waits (%s isolation)', async (isolation) => {
    const held = await gate();
    const fn = createFunction({ handler: 'streaming/gated.handler', root: fixtures, isolation, timeout: 30 }) as LambdaFunction;
    const server = await serve(fn, { invokeMode: 'RESPONSE_STREAM' });
    const res = await fetch(`${server.url}/events?gate=${encodeURIComponent(held.url)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('data: first\n\n');
    held.open();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += Buffer.from(chunk.value).toString();
    expect(rest).toBe('data: last\n\n');
    // Sent with the head, before the invocation ended: the invocation's own id.
    expect(res.headers.get('x-amzn-requestid')).toBe(fn.invocations[0]!.requestId);
  });

  it('answers a live prelude the transport refuses (a header with a newline) as in BUFFERED mode: 500, the invocation unharmed', async () => {
    const fn = createFunction({
      handler: streamifyResponse(async (_event, stream) => {
        HttpResponseStream.from(stream, { statusCode: 200, headers: { 'x-bad': 'a\nb' } }).write('body');
        stream.end();
      }),
    }) as LambdaFunction;
    const server = await serve(fn, { invokeMode: 'RESPONSE_STREAM' });
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(500);
    expect(fn.invocations.map((r) => r.outcome)).toEqual(['success']);
  });

  it('answers 502 when a RESPONSE_STREAM handler fails before writing anything, with the invocation’s request id', async () => {
    const fn = createFunction({
      handler: streamifyResponse(async () => {
        throw new Error('no data');
      }),
    }) as LambdaFunction;
    const server = await serve(fn, { invokeMode: 'RESPONSE_STREAM' });
    const res = await fetch(`${server.url}/`);
    expect([res.status, await res.text()]).toEqual([502, 'Internal Server Error']);
    expect(res.headers.get('x-amzn-requestid')).toBe(fn.invocations[0]!.requestId);
  });

  it('cuts a live response short when the handler fails after its status went out, as Lambda’s stream breaks', async () => {
    const held = await gate();
    held.open();
    const server = await serve(createFunction({ handler: 'streaming/gated.handler', root: fixtures }) as LambdaFunction, { invokeMode: 'RESPONSE_STREAM' });
    const res = await fetch(`${server.url}/events?fail=1&gate=${encodeURIComponent(held.url)}`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('runs on the function’s virtual clock: a handler waiting 10 minutes answers at once, with its time in the REPORT', async () => {
    const fn = createFunction({
      timeout: 900,
      handler: async () => {
        await new Promise((resolve) => setTimeout(resolve, 600_000));
        return 'late';
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const wall = performance.now();
    const res = await fetch(server.url);
    expect(await res.text()).toBe('late');
    expect(performance.now() - wall).toBeLessThan(5_000); // generous: the point is "not 10 real minutes"
    expect(fn.invocations[0]!.durationMs).toBeGreaterThanOrEqual(600_000);
  });

  it('stamps events with the time the handler sees: virtual by default, real with clock: real', async () => {
    const stamp = async (event: { requestContext: { timeEpoch: number } }) => ({ event: event.requestContext.timeEpoch, handler: Date.now() });
    const virtual = await fetch((await serve(createFunction({ handler: stamp }) as LambdaFunction)).url);
    const v = (await virtual.json()) as { event: number; handler: number };
    expect(v.event).toBe(v.handler);
    const before = Date.now();
    const realTime = await fetch((await serve(createFunction({ clock: 'real', handler: stamp }) as LambdaFunction)).url);
    const r = (await realTime.json()) as { event: number; handler: number };
    expect(r.event).toBeGreaterThanOrEqual(before);
    expect(r.handler).toBeGreaterThanOrEqual(r.event);
  });

  it('answers a timeout like a function error (502), and a throttle with 429 TooManyRequestsException', async () => {
    const slow = createFunction({ timeout: 1, handler: () => new Promise((resolve) => setTimeout(resolve, 5_000)) }) as LambdaFunction;
    const timedOut = await fetch((await serve(slow)).url);
    expect([timedOut.status, await timedOut.text()]).toEqual([502, 'Internal Server Error']);
    const throttled = await fetch((await serve(createFunction({ reservedConcurrency: 0, handler: async () => 'never' }) as LambdaFunction)).url);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(await throttled.json()).toEqual({ Message: 'Rate Exceeded.' });
  });

  it('frames the response itself: a content-length or transfer-encoding the function set does not break the client', async () => {
    // What an Express app behind serverless-http returns; two Content-Length headers make fetch fail.
    const fn = createFunction({
      handler: async () => ({ statusCode: 200, headers: { 'content-type': 'text/plain', 'Content-Length': '999', 'transfer-encoding': 'chunked' }, body: 'hello' }),
    }) as LambdaFunction;
    const res = await fetch((await serve(fn)).url);
    expect([res.status, res.headers.get('content-length'), await res.text()]).toEqual([200, '5', 'hello']);
  });

  it('refuses a body over 6 MB with 413 without running the function', async () => {
    const fn = createFunction({ handler: async () => 'ran' }) as LambdaFunction;
    const server = await serve(fn);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(6_291_457) });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-amzn-errortype')).toBe('RequestEntityTooLargeException');
    expect(fn.invocations).toHaveLength(0);
  });

  it('refuses bad arguments with a HarnessError that says what to pass', async () => {
    const fn = release(createFunction({ handler: async () => null }) as LambdaFunction);
    await expect(startFunctionUrl({} as LambdaFunction)).rejects.toThrow(/pass a function from createFunction\(\)/);
    await expect(startFunctionUrl(fn, { port: -1 })).rejects.toThrow(HarnessError);
    await expect(startFunctionUrl(fn, { authType: 'AWS_IAM' } as never)).rejects.toThrow(/unknown option "authType"/);
  });
});
