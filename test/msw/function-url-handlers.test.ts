import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { functionUrlHandlers } from '../../src/msw/index.js';
import { createFunction, HarnessError, HttpResponseStream, streamifyResponse, type LambdaFunction } from '../../src/index.js';
import { releasedAfterEach } from '../_support/functions.js';

const release = releasedAfterEach();

/** Starts msw with `handlers` (unhandled requests fail), closed after the test. */
function intercept(...handlers: ReturnType<typeof functionUrlHandlers>): void {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  release({ close: async () => server.close() });
}

function make(handler: (event: never) => Promise<unknown>, region = 'us-east-1'): LambdaFunction {
  return release(createFunction({ name: 'api', region, handler }) as LambdaFunction);
}

describe('functionUrlHandlers', () => {
  it('answers a RESPONSE_STREAM response once its status is known, and breaks its body when the handler fails later', async () => {
    const fn = release(
      createFunction({ name: 'feed', handler: streamifyResponse(async (_event, stream) => {
        HttpResponseStream.from(stream, { statusCode: 206, headers: { 'content-type': 'text/plain' } }).write('partial');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        throw new Error('upstream went away');
      }) }) as LambdaFunction,
    );
    intercept(...functionUrlHandlers(fn, { url: 'https://feed123.lambda-url.us-east-1.on.aws', invokeMode: 'RESPONSE_STREAM' }));
    const res = await fetch('https://feed123.lambda-url.us-east-1.on.aws/');
    expect([res.status, res.headers.get('content-type')]).toEqual([206, 'text/plain']);
    const reader = res.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).toString()).toBe('partial');
    await expect(reader.read()).rejects.toThrow('the function failed while streaming its response');
  });

  it('answers with a streaming handler’s bytes and content type', async () => {
    const fn = release(
      createFunction({ name: 'csv', handler: streamifyResponse(async (_event, stream) => {
        stream.setContentType('text/csv');
        stream.write('a,b\n');
        stream.end(Buffer.from([0xff]));
      }) }) as LambdaFunction,
    );
    intercept(...functionUrlHandlers(fn, { url: 'https://csv123.lambda-url.us-east-1.on.aws', invokeMode: 'RESPONSE_STREAM' }));
    const res = await fetch('https://csv123.lambda-url.us-east-1.on.aws/export');
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xff])]));
  });

  it('runs the function for a request to its URL and answers as the URL does', async () => {
    const fn = make(async (event: { rawPath: string; rawQueryString: string; requestContext: { domainName: string }; body: string }) => ({
      statusCode: 201,
      headers: { 'x-path': event.rawPath },
      cookies: ['seen=1'],
      body: JSON.stringify({ query: event.rawQueryString, domain: event.requestContext.domainName, body: event.body }),
    }));
    intercept(...functionUrlHandlers(fn, { url: 'https://abc123.lambda-url.us-east-1.on.aws' }));
    const res = await fetch('https://abc123.lambda-url.us-east-1.on.aws/orders/a%2Fb?limit=10', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"id": 1}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-path')).toBe('/orders/a%2Fb');
    expect(res.headers.get('set-cookie')).toBe('seen=1');
    expect(res.headers.get('x-amzn-requestid')).toBe(fn.invocations[0]!.requestId);
    expect(await res.json()).toEqual({ query: 'limit=10', domain: 'abc123.lambda-url.us-east-1.on.aws', body: '{"id": 1}' });
  });

  it('answers a function error with 502, as the URL does', async () => {
    const fn = make(async () => {
      throw new Error('boom');
    });
    intercept(...functionUrlHandlers(fn));
    const res = await fetch('https://anyid.lambda-url.us-east-1.on.aws/');
    expect([res.status, await res.text()]).toEqual([502, 'Internal Server Error']);
  });

  it('refuses a body over 6 MB with 413 without running the function', async () => {
    const fn = make(async () => 'ran');
    intercept(...functionUrlHandlers(fn));
    const res = await fetch('https://anyid.lambda-url.us-east-1.on.aws/', { method: 'POST', body: 'x'.repeat(6_291_457) });
    expect([res.status, res.headers.get('x-amzn-errortype')]).toEqual([413, 'RequestEntityTooLargeException']);
    expect(fn.invocations).toHaveLength(0);
  });

  it('intercepts any function URL of the function’s region by default, and only that region', async () => {
    const fn = make(async () => 'eu', 'eu-west-1');
    const server = setupServer(...functionUrlHandlers(fn));
    server.listen({ onUnhandledRequest: 'error' });
    release({ close: async () => server.close() });
    expect(await (await fetch('https://x1.lambda-url.eu-west-1.on.aws/')).text()).toBe('eu');
    await expect(fetch('https://x1.lambda-url.us-east-1.on.aws/')).rejects.toThrow();
    expect(fn.invocations).toHaveLength(1);
  });

  it('refuses a url in another region than the function’s, saying which', () => {
    const fn = make(async () => null, 'eu-west-1');
    expect(() => functionUrlHandlers(fn, { url: 'https://abc.lambda-url.us-east-1.on.aws' })).toThrow(/is in us-east-1, but function .* is in eu-west-1/);
  });

  it('refuses a URL that is not a function URL, and unknown options', () => {
    const fn = make(async () => null);
    expect(() => functionUrlHandlers(fn, { url: 'https://example.com' })).toThrow(/must be a function URL/);
    expect(() => functionUrlHandlers(fn, { url: 'not a url' })).toThrow(HarnessError);
    // @ts-expect-error -- a typo must fail loudly
    expect(() => functionUrlHandlers(fn, { invokemode: 'BUFFERED' })).toThrow(/unknown option "invokemode"/);
  });
});
