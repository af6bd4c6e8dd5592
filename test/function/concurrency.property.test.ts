import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClock, createFunction, LambdaServiceError, type LambdaFunction } from '../../src/index.js';

const numRuns = process.env['CI'] ? 300 : 60;

/** One step: a configuration change, or a burst of invocations at one virtual instant. */
type Step =
  | { op: 'reserve'; count: number | undefined }
  | { op: 'provision'; qualifier: '1' | 'live'; count: number }
  | { op: 'burst'; calls: { qualifier: string | undefined; ms: number; reserve?: number | null }[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('reserve' as const), count: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }),
  fc.record({ op: fc.constant('provision' as const), qualifier: fc.constantFrom('1' as const, 'live' as const), count: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    op: fc.constant('burst' as const),
    calls: fc.array(
      fc.record(
        {
          qualifier: fc.constantFrom(undefined, '1', 'live'),
          ms: fc.integer({ min: 0, max: 3000 }),
          // A change of the reserved concurrency made while executions run (null: delete it).
          reserve: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        },
        { requiredKeys: ['qualifier', 'ms'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

describe('concurrency accounting, for any history of configuration changes and bursts (fast-check)', () => {
  it('never runs more than the reserved concurrency at once, throttles only with a reason, and gives every place back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const clock = createClock({ realTimeFlow: false, accountConcurrency: 110 });
        let running = 0;
        let peak = 0;
        let reserved: number | undefined;
        const fn: LambdaFunction = createFunction({
          clock,
          timeout: 10,
          handler: async (event: { ms: number; reserve?: number | null }) => {
            running++;
            peak = Math.max(peak, running);
            if (event.reserve !== undefined) {
              try {
                if (event.reserve === null) fn.deleteFunctionConcurrency();
                else fn.putFunctionConcurrency(event.reserve);
                reserved = event.reserve ?? undefined;
              } catch {
                // Refused: nothing changed.
              }
            }
            await new Promise((resolve) => setTimeout(resolve, event.ms));
            running--;
          },
        });
        fn.publishVersion();
        fn.createAlias({ name: 'live', functionVersion: '1' });
        try {
          for (const s of steps) {
            if (s.op === 'reserve') {
              try {
                if (s.count === undefined) fn.deleteFunctionConcurrency();
                else fn.putFunctionConcurrency(s.count);
                reserved = s.count;
              } catch {
                // Refused (below the provisioned concurrency, or beyond the account): nothing changed.
              }
            } else if (s.op === 'provision') {
              try {
                if (s.count === 0) fn.deleteProvisionedConcurrency(s.qualifier);
                else fn.putProvisionedConcurrency(s.qualifier, s.count);
              } catch {
                // Refused (beyond the reserved concurrency, or nothing to delete): nothing changed.
              }
            } else {
              peak = 0;
              const results = await Promise.allSettled(
                s.calls.map((c) => fn.invoke({ ms: c.ms, ...(c.reserve === undefined ? {} : { reserve: c.reserve }) }, c.qualifier === undefined ? {} : { qualifier: c.qualifier })),
              );
              for (const r of results) {
                if (r.status === 'fulfilled') expect(r.value.ok).toBe(true);
                else expect([(r.reason as LambdaServiceError).statusCode, typeof (r.reason as LambdaServiceError).reason]).toEqual([429, 'string']);
              }
              // Reserved concurrency bounds every execution, provisioned ones included (when it stayed put meanwhile);
              // without it, a burst far below the account's unreserved pool is never throttled.
              if (s.calls.every((c) => c.reserve === undefined)) {
                if (reserved !== undefined) expect(peak).toBeLessThanOrEqual(reserved);
                else expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
              }
              expect(running).toBe(0);
            }
          }
          // Every place was given back: the account's pool is whole again.
          expect((clock as unknown as { unreservedBusy: number }).unreservedBusy).toBe(0);
        } finally {
          await fn.dispose();
          await clock.dispose();
        }
        // And the function's share of the account with it.
        expect((clock as unknown as { reservedTotal: number; provisionedUnreserved: number }).reservedTotal).toBe(0);
        expect((clock as unknown as { provisionedUnreserved: number }).provisionedUnreserved).toBe(0);
      }),
      { numRuns },
    );
  });
});
