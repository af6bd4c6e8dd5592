import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventSourceMapping, createFunction, createQueue, type LambdaFunction } from '../../src/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/handlers');
const fns: LambdaFunction[] = [];
afterEach(async () => {
  for (const fn of fns.splice(0)) await fn.dispose();
});
function make(extra: Record<string, unknown> = {}): LambdaFunction {
  const fn = createFunction({ handler: 'worker/behaviours.handler', root, isolation: 'worker', ...extra }) as LambdaFunction;
  fns.push(fn);
  return fn;
}

describe("isolation: 'worker'", () => {
  it('runs each environment in its own thread with its own module graph, and keeps state across warm invokes', async () => {
    const fn = make({ timeout: 10 });
    const [a, b] = await Promise.all([fn.invoke({ action: 'env' }), fn.invoke({ action: 'env' })]);
    expect(a.environmentId).not.toBe(b.environmentId);
    expect((a.payload as { marker: number }).marker).not.toBe((b.payload as { marker: number }).marker);
    const warm = await fn.invoke({});
    expect(warm.coldStart).toBe(false);
    expect(warm.payload).toEqual({ invocations: 2 });
  });

  it('runs a published version in its own worker with the configuration it was published with', async () => {
    const fn = make({ environment: { TABLE: 'v1-table' } });
    fn.publishVersion();
    fn.update({ environment: { TABLE: 'latest-table' } });
    const v1 = await fn.invoke({ action: 'env' }, { qualifier: '1' });
    const latest = await fn.invoke({ action: 'env' });
    expect([v1.executedVersion, (v1.payload as { table: string }).table]).toEqual(['1', 'v1-table']);
    expect([latest.executedVersion, (latest.payload as { table: string }).table]).toEqual(['$LATEST', 'latest-table']);
    expect(v1.logs).toContain('Version: 1');
    expect(fn.environments.map((e) => [e.version, e.logStreamName.includes(`[${e.version}]`)])).toEqual([
      ['1', true],
      ['$LATEST', true],
    ]);
  });

  it('lowers provisioned concurrency while its environments initialise without holding invocations up', async () => {
    const fn = make();
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 2);
    fn.putProvisionedConcurrency('1', 1);
    const r = await fn.invoke({}, { qualifier: '1' });
    expect([r.ok, r.coldStart]).toEqual([true, false]);
    expect(fn.environments.map((e) => [e.initializationType, e.state, e.endReason]).sort()).toEqual([
      ['provisioned-concurrency', 'idle', undefined],
      ['provisioned-concurrency', 'shutdown', 'provisioning-changed'],
    ]);
  });

  it('gives the environment its own process.env', async () => {
    const fn = make({ environment: { TABLE: 'orders' } });
    const r = await fn.invoke({ action: 'env' });
    expect(r.payload).toMatchObject({ seen: '1', table: 'orders' });
    expect(process.env['SET_BY_HANDLER']).toBeUndefined();
  });

  it('fails with Runtime.OutOfMemory past memorySize, reports it in REPORT, and the next invoke is cold', async () => {
    const fn = make({ memorySize: 128, timeout: 60 });
    await fn.invoke({});
    const r = await fn.invoke({ action: 'oom' });
    expect(r.outcome).toBe('crash');
    expect(r.error?.errorType).toBe('Runtime.OutOfMemory');
    expect(r.logs).toContain('Status: error\tError Type: Runtime.OutOfMemory\t');
    const next = await fn.invoke({});
    expect(next.coldStart).toBe(true);
    expect(next.payload).toEqual({ invocations: 1 });
  }, 60_000);

  it('stops a synchronous infinite loop at the timeout with Sandbox.Timedout', async () => {
    const fn = make({ timeout: 1 });
    const r = await fn.invoke({ action: 'spin' });
    expect(r.outcome).toBe('timeout');
    expect(r.error?.errorType).toBe('Sandbox.Timedout');
    expect((await fn.invoke({})).coldStart).toBe(true);
  }, 30_000);

  it('turns process.exit() into Runtime.ExitError', async () => {
    const r = await make().invoke({ action: 'exit', code: 3 });
    expect(r.error?.errorType).toBe('Runtime.ExitError');
    expect(r.error?.errorMessage).toContain('exit status 3');
  });

  it('maps /tmp to the environment’s own directory and makes the rest of the file system read-only', async () => {
    const fn = make();
    const r = await fn.invoke({ action: 'tmp', text: 'hello' });
    expect(r.payload).toMatchObject({ read: 'hello' });
    expect((r.payload as { tmpdir: string }).tmpdir).toBe(fn.environments[0]?.tmpDir);
    expect((await fn.invoke({ action: 'read-tmp' })).payload).toBe('hello');
    const denied = await fn.invoke({ action: 'write-elsewhere' });
    expect(denied.error).toMatchObject({ errorType: 'Error', errorMessage: expect.stringMatching(/^EROFS: read-only file system, writeFile '/) });
  });

  it('caps /tmp at ephemeralStorage with ENOSPC', async () => {
    const fn = make({ ephemeralStorage: 512 });
    const r = await fn.invoke({ action: 'fill-tmp', bytes: 513 * 1024 * 1024 });
    expect(r.error?.errorMessage).toMatch(/^ENOSPC: no space left on device/);
  });

  it('measures Max Memory Used from the environment’s heap, never above the memory size', async () => {
    const r = await make({ memorySize: 256 }).invoke({});
    expect(r.maxMemoryUsedMB).toBeGreaterThan(0);
    expect(r.maxMemoryUsedMB).toBeLessThanOrEqual(256);
  });

  it('needs a handler file path', () => {
    expect(() => createFunction({ handler: async () => 1, isolation: 'worker' })).toThrow(/needs a handler file path/);
  });

  it('is fed by an SQS event source mapping like a module-isolated function: batches run, messages are deleted', async () => {
    const fn = make({ timeout: 10 });
    const queue = createQueue('worker-fed');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 2 });
    for (let i = 0; i < 5; i++) queue.send(String(i));
    expect(await mapping.drain()).toMatchObject({ batches: 3, deleted: 5 });
    // Up to 5 batches run at once, each in a worker of its own: they end in any order.
    expect(mapping.batches.map((b) => b.event.Records.length).sort()).toEqual([1, 2, 2]);
    expect(mapping.batches.every((b) => b.result?.ok)).toBe(true);
    expect(queue.messages).toEqual([]);
  });
});
