import { Worker } from 'node:worker_threads';
import { ExecutionEnvironment, settling, type FunctionInternals, type InvokeRequest, type OnSettled } from '../function/environment.js';
import type { InvocationResult } from '../function/result.js';
import { streamedResponseJson, type StreamedResponse } from '../runtime/response-stream.js';
import { hashSeed } from '../internal/random.js';
import { real } from '../clock/real.js';
import { outsideScope } from '../runtime/scope.js';
import type { FromWorker, PlainResult, ToWorker, WorkerSetup } from './protocol.js';

/**
 * The worker script. Running from `dist/` it sits next to this file; running from sources (the project's own tests)
 * the built copy is used, since a worker thread cannot load TypeScript.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/worker/env-worker.js', import.meta.url) : new URL('./env-worker.js', import.meta.url);
}

/** Starts a worker thread for an environment (configured later by a `setup` message). */
function startWorker(memorySize: number): Worker {
  // Outside any simulated scope: the worker's handles belong to the harness, not to a handler's I/O.
  const worker = outsideScope(
    () =>
      new Worker(workerUrl(), {
        workerData: null,
        resourceLimits: { maxOldGenerationSizeMb: memorySize, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memorySize / 8)) },
        stdout: false,
        stderr: false,
      }),
  );
  worker.unref();
  return worker;
}

/** One booted, unconfigured worker per memory size, ready for the next cold start. */
const spares = new Map<number, Worker>();

function takeSpare(memorySize: number): Worker | undefined {
  const spare = spares.get(memorySize);
  spares.delete(memorySize);
  return spare;
}

function prepareSpare(memorySize: number): void {
  if (spares.has(memorySize)) return;
  const worker = startWorker(memorySize);
  worker.once('exit', () => {
    if (spares.get(memorySize) === worker) spares.delete(memorySize);
  });
  spares.set(memorySize, worker);
}

/** Stops the spare workers (when the last worker-isolated function is disposed). */
export function releaseSpares(): void {
  for (const worker of spares.values()) void worker.terminate();
  spares.clear();
}

/** Grace, in real milliseconds, after a worker's timeout before it is presumed stuck in synchronous code. */
const WATCHDOG_GRACE_MS = 1000;

type Reply = { kind: 'message'; message: FromWorker } | { kind: 'oom' } | { kind: 'exit'; code: number } | { kind: 'stuck' };

/**
 * An execution environment isolated in its own `worker_thread` (`isolation: 'worker'`): its own module graph and
 * `process.env`, a heap capped from `memorySize` (exceeding it is `Runtime.OutOfMemory`), a real `Max Memory Used`,
 * a `/tmp` capped at `ephemeralStorage` and a read-only file system elsewhere. A synchronous infinite loop is stopped
 * at the timeout (in real time, since a blocked thread cannot be jumped over).
 *
 * The environment logic itself is the same `ExecutionEnvironment`, running inside the worker on its own virtual
 * clock; this class forwards invocations, keeps the two clocks in step, and turns a dead worker into Lambda's errors.
 */
export class WorkerEnvironment extends ExecutionEnvironment {
  private worker: Worker | undefined;
  private nextId = 0;
  private pending: ((reply: Reply) => void) | undefined;
  /** Re-arms the watchdog when the handler starts (init time does not count against the timeout). */
  private onStarted: (() => void) | undefined;

  constructor(fn: FunctionInternals, initializationType: 'on-demand' | 'provisioned-concurrency' = 'on-demand') {
    super(fn, initializationType);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const o = this.fn.options;
    const { clock: _c, deadLetterQueue: _d, onSuccess: _s, onFailure: _f, handler, ...rest } = o;
    const setup: WorkerSetup = {
      options: { ...rest, handler: handler as string },
      version: this.fn.version,
      identity: this.identity(),
      initializationType: this.initializationType,
      hostEnv: { ...this.fn.hostEnv },
      now: this.fn.clock.now(),
      realTimeFlow: true,
      seed: hashSeed(this.id, o.seed >>> 0),
    };
    const worker = takeSpare(o.memorySize) ?? startWorker(o.memorySize);
    // The worker's file system sandbox creates the directory: remove it at shutdown.
    this.tmpDirMade = true;
    worker.postMessage({ type: 'setup', setup } satisfies ToWorker);
    // Boot the next environment's thread in the background: most of a worker cold start is starting the thread
    // and loading the harness into it, which a spare has already done.
    prepareSpare(o.memorySize);
    // Only the current worker may answer: a terminated one's late 'exit' must not settle the next request.
    worker.on('message', (message: FromWorker) => {
      if (this.worker !== worker) return;
      if (message.type === 'started') this.onStarted?.();
      else if (message.type === 'chunk') this.onChunk?.(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength), message.contentType);
      else this.settle({ kind: 'message', message });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'oom' } : { kind: 'exit', code: 1 });
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.settle({ kind: 'exit', code });
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(reply);
  }

  /** Sends a message and waits for the worker's answer, its death, or the watchdog. */
  private request(message: ToWorker, watchdogMs: number, handlerMs?: number): Promise<Reply> {
    const worker = this.ensureWorker();
    worker.ref();
    return this.fn.clock.track(
      new Promise<Reply>((resolve) => {
        const arm = (ms: number) => outsideScope(() => real.setTimeout(() => this.settle({ kind: 'stuck' }), ms));
        let watchdog = arm(watchdogMs);
        this.onStarted =
          handlerMs === undefined
            ? undefined
            : () => {
                real.clearTimeout(watchdog);
                watchdog = arm(handlerMs);
              };
        this.pending = (reply) => {
          real.clearTimeout(watchdog);
          this.onStarted = undefined;
          worker.unref();
          resolve(reply);
        };
        worker.postMessage(message);
      }),
    );
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  override async prewarm(): Promise<boolean> {
    const reply = await this.request({ type: 'prewarm', id: this.nextId++, now: this.fn.clock.now() }, 130_000 + WATCHDOG_GRACE_MS);
    if (reply.kind === 'message' && reply.message.type === 'prewarmed') {
      this.fn.clock.catchUp(reply.message.now);
      return reply.message.ok;
    }
    this.kill();
    return false;
  }

  /** The running invocation's live chunks, if its caller reads them as they come. */
  private onChunk: ((chunk: Buffer, contentType: string) => void) | undefined;

  override invoke(req: InvokeRequest, onSettled?: OnSettled): Promise<InvocationResult> {
    return onSettled ? settling(this.invokeInWorker(req), onSettled) : this.invokeInWorker(req);
  }

  private async invokeInWorker(req: InvokeRequest): Promise<InvocationResult> {
    const clock = this.fn.clock;
    const start = clock.now();
    this.invocationCount++;
    const timeoutMs = this.fn.options.timeoutMs;
    // Init (up to 10 s) plus the invocation's own timeout, in real time, before a silent worker counts as stuck.
    this.onChunk = req.streamListener;
    // The listener stays on this side: the worker is only asked to send chunks as they are written.
    const request = { ...req, streamListener: undefined } as InvokeRequest;
    const reply = await this.request(
      { type: 'invoke', id: this.nextId++, now: start, request, liveChunks: this.onChunk !== undefined },
      10_000 + timeoutMs + WATCHDOG_GRACE_MS,
      timeoutMs + WATCHDOG_GRACE_MS,
    );
    this.onChunk = undefined;
    if (reply.kind === 'message' && reply.message.type === 'result') {
      clock.catchUp(reply.message.now);
      this.lastUsedAt = clock.now();
      return fromPlain(reply.message.result);
    }
    // The worker died or hung: Lambda reports it and the next invocation starts a new runtime (a cold start).
    this.kill();
    if (reply.kind === 'stuck') {
      clock.catchUp(start + timeoutMs);
      return this.failWithoutRunning(req, { kind: 'timeout' }, start, clock.now());
    }
    const end = clock.now();
    if (reply.kind === 'oom') return this.failWithoutRunning(req, { kind: 'crash', crash: 'oom', detail: undefined }, start, end);
    return this.failWithoutRunning(req, { kind: 'crash', crash: 'exit', detail: reply.kind === 'exit' ? reply.code : 0 }, start, end);
  }

  override shutdown(reason: string): void {
    this.kill();
    super.shutdown(reason);
  }
}

/** Rebuilds a result from its plain form: `payload`/`error` are parsed back from the exact body. */
function fromPlain(plain: PlainResult): InvocationResult {
  const ok = plain['ok'] === true;
  const stream = plain.responseStream;
  // A streamed success's payload is its body text, not JSON; the body crossed the thread as a Uint8Array.
  const parsed = ok && stream ? plain.rawPayload : (JSON.parse(plain.rawPayload) as unknown);
  let responseStream: StreamedResponse | undefined;
  if (stream) {
    const body = Buffer.from(stream.body.buffer, stream.body.byteOffset, stream.body.byteLength);
    const chunks: Buffer[] = [];
    let at = 0;
    for (const length of stream.chunkLengths) {
      chunks.push(body.subarray(at, at + length));
      at += length;
    }
    responseStream = { contentType: stream.contentType, body, chunks };
  }
  const result = { ...plain, payload: parsed, error: ok ? undefined : parsed, responseStream };
  // JSON shows a streamed body as module isolation's results do (base64 and chunk lengths), not as arrays of numbers.
  if (responseStream) Object.defineProperty(result, 'toJSON', { value: () => ({ ...result, responseStream: streamedResponseJson(responseStream!) }) });
  return result as unknown as InvocationResult;
}
