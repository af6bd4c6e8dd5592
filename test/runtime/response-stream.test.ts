import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, createFunction, HttpResponseStream, LIMITS, startFunctionUrl, streamifyResponse, type LambdaFunction } from '../../src/index.js';
import { ResponseStream } from '../../src/runtime/response-stream.js';
import { mappedFunctionOf } from '../../src/function/lambda-function.js';
import type { InvocationResult } from '../../src/function/result.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
const fns: LambdaFunction[] = [];
afterEach(async () => {
  for (const fn of fns.splice(0)) await fn.dispose();
});
function make(options: Parameters<typeof createFunction>[0]): LambdaFunction {
  const fn = createFunction(options) as LambdaFunction;
  fns.push(fn);
  return fn;
}

describe('streaming handlers (awslambda.streamifyResponse)', () => {
  it('gives a handler file the awslambda global: its chunks, prelude and delimiter arrive in order', async () => {
    const fn = make({ handler: 'streaming/handlers.hello', root });
    const r = await fn.invoke({ key: 'value' });
    expect(r.ok).toBe(true);
    expect(r.responseStream?.contentType).toBe('application/vnd.awslambda.http-integration-response');
    const prelude = JSON.stringify({ statusCode: 200, headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-cache' } });
    expect(r.responseStream?.body).toEqual(Buffer.concat([Buffer.from(prelude), Buffer.alloc(8), Buffer.from('Hello, world!')]));
    // The half-second pause between the chunks is virtual time.
    expect(r.durationMs).toBeGreaterThanOrEqual(500);
  });

  it('streams a piped readable with the content type the handler set, and the payload is the body as text', async () => {
    const fn = make({ handler: 'streaming/handlers.piped', root });
    const r = await fn.invoke({});
    expect(r.responseStream).toEqual({ contentType: 'text/plain', body: Buffer.from('abc'), chunks: ['a', 'b', 'c'].map((c) => Buffer.from(c)) });
    expect(r.payload).toBe('abc');
    expect(r.rawPayload).toBe('abc');
  });

  it('sends application/octet-stream unless told otherwise, and writes anything but strings and bytes as JSON', async () => {
    const fn = make({ handler: 'streaming/plain.handler', root });
    const r = await fn.invoke({});
    expect(r.responseStream?.contentType).toBe('application/octet-stream');
    expect(r.responseStream?.body).toEqual(Buffer.concat([Buffer.from(JSON.stringify({ requestId: r.requestId })), Buffer.from([0, 1, 2])]));
  });

  it('runs streaming handlers in worker isolation, bytes intact', async () => {
    const fn = make({ handler: 'streaming/plain.handler', root, isolation: 'worker' });
    const r = await fn.invoke({});
    expect(r.ok).toBe(true);
    expect(Buffer.isBuffer(r.responseStream?.body)).toBe(true);
    expect(r.responseStream?.body.subarray(-3)).toEqual(Buffer.from([0, 1, 2]));
    expect(r.responseStream?.chunks.map((c) => c.toString('hex'))).toEqual([Buffer.from(JSON.stringify({ requestId: r.requestId })).toString('hex'), '000102']);
    expect(JSON.parse(JSON.stringify(r)).responseStream.chunkLengths).toEqual([r.responseStream!.chunks[0]!.length, 3]);
    // The bytes are kept once: each chunk is a view of the body (a result in fn.invocations holds one copy).
    expect(r.responseStream!.chunks.every((c) => c.buffer === r.responseStream!.body.buffer)).toBe(true);
  });

  it('shows a streamed response in JSON as its content type, base64 body and chunk lengths', async () => {
    const fn = make({ handler: streamifyResponse(async (_event, stream) => void stream.end(Buffer.from([0xff, 0x00]))) });
    const json = JSON.parse(JSON.stringify(await fn.invoke({})));
    expect(json.responseStream).toEqual({ contentType: 'application/octet-stream', body: '/wA=', chunkLengths: [2] });
  });

  it('gives each runtime its own awslambda: a function patching HttpResponseStream does not reach another', async () => {
    // What a module's own patch does at import: here, in its handler (the global is the environment's).
    const global = (): { HttpResponseStream: { marker?: string } } => (globalThis as unknown as { awslambda: { HttpResponseStream: { marker?: string } } }).awslambda;
    const patcher = make({
      name: 'patcher',
      handler: async () => {
        global().HttpResponseStream.marker = 'patched';
        return global().HttpResponseStream.marker;
      },
    });
    const other = make({ name: 'other', handler: async () => global().HttpResponseStream.marker ?? 'untouched' });
    expect((await patcher.invoke({})).payload).toBe('patched');
    expect((await other.invoke({})).payload).toBe('untouched');
    expect(HttpResponseStream).not.toHaveProperty('marker');
  });

  it('gives the global to simulated code only, and none to a function that opts out', async () => {
    const withGlobal = make({ handler: 'streaming/probe.handler', root });
    expect((await withGlobal.invoke({})).payload).toBe('object');
    expect((globalThis as { awslambda?: unknown }).awslambda).toBeUndefined();
    const without = make({ handler: 'streaming/probe.handler', root, environment: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: 'true' } });
    expect((await without.invoke({})).payload).toBe('undefined');
    // A module that reads it at import fails init. (On Lambda with a ReferenceError: here the global is an accessor
    // shared with the test process, which reads undefined, so the member access is a TypeError.)
    const broken = make({ handler: 'streaming/handlers.hello', root, environment: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: '1' } });
    expect((await broken.invoke({})).error?.errorMessage).toBe("Cannot read properties of undefined (reading 'streamifyResponse')");
  });

  it('leaves a host’s own awslambda global as it was: restored after the run, or, frozen, shared with every environment', () => {
    // In a child process (the built package): a frozen global cannot be removed from this one afterwards.
    const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
    const script = `
      const { createFunction } = await import(${JSON.stringify(dist)});
      const seen = async () => typeof awslambda.streamifyResponse === 'function' ? 'runtime' : awslambda.mark;
      globalThis.awslambda = { mark: 'host mock' };
      const fn = createFunction({ handler: seen });
      const a = (await fn.invoke({})).payload;
      await fn.dispose();
      const afterwards = globalThis.awslambda.mark;
      delete globalThis.awslambda;
      Object.defineProperty(globalThis, 'awslambda', { value: { mark: 'frozen' } });
      const frozen = createFunction({ handler: seen });
      const b = (await frozen.invoke({})).payload;
      await frozen.dispose();
      console.log(JSON.stringify([a, afterwards, b, typeof setTimeout.clock]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['runtime', 'host mock', 'frozen', 'undefined']);
  });

  it('accepts the three-parameter signature on nodejs24.x, which refuses callback handlers', async () => {
    const fn = make({ runtime: 'nodejs24.x', handler: streamifyResponse(async (_event, stream) => void stream.end('ok')) });
    const r = await fn.invoke({});
    expect(r.payload).toBe('ok');
  });

  it('ignores a returned value, with the runtime warning in the logs', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.end('body');
        return { ignored: true };
      }),
    });
    const r = await fn.invoke({});
    expect(r.payload).toBe('body');
    expect(r.logs).toMatch(/\tWARN\tStreaming handlers ignore return values\.\n/);
  });

  it('fails a handler that does not return a promise: errorType "string" on nodejs22.x, Error on nodejs24.x', async () => {
    const sync = (() => undefined) as unknown as Parameters<typeof streamifyResponse>[0];
    const v3 = await make({ runtime: 'nodejs22.x', handler: streamifyResponse(sync) }).invoke({});
    expect(v3.error).toMatchObject({ errorType: 'string', errorMessage: 'Streaming does not support non-async handlers.' });
    const v4 = await make({ runtime: 'nodejs24.x', handler: streamifyResponse(sync) }).invoke({});
    expect(v4.error).toMatchObject({ errorType: 'Error', errorMessage: 'Streaming does not support non-async handlers.' });
  });

  it('keeps what was written even when the handler reuses its buffer', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        const buffer = Buffer.from('one');
        stream.write(buffer);
        buffer.write('two');
        stream.end(buffer);
      }),
    });
    expect((await fn.invoke({})).payload).toBe('onetwo');
  });

  it('refuses setContentType once the stream has ended, as Node refuses headers already sent', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.end();
        stream.setContentType('text/plain');
      }),
    });
    // The response had gone whole, so the error is only logged (see above).
    const r = await fn.invoke({});
    expect(r.logs).toContain('Cannot set headers after they are sent to the client');
  });

  it('refuses setContentType after the first write with Runtime.InvalidStreamingOperation', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.write('a');
        stream.setContentType('text/plain');
      }),
    });
    const r = await fn.invoke({});
    expect(r.error).toMatchObject({ errorType: 'Runtime.InvalidStreamingOperation', errorMessage: 'Cannot set content-type, too late.' });
  });

  it('fails on an error after streaming started, keeping what was written, and logs Invoke Error', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.write('partial');
        throw new TypeError('lost the upstream');
      }),
    });
    const r = await fn.invoke({});
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'lost the upstream' });
    expect(r.responseStream?.body.toString()).toBe('partial');
    expect(r.logs).toContain('\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"lost the upstream"');
  });

  it('succeeds when the handler fails after ending its stream: the response had gone, the error is only logged', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.end('complete');
        throw new Error('too late to matter');
      }),
    });
    const r = await fn.invoke({});
    expect(r.outcome).toBe('success');
    expect(r.payload).toBe('complete');
    expect(r.logs).toContain('\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"too late to matter"');
  });

  it('reports what was written before a timeout', async () => {
    const fn = make({ timeout: 2, handler: streamifyResponse(async (_event, stream) => void stream.write('first bytes')) });
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
    expect(r.responseStream?.body.toString()).toBe('first bytes');
  });

  it('times out a handler that never ends its stream, in virtual time', async () => {
    const clock = createClock({ realTimeFlow: false });
    const fn = make({ clock, timeout: 900, handler: streamifyResponse(async (_event, stream) => void stream.write('never ends')) });
    const started = performance.now();
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
    expect(r.durationMs).toBe(900_000);
    expect(performance.now() - started).toBeLessThan(10_000);
    await clock.dispose();
  });

  it('responds once the stream ends, even when the promise settled first', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.write('now, ');
        setTimeout(() => stream.end('later'), 2000);
      }),
    });
    const r = await fn.invoke({});
    expect(r.payload).toBe('now, later');
    expect(r.durationMs).toBeGreaterThanOrEqual(2000);
  });

  it('gives nodejs22.x streaming handlers RIC3’s streaming context: callbackWaitsForEmptyEventLoop, no succeed/fail/done', async () => {
    const keysOf = streamifyResponse(async (_event: unknown, stream, context) => void stream.end(JSON.stringify(Object.keys(context))));
    const v3 = JSON.parse((await make({ runtime: 'nodejs22.x', handler: keysOf }).invoke({})).payload as string) as string[];
    expect(v3[0]).toBe('callbackWaitsForEmptyEventLoop');
    expect(v3).not.toContain('succeed');
    expect(v3).not.toContain('xRayTraceId');
    const v4 = JSON.parse((await make({ runtime: 'nodejs24.x', handler: keysOf }).invoke({})).payload as string) as string[];
    expect(v4).not.toContain('callbackWaitsForEmptyEventLoop');
    expect(v4).toContain('xRayTraceId');
  });

  it('keeps a handler running when whoever reads its stream fails (a client gone): it is not the function’s error', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.write('one');
        stream.end('two');
      }),
    });
    const told: string[] = [];
    const listener = (chunk: Buffer): void => {
      told.push(chunk.toString());
      throw new TypeError('Invalid state: Controller is already closed');
    };
    // As a transport reads it: InvokeWithResponseStream or a RESPONSE_STREAM function URL.
    const r = (await mappedFunctionOf(fn)!.invokeVia({}, {}, { streamListener: listener })) as InvocationResult;
    expect([r.outcome, r.payload]).toEqual(['success', 'onetwo']);
    expect(told).toEqual(['one']);
  });

  it('honours streamifyResponse’s highWaterMark', async () => {
    const fn = make({ handler: streamifyResponse(async (_event, stream) => void stream.end(String(stream.writableHighWaterMark)), { highWaterMark: 1024 }) });
    expect((await fn.invoke({})).payload).toBe('1024');
  });

  it('fails an invocation whose stream is destroyed before it ends', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        stream.write('half');
        stream.destroy(new Error('socket hang up'));
        await new Promise(() => undefined);
      }),
    });
    const r = await fn.invoke({});
    expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'socket hang up' });
    expect(r.responseStream?.body.toString()).toBe('half');
  });

  it('when the stream has ended but the promise never settles: nodejs22.x responds as the loop drains, nodejs24.x exits', async () => {
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      stream.end('done');
      await new Promise(() => undefined);
    });
    const v3 = await make({ runtime: 'nodejs22.x', handler }).invoke({});
    expect([v3.outcome, v3.payload]).toEqual(['success', 'done']);
    const v4 = await make({ runtime: 'nodejs24.x', handler }).invoke({});
    expect(v4.error?.errorType).toBe('Runtime.ExitError');
  });

  it('refuses a handler tagged with another streaming mode at init (Runtime.MalformedStreamingHandler)', async () => {
    const handler = Object.assign(async () => undefined, { [Symbol.for('aws.lambda.runtime.handler.streaming')]: 'request' });
    const r = await make({ handler }).invoke({});
    expect(r.error).toMatchObject({ errorType: 'Runtime.MalformedStreamingHandler', errorMessage: 'Only response streaming is supported.' });
  });

  it('sends no prelude when the stream is ended with a chunk and never written, as the runtime does (RIC issue #97)', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        HttpResponseStream.from(stream, { statusCode: 404 }).end('Not Found');
      }),
    });
    const r = await fn.invoke({});
    expect(r.responseStream?.body.toString()).toBe('Not Found');
  });

  it('holds a buffered invoke to 6 MB, while a RESPONSE_STREAM URL reads the same stream whole (200 MB limit)', async () => {
    const size = LIMITS.responseBytes + 1;
    const fn = make({ handler: streamifyResponse(async (_event, stream) => void stream.end(Buffer.alloc(size, 'x'))) });
    const buffered = await fn.invoke({});
    expect(buffered.error).toEqual({
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      errorType: 'Function.ResponseSizeTooLarge',
    });
    const url = await startFunctionUrl(fn, { invokeMode: 'RESPONSE_STREAM' });
    try {
      const response = await fetch(url.url);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(size);
    } finally {
      await url.close();
    }
  });

  it('cuts a response off at its limit: nothing past it is kept or sent on, and the invocation fails as too large', async () => {
    // Written in 1 MB chunks, 8 MB read buffered: the result keeps the first 6 MB only, not all 8.
    const mb = Buffer.alloc(1024 * 1024, 'x');
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        for (let i = 0; i < 8; i++) stream.write(mb);
        stream.end();
      }),
    });
    const r = await fn.invoke({});
    expect(r.error?.errorType).toBe('Function.ResponseSizeTooLarge');
    expect(r.responseStream?.body.length).toBe(LIMITS.responseBytes);

    // Read as a stream, the listener is told of the bytes up to the limit, then of nothing more.
    const told: string[] = [];
    const stream = new ResponseStream(undefined, (chunk) => told.push(chunk.toString()), 5);
    for (const chunk of ['abc', 'defg', 'h']) stream.write(chunk);
    stream.end();
    await new Promise((resolve) => stream.on('finish', resolve));
    expect(told).toEqual(['abc', 'de']);
    expect([stream.exceeded, stream.response().body.toString()]).toEqual([true, 'abcde']);
  });

  it('HttpResponseStream.from sends the prelude only when something is written', async () => {
    const fn = make({
      handler: streamifyResponse(async (_event, stream) => {
        HttpResponseStream.from(stream, { statusCode: 204 });
        stream.end();
      }),
    });
    const r = await fn.invoke({});
    expect(r.responseStream).toEqual({ contentType: 'application/vnd.awslambda.http-integration-response', body: Buffer.alloc(0), chunks: [] });
  });
});
