import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { disposableFunctions } from '../_support/functions.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
const make = disposableFunctions();

describe.each(['module', 'worker'] as const)('the same environment rules in %s isolation', (isolation) => {
  const fn = (extra: Record<string, unknown> = {}) => make({ handler: 'esm/semantics.handler', root, isolation, ...extra });

  it('keeps module state warm, and starts fresh after 15 idle minutes', async () => {
    const f = fn();
    expect((await f.invoke({})).payload).toMatchObject({ count: 1 });
    expect((await f.invoke({})).payload).toMatchObject({ count: 2 });
    await f.clock.advance('15m');
    const cold = await f.invoke({});
    expect(cold.coldStart).toBe(true);
    expect(cold.payload).toMatchObject({ count: 1 });
  });

  it('resets module state after a timeout but keeps /tmp', async () => {
    const f = fn({ timeout: 2 });
    await f.invoke({ write: 'still here' });
    expect((await f.invoke({ hang: true })).outcome).toBe('timeout');
    const after = await f.invoke({ read: true });
    expect(after.payload).toEqual({ count: 1, kept: 'still here' });
  });

  it('resumes a frozen timer in the next invocation on the same environment', async () => {
    const f = fn();
    const first = await f.invoke({ timer: 1_000 });
    expect(first.logs).not.toContain('timer from an earlier invocation');
    await f.clock.advance('5s');
    const second = await f.invoke({});
    expect(second.environmentId).toBe(first.environmentId);
    expect(second.logs).toContain(`\t${second.requestId}\tINFO\ttimer from an earlier invocation`);
  });

  it('fires the timers that fell due while frozen before the handler, by expiry, draining after each', async () => {
    const f = fn();
    await f.invoke({ armThaw: true });
    await f.clock.advance('1m');
    const thawed = await f.invoke({ order: true });
    expect(thawed.payload).toMatchObject({ order: ['expired first', 'its nextTick', 'its microtask', 'expired second', 'handler'] });
  });

  it('runs concurrent invocations in separate environments and throttles over reserved concurrency', async () => {
    const f = fn({ reservedConcurrency: 2, timeout: 5 });
    const settled = await Promise.allSettled([f.invoke({ waitMs: 1_000 }), f.invoke({ waitMs: 1_000 }), f.invoke({ waitMs: 1_000 })]);
    const ran = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(ran).toHaveLength(2);
    expect(new Set(ran.map((r) => r.environmentId)).size).toBe(2);
    expect(settled.find((s) => s.status === 'rejected')).toMatchObject({ reason: { name: 'TooManyRequestsException' } });
  });
});
