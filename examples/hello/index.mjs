// Module scope runs once per execution environment (the cold start); `invocations` survives warm invokes.
let invocations = 0;
console.log('initialising hello');

export const handler = async (event, context) => {
  invocations += 1;
  console.log(`hello ${event.name ?? 'world'} (invocation ${invocations} of this environment)`);
  return { greeting: `Hello, ${event.name ?? 'world'}!`, invocations, remainingMs: context.getRemainingTimeInMillis() };
};
