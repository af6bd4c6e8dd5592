/**
 * The rules of Lambda's asynchronous event queue, as pure functions (spec §3). The queue driver applies them on the
 * virtual clock; the reference model in the tests applies them on paper. Times are epoch milliseconds.
 */

/** Delay before retry `n` (1-based) after a function error: 1 minute, then 2 minutes. */
export function retryDelayMs(retry: number): number {
  return retry * 60_000;
}

/**
 * Back-off before re-delivering a throttled event: exponential from 1 s, capped at 5 minutes (spec §3; LocalStack uses
 * the same `min(2^n, 300)` seconds). Throttles do not count as retries.
 */
export function throttleBackoffMs(throttles: number): number {
  return Math.min(1000 * 2 ** Math.max(0, throttles - 1), 300_000);
}

/** Async retry settings of a function (`PutFunctionEventInvokeConfig`). */
export interface AsyncRetryConfig {
  /** 0..2, default 2. */
  readonly maximumRetryAttempts: number;
  /** Seconds, 60..21600, default 21600. */
  readonly maximumEventAgeSeconds: number;
}

/** What happens to an event after an attempt or a throttle. */
export type NextStep =
  | { readonly kind: 'retry'; readonly at: number }
  | { readonly kind: 'fail'; readonly condition: 'RetriesExhausted' | 'EventAgeExceeded' };

/**
 * After attempt number `attempts` (1-based) failed at `now`: retry after the back-off, unless the retries are used
 * up (`RetriesExhausted`) or the next attempt would come after the event's maximum age (`EventAgeExceeded` — decided
 * now, as AWS does: an event with a 60 s maximum age that fails once is not retried at all).
 * @example
 * afterFailure({ maximumRetryAttempts: 2, maximumEventAgeSeconds: 21600 }, 0, 1, 500); // { kind: 'retry', at: 60500 }
 */
export function afterFailure(config: AsyncRetryConfig, enqueuedAt: number, attempts: number, now: number): NextStep {
  if (attempts > config.maximumRetryAttempts) return { kind: 'fail', condition: 'RetriesExhausted' };
  const at = now + retryDelayMs(attempts);
  // A retry due exactly at the maximum age would run past it (an attempt always takes some time on AWS): the
  // recorded 60 s case runs once, not twice.
  if (at - enqueuedAt >= config.maximumEventAgeSeconds * 1000) return { kind: 'fail', condition: 'EventAgeExceeded' };
  return { kind: 'retry', at };
}

/**
 * After the `throttles`-th throttle at `now`: try again after the back-off, unless that would pass the maximum age.
 * @example
 * afterThrottle({ maximumRetryAttempts: 2, maximumEventAgeSeconds: 60 }, 0, 1, 0); // { kind: 'retry', at: 1000 }
 */
export function afterThrottle(config: AsyncRetryConfig, enqueuedAt: number, throttles: number, now: number): NextStep {
  const at = now + throttleBackoffMs(throttles);
  if (at - enqueuedAt >= config.maximumEventAgeSeconds * 1000) return { kind: 'fail', condition: 'EventAgeExceeded' };
  return { kind: 'retry', at };
}
