/**
 * A small, independent reference model of Lambda's asynchronous error handling (spec §3), written from the spec
 * rather than from the simulator's code: given a function's settings and what the handler does on each attempt, it
 * says when every attempt happens and how the event ends. Model-based property tests hold the simulator to it.
 */
export type Behaviour = 'succeed' | 'throw' | 'timeout' | 'crash';

export interface ModelConfig {
  maximumRetryAttempts: number;
  maximumEventAge: number; // seconds
  timeout: number; // seconds
  reservedConcurrency: number | undefined;
}

export interface ModelOutcome {
  /** Attempt start times, relative to acceptance. */
  attemptTimes: number[];
  condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency';
  approximateInvokeCount: number;
}

/** The fate of one event that is never throttled (nothing else competes for concurrency). */
export function modelEvent(config: ModelConfig, behaviours: readonly Behaviour[]): ModelOutcome {
  if (config.reservedConcurrency === 0) return { attemptTimes: [], condition: 'ZeroReservedConcurrency', approximateInvokeCount: 0 };
  const attemptTimes: number[] = [];
  let start = 0;
  for (let attempt = 1; ; attempt++) {
    attemptTimes.push(start);
    const behaviour = behaviours[Math.min(attempt - 1, behaviours.length - 1)]!;
    if (behaviour === 'succeed') return { attemptTimes, condition: 'Success', approximateInvokeCount: attempt };
    // A failure: a timeout ends at the deadline; a throw or a crash ends at once.
    const end = start + (behaviour === 'timeout' ? config.timeout * 1000 : 0);
    // Retries wait 1 minute, then 2 minutes, after the failed attempt.
    if (attempt - 1 >= config.maximumRetryAttempts) return { attemptTimes, condition: 'RetriesExhausted', approximateInvokeCount: attempt };
    const next = end + attempt * 60_000;
    // The event is given up as soon as its next attempt would not start before its maximum age.
    if (next >= config.maximumEventAge * 1000) return { attemptTimes, condition: 'EventAgeExceeded', approximateInvokeCount: attempt };
    start = next;
  }
}
