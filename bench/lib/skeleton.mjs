// The least a faithful warm invocation does, whoever implements it: a JSON round trip of the event and of the result,
// a context object, the handler's promise, the reaction observing it and the promise the caller awaits — optionally
// inside an AsyncLocalStorage scope, which a harness needs to tell which simulated environment a timer or a console
// call belongs to. On Node 20 AsyncLocalStorage runs on async hooks, so every promise then pays an init hook and a few
// more properties.
// Used by `npm run bench` (the "fidelity floor" row) and bench/fidelity-floor.mjs. Below it, the same for handing
// timer firings over (the "scheduler floor" row of the timeout table).
import { createHook } from 'node:async_hooks';

/** A warm "invoke" of `handler` doing only the work above. `scope` is an AsyncLocalStorage, or undefined for none. */
export function fidelitySkeleton(handler, scope) {
  let seq = 0;
  // Promises: the handler's, the reaction that observes it, and the one the caller awaits — no async function (its own
  // promise and an await each cost one more, and an async-hooks call each once AsyncLocalStorage is on).
  return (event) => {
    const json = JSON.stringify(event);
    const copy = JSON.parse(json);
    const context = {};
    context.awsRequestId = `00000000-0000-4000-8000-${String(seq++).padStart(12, '0')}`;
    context.getRemainingTimeInMillis = () => 3000;
    return new Promise((resolve, reject) => {
      const call = () =>
        handler(copy, context).then((value) => {
          const rawPayload = JSON.stringify(value);
          resolve({ rawPayload, payload: JSON.parse(rawPayload) });
        }, reject);
      if (scope) scope.run(context, call);
      else call();
    });
  };
}

/**
 * The least any scheduler pays to hand `firings` timer callbacks to simulated code on Node, whoever implements it:
 * one immediate per firing — the cheapest callback after which Node has run every microtask, `process.nextTick`
 * callback and unhandled-rejection check the previous one left, as it does between two timers — queued up to 32 per
 * pass of the immediate queue, each callback called inside an AsyncLocalStorage scope, with an async-hooks `init`
 * hook enabled (what tells real I/O from timers). Nothing else: no clock, no timer heap, no deadline.
 * Returns `turns(firings)`, which resolves after the last firing.
 */
export function schedulerSkeleton(scope) {
  const hook = createHook({ init() {} }).enable();
  const store = {};
  const callback = () => {};
  const turns = (firings) =>
    new Promise((resolve) => {
      let left = firings;
      let queued = 0;
      let size = 1;
      const turn = () => {
        queued--;
        // Immediates of the last pass left over after the last firing do nothing (the harness's are no-ops too).
        if (left === 0) return;
        scope.run(store, callback);
        if (--left === 0) return resolve();
        if (queued > 0) return;
        for (let i = 0; i < size; i++) setImmediate(turn);
        queued = size;
        size = Math.min(size * 2, 32);
      };
      queued = 1;
      setImmediate(turn);
    });
  return { turns, dispose: () => hook.disable() };
}
