import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Context } from 'aws-lambda';
import { createFunction } from '../../src/index.js';
import { disposableFunctions } from '../_support/functions.js';

const make = disposableFunctions();
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');

describe('init edge cases', () => {
  it('retries an init that exceeds 10 s inside the invocation, counting it against the timeout', async () => {
    let inits = 0;
    const fn = make({
      timeout: 60,
      handler: {
        init: async () => {
          inits++;
          await new Promise((r) => setTimeout(r, 12_000));
          return async () => 'ready';
        },
      },
    });
    const r = await fn.invoke({});
    expect(inits).toBe(2);
    expect(r.ok && r.payload).toBe('ready');
    // The init is cut at exactly 10 s, however loaded the host is (real time never carries a run past its deadline).
    expect(r.logs).toMatch(/^INIT_START .*\nINIT_REPORT Init Duration: 10000\.00 ms\tPhase: init\tStatus: timeout\n/);
    expect(r.durationMs).toBeGreaterThanOrEqual(12_000);
  });

  it('reports a top-level await that never settles as the process exiting with code 13', async () => {
    const r = await make({ handler: 'esm/never-ready.handler', root }).invoke({});
    expect(r.outcome).toBe('crash');
    expect(r.error?.errorMessage).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 13`);
  });
});

describe('crashes on nodejs24.x', () => {
  it('turns an uncaught exception into Runtime.ExitError with exit status 1 (no runtime handlers on v4)', async () => {
    const fn = make({
      runtime: 'nodejs24.x',
      handler: async () => {
        setTimeout(() => {
          throw new Error('late');
        }, 1);
        await new Promise((r) => setTimeout(r, 1_000));
      },
    });
    const r = await fn.invoke({});
    expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1` });
    expect(r.logs).toContain('Status: error\tError Type: Runtime.ExitError\t');
  });
});

describe('invoke options', () => {
  it('passes identity, tenant id and a client context object to the context', async () => {
    const fn = make({ handler: async (_e: unknown, c: Context & { tenantId?: string }) => ({ identity: c.identity, tenant: c.tenantId, client: c.clientContext }) });
    const identity = { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' };
    const r = await fn.invoke({}, { identity, tenantId: 'tenant-a', clientContext: { client: { installationId: 'x' } } as never });
    expect(r.payload).toEqual({ identity, tenant: 'tenant-a', client: { client: { installationId: 'x' } } });
  });

  it('drops the client context of an asynchronous invocation, as Lambda passes it on synchronous ones only', async () => {
    const seen: unknown[] = [];
    const fn = make({
      handler: async (_e: unknown, c: Context) => {
        seen.push(c.clientContext);
      },
    });
    const clientContext = { custom: { foo: 'bar' } } as never;
    await fn.invoke({}, { clientContext });
    await fn.invoke({}, { invocationType: 'Event', clientContext });
    await fn.drain();
    expect(seen).toEqual([{ custom: { foo: 'bar' } }, undefined]);
  });

  it('rejects a client context over 3583 bytes of base64, or not base64 JSON, before running anything', async () => {
    const fn = make({ handler: async () => 'ran' });
    await expect(fn.invoke({}, { clientContext: 'A'.repeat(3584) })).rejects.toMatchObject({ name: 'InvalidRequestContentException', statusCode: 400 });
    await expect(fn.invoke({}, { clientContext: Buffer.from('not json').toString('base64') })).rejects.toMatchObject({ name: 'InvalidRequestContentException' });
    expect(fn.invocations).toHaveLength(0);
  });
});

describe('printLogs', () => {
  it('echoes each invocation’s lines to the real stderr as they happen', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const fn = make({ printLogs: true, handler: async () => void console.log('visible') });
      const r = await fn.invoke({});
      const echoed = written.join('');
      expect(echoed).toContain(`START RequestId: ${r.requestId}`);
      expect(echoed).toContain('\tINFO\tvisible\n');
      expect(echoed).toContain(`REPORT RequestId: ${r.requestId}`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a handler invoking another simulated function', () => {
  it('waits for the callee without treating the caller as idle, and time still jumps for the callee', async () => {
    const callee = make({ name: 'callee', timeout: 900, handler: async () => new Promise((r) => setTimeout(() => r('slow answer'), 5 * 60_000)) });
    const caller = createFunction({
      name: 'caller',
      clock: callee.clock,
      timeout: 900,
      handler: async () => {
        const r = await callee.invoke({});
        return r.payload;
      },
    });
    const wall = performance.now();
    const r = await caller.invoke({});
    expect(r.ok && r.payload).toBe('slow answer');
    expect(r.durationMs).toBeGreaterThanOrEqual(5 * 60_000);
    expect(performance.now() - wall).toBeLessThan(5_000);
    await caller.dispose();
  });

  it('keeps waiting for a callee started before the caller’s run, whose loop drains in the same scheduler turn', async () => {
    // A callback-style callee (nodejs22.x: 24.x refuses them) responds when its loop drains; the caller's module
    // started the invoke at import.
    const callee = make({
      name: 'config',
      runtime: 'nodejs22.x',
      handler: (_e: unknown, _c: unknown, callback: (error: null, result: string) => void) => void setTimeout(() => callback(null, 'config'), 100),
    });
    await callee.invoke({});
    const caller = make({
      name: 'reader',
      clock: callee.clock,
      handler: {
        init: () => {
          const config = callee.invoke({});
          return async () => (await config).payload;
        },
      },
    });
    const r = await caller.invoke({});
    expect(r.outcome).toBe('success');
    expect(r.payload).toBe('config');
  });
});
