import fc from 'fast-check';
import type { EventOptions } from '../../events/_internals/kind.js';

/**
 * The seed and time range every event arbitrary draws from.
 * @example
 * arbitraries.sqsEvent({ minTime: Date.UTC(2025, 0, 1), maxTime: Date.UTC(2025, 11, 31) });
 */
export interface EventArbitraryConstraints {
  /**
   * Earliest event time (epoch ms).
   * @defaultValue `Date.UTC(2020, 0, 1)`
   */
  readonly minTime?: number;
  /**
   * Latest event time (epoch ms).
   * @defaultValue `Date.UTC(2030, 0, 1)`
   */
  readonly maxTime?: number;
}

const DEFAULT_MIN_TIME = Date.UTC(2020, 0, 1);
const DEFAULT_MAX_TIME = Date.UTC(2030, 0, 1);

/**
 * Turns an arbitrary of factory *intent* into an arbitrary of events: each value is the factory's output for a
 * generated intent, seed and time. Shrinking happens on the intent (and towards seed 0 and the earliest time), so
 * a failing event shrinks to the smallest intent that still fails, and every shrunk value is still a valid event.
 * This is the one helper every family's arbitraries use.
 * @example
 * const sqsEvent = eventArbitrary(fc.record({ body: fc.string() }), (input, options) => events.sqs({ records: [input] }, options));
 */
export function eventArbitrary<TInput, TEvent>(
  input: fc.Arbitrary<TInput>,
  factory: (input: TInput, options: EventOptions) => TEvent,
  constraints: EventArbitraryConstraints = {},
): fc.Arbitrary<TEvent> {
  const minTime = constraints.minTime ?? DEFAULT_MIN_TIME;
  const maxTime = constraints.maxTime ?? DEFAULT_MAX_TIME;
  if (!(minTime <= maxTime)) {
    throw new RangeError(`eventArbitrary: minTime (${minTime}) must not be after maxTime (${maxTime}).`);
  }
  return fc
    .tuple(input, fc.nat({ max: 0x7fffffff }), fc.integer({ min: minTime, max: maxTime }))
    .map(([value, seed, now]) => factory(value, { seed, now }));
}
