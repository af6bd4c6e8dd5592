import type { IncomingMessage, ServerResponse } from 'node:http';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import type { LambdaFunction } from '../function/lambda-function.js';
import { createFunctionUrl, type FunctionUrlConfig } from '../function-url/function-url.js';
import type { UrlResponse } from '../function-url/http-response.js';
import { isBuffered } from '../internal/live.js';
import { endLive, liveSink, rawHeaders } from './live-http.js';
import type { RunningServer } from './start-server.js';
import { harnessHttpServer, listenSettings, ServerLifecycle } from './lifecycle.js';
import { readBody } from './read-body.js';

/**
 * Options of {@link startFunctionUrl}. Unknown keys are rejected.
 * @example
 * const url = await startFunctionUrl(fn, { invokeMode: 'BUFFERED', port: 0 });
 */
export interface FunctionUrlOptions extends FunctionUrlConfig {
  /** 0 picks any free port. @defaultValue 0 */
  port?: number;
  /** Loopback by default: binding elsewhere exposes the function to the network, so it must be asked for. @defaultValue '127.0.0.1' */
  host?: string;
  /** Milliseconds a client has to send a whole request; slower ones get 408. @defaultValue 60000 */
  requestTimeoutMs?: number;
  /** Milliseconds `close()` waits for running invocations before cutting their connections. @defaultValue 10000 */
  shutdownGraceMs?: number;
}

const KEYS = ['invokeMode', 'qualifier', 'port', 'host', 'seed', 'requestTimeoutMs', 'shutdownGraceMs'];

function invalid(message: string): HarnessError {
  return new HarnessError('INVALID_OPTION', `startFunctionUrl: ${message}`);
}

function send(res: ServerResponse, response: UrlResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, [...rawHeaders(response.headers), 'Content-Length', String(response.body.byteLength)]);
  res.end(response.body);
}

/**
 * Serves one function at a function URL on loopback, for any HTTP client (fetch, supertest, curl, a browser): each
 * request becomes the payload-2.0 event Lambda builds (raw path and query as sent, lower-cased headers, cookies, a
 * text body as is and any other base64-encoded), and the handler's result becomes the HTTP response by AWS's rules
 * (an object with `statusCode` is a response, anything else the JSON body; a function error is `502 Internal Server
 * Error`), with `x-amzn-RequestId` the invocation's request id. Virtual time, environments and logs are the
 * function's own. AuthType is `NONE`: no signatures or resource policies are checked.
 * @example
 * const url = await startFunctionUrl(createFunction({ handler: async (event) => ({ statusCode: 201, body: event.rawPath }) }));
 * const res = await fetch(`${url.url}/orders`, { method: 'POST' }); // 201, body "/orders"
 * await url.close();
 */
export async function startFunctionUrl(fn: LambdaFunction, options: FunctionUrlOptions = {}): Promise<RunningServer> {
  if (options === null || typeof options !== 'object') throw invalid('options must be an object.');
  rejectUnknownKeys('startFunctionUrl', options, KEYS);
  const { invokeMode, seed, qualifier, ...listenOptions } = options;
  const url = createFunctionUrl('startFunctionUrl', fn, { invokeMode, seed, qualifier });
  const listen = listenSettings(listenOptions, invalid);

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const read = await readBody(req, url.bodyLimit, false);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      send(res, url.tooLarge());
      return;
    }
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; AWS reports the IPv4 address.
    const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    // A streaming handler's response goes out as it is written (RESPONSE_STREAM).
    const answer = await url.handle({ method: req.method ?? 'GET', target: req.url ?? '/', headers, body: read.body, sourceIp }, undefined, liveSink(res));
    if (isBuffered(answer)) send(res, answer);
    else endLive(res, answer);
  };

  const server = harnessHttpServer(listen.requestTimeoutMs);
  const life = new ServerLifecycle(server, listen.shutdownGraceMs);
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    void life.track(() =>
      serve(req, res).catch((error: unknown) => {
        // A harness failure (never a function's: those are 502s above) answers 500 and leaves the server serving; a
        // live response, whose status has gone, is cut instead.
        if (res.headersSent) return void res.destroy();
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        send(res, { status: 500, headers: [['Content-Type', 'text/plain']], body: Buffer.from(`lambda-harness could not run the invocation: ${detail}`) });
      }),
    ),
  );
  const listening = await life.listen(listen.port, listen.host, invalid);
  return { ...listening, close: () => life.close() };
}
