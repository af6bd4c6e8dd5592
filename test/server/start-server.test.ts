import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createFunction, HarnessError, startServer, type RunningServer } from '../../src/index.js';
import { CREDENTIALS, describeInvokeContract } from '../invoke-api/_contract.js';
import { expectLiveStream, gatedFunction } from '../invoke-api/_gated-stream.js';

describeInvokeContract('the HTTP server (startServer)', async (functions) => {
  const server = await startServer({ functions });
  return { endpoint: server.url, close: () => server.close() };
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  url: string,
  init: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; agent?: http.Agent | false },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(init.path, url), { method: init.method ?? 'POST', headers: init.headers, agent: init.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const INVOKE = (name: string): string => `/2015-03-31/functions/${name}/invocations`;

describe('startServer robustness (raw node:http clients)', () => {
  let server: RunningServer;
  const hello = createFunction({ name: 'hello-world', handler: 'test/server/fixtures/hello.handler' });
  const crash = createFunction({ name: 'crash', handler: 'test/server/fixtures/hello.crash' });
  const hang = createFunction({ name: 'hang', handler: 'test/server/fixtures/hello.hang', timeout: 900 });

  beforeAll(async () => {
    server = await startServer({ functions: [hello, crash, hang], requestTimeoutMs: 400 });
  });
  afterAll(async () => {
    await server.close();
    await Promise.all([hello.dispose(), crash.dispose(), hang.dispose()]);
  });

  it('listens on 127.0.0.1 on a free port by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers with x-amzn-RequestId, Content-Type and X-Amz-Executed-Version headers', async () => {
    const res = await request(server.url, { path: INVOKE('hello-world'), body: '{"name":"raw"}' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-amz-executed-version']).toBe('$LATEST');
    expect(JSON.parse(res.body).requestId).toBe(res.headers['x-amzn-requestid']);
  });

  it('answers malformed JSON with InvalidRequestContentException, whatever the content type', async () => {
    const res = await request(server.url, { path: INVOKE('hello-world'), headers: { 'Content-Type': 'text/html' }, body: '<html>' });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidRequestContentException');
    expect(JSON.parse(res.body)).toEqual({
      Type: 'User',
      message:
        "Could not parse request body into json: Could not parse payload into json: Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n" +
        ' at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]',
    });
  });

  it('treats a JSON body as the event whatever its content type', async () => {
    const res = await request(server.url, { path: INVOKE('hello-world'), headers: { 'Content-Type': 'application/octet-stream' }, body: '{"name":"bytes"}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).greeting).toBe('Hello, bytes!');
  });

  it('refuses a declared body over 6 MB with 413 before reading it', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST ${INVOKE('hello-world')} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n{"a":`);
    const head = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(head).toMatch(/x-amzn-ErrorType: RequestEntityTooLargeException/i);
    expect(head).toContain('Request must be smaller than 6291456 bytes for the InvokeFunction operation');
  });

  it('refuses a chunked body as soon as it passes 6 MB, without buffering the rest', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = http.request(new URL(INVOKE('hello-world'), server.url), { method: 'POST' }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(parts).toString() }));
      });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(res.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
  });

  it('refuses a control-plane request that is not JSON, lacks its qualifier, or is too large, with AWS’s errors', async () => {
    const concurrency = '/2017-10-31/functions/hello-world/concurrency';
    const notJson = await request(server.url, { method: 'PUT', path: concurrency, body: '{' });
    expect([notJson.status, notJson.headers['x-amzn-errortype'], JSON.parse(notJson.body)]).toEqual([
      400,
      'InvalidRequestContentException',
      { Type: 'User', message: 'Could not parse request body into json' },
    ]);
    const noQualifier = await request(server.url, { method: 'GET', path: '/2019-09-30/functions/hello-world/provisioned-concurrency' });
    expect([noQualifier.status, JSON.parse(noQualifier.body)]).toEqual([
      400,
      { message: "1 validation error detected: Value null at 'qualifier' failed to satisfy constraint: Member must not be null" },
    ]);
    const huge = await request(server.url, { method: 'PUT', path: concurrency, body: `{"Padding":"${'x'.repeat(6 * 1024 * 1024)}"}` });
    expect([huge.status, huge.headers['x-amzn-errortype']]).toEqual([413, 'RequestEntityTooLargeException']);
  });

  it('answers unknown paths with 404 UnknownOperationException and other methods with 405', async () => {
    const unknown = await request(server.url, { method: 'GET', path: '/2015-03-31/functions/hello-world/policy' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    const wrongMethod = await request(server.url, { method: 'GET', path: INVOKE('hello-world') });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers['allow']).toBe('POST');
    expect(wrongMethod.headers['x-amzn-errortype']).toBe('MethodNotAllowedException');
    // On a control-plane path the method names the operation: DeleteFunction is not served, whatever GetFunction is.
    const deleteFunction = await request(server.url, { method: 'DELETE', path: '/2015-03-31/functions/hello-world' });
    expect([deleteFunction.status, deleteFunction.headers['x-amzn-errortype']]).toEqual([404, 'UnknownOperationException']);
  });

  it('validates invocation and log type headers with ValidationException listing every failure', async () => {
    const res = await request(server.url, { path: INVOKE('hello-world'), headers: { 'X-Amz-Invocation-Type': 'Sync', 'X-Amz-Log-Type': 'All' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(JSON.parse(res.body)).toEqual({
      message:
        "2 validation errors detected: Value 'Sync' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]; " +
        "Value 'All' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]",
    });
  });

  it('keeps serving while a slow client trickles its body in', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const body = '{"name":"slow"}';
    socket.write(`POST ${INVOKE('hello-world')} HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    const fast = await request(server.url, { path: INVOKE('hello-world'), body: '{"name":"fast"}' });
    expect(fast.status).toBe(200);
    socket.write(body.slice(5));
    const answer = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('Hello, slow!');
  });

  it('times out a client that stalls mid-request, and keeps serving', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST ${INVOKE('hello-world')} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{`);
    const closed = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(await closed).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    const after = await request(server.url, { path: INVOKE('hello-world'), body: '{}' });
    expect(after.status).toBe(200);
  });

  it('survives a client that aborts mid-body', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST ${INVOKE('hello-world')} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"na`);
    await new Promise((r) => setTimeout(r, 20));
    socket.destroy();
    const after = await request(server.url, { path: INVOKE('hello-world'), body: '{}' });
    expect(after.status).toBe(200);
  });

  it('answers garbage that is not HTTP with 400 and keeps serving', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('\x00\x01 not http at all\r\n\r\n');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await request(server.url, { path: INVOKE('hello-world'), body: '{}' })).status).toBe(200);
  });

  it('confines a crashing handler and a hanging one to their own invocations', async () => {
    const [crashed, hung, fine] = await Promise.all([
      request(server.url, { path: INVOKE('crash'), body: '{}' }),
      request(server.url, { path: INVOKE('hang'), body: '{}' }),
      request(server.url, { path: INVOKE('hello-world'), body: '{"name":"bystander"}' }),
    ]);
    expect(crashed.status).toBe(200);
    expect(crashed.headers['x-amz-function-error']).toBe('Unhandled');
    expect(hung.status).toBe(200);
    expect(hung.headers['x-amz-function-error']).toBe('Unhandled');
    expect(JSON.parse(hung.body).errorType).toBe('Sandbox.Timedout');
    expect(JSON.parse(fine.body).greeting).toBe('Hello, bystander!');
  });

  it('serves 300 concurrent connections', async () => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    try {
      const responses = await Promise.all(
        Array.from({ length: 300 }, (_, i) => request(server.url, { path: INVOKE('hello-world'), body: JSON.stringify({ name: `n${i}` }), agent })),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      expect(new Set(responses.map((r) => r.headers['x-amzn-requestid'])).size).toBe(300);
      responses.forEach((r, i) => expect(JSON.parse(r.body).greeting).toBe(`Hello, n${i}!`));
    } finally {
      agent.destroy();
    }
  });
});

describe('InvokeWithResponseStream through startServer, live', () => {
  it('hands the SDK each event as the handler writes it: the first arrives while the handler still waits', async () => {
    const fn = gatedFunction();
    const server = await startServer({ functions: [fn] });
    const client = new LambdaClient({ region: 'us-east-1', credentials: CREDENTIALS, endpoint: server.url, maxAttempts: 1 });
    try {
      await expectLiveStream(client);
    } finally {
      client.destroy();
      await server.close();
      await fn.dispose();
    }
  });
});

describe('startServer options', () => {
  it('refuses an announced oversized body at Expect: 100-continue, before it is sent', async () => {
    const fn = createFunction({ name: 'big', handler: async () => 'never runs' });
    const server = await startServer({ functions: [fn] });
    try {
      const socket = net.connect(server.port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write(`POST ${INVOKE('big')} HTTP/1.1\r\nHost: x\r\nContent-Length: 7000000\r\nExpect: 100-continue\r\n\r\n`);
      const head = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
      socket.destroy();
      // No "100 Continue": the first thing the client hears is the refusal.
      expect(head).toMatch(/^HTTP\/1\.1 413/);
      expect(fn.invocations).toHaveLength(0);
    } finally {
      await server.close();
      await fn.dispose();
    }
  });

  it('rejects unknown options and bad ports with what to do', async () => {
    // @ts-expect-error -- a typo must fail loudly
    await expect(startServer({ functions: [], prot: 1 })).rejects.toThrow(/unknown option "prot"/);
    await expect(startServer({ functions: [], port: 70_000 })).rejects.toThrow(HarnessError);
  });

  it('says which port is taken', async () => {
    const first = await startServer({ functions: [] });
    try {
      await expect(startServer({ functions: [], port: first.port })).rejects.toThrow(`port ${first.port} on 127.0.0.1 is in use`);
    } finally {
      await first.close();
    }
  });

  it('lets a running invocation finish on close, then refuses connections', async () => {
    const slow = createFunction({ name: 'slow', clock: 'real', handler: async () => new Promise<string>((r) => setTimeout(() => r('done'), 100)) });
    const server = await startServer({ functions: [slow] });
    const pending = request(server.url, { path: INVOKE('slow'), body: '{}' });
    await new Promise((r) => setTimeout(r, 30));
    await server.close();
    const res = await pending;
    expect(res.body).toBe('"done"');
    await expect(request(server.url, { path: INVOKE('slow'), body: '{}', agent: false })).rejects.toThrow(/ECONNREFUSED/);
    await slow.dispose();
  });
});
