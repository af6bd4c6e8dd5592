import { describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { createFunction, createQueue, LambdaServiceError, type LambdaFunction } from '../../src/index.js';
import { disposableFunctions, refusalOf } from '../_support/functions.js';

const make = disposableFunctions();

/** A handler that reports which code ran and what the context and variables say about the version. */
function reporting(label: string) {
  return async (_event: unknown, context: Context) => ({
    label,
    variant: process.env['VARIANT'],
    functionVersion: context.functionVersion,
    invokedFunctionArn: context.invokedFunctionArn,
    envVersion: process.env['AWS_LAMBDA_FUNCTION_VERSION'],
    logStream: context.logStreamName,
  });
}
type Report = Awaited<ReturnType<ReturnType<typeof reporting>>>;

const payloadOf = async (fn: LambdaFunction, qualifier?: string): Promise<Report> => {
  const r = await fn.invoke({}, qualifier === undefined ? {} : { qualifier });
  if (!r.ok) throw new Error(r.error.errorMessage);
  return r.payload as Report;
};

async function rejection(promise: Promise<unknown>): Promise<LambdaServiceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LambdaServiceError);
  return error as LambdaServiceError;
}

describe('fn.publishVersion', () => {
  it('publishes $LATEST as version 1, 2, … and publishes nothing new when nothing changed, as PublishVersion does', () => {
    const fn = make({ name: 'orders', handler: reporting('a') });
    expect(fn.publishVersion()).toEqual({ version: '1', arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:1' });
    expect(fn.publishVersion().version).toBe('1');
    // The same configuration again is no change (UpdateFunctionConfiguration with what it had).
    fn.update({});
    fn.update({ timeout: 3 });
    expect(fn.publishVersion().version).toBe('1');
    fn.update({ environment: { VARIANT: 'b', REGION_HINT: 'eu' } });
    expect(fn.publishVersion().version).toBe('2');
    // The same variables in another order are the same configuration.
    fn.update({ environment: { REGION_HINT: 'eu', VARIANT: 'b' } });
    expect(fn.publishVersion().version).toBe('2');
    expect(fn.versions).toEqual(['1', '2']);
  });

  it('runs a version with the code and configuration it was published with, and says so everywhere Lambda does', async () => {
    const fn = make({ name: 'orders', handler: reporting('v1'), environment: { VARIANT: 'one' } });
    fn.publishVersion();
    fn.update({ handler: reporting('v2'), environment: { VARIANT: 'two' } });

    const r = await fn.invoke({}, { qualifier: '1' });
    expect(r.executedVersion).toBe('1');
    expect(r.payload).toMatchObject({
      label: 'v1',
      variant: 'one',
      functionVersion: '1',
      envVersion: '1',
      invokedFunctionArn: `${fn.arn}:1`,
      logStream: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/),
    });
    expect(r.logs).toContain(`START RequestId: ${r.requestId} Version: 1\n`);

    const latest = await fn.invoke({});
    expect(latest.executedVersion).toBe('$LATEST');
    expect(latest.payload).toMatchObject({ label: 'v2', variant: 'two', functionVersion: '$LATEST', invokedFunctionArn: fn.arn });
    expect(latest.logs).toContain('Version: $LATEST');
  });

  it('gives each version its own execution environments: module state is not shared across versions', async () => {
    let loads = 0;
    const fn = make({ handler: { init: () => (loads++, async () => loads) } });
    fn.publishVersion();
    const v1 = await fn.invoke({}, { qualifier: '1' });
    const latest = await fn.invoke({});
    const v1Again = await fn.invoke({}, { qualifier: '1' });
    expect([v1.coldStart, latest.coldStart, v1Again.coldStart]).toEqual([true, true, false]);
    expect(v1Again.environmentId).toBe(v1.environmentId);
    expect(fn.environments.map((e) => e.version)).toEqual(['1', '$LATEST']);
  });

  it('shares reserved concurrency between versions: they draw on one function-wide limit', async () => {
    // Version 1 invokes $LATEST while it runs: with one reserved execution, that is a throttle.
    const fn: LambdaFunction = make({ reservedConcurrency: 1, handler: async () => fn.invoke({}).then(() => 'ran', (e: LambdaServiceError) => e.reason) });
    fn.publishVersion();
    expect((await fn.invoke({}, { qualifier: '1' })).payload).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  it('answers a version that does not exist with 404, naming it as AWS does', async () => {
    const fn = make({ name: 'orders', handler: reporting('a') });
    const error = await rejection(fn.invoke({}, { qualifier: '7' }));
    expect([error.statusCode, error.name, error.message]).toEqual([404, 'ResourceNotFoundException', `Function not found: ${fn.arn}:7`]);
    expect(error.body).toEqual({ Message: `Function not found: ${fn.arn}:7`, Type: 'User' });
    // `$latest` passes the qualifier pattern but names nothing; a malformed qualifier is a ValidationException.
    expect((await rejection(fn.invoke({}, { qualifier: '$latest' }))).statusCode).toBe(404);
    expect((await rejection(fn.invoke({}, { qualifier: 'a!', invocationType: 'Event' }))).name).toBe('ValidationException');
    expect((await rejection(fn.invoke({}, { qualifier: 'nope', invocationType: 'DryRun' }))).statusCode).toBe(404);
  });
});

describe('fn.update', () => {
  it('shuts the idle environments of the old $LATEST down, so the next invocation is a cold start with the new configuration', async () => {
    const fn = make({ handler: reporting('a'), environment: { VARIANT: 'one' } });
    const before = await fn.invoke({});
    fn.update({ environment: { VARIANT: 'two' }, timeout: 10 });
    expect(fn.environments[0]).toMatchObject({ id: before.environmentId, state: 'shutdown', endReason: 'function-updated' });
    const after = await fn.invoke({});
    expect(after.coldStart).toBe(true);
    expect(after.payload).toMatchObject({ variant: 'two' });
  });

  it('lets a running invocation finish with the old code, then retires its environment', async () => {
    // The update comes while the handler runs (it makes it itself, as a deployment during a request would).
    const fn: LambdaFunction = make({
      environment: { VARIANT: 'one' },
      handler: async () => {
        fn.update({ environment: { VARIANT: 'two' } });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return process.env['VARIANT'];
      },
    });
    const r = await fn.invoke({});
    expect(r.payload).toBe('one');
    expect(fn.environments.find((e) => e.id === r.environmentId)?.endReason).toBe('function-updated');
    expect((await fn.invoke({})).payload).toBe('two');
  });

  it('runs asynchronous events queued before the update with the new configuration (recorded: async-queue-uses-updated-config)', async () => {
    const fn = make({ environment: { VARIANT: 'variant-1' }, handler: async () => process.env['VARIANT'] });
    await fn.invokeAsync({});
    fn.update({ environment: { VARIANT: 'variant-2' } });
    await fn.drain();
    expect(fn.invocations.map((r) => r.payload)).toEqual(['variant-2']);
  });

  it('refuses what it cannot change and bad values, changing nothing', async () => {
    const fn = make({ name: 'orders', handler: async (_e: unknown, context: Context) => context.getRemainingTimeInMillis(), timeout: 5 });
    expect(refusalOf(() => fn.update({ name: 'other' } as never)).code).toBe('UNKNOWN_OPTION');
    expect(refusalOf(() => fn.update({ timeout: 901 })).code).toBe('INVALID_PARAMETER_VALUE');
    expect(refusalOf(() => fn.update(null as never)).code).toBe('INVALID_OPTION');
    // Still the 5 s timeout, on the function's first environment (a refused update retires none).
    const r = await fn.invoke({});
    expect(r.payload).toBeGreaterThan(4900);
    expect(r.payload).toBeLessThanOrEqual(5000);
    expect(fn.environments).toHaveLength(1);
  });

  it('keeps the name when the handler changes, though a new function would derive its name from it', async () => {
    const fn = make({ handler: async function first() {} });
    fn.update({ handler: async function second(_e: unknown, context: Context) {
      return [context.functionName, process.env['AWS_LAMBDA_FUNCTION_NAME']];
    } });
    expect((await fn.invoke({})).payload).toEqual(['first', 'first']);
  });
});

describe('aliases', () => {
  it('invoke the version they point to, with the alias ARN as invoked; updating code or publishing does not move them (recorded: alias-invoke-executed-version)', async () => {
    const fn = make({ name: 'orders', handler: reporting('version1') });
    fn.publishVersion();
    expect(fn.createAlias({ name: 'alias1', functionVersion: '1' })).toEqual({
      name: 'alias1',
      arn: `${fn.arn}:alias1`,
      functionVersion: '1',
      routingConfig: undefined,
      description: '',
    });
    const first = await fn.invoke({}, { qualifier: 'alias1' });
    expect(first.executedVersion).toBe('1');
    expect(first.payload).toMatchObject({ label: 'version1', functionVersion: '1', invokedFunctionArn: `${fn.arn}:alias1` });

    fn.update({ handler: reporting('version2') });
    fn.publishVersion();
    expect((await payloadOf(fn, 'alias1')).label).toBe('version1');

    fn.updateAlias({ name: 'alias1', functionVersion: '2' });
    const moved = await fn.invoke({}, { qualifier: 'alias1' });
    expect([moved.executedVersion, (moved.payload as Report).label]).toEqual(['2', 'version2']);

    fn.deleteAlias('alias1');
    const error = await rejection(fn.invoke({}, { qualifier: 'alias1' }));
    expect(error.message).toBe(`Function not found: ${fn.arn}:alias1`);
    expect(fn.aliases).toEqual([]);
    // Deleting it again succeeds, as DeleteAlias of a missing alias does.
    expect(() => fn.deleteAlias('alias1')).not.toThrow();
  });

  it('may point at $LATEST, which then follows updates', async () => {
    const fn = make({ handler: reporting('a') });
    fn.createAlias({ name: 'head', functionVersion: '$LATEST' });
    fn.update({ handler: reporting('b') });
    const r = await fn.invoke({}, { qualifier: 'head' });
    expect([r.executedVersion, (r.payload as Report).label]).toEqual(['$LATEST', 'b']);
  });

  it('keep their description until an update gives another; one over 256 characters is refused as AWS refuses it', () => {
    const fn = make({ handler: reporting('a') });
    fn.publishVersion();
    expect(fn.createAlias({ name: 'live', functionVersion: '1', description: 'production' }).description).toBe('production');
    expect(fn.updateAlias({ name: 'live', functionVersion: '$LATEST' }).description).toBe('production');
    expect(fn.updateAlias({ name: 'live', description: 'moved' }).description).toBe('moved');
    expect(refusalOf(() => fn.updateAlias({ name: 'live', description: 'x'.repeat(257) })).message).toBe(
      `1 validation error detected: Value '${'x'.repeat(257)}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
    expect(fn.aliases[0]?.description).toBe('moved');
  });

  it('share traffic by their routing weights, drawn from the seed apart from the request ids', async () => {
    const setup = (weight?: number): LambdaFunction => {
      const fn = make({ handler: reporting('a'), seed: 3 });
      fn.publishVersion();
      fn.update({ handler: reporting('b') });
      fn.publishVersion();
      fn.createAlias({ name: 'live', functionVersion: '1', ...(weight === undefined ? {} : { routingConfig: { additionalVersionWeights: { '2': weight } } }) });
      return fn;
    };
    const run = async (fn: LambdaFunction) => {
      const out: { version: string; id: string }[] = [];
      for (let i = 0; i < 400; i++) {
        const r = await fn.invoke({}, { qualifier: 'live' });
        out.push({ version: r.executedVersion, id: r.requestId });
      }
      return out;
    };
    const routed = await run(setup(0.25));
    const share = routed.filter((r) => r.version === '2').length / routed.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    expect(await run(setup(0.25))).toEqual(routed);
    // Routing draws from its own sequence: with a weight that never routes (but draws every time), no request id moves.
    expect(await run(setup(0))).toEqual(await run(setup()));
    // DryRun checks the alias and does not route: interleaving them changes no later draw.
    const interleaved = setup(0.25);
    const plain = setup(0.25);
    for (let i = 0; i < 20; i++) {
      await interleaved.invoke({}, { qualifier: 'live', invocationType: 'DryRun' });
      const [a, b] = [await interleaved.invoke({}, { qualifier: 'live' }), await plain.invoke({}, { qualifier: 'live' })];
      expect(a.executedVersion).toBe(b.executedVersion);
    }

    const fn = setup(0.25);
    // What createAlias and fn.aliases hand out cannot change the alias behind the function's back.
    expect(Object.isFrozen(fn.aliases[0]!.routingConfig!.additionalVersionWeights)).toBe(true);
    fn.updateAlias({ name: 'live', routingConfig: null });
    expect(fn.aliases[0]?.routingConfig).toBeUndefined();
    expect(new Set((await run(fn)).map((r) => r.version))).toEqual(new Set(['1']));
  });

  it('are refused with the messages AWS gives (recorded: test_notfound_and_invalid_routingconfigs, test_alias_naming)', () => {
    const fn = make({ name: 'orders', handler: reporting('a') });
    fn.publishVersion();
    fn.update({ handler: reporting('b') });
    fn.publishVersion();
    fn.createAlias({ name: 'custom', functionVersion: '1' });
    const message = (call: () => unknown): string => refusalOf(call).message;
    expect(message(() => fn.createAlias({ name: 'custom', functionVersion: '1' }))).toBe(`Alias already exists: ${fn.arn}:custom`);
    expect(message(() => fn.createAlias({ name: 'other', functionVersion: '10' }))).toBe(`Function not found: ${fn.arn}:10`);
    expect(message(() => fn.createAlias({ name: '2024', functionVersion: '1' }))).toBe(
      "1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
    );
    expect(() => fn.createAlias({ name: '2024-01-02', functionVersion: '1' })).not.toThrow();
    const routed = (weights: Record<string, number>, functionVersion = '1') => message(() => fn.createAlias({ name: 'r', functionVersion, routingConfig: { additionalVersionWeights: weights } }));
    expect(routed({ '2': 0.5, '3': 0.5 })).toBe('Number of items in AdditionalVersionWeights cannot be greater than 1');
    expect(routed({ '2': 2 })).toBe(
      "1 validation error detected: Value '{2=2.0}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]",
    );
    expect(routed({ '2': -1 })).toContain("Value '{2=-1.0}'");
    expect(routed({ '1': 0.5 })).toBe('Invalid function version 1. Function version 1 is already included in routing configuration.');
    expect(routed({ '2': 0.5 }, '$LATEST')).toBe('$LATEST is not supported for an alias pointing to more than 1 version');
    expect(routed({ $LATEST: 0.5 })).toContain("Value '{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint");
    expect(routed({ '10': 0.5 })).toBe(`Function not found: ${fn.arn}:10`);
    expect(message(() => fn.updateAlias({ name: 'missing', functionVersion: '1' }))).toBe(`Alias not found: ${fn.arn}:missing`);
    expect(refusalOf(() => fn.createAlias({ name: 'typo', functionVersion: '1', weights: {} } as never)).code).toBe('UNKNOWN_OPTION');
    // None of the refused calls left anything behind.
    expect(fn.aliases.map((a) => a.name)).toEqual(['custom', '2024-01-02']);
  });

  it('name a published version in the asynchronous records of an invoke qualified by it', async () => {
    const onFailure = createQueue('failures');
    const fn = make({ name: 'orders', maximumRetryAttempts: 0, destinations: { onFailure }, handler: async () => {
      throw new Error('no');
    } });
    fn.publishVersion();
    await fn.invokeAsync({}, { qualifier: '1' });
    await fn.drain();
    const record = JSON.parse(onFailure.messages[0]!.body) as { requestContext: { functionArn: string }; responseContext: { executedVersion: string } };
    expect([record.requestContext.functionArn, record.responseContext.executedVersion]).toEqual([`${fn.arn}:1`, '1']);
  });

  it('carry the alias into asynchronous records, with the version that ran as executedVersion', async () => {
    const onFailure = createQueue('failures');
    const fn = make({ name: 'orders', maximumRetryAttempts: 0, destinations: { onFailure }, handler: async () => {
      throw new Error('no');
    } });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    await fn.invokeAsync({}, { qualifier: 'live' });
    await fn.drain();
    const record = JSON.parse(onFailure.messages[0]!.body) as { requestContext: { functionArn: string }; responseContext: { executedVersion: string } };
    expect(record.requestContext.functionArn).toBe(`${fn.arn}:live`);
    expect(record.responseContext.executedVersion).toBe('1');
  });

  it('run every attempt of an asynchronous event on the version its weighted alias chose when the event was accepted', async () => {
    const fn = make({ name: 'orders', maximumRetryAttempts: 2, handler: async (_e: unknown) => {
      throw new Error('retry me');
    } });
    fn.publishVersion();
    fn.update({ environment: { V: '2' } });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.5 } } });
    for (let i = 0; i < 20; i++) await fn.invokeAsync({ i }, { qualifier: 'live' });
    await fn.drain();
    const versions = fn.asyncEvents.map((e) => e.attempts.map((a) => fn.invocations.find((r) => r.requestId === e.requestId && r.startedAt === a.at)?.executedVersion));
    // Three attempts each, all on one version, and both versions chosen among the events.
    expect(versions.every((v) => v.length === 3 && v[0] !== undefined && v.every((x) => x === v[0]))).toBe(true);
    expect(new Set(versions.map((v) => v[0]))).toEqual(new Set(['1', '2']));
  });

  it('are gone with a disposed function: every call says to create a new one', async () => {
    const fn = createFunction({ handler: reporting('a') });
    await fn.dispose();
    expect(refusalOf(() => fn.publishVersion()).code).toBe('DISPOSED');
    expect(refusalOf(() => fn.createAlias({ name: 'a', functionVersion: '$LATEST' })).code).toBe('DISPOSED');
    expect(refusalOf(() => fn.update({ timeout: 4 })).code).toBe('DISPOSED');
  });
});
