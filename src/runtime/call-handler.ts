import type { CallbackControls, ContextControls } from '../context/context.js';
import type { HandlerRun } from './handler-run.js';
import { CallbackHandlerDeprecated, CALLBACK_DEPRECATED_MESSAGE, NodeJsExit, NODEJS_EXIT_MESSAGE } from './error-payload.js';
import type { RuntimeProfile } from './profiles.js';
import { isStreamingHandler, ResponseStream, streamHighWaterMark } from './response-stream.js';
import { finished } from 'node:stream';
import { LIMITS } from '../limits/limits.js';

type Handler = (event: unknown, context: unknown, callback?: unknown) => unknown;
/** Builds the invocation's context, wired to the completion controls of callback-style runtimes (v3). */
type MakeContext = (controls: ContextControls | undefined) => unknown;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * The completion state of one v3 invocation: callback, `succeed`, `fail` and `done` share one "first completion wins"
 * flag, as in RIC's CallbackContext. A class with a few bound functions rather than a dozen closures: this runs on
 * every invocation.
 */
class V3Completion {
  private finished = false;
  context: { callbackWaitsForEmptyEventLoop?: unknown } | undefined;
  readonly controls: CallbackControls;
  readonly callback: (err?: unknown, result?: unknown) => void;
  /** What an empty event loop means now: the default listener's verdict, or a callback result waiting for it. */
  private onEmptyLoop: 'nodejs-exit' | 'respond' = 'respond';
  private waitingResult: unknown = null;
  /** The run's drain action: one function per invocation, whatever the handler style. */
  readonly drain: () => void;

  constructor(
    private readonly run: HandlerRun,
    isAsync: boolean,
  ) {
    // Assigned into `{}`, not written as a literal: see buildContext for why per-invocation objects avoid literals.
    const controls = {} as CallbackControls;
    controls.succeed = (result?: unknown) => this.complete(null, result);
    controls.fail = (err?: unknown) => this.complete(err === undefined || err === null ? 'handled' : err, null);
    controls.done = (err?: unknown, result?: unknown) => this.complete(err, result);
    this.controls = controls;
    this.callback = (err?: unknown, result?: unknown) => this.callbackComplete(err, result);
    // RIC ≥ 3.3's default beforeExit listener: an async handler whose promise never settled is an error; any other
    // handler that never completed responds null.
    if (isAsync) this.onEmptyLoop = 'nodejs-exit';
    this.drain = () => {
      if (this.onEmptyLoop === 'nodejs-exit') run.finish({ kind: 'error', error: new NodeJsExit(NODEJS_EXIT_MESSAGE) });
      else run.respond(this.waitingResult);
    };
    run.drainAction = this.drain;
  }

  /** succeed/fail/done: complete at once, never waiting for the event loop. */
  private complete(err: unknown, result: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.run.drainAction = undefined;
    if (err !== undefined && err !== null) this.run.finish({ kind: 'error', error: err });
    else this.run.respond(result);
  }

  /** callback(err, result): an error goes at once; a result waits for the loop to drain unless told otherwise. */
  private callbackComplete(err: unknown, result: unknown): void {
    if (this.finished) return;
    this.finished = true;
    const run = this.run;
    run.drainAction = undefined;
    if (err !== undefined && err !== null) run.finish({ kind: 'error', error: err });
    else if (!this.context?.callbackWaitsForEmptyEventLoop) run.respond(result);
    else {
      this.onEmptyLoop = 'respond';
      this.waitingResult = result;
      run.drainAction = this.drain;
    }
  }
}

/** Whether the runtime treats the handler as async (RIC: `constructor.name === 'AsyncFunction'`). */
export function isAsyncHandler(handler: Handler): boolean {
  return handler.constructor?.name === 'AsyncFunction';
}

/** Calls a loaded handler for one invocation with its runtime's semantics, finishing `run` (streaming or not). */
export type HandlerDriver = (handler: Handler, event: unknown, makeContext: MakeContext, profile: RuntimeProfile, run: HandlerRun) => void;

/**
 * What the runtime decides once, when it loads a handler (RIC3's `Runtime` constructor picks `handleOnceStreaming`
 * or `handleOnceNonStreaming` the same way): the driver of its invocations, or the error that refuses it. nodejs24.x
 * refuses a non-streaming handler declaring 3 or more parameters, a callback handler (`Runtime.CallbackHandlerDeprecated`),
 * even when it is `async`; a malformed streaming tag fails too.
 */
export function prepareHandler(handler: Handler, profile: RuntimeProfile): HandlerDriver | Error {
  try {
    // A streaming handler takes three parameters by design: (event, responseStream, context).
    if (isStreamingHandler(handler)) return callStreamingHandler;
  } catch (error) {
    return error as Error;
  }
  if (profile.ric === 4 && handler.length >= 3) return new CallbackHandlerDeprecated(CALLBACK_DEPRECATED_MESSAGE);
  return callHandler;
}

/**
 * Calls the handler with the completion semantics of the runtime (spec §2.3, §2.4) and finishes `run` accordingly.
 *
 * v3 (nodejs20.x/22.x): callback, `context.succeed/fail/done` and the returned promise share one "first completion
 * wins" flag; `callback(null, r)` with `callbackWaitsForEmptyEventLoop` (the default) responds only when the event
 * loop drains; a non-async handler that never completes responds `null` on drain; an async one whose promise never
 * settles fails with `Runtime.NodeJsExit`; a plain return value of a non-async handler is ignored.
 *
 * v4 (nodejs24.x): the handler is awaited, so a sync return value is used. If the loop drains with the promise
 * unsettled the process exits (code 13, "unsettled top-level await") [INFERRED].
 *
 * `makeContext` receives the completion controls so the context's `succeed/fail/done` and the
 * `callbackWaitsForEmptyEventLoop` flag are wired to this run.
 */
const callHandler: HandlerDriver = (handler, event, makeContext, profile, run) => {
  if (profile.ric === 4) {
    run.exitOnDrain();
    let result: unknown;
    try {
      result = handler(event, makeContext(undefined));
    } catch (error) {
      run.finish({ kind: 'error', error: error ?? null });
      return;
    }
    Promise.resolve(result).then(
      (value) => run.respond(value),
      (error: unknown) => run.finish({ kind: 'error', error: error ?? null }),
    );
    return;
  }

  const completion = new V3Completion(run, isAsyncHandler(handler));
  const context = makeContext(completion.controls) as { callbackWaitsForEmptyEventLoop?: unknown };
  completion.context = context;
  const callback = completion.callback;
  const controls = completion.controls;
  try {
    const result = handler(event, context, callback);
    if (isThenable(result)) {
      result.then(controls.succeed, controls.fail);
    }
  } catch (error) {
    // A synchronous throw goes to callback(err): so a sync `throw null` is a success with null (spec §2.1).
    callback(error);
  }
};

/**
 * Calls a streaming handler as the runtime does (spec §2.5; RIC3 `Runtime.handleOnceStreaming`, RIC4
 * `StreamingInvokeProcessor`): `(event, responseStream, context)`, which must return a promise; a value it resolves
 * with is ignored with a warning. The response is complete once the promise has settled and the stream has ended.
 * The stream is the runtime's open request to the Runtime API, which keeps the event loop alive: a handler that never
 * ends it runs into its timeout [INFERRED: the runtime awaits the Runtime API's answer, which comes only after the
 * request ends]. An error (a throw, a rejection, a destroyed stream) fails the invocation, also after writes, unless
 * the stream had ended: the response has then gone whole, and the error is only logged.
 */
const callStreamingHandler: HandlerDriver = (handler, event, makeContext, profile, run) => {
  // Read as a stream, a response may reach 200 MB; read buffered, the buffered limit holds.
  const limit = run.streamListener ? LIMITS.streamedResponseBytes : LIMITS.responseBytes;
  const stream = new ResponseStream(streamHighWaterMark(handler), run.streamListener, limit);
  run.stream = stream;
  const io = run.scope.io;
  io.waits++;
  let open = true;
  let resolved = false;
  let lateError: { error: unknown } | undefined;
  const close = (): void => {
    if (open) io.waits--;
    open = false;
  };
  // Complete once both the promise has settled and the stream has finished. (RIC's "Response stream is not finished."
  // needs the Runtime API to answer before the request ends, which here it never does.)
  const complete = (): void => {
    if (resolved && !open) run.respondStream(lateError);
  };
  const fail = (error: unknown): void => {
    if (stream.writableEnded && !stream.errored) {
      // The response went out whole with end(): the runtime's error trailers come too late to count, so the error is
      // only logged and the invocation succeeds [INFERRED from RIC: trailers added after end() are not sent].
      lateError = { error: error ?? null };
      resolved = true;
      complete();
      return;
    }
    close();
    run.finish({ kind: 'error', error: error ?? null });
  };
  finished(stream, (error) => {
    close();
    if (error) fail(error);
    else complete();
  });
  // v3 ends a streaming invocation whose loop drains with the stream ended as complete; v4 exits (see callHandler).
  if (profile.ric === 4) run.exitOnDrain();
  else run.drainAction = () => run.respondStream();
  let result: unknown;
  try {
    // RIC3's StreamingContext: `callbackWaitsForEmptyEventLoop` first, no succeed/fail/done; v4's context as usual.
    result = handler(event, stream, makeContext('streaming'));
  } catch (error) {
    fail(error);
    return;
  }
  if (!isThenable(result)) {
    // RIC3 fails with the message itself (so its errorType is "string"); RIC4 throws an Error.
    const message = 'Streaming does not support non-async handlers.';
    fail(profile.ric === 4 ? new Error(message) : message);
    return;
  }
  result.then(
    (value) => {
      if (value !== undefined) console.warn('Streaming handlers ignore return values.');
      resolved = true;
      complete();
    },
    (error: unknown) => fail(error),
  );
};
