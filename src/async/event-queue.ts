import { qualifiedArn } from '../function/versions.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { InvocationResult } from '../function/result.js';
import type { Random } from '../internal/random.js';
import { THROTTLE_MESSAGE } from '../limits/limits.js';
import { deadLetterAttributes, invocationRecord, type DestinationCondition, type LastResponse } from './records.js';
import { afterFailure, afterThrottle, type AsyncRetryConfig } from './schedule.js';
import { deliverableOf } from './deliverable.js';

/** What a dead-letter queue or a destination can be. */
export type AsyncTarget = object;

/**
 * One attempt at delivering an asynchronous event to the function.
 * @example
 * fn.asyncEvents[0]?.attempts.map((a) => a.outcome); // ['error', 'error', 'error']
 */
export interface AsyncAttempt {
  /** Virtual epoch ms when the attempt started. */
  readonly at: number;
  readonly outcome: 'success' | 'error' | 'timeout' | 'crash' | 'throttled';
  readonly environmentId: string | undefined;
  readonly coldStart: boolean | undefined;
}

/**
 * The attempts that ran the function: throttles do not count, neither as retries nor in `approximateInvokeCount`.
 * @example
 * ranAttempts(fn.asyncEvents[0]!.attempts).length; // 3 after the default two retries
 */
export function ranAttempts(attempts: readonly AsyncAttempt[]): readonly AsyncAttempt[] {
  return attempts.filter((a) => a.outcome !== 'throttled');
}

/**
 * How an asynchronous event ended.
 * @example
 * const fate = fn.asyncEvents[0]!.fate;
 * if (fate.kind === 'failed') fate.condition; // 'RetriesExhausted'
 */
export type AsyncFate =
  | { readonly kind: 'pending' }
  | { readonly kind: 'succeeded'; readonly at: number; readonly destination: boolean }
  | {
      readonly kind: 'failed';
      readonly at: number;
      readonly condition: Exclude<DestinationCondition, 'Success'>;
      /** Sent to the dead-letter queue / on-failure destination; `dropped` when neither is configured. */
      readonly deadLettered: boolean;
      readonly destination: boolean;
      readonly dropped: boolean;
    };

/**
 * The history of one accepted event.
 * @example
 * await fn.invokeAsync(event);
 * await fn.drain();
 * fn.asyncEvents[0]?.attempts.length; // 3 for a handler that always fails
 */
export interface AsyncEventRecord {
  readonly requestId: string;
  /** Virtual epoch ms when Lambda accepted it (202). */
  readonly acceptedAt: number;
  /** The event as accepted (parsed). */
  readonly event: unknown;
  /** True for the extra copy made by `duplicateDelivery`. */
  readonly duplicate: boolean;
  readonly attempts: readonly AsyncAttempt[];
  readonly fate: AsyncFate;
}

/**
 * Summary of `fn.drain()`.
 * @example
 * const { succeeded, failed, virtualMs } = await fn.drain();
 */
export interface DrainSummary {
  /** Events whose fate was decided during the drain. */
  readonly settled: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Failed events that had nowhere to go (no dead-letter queue, no on-failure destination). */
  readonly dropped: number;
  readonly attempts: number;
  /** Virtual milliseconds the drain advanced. */
  readonly virtualMs: number;
}

/** Outcome of handing one attempt to the function. */
export type AttemptResult = { kind: 'throttled' } | { kind: 'ran'; result: InvocationResult };

/** What the queue needs from its function. */
export interface AsyncHost {
  readonly clock: VirtualClock;
  readonly random: Random;
  /** The function's unqualified ARN. */
  readonly functionArn: string;
  readonly config: AsyncRetryConfig;
  readonly deadLetterQueue: AsyncTarget | undefined;
  readonly onSuccess: AsyncTarget | undefined;
  readonly onFailure: AsyncTarget | undefined;
  /** Probability (0..1) that an accepted event is delivered twice. */
  readonly duplicateProbability: number;
  /** Reserved concurrency 0: events go straight to failure handling. */
  zeroConcurrency(): boolean;
  /** Runs one attempt (or reports a throttle), with what the caller gave at `accept`. */
  attempt(requestId: string, body: string, caller: AsyncCaller): Promise<AttemptResult>;
  /** Delivers to a target that is another simulated function. */
  deliverToFunction(target: AsyncTarget, record: unknown): boolean;
}

/**
 * What the caller of an `Event` invocation gave besides the payload, handed to every attempt: the qualifier as
 * invoked and the tenant id, which the handler's context shows as for a synchronous invoke, and the
 * version the qualifier resolved to when the event was accepted.
 * @example
 * queue.accept(requestId, '{}', { qualifier: 'live', tenantId: 'blue', version: '3' });
 */
export interface AsyncCaller {
  /** The alias or version invoked (undefined: unqualified), as invoked: the handler's context names it in its ARN. */
  readonly qualifier: string | undefined;
  readonly tenantId: string | undefined;
  /** `$LATEST` (as it is at each attempt) or a published version. */
  readonly version: string;
}

interface EventState {
  requestId: string;
  body: string;
  caller: AsyncCaller;
  event: unknown;
  acceptedAt: number;
  duplicate: boolean;
  attempts: AsyncAttempt[];
  last: LastResponse | undefined;
  fate: AsyncFate;
}

/**
 * A function's internal event queue: accepts `Event` invocations and delivers them on the virtual clock with
 * Lambda's retry schedule, throttle back-off, event age limit, dead-letter queue and destinations (spec §3).
 */
export class AsyncEventQueue {
  private readonly events: EventState[] = [];
  /** Deliveries due now, handed to the function one per scheduler turn. */
  private readonly ready: EventState[] = [];
  private readonly removeDispatcher: () => void;
  private pending = 0;
  private settledCount = { succeeded: 0, failed: 0, dropped: 0, attempts: 0 };

  constructor(private readonly host: AsyncHost) {
    const dispatchOne = (): void => {
      const state = this.ready.shift();
      if (state === undefined) return;
      const turn = host.clock.turnCount;
      void host.clock.track(
        this.deliver(state).then(() => {
          // The attempt finished without waiting for the clock (a handler that returns or throws at once): hand the
          // next ready event over right away, still at this instant, instead of one per scheduler turn.
          if (host.clock.turnCount === turn && this.ready.length > 0) dispatchOne();
        }),
      );
    };
    this.removeDispatcher = host.clock.addDispatcher({ hasReady: () => this.ready.length > 0, dispatchOne });
  }

  /** Stops taking part in the clock's dispatching (the function was disposed). */
  close(): void {
    this.removeDispatcher();
  }

  /** Accepts an event (its exact JSON body) under `requestId`; the first attempt is due now. */
  accept(requestId: string, body: string, caller: AsyncCaller): void {
    const now = this.host.clock.now();
    const copies = this.host.duplicateProbability > 0 && this.host.random.next() < this.host.duplicateProbability ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const state: EventState = {
        requestId,
        body,
        caller,
        event: JSON.parse(body) as unknown,
        acceptedAt: now,
        duplicate: i > 0,
        attempts: [],
        last: undefined,
        fate: { kind: 'pending' },
      };
      this.events.push(state);
      this.pending++;
      this.host.clock.schedule(now, () => this.startDelivery(state));
    }
    this.host.clock.kick();
  }

  /** Number of events not yet settled. */
  get pendingCount(): number {
    return this.pending;
  }

  /** The history of every accepted event. */
  records(): readonly AsyncEventRecord[] {
    return this.events.map((s) => ({
      requestId: s.requestId,
      acceptedAt: s.acceptedAt,
      event: s.event,
      duplicate: s.duplicate,
      attempts: s.attempts.slice(),
      fate: s.fate,
    }));
  }

  /** Counters since creation, for drain summaries. */
  counters(): { succeeded: number; failed: number; dropped: number; attempts: number } {
    return { ...this.settledCount };
  }

  /** A delivery fell due: it joins the ready list, which the clock dispatches one item per turn. */
  private startDelivery(state: EventState): void {
    this.ready.push(state);
    this.host.clock.kick();
  }

  private async deliver(state: EventState): Promise<void> {
    const host = this.host;
    const clock = host.clock;
    if (host.zeroConcurrency()) {
      this.fail(state, 'ZeroReservedConcurrency', clock.now());
      return;
    }
    const startedAt = clock.now();
    const outcome = await host.attempt(state.requestId, state.body, state.caller);
    this.settledCount.attempts++;
    if (outcome.kind === 'throttled') {
      state.attempts.push({ at: startedAt, outcome: 'throttled', environmentId: undefined, coldStart: undefined });
      const throttles = state.attempts.length - ranAttempts(state.attempts).length;
      const next = afterThrottle(host.config, state.acceptedAt, throttles, clock.now());
      if (next.kind === 'retry') clock.schedule(next.at, () => this.startDelivery(state));
      else this.fail(state, next.condition, clock.now());
      return;
    }
    const r = outcome.result;
    state.attempts.push({ at: startedAt, outcome: r.outcome, environmentId: r.environmentId, coldStart: r.coldStart });
    state.last = {
      executedVersion: r.executedVersion,
      functionError: r.functionError,
      // Read lazily: a destination record needs the whole payload, a dead letter only the message.
      get payload() {
        return r.payload;
      },
      errorMessage: r.ok ? '' : r.error.errorMessage,
    };
    const now = clock.now();
    if (r.ok) {
      const delivered = this.send(host.onSuccess, 'Success', state, now);
      this.settle(state, { kind: 'succeeded', at: now, destination: delivered });
      this.settledCount.succeeded++;
      return;
    }
    const ran = ranAttempts(state.attempts).length;
    const next = afterFailure(host.config, state.acceptedAt, ran, now);
    if (next.kind === 'retry') clock.schedule(next.at, () => this.startDelivery(state));
    else this.fail(state, next.condition, now);
  }

  private fail(state: EventState, condition: Exclude<DestinationCondition, 'Success'>, at: number): void {
    const host = this.host;
    let deadLettered = false;
    if (host.deadLetterQueue !== undefined) {
      const target = deliverableOf(host.deadLetterQueue);
      if (target) {
        // Function errors report the Invoke status (200); events that never ran report the throttle (429).
        const code = state.last === undefined ? 429 : 200;
        const message = state.last === undefined ? THROTTLE_MESSAGE : state.last.errorMessage;
        target.deliver(state.body, deadLetterAttributes(state.requestId, code, message), at, { detailType: '', functionArn: this.recordArn(state) });
        deadLettered = true;
      }
    }
    const destination = this.send(host.onFailure, condition, state, at);
    const dropped = !deadLettered && !destination;
    this.settle(state, { kind: 'failed', at, condition, deadLettered, destination, dropped });
    this.settledCount.failed++;
    if (dropped) this.settledCount.dropped++;
  }

  /**
   * The ARN records carry: always qualified, with the qualifier as invoked (`:$LATEST` for an unqualified call, an
   * alias's name for an alias). [UNCERTAIN] for aliases: one published record shows an alias there, with the version
   * in `executedVersion`.
   */
  private recordArn(state: EventState): string {
    return qualifiedArn(this.host.functionArn, state.caller.qualifier ?? '$LATEST');
  }

  private send(target: AsyncTarget | undefined, condition: DestinationCondition, state: EventState, at: number): boolean {
    if (target === undefined) return false;
    const ran = ranAttempts(state.attempts).length;
    const functionArn = this.recordArn(state);
    const record = invocationRecord(
      { requestId: state.requestId, functionArn, condition, approximateInvokeCount: ran },
      at,
      state.event,
      condition === 'ZeroReservedConcurrency' ? undefined : state.last,
    );
    const deliverable = deliverableOf(target);
    if (deliverable) {
      deliverable.deliver(JSON.stringify(record), {}, at, {
        detailType: `Lambda Function Invocation Result - ${condition === 'Success' ? 'Success' : 'Failure'}`,
        functionArn,
        // A bucket (on failure only) files the record under the function's name.
        keyPrefix: `aws/lambda/async/${this.host.functionArn.slice(this.host.functionArn.lastIndexOf(':') + 1)}`,
      });
      return true;
    }
    return this.host.deliverToFunction(target, record);
  }

  private settle(state: EventState, fate: AsyncFate): void {
    state.fate = fate;
    this.pending--;
  }
}
