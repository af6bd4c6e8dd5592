import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { lambdaHandlers } from '../../src/msw/index.js';
import { createFunction, HarnessError } from '../../src/index.js';
import { CREDENTIALS, describeInvokeContract } from '../invoke-api/_contract.js';

describeInvokeContract('msw handlers (setupServer)', async (functions) => {
  const server = setupServer(...lambdaHandlers(functions));
  server.listen({ onUnhandledRequest: 'error' });
  return { close: () => server.close() };
});

describe('lambdaHandlers', () => {
  it('rejects unknown options with the valid ones listed', () => {
    // @ts-expect-error -- a typo must fail loudly
    expect(() => lambdaHandlers([], { regoin: 'us-east-1' })).toThrow(/unknown option "regoin". Valid options: region, seed, onError/);
  });

  it('rejects something that is not a list of functions', () => {
    // @ts-expect-error -- a single function instead of an array
    expect(() => lambdaHandlers(createFunction({ handler: async () => 1 }))).toThrow(HarnessError);
  });

  it('intercepts only the region it was given', async () => {
    const fn = createFunction({ name: 'hello-world', handler: async () => 'hi' });
    const server = setupServer(...lambdaHandlers([fn], { region: 'us-east-1' }));
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const hit = await fetch('https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/hello-world/invocations', { method: 'POST', body: '{}' });
      expect(hit.status).toBe(200);
      expect(await hit.text()).toBe('"hi"');
      const handlers = server.listHandlers();
      expect(handlers).toHaveLength(1);
      expect(String((handlers[0] as HttpHandler).info.path)).toContain('us\\-east\\-1');
    } finally {
      server.close();
      await fn.dispose();
    }
  });
});

describe('InvokeWithResponseStream through msw, live', () => {
  it('hands the SDK each event as the handler writes it: the first arrives while the handler still waits', async () => {
    // The handler writes, then fetches this gate (msw lets the request through to the real server), which answers
    // only once the client has read the first event: a response buffered until the end would never get there.
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const gate = http.createServer((_req, res) => void opened.then(() => res.end('go')));
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
    const fn = createFunction({ name: 'gated', handler: 'streaming/gated.handler', root, timeout: 30 });
    const server = setupServer(...lambdaHandlers([fn]));
    server.listen({ onUnhandledRequest: 'bypass' });
    const client = new LambdaClient({ region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      const payload = JSON.stringify({ queryStringParameters: { gate: `http://127.0.0.1:${(gate.address() as net.AddressInfo).port}/` } });
      const out = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'gated', Payload: new TextEncoder().encode(payload) }));
      const events = out.EventStream![Symbol.asyncIterator]();
      const first = await events.next();
      expect(Buffer.from(first.value.PayloadChunk.Payload!).toString()).toBe('{"statusCode":200,"headers":{"content-type":"text/event-stream"}}');
      open();
      const rest: unknown[] = [];
      for (let e = await events.next(); !e.done; e = await events.next()) rest.push(e.value.PayloadChunk ? Buffer.from(e.value.PayloadChunk.Payload!).toString() : e.value);
      expect(rest).toEqual(['\0'.repeat(8), 'data: first\n\n', 'data: last\n\n', { InvokeComplete: {} }]);
    } finally {
      client.destroy();
      server.close();
      await fn.dispose();
      gate.close();
    }
  });
});
