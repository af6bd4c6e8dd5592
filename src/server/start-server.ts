import type { IncomingMessage, ServerResponse } from 'node:http';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { createInvokeApi, type InvokeApiOptions, type RequestHead } from '../invoke-api/invoke-api.js';
import type { InvokeTarget } from '../invoke-api/registry.js';
import type { ApiResponse } from '../invoke-api/response.js';
import { harnessHttpServer, listenSettings, ServerLifecycle } from './lifecycle.js';
import { readBody } from './read-body.js';
import { isBuffered } from '../internal/live.js';
import { endLive, liveSink } from './live-http.js';

/**
 * Options of {@link startServer}. Unknown keys are rejected.
 * @example
 * const server = await startServer({ functions: [fn], port: 0 });
 */
export interface ServerOptions {
  /** The functions to serve, found by name (or ARN) in their own region. */
  functions: readonly InvokeTarget[];
  /** 0 picks any free port. @defaultValue 0 */
  port?: number;
  /** Loopback by default: binding elsewhere exposes the functions to the network, so it must be asked for. @defaultValue '127.0.0.1' */
  host?: string;
  /** Region assumed for unsigned requests (signed ones carry theirs). @defaultValue the first function's */
  region?: string;
  /** Seed of the request ids of error responses. @defaultValue 1 */
  seed?: number;
  /** Milliseconds a client has to send a whole request (headers and body); slower ones get 408. @defaultValue 60000 */
  requestTimeoutMs?: number;
  /** Milliseconds `close()` waits for running invocations before cutting their connections. @defaultValue 10000 */
  shutdownGraceMs?: number;
  /** Told about internal failures (which answer 500 `ServiceException`). */
  onError?: InvokeApiOptions['onError'];
}

/**
 * A running server.
 * @example
 * const server = await startServer({ functions: [fn] });
 * new LambdaClient({ endpoint: server.url });
 * await server.close();
 */
export interface RunningServer {
  /** `http://<host>:<port>`: pass it as `endpoint` to `LambdaClient` or `--endpoint-url` to the AWS CLI. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Stops accepting connections, lets running invocations finish (up to the grace period), then closes. Idempotent. */
  close(): Promise<void>;
}

const KEYS = ['functions', 'port', 'host', 'region', 'seed', 'requestTimeoutMs', 'shutdownGraceMs', 'onError'];

function invalid(message: string): HarnessError {
  return new HarnessError('INVALID_OPTION', `startServer: ${message}`);
}

function headOf(req: IncomingMessage): RequestHead {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
  };
}

function send(res: ServerResponse, response: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

/**
 * Serves the Lambda Invoke API over real HTTP (`node:http`), for the AWS CLI, SDKs in other processes, or any
 * HTTP client: the same implementation as the msw handlers, control plane included (versions, aliases, reserved and
 * provisioned concurrency, GetFunction(Configuration)). Robust to bad clients: malformed or oversized bodies
 * get AWS's errors (bodies over the limit are never buffered), slow clients time out, aborted ones are dropped,
 * and a failing invocation affects only its own request.
 * @example
 * const server = await startServer({ functions: [createFunction({ handler, name: 'hello-world' })] });
 * const client = new LambdaClient({ endpoint: server.url, region: 'us-east-1', credentials });
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options === null || typeof options !== 'object') throw invalid('pass an options object: startServer({ functions }).');
  rejectUnknownKeys('startServer', options, KEYS);
  const { functions, port, host, requestTimeoutMs, shutdownGraceMs, ...apiOptions } = options;
  const listen = listenSettings({ port, host, requestTimeoutMs, shutdownGraceMs }, invalid);
  const api = createInvokeApi(functions, apiOptions);

  const serve = async (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): Promise<void> => {
    try {
      const start = api.start(headOf(req));
      if (start.kind === 'respond') {
        send(res, start.response);
        return;
      }
      // Refuse an announced oversized body before the client sends it (Expect: 100-continue).
      const declared = Number(req.headers['content-length']);
      if (expectsContinue && !(declared > start.bodyLimit)) res.writeContinue();
      const read = await readBody(req, start.bodyLimit, start.quotesSize);
      if (read.kind === 'aborted') return;
      if (read.kind === 'too-large') {
        send(res, start.tooLarge(read.size));
        return;
      }
      // InvokeWithResponseStream sends a streaming handler's events as they are written.
      const answer = await start.run(read.body, liveSink(res));
      if (isBuffered(answer)) send(res, answer);
      else endLive(res, answer);
    } catch (error) {
      if (res.headersSent) res.destroy();
      else send(res, api.internalError(error));
    }
  };

  const server = harnessHttpServer(listen.requestTimeoutMs);
  const life = new ServerLifecycle(server, listen.shutdownGraceMs);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => void life.track(() => serve(req, res, false)));
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => void life.track(() => serve(req, res, true)));

  const listening = await life.listen(listen.port, listen.host, invalid);
  return { ...listening, close: () => life.close() };
}
