import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClock, createFunction, type Clock } from '../../src/index.js';

const numRuns = process.env['CI'] ? 300 : 60;
const IDLE = 10 * 60_000;
const LIFETIME = 2 * 3_600_000;

/** Reference model of the environment pool: which invocations are admitted, and which start cold. */
interface ModelEnv {
  id: number;
  created: number;
  lastUsed: number;
  busyUntil: number;
  served: number;
}
function modelBatch(envs: ModelEnv[], now: number, durations: number[], limit: number) {
  // Reclaim idle environments past their idle timeout or lifetime.
  for (let i = envs.length - 1; i >= 0; i--) {
    const e = envs[i]!;
    if (e.busyUntil <= now && (now - e.lastUsed >= IDLE || now - e.created >= LIFETIME)) envs.splice(i, 1);
  }
  const idle = envs.filter((e) => e.busyUntil <= now).length;
  const admitted = Math.min(durations.length, limit);
  return { admitted, throttled: durations.length - admitted, cold: Math.max(0, admitted - idle) };
}

const clocks: Clock[] = [];
afterAll(async () => {
  for (const c of clocks) await c.dispose();
});

describe('the environment pool, against a reference model (fast-check)', () => {
  it('respects the concurrency limit, never shares an environment or its module state, and starts cold exactly when no healthy idle environment exists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            durations: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120_000 })), { minLength: 1, maxLength: 6 }),
            gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 * 60_000 }), fc.integer({ min: 1, max: 3 * 3_600_000 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (limit, batches) => {
          const clock = createClock({ realTimeFlow: false });
          clocks.push(clock);
          const fn = createFunction({
            clock,
            timeout: 900,
            reservedConcurrency: limit,
            idleTimeout: IDLE,
            maxLifetime: LIFETIME,
            handler: {
              init: () => {
                let served = 0;
                return async (e: { d: number }) => {
                  served++;
                  if (e.d > 0) await new Promise((r) => setTimeout(r, e.d));
                  return served;
                };
              },
            },
          });
          const model: ModelEnv[] = [];
          const servedByEnv = new Map<string, number>();
          for (const batch of batches) {
            const now = clock.now();
            const expected = modelBatch(model, now, batch.durations, limit);
            const settled = await Promise.allSettled(batch.durations.map((d) => fn.invoke({ d })));
            const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
            const throttled = settled.filter((s) => s.status === 'rejected');
            expect(results).toHaveLength(expected.admitted);
            expect(throttled).toHaveLength(expected.throttled);
            expect(new Set(results.map((r) => r.environmentId)).size).toBe(results.length);
            expect(results.filter((r) => r.coldStart)).toHaveLength(expected.cold);
            for (const r of results) {
              const previous = r.coldStart ? 0 : (servedByEnv.get(r.environmentId) ?? Number.NaN);
              expect(r.payload).toBe(previous + 1);
              servedByEnv.set(r.environmentId, previous + 1);
            }
            // Update the model with what actually ran: reused environments first, then new ones.
            const reusable = model.filter((e) => e.busyUntil <= now).sort((a, b) => b.lastUsed - a.lastUsed);
            for (const [i, r] of results.entries()) {
              const d = batch.durations[settled.findIndex((s) => s.status === 'fulfilled' && s.value === r)]!;
              const end = now + d;
              const env = r.coldStart ? undefined : reusable.shift();
              if (env) {
                env.lastUsed = end;
                env.busyUntil = end;
              } else {
                model.push({ id: i, created: now, lastUsed: end, busyUntil: end, served: 1 });
              }
            }
            // Environments past their lifetime are retired when their invocation ends.
            for (let j = model.length - 1; j >= 0; j--) if (model[j]!.lastUsed - model[j]!.created >= LIFETIME) model.splice(j, 1);
            await clock.advance(batch.gap);
          }
          await fn.dispose();
        },
      ),
      { numRuns },
    );
  });
});
