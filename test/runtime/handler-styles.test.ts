import { describe, expect, it } from 'vitest';
import type { Callback, Context } from 'aws-lambda';
import { disposableFunctions } from '../_support/functions.js';

const make = disposableFunctions();

describe.each(['nodejs20.x', 'nodejs22.x'] as const)('handler styles on %s (runtime interface client v3)', (runtime) => {
  it('responds with what an async handler resolves, and null for undefined', async () => {
    expect((await make({ runtime, handler: async () => ({ a: 1 }) }).invoke({})).rawPayload).toBe('{"a":1}');
    expect((await make({ runtime, handler: async () => undefined }).invoke({})).rawPayload).toBe('null');
    expect((await make({ runtime, handler: async () => 'abc' }).invoke({})).rawPayload).toBe('"abc"');
  });

  it('ignores the plain return value of a non-async handler and responds null when the loop drains', async () => {
    const r = await make({ runtime, handler: () => ({ ignored: true }) }).invoke({});
    expect(r.ok).toBe(true);
    expect(r.rawPayload).toBe('null');
  });

  it('waits for the event loop to drain after callback(null, result) by default', async () => {
    const fn = make({
      runtime,
      handler: (_e: unknown, _c: Context, callback: Callback) => {
        setTimeout(() => console.log('background work done'), 2_000);
        callback(null, 'early');
      },
    });
    const r = await fn.invoke({});
    expect(r.ok && r.payload).toBe('early');
    expect(r.durationMs).toBeGreaterThanOrEqual(2_000);
    expect(r.logs).toContain('background work done');
  });

  it('serialises a result as the runtime does, inside the environment: even one that waited for the loop to drain', async () => {
    // process.env is the function's only inside its environment; the drained response is serialised by the
    // scheduler, outside any handler code, so it must enter the environment to do it.
    const env = { TABLE: 'orders' };
    const drained = await make({
      runtime,
      environment: env,
      handler: (_e: unknown, _c: Context, callback: Callback) => {
        setTimeout(() => undefined, 100);
        callback(null, process.env);
      },
    }).invoke({});
    const resolved = await make({ runtime, environment: env, handler: async () => process.env }).invoke({});
    for (const r of [drained, resolved]) {
      expect(r.payload).toMatchObject({ TABLE: 'orders', AWS_LAMBDA_FUNCTION_NAME: expect.any(String) });
    }
  });

  it('responds at once when callbackWaitsForEmptyEventLoop is false, freezing the rest', async () => {
    const fn = make({
      runtime,
      handler: (_e: unknown, context: Context, callback: Callback) => {
        context.callbackWaitsForEmptyEventLoop = false;
        setTimeout(() => console.log('frozen work'), 2_000);
        callback(null, 'now');
      },
    });
    const r = await fn.invoke({});
    expect(r.ok && r.payload).toBe('now');
    expect(r.durationMs).toBeLessThan(2_000);
    expect(r.logs).not.toContain('frozen work');
  });

  it('sends callback(error) at once, whatever callbackWaitsForEmptyEventLoop says and whatever is pending', async () => {
    const r = await make({
      runtime,
      handler: (_e: unknown, _c: Context, callback: Callback) => {
        setTimeout(() => undefined, 60_000);
        callback(new RangeError('bad input'));
      },
    }).invoke({});
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'bad input' });
    expect(r.durationMs).toBeLessThan(1_000);
  });

  it('treats a promise returned by a non-async handler as the response (resolved) or the error (rejected)', async () => {
    expect((await make({ runtime, handler: () => Promise.resolve('x') }).invoke({})).rawPayload).toBe('"x"');
    const rejected = await make({ runtime, handler: () => Promise.reject(new RangeError('r')) }).invoke({});
    expect(rejected.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'r' });
  });

  it('times out a callback handler whose loop never drains (a lingering interval)', async () => {
    const fn = make({
      runtime,
      timeout: 5,
      handler: (_e: unknown, _c: Context, callback: Callback) => {
        setInterval(() => undefined, 1000);
        callback(null, 'never delivered');
      },
    });
    const r = await fn.invoke({});
    expect(r.outcome).toBe('timeout');
  });

  it('lets the first completion win: callback then return', async () => {
    const fn = make({
      runtime,
      handler: async (_e: unknown, _c: Context, callback: Callback) => {
        callback(null, 'a');
        return 'b';
      },
    });
    const r = await fn.invoke({});
    expect(r.ok && r.payload).toBe('a');
  });

  it('supports context.succeed, context.fail and context.done, once each', async () => {
    const succeed = await make({ runtime, handler: (_e: unknown, c: Context) => c.succeed('yes') }).invoke({});
    expect(succeed.ok && succeed.payload).toBe('yes');
    const fail = await make({ runtime, handler: (_e: unknown, c: Context) => c.fail(new RangeError('no')) }).invoke({});
    expect(fail.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'no' });
    const done = await make({
      runtime,
      handler: (_e: unknown, c: Context) => {
        c.done(undefined, 'first');
        c.done(new Error('second is ignored'));
      },
    }).invoke({});
    expect(done.ok && done.payload).toBe('first');
  });

  it('reports an empty failure as the string "handled"', async () => {
    const fail = await make({ runtime, handler: (_e: unknown, c: Context) => (c.fail as (e?: unknown) => void)() }).invoke({});
    expect(fail.error).toEqual({ errorType: 'string', errorMessage: 'handled', trace: [] });
    const rejected = await make({ runtime, handler: async () => Promise.reject(undefined) }).invoke({});
    expect(rejected.error).toEqual({ errorType: 'string', errorMessage: 'handled', trace: [] });
  });

  it('treats a synchronous `throw null` as a null success, like callback(null)', async () => {
    const r = await make({
      runtime,
      handler: () => {
        throw null; // eslint-disable-line no-throw-literal
      },
    }).invoke({});
    expect(r.ok).toBe(true);
    expect(r.rawPayload).toBe('null');
  });

  it('fails an async handler whose promise never settles with Runtime.NodeJsExit', async () => {
    const r = await make({ runtime, handler: async () => new Promise(() => undefined) }).invoke({});
    expect(r.error?.errorType).toBe('Runtime.NodeJsExit');
    expect(r.error?.errorMessage).toContain('Promise that was never settled');
  });

  it('fails with "Unable to stringify response body" for a circular or BigInt response', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const r = await make({ runtime, handler: async () => circular }).invoke({});
    expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'Unable to stringify response body' });
    const big = await make({ runtime, handler: async () => ({ n: 10n }) }).invoke({});
    expect(big.error?.errorMessage).toBe('Unable to stringify response body');
  });

  it('offers the v3 context members', async () => {
    const r = await make({ runtime, handler: async (_e: unknown, c: Context) => [typeof c.succeed, c.callbackWaitsForEmptyEventLoop] }).invoke({});
    expect(r.ok && r.payload).toEqual(['function', true]);
  });
});

describe('handler styles on nodejs24.x (runtime interface client v4)', () => {
  const runtime = 'nodejs24.x';

  it('awaits the handler, so a synchronous return value is the response', async () => {
    const r = await make({ runtime, handler: () => ({ sync: true }) }).invoke({});
    expect(r.ok && r.payload).toEqual({ sync: true });
  });

  it('refuses callback handlers at init with Runtime.CallbackHandlerDeprecated, even async ones', async () => {
    for (const handler of [(_e: unknown, _c: Context, cb: Callback) => cb(null, 1), async (_e: unknown, _c: Context, _cb: Callback) => 1]) {
      const r = await make({ runtime, handler }).invoke({});
      expect(r.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
      expect(r.error?.errorMessage).toMatch(/^ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24/);
    }
  });

  it('formats a rejected null as {"errorType":"object","errorMessage":"null"}', async () => {
    const r = await make({ runtime, handler: async () => Promise.reject(null) }).invoke({});
    expect(r.error).toEqual({ errorType: 'object', errorMessage: 'null', trace: [] });
  });

  it('uses Runtime.JSONStringifyError for an unserialisable response', async () => {
    const r = await make({ runtime, handler: async () => ({ n: 1n }) }).invoke({});
    expect(r.error?.errorType).toBe('Runtime.JSONStringifyError');
  });

  it('drops succeed/fail/done and adds xRayTraceId', async () => {
    const r = await make({
      runtime,
      handler: async (_e: unknown, c: Context & { xRayTraceId?: string }) => ({
        succeed: typeof c.succeed,
        waits: 'callbackWaitsForEmptyEventLoop' in c,
        trace: c.xRayTraceId,
      }),
    }).invoke({});
    expect(r.ok && r.payload).toMatchObject({ succeed: 'undefined', waits: false });
    expect((r.payload as { trace: string }).trace).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
  });
});
