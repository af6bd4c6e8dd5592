import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFunction, HarnessError, type LambdaFunction } from '../../src/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
const fns: LambdaFunction[] = [];
afterEach(async () => {
  for (const fn of fns.splice(0)) await fn.dispose();
});
function make(handler: string, extra: Record<string, unknown> = {}): LambdaFunction {
  const fn = createFunction({ handler, root, ...extra }) as LambdaFunction;
  fns.push(fn);
  return fn;
}

describe('loading a handler file like the Node runtime', () => {
  it('loads an ES module (.js under "type": "module") and keeps module state across warm invokes', async () => {
    const fn = make('esm/counter.handler');
    const a = await fn.invoke({});
    const b = await fn.invoke({});
    expect(a.ok && a.payload).toMatchObject({ count: 1 });
    expect(b.ok && b.payload).toMatchObject({ count: 2 });
    expect(fn.name).toBe('counter');
  });

  it('puts ESM named imports of node:timers and node:timers/promises on the virtual clock', async () => {
    const fn = make('esm/counter.handler', { timeout: 900 });
    const t0 = Date.parse('2025-01-01T00:00:00Z');
    const r = await fn.invoke({ sleepMs: 600_000, rawTimerMs: 120_000 });
    expect(r.ok).toBe(true);
    expect((r.payload as { now: number }).now - t0).toBeGreaterThanOrEqual(720_000);
  });

  it('gives each environment a fresh module instance', async () => {
    const a = make('esm/counter.handler');
    const b = make('esm/counter.handler');
    await a.invoke({});
    await a.invoke({});
    const r = await b.invoke({});
    expect(r.ok && r.payload).toMatchObject({ count: 1 });
  });

  it('resolves nested exports (file.a.b.handler)', async () => {
    const r = await make('esm/counter.nested.deeper.handler').invoke({});
    expect(r.ok && r.payload).toBe('nested');
  });

  it('loads a CommonJS callback handler and re-requires it after a reset', async () => {
    const fn = make('cjs/app.handler', { environment: { GREETING: 'hi' }, runtime: 'nodejs22.x' });
    expect((await fn.invoke({})).payload).toEqual({ count: 1, env: 'hi' });
    expect((await fn.invoke({})).payload).toEqual({ count: 2, env: 'hi' });
    const crash = await fn.invoke({ exit: true });
    expect(crash.error?.errorType).toBe('Runtime.ExitError');
    const afterReset = await fn.invoke({});
    expect(afterReset).toMatchObject({ coldStart: true, environmentId: crash.environmentId, payload: { count: 1, env: 'hi' } });
    const other = make('cjs/app.promise');
    expect((await other.invoke({})).payload).toEqual({ count: 1 });
  });

  it('awaits top-level await during init on the virtual clock', async () => {
    const r = await make('esm/top-level-await.handler').invoke({});
    expect(r.ok && r.payload).toBe('ready');
    expect(r.initDurationMs).toBeGreaterThanOrEqual(5_000);
  });

  it('reports Runtime.HandlerNotFound for a missing export and for one that is not a function', async () => {
    const missing = await make('esm/counter.nope').invoke({});
    expect(missing.error).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'esm/counter.nope is undefined or not exported' });
    const notFn = await make('esm/counter.notAFunction').invoke({});
    expect(notFn.error).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'esm/counter.notAFunction is not a function' });
    expect(notFn.error?.trace?.[0]).toBe('Runtime.HandlerNotFound: esm/counter.notAFunction is not a function');
  });

  it('reports Runtime.MalformedHandlerName for names without a dot or with ..', async () => {
    expect((await make('esm/counter').invoke({})).error).toMatchObject({ errorType: 'Runtime.MalformedHandlerName', errorMessage: 'Bad handler' });
    expect((await make('../handlers/esm/counter.handler').invoke({})).error).toMatchObject({
      errorType: 'Runtime.MalformedHandlerName',
      errorMessage: "'../handlers/esm/counter.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names.",
    });
  });

  it('wraps a missing CommonJS dependency in Runtime.ImportModuleError, but not a missing ESM package', async () => {
    const cjs = await make('cjs/missing-dep.handler').invoke({});
    expect(cjs.error?.errorType).toBe('Runtime.ImportModuleError');
    expect(cjs.error?.errorMessage).toMatch(/^Error: Cannot find module 'a-package-that-is-not-installed'\nRequire stack:/);
    expect(cjs.error?.trace?.[0]).toMatch(/^Runtime\.ImportModuleError: Error: Cannot find module/);
    const esm = await make('esm/missing-package.handler').invoke({});
    expect(esm.error?.errorType).toBe('Error');
    expect(esm.error?.errorMessage).toMatch(/^Cannot find package 'a-package-that-is-not-installed' imported from /);
  });

  it('reports Runtime.UserCodeSyntaxError, and passes other init errors through, logging them with request id undefined', async () => {
    const syntax = await make('broken/syntax.handler').invoke({});
    expect(syntax.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(syntax.error?.errorMessage).toMatch(/^SyntaxError: /);
    const fn = make('cjs/throws-at-init.handler');
    const thrown = await fn.invoke({});
    expect(thrown.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'config missing' });
    expect(thrown.logs).toMatch(/^INIT_START [^\n]+\n\d{4}-[^\t]+\tundefined\tINFO\tabout to fail\n/);
    expect(thrown.coldStart).toBe(true);
    // Init failed, so the next invoke of the same function runs init again (and fails the same way).
    const again = await fn.invoke({});
    expect(again).toMatchObject({ coldStart: true, environmentId: thrown.environmentId, error: { errorType: 'TypeError', errorMessage: 'config missing' } });
    expect(again.logs).toContain('about to fail');
  });

  it('throws HANDLER_FILE_NOT_FOUND from createFunction for a handler file that does not exist', () => {
    const error = (() => {
      try {
        make('esm/nowhere.handler');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({ code: 'HANDLER_FILE_NOT_FOUND' });
    expect((error as Error).message).toContain("relative to the 'root' option");
  });
});
