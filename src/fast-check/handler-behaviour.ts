import fc from 'fast-check';

/**
 * What a generated handler does when invoked.
 * @example
 * const behaviour: HandlerBehaviour = { kind: 'throw', errorType: 'TypeError', message: 'bad input' };
 * createFunction({ handler: toHandler(behaviour) });
 */
export type HandlerBehaviour =
  | { readonly kind: 'succeed'; readonly value: unknown }
  | { readonly kind: 'throw'; readonly errorType: string; readonly message: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crash' };

/**
 * Which behaviours {@link handlerBehaviour} draws from.
 * @example
 * arbitraries.handlerBehaviour({ kinds: ['succeed', 'throw'], errorTypes: ['ValidationError'] });
 */
export interface HandlerBehaviourConstraints {
  /** @defaultValue `['succeed', 'throw', 'timeout', 'crash']` */
  readonly kinds?: readonly HandlerBehaviour['kind'][];
  /** Error type names for `throw`. @defaultValue `['Error', 'TypeError', 'ValidationError', 'ThrottlingException']` */
  readonly errorTypes?: readonly string[];
}

/**
 * Handler behaviours for property tests of error handling: succeed with a JSON value, throw a named error,
 * time out, or crash the runtime. Shrinks towards `succeed`.
 * @example
 * fc.assert(fc.asyncProperty(arbitraries.handlerBehaviour(), async (b) => { await invoke(toHandler(b)); }));
 */
export function handlerBehaviour(constraints: HandlerBehaviourConstraints = {}): fc.Arbitrary<HandlerBehaviour> {
  const kinds = constraints.kinds ?? ['succeed', 'throw', 'timeout', 'crash'];
  if (kinds.length === 0) throw new RangeError('handlerBehaviour: `kinds` must name at least one behaviour.');
  const errorTypes = constraints.errorTypes ?? ['Error', 'TypeError', 'ValidationError', 'ThrottlingException'];
  const byKind: Record<HandlerBehaviour['kind'], fc.Arbitrary<HandlerBehaviour>> = {
    succeed: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'succeed', value })),
    throw: fc
      .record({ errorType: fc.constantFrom(...errorTypes), message: fc.string({ maxLength: 40 }) })
      .map(({ errorType, message }) => ({ kind: 'throw', errorType, message })),
    timeout: fc.constant({ kind: 'timeout' }),
    crash: fc.constant({ kind: 'crash' }),
  };
  return fc.oneof(...kinds.map((k) => byKind[k]));
}

// Captured at load so a test that fakes timers cannot stop a generated crash or keep-alive from firing for real.
const realSetTimeout = globalThis.setTimeout;
const realSetInterval = globalThis.setInterval;

/**
 * Turns a behaviour into a real async Lambda handler. `timeout` awaits a promise that never settles while an
 * interval keeps the event loop alive (as a handler stuck on a hung socket does); `crash` throws from a timer
 * callback, i.e. an uncaught exception that takes the runtime down.
 * @example
 * const handler = toHandler({ kind: 'throw', errorType: 'ValidationError', message: 'bad' });
 * await handler({}); // rejects with an error whose name is 'ValidationError'
 */
export function toHandler(behaviour: HandlerBehaviour): (event: unknown, context?: unknown) => Promise<unknown> {
  switch (behaviour.kind) {
    case 'succeed':
      return async () => structuredClone(behaviour.value);
    case 'throw':
      return async () => {
        const error = new Error(behaviour.message);
        error.name = behaviour.errorType;
        throw error;
      };
    case 'timeout':
      return () =>
        new Promise<never>(() => {
          realSetInterval(() => {}, 1000);
        });
    case 'crash':
      return () =>
        new Promise<never>(() => {
          realSetTimeout(() => {
            throw new Error('Simulated runtime crash (uncaught exception in a timer callback)');
          }, 0);
        });
  }
}
