import type { CallbackControls } from '../context/context.js';
import type { HandlerRun } from './handler-run.js';
import { CallbackHandlerDeprecated, CALLBACK_DEPRECATED_MESSAGE, NodeJsExit, NODEJS_EXIT_MESSAGE } from './error-payload.js';
import type { RuntimeProfile } from './profiles.js';

type Handler = (event: unknown, context: unknown, callback?: unknown) => unknown;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

/** Whether the runtime treats the handler as async (RIC: `constructor.name === 'AsyncFunction'`). */
export function isAsyncHandler(handler: Handler): boolean {
  return handler.constructor?.name === 'AsyncFunction';
}

/**
 * The init-time check of nodejs24.x: a non-streaming handler declaring 3 or more parameters is a callback handler,
 * which RIC v4 refuses (`Runtime.CallbackHandlerDeprecated`), even when it is `async`.
 */
export function checkHandlerForRuntime(handler: Handler, profile: RuntimeProfile): Error | undefined {
  if (profile.ric === 4 && handler.length >= 3) return new CallbackHandlerDeprecated(CALLBACK_DEPRECATED_MESSAGE);
  return undefined;
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
export function callHandler(
  handler: Handler,
  event: unknown,
  makeContext: (controls: CallbackControls | undefined) => unknown,
  profile: RuntimeProfile,
  run: HandlerRun,
): void {
  if (profile.ric === 4) {
    run.drainAction = () => run.finish({ kind: 'crash', crash: 'exit', detail: 13 });
    let result: unknown;
    try {
      result = handler(event, makeContext(undefined));
    } catch (error) {
      run.finish({ kind: 'error', error: error ?? null });
      return;
    }
    Promise.resolve(result).then(
      (value) => run.finish({ kind: 'response', value }),
      (error: unknown) => run.finish({ kind: 'error', error: error ?? null }),
    );
    return;
  }

  let finished = false;
  let waits = true;
  const respond = (value: unknown): void => run.finish({ kind: 'response', value });
  const postError = (error: unknown): void => run.finish({ kind: 'error', error });
  const rawDone = (err: unknown, result?: unknown): void => {
    run.drainAction = undefined;
    if (err !== undefined && err !== null) postError(err);
    else respond(result);
  };
  const rawCallback = (err: unknown, result?: unknown): void => {
    run.drainAction = undefined;
    if (err !== undefined && err !== null) postError(err);
    else if (!waits) respond(result);
    else run.drainAction = () => respond(result);
  };
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      if (!finished) {
        fn(...args);
        finished = true;
      }
    };
  const controls: CallbackControls = {
    succeed: once((result?: unknown) => rawDone(null, result)),
    fail: once((err?: unknown) => (err === undefined || err === null ? rawDone('handled') : rawDone(err, null))),
    done: once((err?: unknown, result?: unknown) => rawDone(err, result)),
    getWaits: () => waits,
    setWaits: (v: boolean) => {
      waits = v;
    },
  };
  const callback = once(rawCallback);
  const isAsync = isAsyncHandler(handler);
  run.drainAction = isAsync
    ? () => run.finish({ kind: 'error', error: new NodeJsExit(NODEJS_EXIT_MESSAGE) })
    : () => respond(null);
  try {
    const result = handler(event, makeContext(controls), callback);
    if (isThenable(result)) {
      result.then(controls.succeed, controls.fail);
    }
  } catch (error) {
    // A synchronous throw goes to callback(err): so a sync `throw null` is a success with null (spec §2.1).
    callback(error);
  }
}
