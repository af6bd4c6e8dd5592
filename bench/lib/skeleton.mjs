// The least a faithful warm invocation does, whoever implements it: a JSON round trip of the event and of the result,
// a context object, the handler's promise and one that carries its outcome — optionally inside an AsyncLocalStorage
// scope, which a harness needs to tell which simulated environment a timer or a console call belongs to. On Node 20
// AsyncLocalStorage runs on async hooks, so every promise then pays an init hook and a few more properties.
// Used by `npm run bench` (the "fidelity floor" row) and bench/fidelity-floor.mjs.

/** A warm "invoke" of `handler` doing only the work above. `scope` is an AsyncLocalStorage, or undefined for none. */
export function fidelitySkeleton(handler, scope) {
  let seq = 0;
  return async (event) => {
    const json = JSON.stringify(event);
    const copy = JSON.parse(json);
    const context = {};
    context.awsRequestId = `00000000-0000-4000-8000-${String(seq++).padStart(12, '0')}`;
    context.getRemainingTimeInMillis = () => 3000;
    const call = () => new Promise((resolve, reject) => handler(copy, context).then(resolve, reject));
    const value = await (scope ? scope.run(context, call) : call());
    const rawPayload = JSON.stringify(value);
    return { rawPayload, payload: JSON.parse(rawPayload) };
  };
}
