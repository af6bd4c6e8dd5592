import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Context } from 'aws-lambda';
import { createClock, createFunction, createQueue, type Clock } from '../../src/index.js';
import { modelEvent, type Behaviour, type ModelConfig } from './model.js';

/** 1,000 cases per property in CI (CI=true); fewer locally. FC_SEED=<seed> replays a reported failure. */
const numRuns = process.env['CI'] ? 1000 : 150;
const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
const params = { numRuns, ...(seed === undefined ? {} : { seed }), verbose: 1 as const };

const behaviour = fc.constantFrom<Behaviour>('succeed', 'throw', 'timeout', 'crash');
const config = (withConcurrency: boolean) =>
  fc.record({
    maximumRetryAttempts: fc.integer({ min: 0, max: 2 }),
    maximumEventAge: fc.oneof(fc.integer({ min: 60, max: 400 }), fc.integer({ min: 60, max: 21_600 })),
    timeout: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 900 })),
    reservedConcurrency: withConcurrency ? fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) : fc.constant(undefined),
  });
const scenario = (withConcurrency: boolean) =>
  fc.record({
    config: config(withConcurrency),
    dlq: fc.boolean(),
    onFailure: fc.boolean(),
    onSuccess: fc.boolean(),
    // Each event: what the handler does on attempts 1, 2, 3, and how long to wait (virtual ms) before accepting it.
    events: fc.array(fc.record({ behaviours: fc.array(behaviour, { minLength: 3, maxLength: 3 }), delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300_000 })) }), { minLength: 1, maxLength: 4 }),
    syncFailures: fc.nat(2),
  });
type Scenario = fc.Arbitrary<ReturnType<typeof scenario> extends fc.Arbitrary<infer S> ? S : never> extends fc.Arbitrary<infer T> ? T : never;

const clocks: Clock[] = [];
afterAll(async () => {
  for (const c of clocks) await c.dispose();
});

/** Runs a scenario through the simulator and collects everything the properties look at. */
async function simulate(s: Scenario) {
  const clock = createClock({ realTimeFlow: false });
  clocks.push(clock);
  const dlq = createQueue('dlq');
  const failures = createQueue('failures');
  const successes = createQueue('successes');
  const attemptsByRequest = new Map<string, number>();
  const fn = createFunction({
    name: 'subject',
    clock,
    timeout: s.config.timeout,
    maximumRetryAttempts: s.config.maximumRetryAttempts,
    maximumEventAge: s.config.maximumEventAge,
    ...(s.config.reservedConcurrency === undefined ? {} : { reservedConcurrency: s.config.reservedConcurrency }),
    ...(s.dlq ? { deadLetterQueue: dlq } : {}),
    destinations: { ...(s.onFailure ? { onFailure: failures } : {}), ...(s.onSuccess ? { onSuccess: successes } : {}) },
    handler: async (e: { id: number; behaviours: Behaviour[] }, context: Context) => {
      const n = (attemptsByRequest.get(context.awsRequestId) ?? 0) + 1;
      attemptsByRequest.set(context.awsRequestId, n);
      const b = e.behaviours[Math.min(n - 1, e.behaviours.length - 1)];
      if (b === 'throw') throw new Error(`event ${e.id} attempt ${n}`);
      if (b === 'timeout') await new Promise((r) => setTimeout(r, 10 ** 9));
      if (b === 'crash') {
        // At once, as the model has it (a `setTimeout(fn, 0)` would run 1 ms later, as on Node).
        setImmediate(() => {
          throw new RangeError(`crash ${e.id}`);
        });
        await new Promise((r) => setTimeout(r, 10 ** 9));
      }
      return { id: e.id };
    },
  });
  const accepted: { requestId: string; event: unknown; acceptedAt: number; behaviours: Behaviour[] }[] = [];
  for (const [id, ev] of s.events.entries()) {
    if (ev.delay > 0) await clock.advance(ev.delay);
    const event = { id, behaviours: ev.behaviours };
    const { requestId } = await fn.invokeAsync(event);
    accepted.push({ requestId, event, acceptedAt: clock.now(), behaviours: ev.behaviours });
  }
  const syncIds: string[] = [];
  if (s.config.reservedConcurrency !== 0) {
    for (let i = 0; i < s.syncFailures; i++) {
      const r = await fn.invoke({ id: 100 + i, behaviours: ['throw'] }).catch(() => undefined);
      if (r) syncIds.push(r.requestId);
    }
  }
  await fn.drain();
  const result = { fn, dlq, failures, successes, accepted, syncIds, records: fn.asyncEvents, invocations: fn.invocations };
  await fn.dispose();
  return result;
}

describe('asynchronous invocation, against a reference model (fast-check)', () => {
  it('ends every accepted event exactly once: success, dead letter/on-failure with the right condition, or a recorded drop', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(true), async (s) => {
        const r = await simulate(s);
        expect(r.records).toHaveLength(r.accepted.length);
        expect(new Set(r.records.map((x) => x.requestId)).size).toBe(r.accepted.length);
        const failed = r.records.filter((x) => x.fate.kind === 'failed');
        const succeeded = r.records.filter((x) => x.fate.kind === 'succeeded');
        expect(failed.length + succeeded.length).toBe(r.accepted.length);
        expect(r.dlq.messages).toHaveLength(s.dlq ? failed.length : 0);
        expect(r.failures.messages).toHaveLength(s.onFailure ? failed.length : 0);
        expect(r.successes.messages).toHaveLength(s.onSuccess ? succeeded.length : 0);
        for (const f of failed) {
          if (f.fate.kind !== 'failed') continue;
          expect(f.fate.dropped).toBe(!s.dlq && !s.onFailure);
          expect(['RetriesExhausted', 'EventAgeExceeded', 'ZeroReservedConcurrency']).toContain(f.fate.condition);
          if (s.config.reservedConcurrency === 0) expect(f.fate.condition).toBe('ZeroReservedConcurrency');
        }
      }),
      params,
    );
  });

  it('makes at most 1 + maximumRetryAttempts attempts per event, and throttles never count', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(true), async (s) => {
        const r = await simulate(s);
        for (const record of r.records) {
          const ran = record.attempts.filter((a) => a.outcome !== 'throttled');
          expect(ran.length).toBeLessThanOrEqual(1 + s.config.maximumRetryAttempts);
        }
        for (const body of r.failures.bodies as { requestContext: { requestId: string; approximateInvokeCount: number } }[]) {
          const record = r.records.find((x) => x.requestId === body.requestContext.requestId)!;
          expect(body.requestContext.approximateInvokeCount).toBe(record.attempts.filter((a) => a.outcome !== 'throttled').length);
        }
      }),
      params,
    );
  });

  it('attempts exactly on the schedule of the model, never at or past the event’s age limit', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(false), async (s) => {
        const r = await simulate(s);
        for (const a of r.accepted) {
          const expected = modelEvent(s.config as ModelConfig, a.behaviours);
          const record = r.records.find((x) => x.requestId === a.requestId)!;
          expect(record.attempts.map((x) => x.at - a.acceptedAt)).toEqual(expected.attemptTimes);
          for (const at of record.attempts.map((x) => x.at - a.acceptedAt)) expect(at).toBeLessThan(s.config.maximumEventAge * 1000);
          const condition = record.fate.kind === 'succeeded' ? 'Success' : record.fate.kind === 'failed' ? record.fate.condition : 'pending';
          expect(condition).toBe(expected.condition);
        }
      }),
      params,
    );
  });

  it('never retries a synchronous invocation and never sends it to a dead-letter queue or destination', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(false), async (s) => {
        const r = await simulate({ ...s, syncFailures: Math.max(1, s.syncFailures) });
        const everywhere = JSON.stringify([r.dlq.messages, r.failures.messages, r.successes.messages]);
        for (const id of r.syncIds) {
          expect(r.invocations.filter((x) => x.requestId === id)).toHaveLength(1);
          expect(everywhere).not.toContain(id);
        }
      }),
      params,
    );
  });

  it('shares one request id across an event’s attempts, and writes dead letters and records byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(true), async (s) => {
        const r = await simulate(s);
        for (const a of r.accepted) {
          const record = r.records.find((x) => x.requestId === a.requestId)!;
          const ran = record.attempts.filter((x) => x.outcome !== 'throttled').length;
          expect(r.invocations.filter((x) => x.requestId === a.requestId)).toHaveLength(ran);
          if (record.fate.kind !== 'failed') continue;
          const last = [...r.invocations].reverse().find((x) => x.requestId === a.requestId);
          if (s.dlq) {
            const message = r.dlq.messages.find((m) => m.messageAttributes['RequestID']?.StringValue === a.requestId)!;
            expect(message.body).toBe(JSON.stringify(a.event));
            expect(message.messageAttributes).toEqual({
              RequestID: { DataType: 'String', StringValue: a.requestId },
              ErrorCode: { DataType: 'Number', StringValue: last ? '200' : '429' },
              ErrorMessage: { DataType: 'String', StringValue: last ? (last.error?.errorMessage ?? '') : 'Rate Exceeded.' },
            });
          }
          if (s.onFailure) {
            const body = r.failures.messages.map((m) => m.body).find((b) => b.includes(a.requestId))!;
            const expected = {
              version: '1.0',
              timestamp: new Date(record.fate.at).toISOString(),
              requestContext: { requestId: a.requestId, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:subject:$LATEST', condition: record.fate.condition, approximateInvokeCount: ran },
              requestPayload: a.event,
              ...(last && record.fate.condition !== 'ZeroReservedConcurrency'
                ? { responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' }, responsePayload: JSON.parse(last.rawPayload) }
                : {}),
            };
            expect(body).toBe(JSON.stringify(expected));
          }
        }
      }),
      params,
    );
  });
});
