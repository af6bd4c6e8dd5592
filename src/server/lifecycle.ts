import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A `node:http` server robust to bad clients: a client must send a whole request within `requestTimeoutMs` (else
 * 408), and one that breaks the protocol gets a status line and its socket closed while the server keeps serving.
 * @example
 * const server = harnessHttpServer(60_000);
 * server.on('request', handler);
 */
export function harnessHttpServer(requestTimeoutMs: number): Server {
  const server = http.createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 60_000),
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    keepAliveTimeout: 5_000,
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

/** The listening options both servers take, with their defaults applied. */
export interface ListenSettings {
  readonly port: number;
  readonly host: string;
  readonly requestTimeoutMs: number;
  readonly shutdownGraceMs: number;
}

/**
 * Applies the defaults to a server's listening options and checks them, throwing `invalid(message)` with what to pass.
 * @example
 * const { port, host } = listenSettings({ port: 0 }, (m) => new Error(m)); // port 0, host '127.0.0.1'
 */
export function listenSettings(options: Partial<ListenSettings>, invalid: (message: string) => Error): ListenSettings {
  const { port = 0, host = '127.0.0.1', requestTimeoutMs = 60_000, shutdownGraceMs = 10_000 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw invalid(`'port' must be an integer from 0 to 65535 (got ${JSON.stringify(port)}); 0 picks a free port.`);
  if (typeof host !== 'string' || host.length === 0) throw invalid("'host' must be a host name or address such as 127.0.0.1.");
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs < 1) throw invalid("'requestTimeoutMs' must be a positive integer.");
  if (!Number.isInteger(shutdownGraceMs) || shutdownGraceMs < 0) throw invalid("'shutdownGraceMs' must be a non-negative integer.");
  return { port, host, requestTimeoutMs, shutdownGraceMs };
}

/** Where a server listens, once it does. */
export interface Listening {
  readonly url: string;
  readonly port: number;
  readonly host: string;
}

/**
 * The life of a loopback HTTP server the harness runs: listening with errors that say what to do, counting the
 * requests in flight, and closing gracefully (running invocations may finish within the grace period, idle
 * keep-alive connections are cut at once). Shared by the Invoke API and function URL servers.
 * @example
 * const life = new ServerLifecycle(http.createServer(handler), 10_000);
 * const { url } = await life.listen(0, '127.0.0.1', (m) => new Error(m));
 * await life.close();
 */
export class ServerLifecycle {
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly server: Server,
    private readonly shutdownGraceMs: number,
  ) {}

  /** Runs one request's work, counted as in flight until it settles. */
  async track(work: () => Promise<void>): Promise<void> {
    this.inFlight++;
    try {
      await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /** Listens on `host:port` (0: any free port); a busy port or bad address rejects with `invalid(message)`. */
  listen(port: number, host: string, invalid: (message: string) => Error): Promise<Listening> {
    const server = this.server;
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        reject(
          error.code === 'EADDRINUSE'
            ? invalid(`port ${port} on ${host} is in use; choose another port, or 0 for any free one.`)
            : invalid(`cannot listen on ${host}:${port}: ${error.message}`),
        );
      };
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        const address = server.address() as AddressInfo;
        const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        resolve({ url: `http://${urlHost}:${address.port}`, port: address.port, host: address.address });
      });
    });
  }

  /** Stops accepting connections, lets requests in flight finish (up to the grace period), then closes. Idempotent. */
  close(): Promise<void> {
    const server = this.server;
    return (this.closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      const force = (): void => {
        server.closeAllConnections();
      };
      if (this.inFlight === 0) return force();
      const timer = setTimeout(force, this.shutdownGraceMs);
      timer.unref();
      this.drained = () => {
        clearTimeout(timer);
        // Let the last responses flush before cutting keep-alive sockets.
        setImmediate(force);
      };
    }));
  }
}
