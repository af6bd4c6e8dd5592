import { describe, expect, it } from 'vitest';
import { createClock, InvalidParameterValueError, LambdaServiceError, type LambdaFunction } from '../../src/index.js';
import { disposableFunctions, failsProvisionedInit, refusalOf } from '../_support/functions.js';
import { mappedFunctionOf } from '../../src/function/lambda-function.js';

const make = disposableFunctions();

/** What the handler below answers: the initialization type it ran on, or what a nested invoke it was asked for gave. */
type Answer = { ran: string; nested?: string };

/**
 * A function whose handler, given `{ nested: qualifier }`, invokes the function again with that qualifier while it
 * runs (`'-'` for unqualified): two executions at once, deterministically.
 */
function nesting(options: Omit<Parameters<typeof make>[0], 'handler'> = {}): LambdaFunction {
  const fn: LambdaFunction = make({
    ...options,
    handler: async (event: { nested?: string }): Promise<Answer> => {
      const ran = process.env['AWS_LAMBDA_INITIALIZATION_TYPE']!;
      if (event.nested === undefined) return { ran };
      const inner = fn.invoke({}, event.nested === '-' ? {} : { qualifier: event.nested });
      const nested = await inner.then(
        (r) => `${r.executedVersion} on ${(r.payload as Answer).ran}`,
        (e: LambdaServiceError) => e.reason ?? e.name,
      );
      return { ran, nested };
    },
  });
  return fn;
}

const answer = async (fn: LambdaFunction, event: object, qualifier?: string): Promise<Answer> => {
  const r = await fn.invoke(event, qualifier === undefined ? {} : { qualifier });
  if (!r.ok) throw new Error(r.error.errorMessage);
  return r.payload as Answer;
};

describe('provisioned concurrency on versions (fn.putProvisionedConcurrency)', () => {
  it('initialises the version’s environments up front: its first invocations are warm', async () => {
    const fn = nesting();
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 2);
    const r = await fn.invoke({}, { qualifier: '1' });
    expect([r.coldStart, r.executedVersion, (r.payload as Answer).ran]).toEqual([false, '1', 'provisioned-concurrency']);
    expect(fn.environments.map((e) => [e.version, e.initializationType])).toEqual([
      ['1', 'provisioned-concurrency'],
      ['1', 'provisioned-concurrency'],
    ]);
    // $LATEST has none: it starts cold, on demand.
    expect((await answer(fn, {})).ran).toBe('on-demand');
  });

  it('is carved out of the reserved concurrency: $LATEST and spill-over get only what is left', async () => {
    const fn = nesting({ reservedConcurrency: 2 });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 1);
    // One on-demand execution is left: a $LATEST invoke takes it, so a second one at the same time is throttled…
    expect(await answer(fn, { nested: '-' })).toEqual({ ran: 'on-demand', nested: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
    // …while version 1 runs on its provisioned environment, and spills over to the on-demand one when it is busy.
    expect(await answer(fn, { nested: '1' }, '1')).toEqual({ ran: 'provisioned-concurrency', nested: '1 on on-demand' });
  });

  it('is carved out of the account’s unreserved pool for a function without reserved concurrency', async () => {
    const clock = createClock({ accountConcurrency: 200 });
    const fn = make({ clock, handler: async () => new Promise((resolve) => setTimeout(resolve, 1000)) });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 100);
    const results = await Promise.allSettled(Array.from({ length: 101 }, () => fn.invoke({})));
    const throttled = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as LambdaServiceError).reason);
    expect(throttled).toEqual(['ConcurrentInvocationLimitExceeded']);
    await clock.dispose();
  });

  it('can be lowered or deleted: idle environments beyond it shut down, and the carve-out goes with them', async () => {
    const fn = nesting({ reservedConcurrency: 2 });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 2);
    await fn.invoke({}, { qualifier: '1' });
    expect((await fn.invoke({}).catch((e: LambdaServiceError) => e)) as LambdaServiceError).toBeInstanceOf(LambdaServiceError);
    fn.putProvisionedConcurrency('1', 1);
    expect(fn.environments.filter((e) => e.state !== 'shutdown')).toHaveLength(1);
    fn.deleteProvisionedConcurrency('1');
    expect(fn.environments.map((e) => e.endReason)).toEqual(['provisioning-changed', 'provisioning-changed']);
    expect(await answer(fn, { nested: '-' })).toEqual({ ran: 'on-demand', nested: '$LATEST on on-demand' });
  });

  it('shuts a busy environment beyond the new count down when its invocation ends', async () => {
    const fn: LambdaFunction = make({
      handler: async () => {
        fn.deleteProvisionedConcurrency('1');
        return process.env['AWS_LAMBDA_INITIALIZATION_TYPE'];
      },
    });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 1);
    const r = await fn.invoke({}, { qualifier: '1' });
    expect(r.payload).toBe('provisioned-concurrency');
    expect(fn.environments.map((e) => [e.state, e.endReason])).toEqual([['shutdown', 'provisioning-changed']]);
  });

  it('on an alias, serves invocations through the alias, follows it when it moves, and goes when it is deleted', async () => {
    const fn = nesting({ reservedConcurrency: 1 });
    fn.publishVersion();
    fn.update({ environment: { V: '2' } });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    fn.putProvisionedConcurrency('live', 1);
    expect((await answer(fn, {}, 'live')).ran).toBe('provisioned-concurrency');
    // Version 1 invoked by number is not the alias: it gets what is left on demand, which is nothing here.
    expect(((await fn.invoke({}, { qualifier: '1' }).catch((e: unknown) => e)) as LambdaServiceError).reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    fn.updateAlias({ name: 'live', functionVersion: '2' });
    const moved = await fn.invoke({}, { qualifier: 'live' });
    expect([moved.executedVersion, (moved.payload as Answer).ran, moved.coldStart]).toEqual(['2', 'provisioned-concurrency', false]);
    expect(fn.environments.map((e) => [e.version, e.state, e.endReason])).toEqual([
      ['1', 'shutdown', 'provisioning-changed'],
      ['2', 'idle', undefined],
    ]);
    expect(refusalOf(() => fn.updateAlias({ name: 'live', routingConfig: { additionalVersionWeights: { '1': 0.5 } } })).message).toBe(
      'Alias with weights can not be used with Provisioned Concurrency',
    );
    expect(fn.aliases[0]?.routingConfig).toBeUndefined(); // refused, it changed nothing
    fn.deleteAlias('live');
    expect(fn.environments.map((e) => e.state)).toEqual(['shutdown', 'shutdown']);
    expect((await answer(fn, {}, '1')).ran).toBe('on-demand');
  });

  it('on an alias, serves asynchronous invocations through the alias on its provisioned environments too', async () => {
    const fn = nesting({ reservedConcurrency: 1 });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    fn.putProvisionedConcurrency('live', 1);
    await fn.invokeAsync({}, { qualifier: 'live' });
    await fn.drain();
    // The one reserved execution is the alias's provisioned environment: on demand, the event would be throttled.
    expect(fn.asyncEvents[0]?.attempts.map((a) => a.outcome)).toEqual(['success']);
    expect((fn.invocations[0]?.payload as Answer).ran).toBe('provisioned-concurrency');
  });

  it('provisions the new code again after an update of $LATEST with provisionedConcurrency', async () => {
    const fn = make({ provisionedConcurrency: 1, environment: { V: '1' }, handler: async () => [process.env['V'], process.env['AWS_LAMBDA_INITIALIZATION_TYPE']] });
    expect((await fn.invoke({})).payload).toEqual(['1', 'provisioned-concurrency']);
    fn.update({ environment: { V: '2' } });
    const after = await fn.invoke({});
    expect([after.payload, after.coldStart]).toEqual([['2', 'provisioned-concurrency'], false]);
  });

  it('clears a failed provisioning once it is put again on working code', async () => {
    const fn = make({ environment: { BROKEN: 'yes' }, handler: failsProvisionedInit(() => process.env['BROKEN'] === 'yes') });
    fn.publishVersion();
    fn.update({ environment: { BROKEN: 'no' } });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    fn.putProvisionedConcurrency('live', 1);
    await fn.invoke({}, { qualifier: 'live' });
    expect(mappedFunctionOf(fn)!.provisionedConcurrencyOf('live').status).toBe('FAILED');
    fn.updateAlias({ name: 'live', functionVersion: '2' });
    await fn.invoke({}, { qualifier: 'live' });
    expect(mappedFunctionOf(fn)!.provisionedConcurrencyOf('live')).toMatchObject({ status: 'READY', allocated: 1 });
  });

  it('adds environments that are busy until initialised: an invocation waits for them and never initialises one twice', async () => {
    const fn = nesting();
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 1);
    await fn.invoke({}, { qualifier: '1' });
    fn.putProvisionedConcurrency('1', 2);
    expect(fn.environments.map((e) => e.state)).toEqual(['idle', 'busy']);
    const both = await Promise.all([fn.invoke({}, { qualifier: '1' }), fn.invoke({}, { qualifier: '1' })]);
    expect(both.map((r) => [r.coldStart, (r.payload as Answer).ran])).toEqual([
      [false, 'provisioned-concurrency'],
      [false, 'provisioned-concurrency'],
    ]);
    expect(new Set(both.map((r) => r.environmentId)).size).toBe(2);
    expect(both.flatMap((r) => r.logs.match(/INIT_START/g) ?? [])).toEqual([]);
    expect(fn.environments).toHaveLength(2);
  });

  it('serves a version on demand when its provisioning failed: a failed provisioning holds nothing back', async () => {
    const fn = make({
      reservedConcurrency: 1,
      handler: failsProvisionedInit(),
    });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 1);
    expect((await fn.invoke({}, { qualifier: '1' })).payload).toBe('on-demand');
    expect(fn.environments[0]?.endReason).toBe('provisioning-failed');
  });

  it('reports a provisioning as failed only when its own environments failed, not one it replaced', async () => {
    // Version 1's provisioned init fails, version 2's succeeds; the alias moves before version 1's init has ended.
    const fn = make({
      environment: { BROKEN: 'yes' },
      handler: failsProvisionedInit(() => process.env['BROKEN'] === 'yes'),
    });
    fn.publishVersion();
    fn.update({ environment: { BROKEN: 'no' } });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    fn.putProvisionedConcurrency('live', 1);
    fn.updateAlias({ name: 'live', functionVersion: '2' });
    expect((await fn.invoke({}, { qualifier: 'live' })).payload).toBe('provisioned-concurrency');
    expect(mappedFunctionOf(fn)!.provisionedConcurrencyOf('live')).toMatchObject({ status: 'READY', allocated: 1 });
  });

  it('keeps holding a busy environment it no longer has room for, until its invocation ends', async () => {
    // Version 1 runs on its provisioned environment, drops the configuration, and invokes $LATEST meanwhile.
    const fn: LambdaFunction = make({
      reservedConcurrency: 1,
      handler: async (event: { inner?: boolean }) => {
        if (event.inner) return 'inner';
        fn.deleteProvisionedConcurrency('1');
        return fn.invoke({ inner: true }).then(() => 'ran', (e: LambdaServiceError) => e.reason);
      },
    });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 1);
    expect((await fn.invoke({}, { qualifier: '1' })).payload).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(fn.environments[0]?.endReason).toBe('provisioning-changed');
    expect((await fn.invoke({ inner: true })).payload).toBe('inner');
  });

  it('is refused on $LATEST, on what does not exist, below 1, beyond the reserved concurrency, and on a routing alias, changing nothing', async () => {
    const fn = nesting({ name: 'orders', reservedConcurrency: 1 });
    fn.publishVersion();
    fn.update({ environment: { V: '2' } });
    fn.publishVersion();
    expect(refusalOf(() => fn.putProvisionedConcurrency('$LATEST', 1)).message).toBe('Provisioned Concurrency Configs cannot be applied to unpublished function versions.');
    expect(refusalOf(() => fn.putProvisionedConcurrency('7', 1)).message).toBe(`Function not found: ${fn.arn}:7`);
    expect(refusalOf(() => fn.putProvisionedConcurrency('1', 0))).toBeInstanceOf(InvalidParameterValueError);
    expect(refusalOf(() => fn.putProvisionedConcurrency('1', 2)).message).toBe('Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function');
    fn.createAlias({ name: 'canary', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.5 } } });
    expect(refusalOf(() => fn.putProvisionedConcurrency('canary', 1)).message).toBe('Alias with weights can not be used with Provisioned Concurrency');
    expect(refusalOf(() => fn.deleteProvisionedConcurrency('1')).message).toContain('No Provisioned Concurrency Config found for this function');
    expect(fn.environments).toEqual([]);
    expect((await answer(fn, {})).ran).toBe('on-demand');
  });
});

describe('reserved concurrency at run time (fn.putFunctionConcurrency)', () => {
  it('throttles from the moment it is lowered, and lets through again once raised or deleted', async () => {
    const fn = nesting();
    expect(await answer(fn, { nested: '-' })).toEqual({ ran: 'on-demand', nested: '$LATEST on on-demand' });
    fn.putFunctionConcurrency(1);
    expect((await answer(fn, { nested: '-' })).nested).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    fn.putFunctionConcurrency(0);
    expect(((await fn.invoke({}).catch((e: unknown) => e)) as LambdaServiceError).reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    fn.deleteFunctionConcurrency();
    expect((await answer(fn, { nested: '-' })).nested).toBe('$LATEST on on-demand');
  });

  it('moves the executions running when it is deleted into the account’s pool, where they count', async () => {
    const clock = createClock({ accountConcurrency: 101 });
    const other = make({ clock, handler: async () => new Promise((resolve) => setTimeout(resolve, 1000)) });
    const fn: LambdaFunction = make({
      clock,
      reservedConcurrency: 1,
      handler: async () => {
        fn.deleteFunctionConcurrency();
        const results = await Promise.allSettled(Array.from({ length: 101 }, () => other.invoke({})));
        return results.filter((r) => r.status === 'rejected').length;
      },
    });
    // 101 executions in all: this one, now in the pool, and 100 of the other function's; one is throttled.
    expect((await fn.invoke({})).payload).toBe(1);
    await clock.dispose();
  });

  it('is refused below the provisioned concurrency or beyond what the account can spare, changing nothing', async () => {
    const clock = createClock({ accountConcurrency: 1000 });
    const fn = make({ clock, handler: async () => 'ok' });
    const other = make({ clock, handler: async () => 'ok', reservedConcurrency: 850 });
    fn.publishVersion();
    fn.putProvisionedConcurrency('1', 2);
    expect(refusalOf(() => fn.putFunctionConcurrency(1)).message).toBe(" ReservedConcurrentExecutions  1 should not be lower than function's total provisioned concurrency [2].");
    expect(refusalOf(() => fn.putFunctionConcurrency(60)).message).toBe(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
    // Still in the account's pool, with its provisioned environments, and the account's books unchanged.
    expect((await fn.invoke({})).ok).toBe(true);
    expect(() => make({ clock, handler: async () => 'ok', reservedConcurrency: 48 })).not.toThrow();
    expect(() => make({ clock, handler: async () => 'ok', reservedConcurrency: 1 })).toThrow(InvalidParameterValueError);
    await other.dispose();
    await clock.dispose();
  });
});
