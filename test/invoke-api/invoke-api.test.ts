import { afterAll, describe, expect, it } from 'vitest';
import { createFunction, HarnessError, LIMITS, streamifyResponse } from '../../src/index.js';
import { createInvokeApi, type RequestHead } from '../../src/invoke-api/invoke-api.js';
import { signedRegion } from '../../src/invoke-api/region.js';

const hello = createFunction({ name: 'hello-world', handler: async (event: unknown) => ({ event }) });
const paris = createFunction({ name: 'hello-world', region: 'eu-west-3', handler: async () => 'bonjour' });
afterAll(async () => {
  await hello.dispose();
  await paris.dispose();
});

function head(path: string, init: { method?: string; headers?: Record<string, string>; query?: string; region?: string } = {}): RequestHead {
  return {
    method: init.method ?? 'POST',
    path,
    query: new URLSearchParams(init.query ?? ''),
    headers: new Headers(init.headers ?? {}),
    region: init.region,
  };
}

const body = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('createInvokeApi', () => {
  const api = createInvokeApi([hello, paris]);

  it('reads a streaming handler as a stream on InvokeWithResponseStream: past the 6 MB a plain Invoke allows', async () => {
    const big = createFunction({ name: 'big', handler: streamifyResponse(async (_e, stream) => void stream.end(Buffer.alloc(LIMITS.responseBytes + 1))) });
    try {
      const bigApi = createInvokeApi([big]);
      const streamed = await bigApi.handle(head('/2021-11-15/functions/big/response-streaming-invocations'), body('{}'));
      // The body: one PayloadChunk of every byte, then an InvokeComplete without an error.
      expect(streamed.body.length).toBeGreaterThan(LIMITS.responseBytes);
      expect(Buffer.from(streamed.body).toString('latin1')).not.toContain('ErrorCode');
      const buffered = await bigApi.handle(head('/2015-03-31/functions/big/invocations'), body('{}'));
      expect(JSON.parse(buffered.body as string).errorType).toBe('Function.ResponseSizeTooLarge');
    } finally {
      await big.dispose();
    }
  });

  it('cuts a stream read live at 200 MB: the client gets exactly that much, then InvokeComplete with the size error', async () => {
    const mb = Buffer.alloc(1024 * 1024, 'x');
    const huge = createFunction({
      name: 'huge',
      handler: streamifyResponse(async (_e, stream) => {
        for (let i = 0; i < 201; i++) stream.write(mb);
        stream.end();
      }),
    });
    try {
      let sent = 0;
      let tail: Buffer = Buffer.alloc(0);
      const sink = { head: () => undefined, write: (bytes: Buffer) => ((sent += bytes.length), (tail = bytes)) };
      const outcome = await createInvokeApi([huge]).handle(head('/2021-11-15/functions/huge/response-streaming-invocations'), body('{}'), sink);
      expect(outcome).toEqual({ live: 'complete' });
      // Event-stream framing adds a little per chunk; the payload bytes are the limit, no more.
      expect(sent - LIMITS.streamedResponseBytes).toBeGreaterThan(0);
      expect(sent - LIMITS.streamedResponseBytes).toBeLessThan(64 * 1024);
      expect(tail.toString('latin1')).toContain('Function.ResponseSizeTooLarge');
      expect(huge.invocations[0]?.responseStream?.body.length).toBe(LIMITS.streamedResponseBytes);
    } finally {
      await huge.dispose();
    }
  });

  it('finds a function in the region the request was signed for', async () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-3/lambda/aws4_request, SignedHeaders=host, Signature=00';
    const response = await api.handle(head('/2015-03-31/functions/hello-world/invocations', { headers: { authorization: auth } }), body('{}'));
    expect(response.body).toBe('"bonjour"');
  });

  it('falls back to the first function region for unsigned requests', async () => {
    const response = await api.handle(head('/2015-03-31/functions/hello-world/invocations'), body('{"a":1}'));
    expect(JSON.parse(response.body as string)).toEqual({ event: { a: 1 } });
  });

  it('decodes percent-encoded names as the SDK sends them', async () => {
    const arn = encodeURIComponent('arn:aws:lambda:us-east-1:123456789012:function:hello-world:$LATEST');
    const response = await api.handle(head(`/2015-03-31/functions/${arn}/invocations`), body('{}'));
    expect(response.status).toBe(200);
  });

  it('answers a function from another account with 404 naming that account', async () => {
    const response = await api.handle(head('/2015-03-31/functions/999999999999:function:hello-world/invocations'), body('{}'));
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body as string).Message).toBe('Function not found: arn:aws:lambda:us-east-1:999999999999:function:hello-world:$LATEST');
  });

  it('returns tail logs only for synchronous invokes: an Event invoke with LogType Tail is a bare 202', async () => {
    const path = '/2015-03-31/functions/hello-world/invocations';
    const sync = await api.handle(head(path, { headers: { 'x-amz-log-type': 'Tail' } }), body('{}'));
    expect(sync.status).toBe(200);
    expect(Buffer.from(sync.headers['X-Amz-Log-Result']!, 'base64').toString()).toMatch(/^START RequestId: /);
    const async = await api.handle(head(path, { headers: { 'x-amz-log-type': 'Tail', 'x-amz-invocation-type': 'Event' } }), body('{}'));
    expect(async.status).toBe(202);
    expect(async.headers['X-Amz-Log-Result']).toBeUndefined();
    expect(async.body).toBe('');
  });

  it('validates X-Amz-Tenant-Id', async () => {
    const response = await api.handle(head('/2015-03-31/functions/hello-world/invocations', { headers: { 'x-amz-tenant-id': 'bad\u0001' } }), body('{}'));
    expect(response.headers['x-amzn-ErrorType']).toBe('ValidationException');
    expect(JSON.parse(response.body as string).message).toContain("at 'tenantId' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it('checks sizes before parsing: a start tells the transport how much body it may read', () => {
    const sync = api.start(head('/2015-03-31/functions/hello-world/invocations'));
    const event = api.start(head('/2015-03-31/functions/hello-world/invocations', { headers: { 'x-amz-invocation-type': 'Event' } }));
    expect(sync.kind === 'invoke' && sync.bodyLimit).toBe(6_291_456);
    expect(event.kind === 'invoke' && event.bodyLimit).toBe(1_048_576);
    expect(event.kind === 'invoke' && JSON.parse(event.tooLarge(2_000_000).body as string).message).toBe('2000000 byte payload is too large for the Event invocation type (limit 1048576 bytes)');
  });

  it('gives error responses seeded request ids: same seed, same ids', async () => {
    const ids = async (): Promise<string[]> => {
      const fresh = createInvokeApi([hello], { seed: 7 });
      const a = await fresh.handle(head('/2015-03-31/functions/nope/invocations'), body('{}'));
      const b = await fresh.handle(head('/nope'), body(''));
      return [a.headers['x-amzn-RequestId']!, b.headers['x-amzn-RequestId']!];
    };
    expect(await ids()).toEqual(await ids());
  });

  it('refuses two functions with one name in one region, unknown options and non-functions', () => {
    expect(() => createInvokeApi([hello, hello])).toThrow(/Two functions are named "hello-world" in us-east-1/);
    // @ts-expect-error -- a typo must fail loudly
    expect(() => createInvokeApi([hello], { seeed: 1 })).toThrow(HarnessError);
    // @ts-expect-error -- not a function
    expect(() => createInvokeApi([{ name: 'x' }])).toThrow(/objects with name, arn and invoke/);
  });
});

describe('signedRegion', () => {
  it('reads the region of a SigV4 credential scope, and nothing else', () => {
    expect(signedRegion('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/ap-southeast-2/lambda/aws4_request, SignedHeaders=host, Signature=1')).toBe('ap-southeast-2');
    expect(signedRegion('Bearer token')).toBeUndefined();
    expect(signedRegion(null)).toBeUndefined();
  });
});
