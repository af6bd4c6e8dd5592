/**
 * The liveness check of InvokeWithResponseStream, shared by its transports (msw, startServer): the `gated` streaming
 * handler writes, then fetches a real gate server that answers only once the client has read the first event. A
 * response buffered until the end never gets there.
 */
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvokeWithResponseStreamCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { expect } from 'vitest';
import { createFunction, type LambdaFunction } from '../../src/index.js';

/** The gated streaming function (named `gated`), to serve through the transport under test. */
export function gatedFunction(): LambdaFunction {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
  return createFunction({ name: 'gated', handler: 'streaming/gated.handler', root, timeout: 30 }) as LambdaFunction;
}

/** Invokes `gated` through `client` and asserts that its events arrive as written: the first while the handler waits. */
export async function expectLiveStream(client: LambdaClient): Promise<void> {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const gate = http.createServer((_req, res) => void opened.then(() => res.end('go')));
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  try {
    const payload = JSON.stringify({ queryStringParameters: { gate: `http://127.0.0.1:${(gate.address() as net.AddressInfo).port}/` } });
    const out = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'gated', Payload: new TextEncoder().encode(payload) }));
    const events = out.EventStream![Symbol.asyncIterator]();
    const first = await events.next();
    // The prelude, first: HttpResponseStream.from writes it just before the first chunk.
    expect(Buffer.from(first.value.PayloadChunk.Payload!).toString()).toBe('{"statusCode":200,"headers":{"content-type":"text/event-stream"}}');
    open();
    const rest: unknown[] = [];
    for (let e = await events.next(); !e.done; e = await events.next()) rest.push(e.value.PayloadChunk ? Buffer.from(e.value.PayloadChunk.Payload!).toString() : e.value);
    expect(rest).toEqual(['\0'.repeat(8), 'data: first\n\n', 'data: last\n\n', { InvokeComplete: {} }]);
  } finally {
    open();
    gate.close();
  }
}
