/**
 * The control-plane half of the Invoke API contract (versions, aliases, reserved and provisioned concurrency,
 * configuration), called with the real `@aws-sdk/client-lambda` through each transport. Each case has a function of
 * its own, so that the settings one changes cannot colour another; every change made over the API is checked on the
 * function object a test holds (one function, whichever way it is managed).
 */
import { describe, expect, it } from 'vitest';
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionConcurrencyCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvalidParameterValueException,
  InvokeCommand,
  LambdaServiceException,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  ProvisionedConcurrencyConfigNotFoundException,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  PutProvisionedConcurrencyConfigCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { createFunction, type LambdaFunction } from '../../src/index.js';

/** The service exception a call to the SDK rejects with (failing the test if it resolves or throws anything else). */
export async function serviceRejection(call: Promise<unknown>): Promise<LambdaServiceException> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LambdaServiceException);
  return error as LambdaServiceException;
}

/** The functions the control-plane cases manage, one per case. */
export interface ManagedFunctions {
  readonly versions: LambdaFunction;
  readonly aliases: LambdaFunction;
  readonly reserved: LambdaFunction;
  readonly provisioned: LambdaFunction;
  /** Disposed by its case. */
  readonly disposed: LambdaFunction;
  readonly all: LambdaFunction[];
}

/** Fresh functions for one transport's run (served with the invoke contract's, disposed with them). */
export function managedFunctions(): ManagedFunctions {
  // Each reports the version and initialisation type it runs with, so that a test sees what the API changed.
  const make = (name: string): LambdaFunction =>
    createFunction({
      name,
      environment: { RELEASE: 'one' },
      handler: async (_event: unknown, context) => ({
        version: context.functionVersion,
        release: process.env['RELEASE'],
        initializationType: process.env['AWS_LAMBDA_INITIALIZATION_TYPE'],
      }),
    }) as unknown as LambdaFunction;
  const versions = make('managed-versions');
  const aliases = make('managed-aliases');
  const reserved = make('managed-reserved');
  const provisioned = make('managed-provisioned');
  const disposed = make('managed-disposed');
  return { versions, aliases, reserved, provisioned, disposed, all: [versions, aliases, reserved, provisioned, disposed] };
}

interface Ran {
  version: string;
  release: string;
  initializationType: string;
}

/** The control-plane cases, inside a transport's `describe`: `client()` and `managed()` exist once `beforeAll` ran. */
export function controlPlaneCases(client: () => LambdaClient, managed: () => ManagedFunctions): void {
  const run = async (FunctionName: string, Qualifier?: string): Promise<Ran & { executedVersion: string | undefined }> => {
    const out = await client().send(new InvokeCommand({ FunctionName, ...(Qualifier === undefined ? {} : { Qualifier }) }));
    return { ...(JSON.parse(Buffer.from(out.Payload!).toString('utf8')) as Ran), executedVersion: out.ExecutedVersion };
  };
  // Commands go through `send` each with its own types: the refusal takes the call, not the command.
  const refusal = (command: { readonly input: object }): Promise<LambdaServiceException> => serviceRejection((client().send as (c: unknown) => Promise<unknown>)(command));

  describe('the control plane', () => {
    it('publishes versions (201 with the configuration), lists them after $LATEST, and describes one; an unchanged $LATEST publishes nothing new', async () => {
      const fn = managed().versions;
      const first = await client().send(new PublishVersionCommand({ FunctionName: fn.name }));
      expect(first.$metadata.httpStatusCode).toBe(201);
      expect(first).toMatchObject({ FunctionName: fn.name, FunctionArn: `${fn.arn}:1`, Version: '1', Runtime: expect.stringMatching(/^nodejs/), State: 'Active' });
      expect(first.Environment?.Variables).toEqual({ RELEASE: 'one' });
      expect(first.LastModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      expect((await client().send(new PublishVersionCommand({ FunctionName: fn.name }))).Version).toBe('1');

      const updated = await client().send(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Environment: { Variables: { RELEASE: 'two' } }, Timeout: 10 }));
      expect([updated.Version, updated.Timeout, updated.Environment?.Variables]).toEqual(['$LATEST', 10, { RELEASE: 'two' }]);
      expect((await run(fn.name)).release).toBe('two');
      const refused = await refusal(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Runtime: 'nodejs12.x' }));
      expect(refused).toBeInstanceOf(InvalidParameterValueException);
      expect(refused.message).toContain('nodejs12.x');
      // Its handler is code given to createFunction: the stand-in Handler may come back as read, not name a file.
      const echoed = await client().send(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Handler: updated.Handler, MemorySize: 256 }));
      expect(echoed.MemorySize).toBe(256);
      expect(echoed.RevisionId).not.toBe(updated.RevisionId); // a new revision at the same virtual instant
      const restored = await client().send(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, MemorySize: updated.MemorySize }));
      expect(restored.RevisionId).not.toBe(updated.RevisionId); // earlier values again are still a new revision
      expect((await client().send(new GetFunctionConfigurationCommand({ FunctionName: fn.name }))).RevisionId).toBe(restored.RevisionId);
      const file = await refusal(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Handler: 'src/other.handler' }));
      expect(file).toBeInstanceOf(InvalidParameterValueException);
      const malformed = await refusal(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Environment: 'RELEASE=three' as never }));
      expect(malformed.name).toBe('ValidationException');
      // Outside the API model's range: validation; within it but refused by the service: InvalidParameterValue.
      const small = await refusal(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, MemorySize: 100 }));
      expect([small.name, small.message]).toEqual([
        'ValidationException',
        "1 validation error detected: Value '100' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
      ]);
      expect(await refusal(new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Timeout: 901 }))).toBeInstanceOf(InvalidParameterValueException);
      // Every violation at once, nested members by their path, before anything else is judged (the inline handler).
      const several = await refusal(
        new UpdateFunctionConfigurationCommand({ FunctionName: fn.name, Handler: 'app.handler ', Timeout: 0, EphemeralStorage: {} as never, LoggingConfig: { LogFormat: 'XML' as never } }),
      );
      expect(several.message).toBe(
        '4 validation errors detected: ' +
          "Value 'app.handler ' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+; " +
          "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
          "Value null at 'ephemeralStorage.size' failed to satisfy constraint: Member must not be null; " +
          "Value 'XML' at 'loggingConfig.logFormat' failed to satisfy constraint: Member must satisfy enum value set: [JSON, Text]",
      );
      expect((await run(fn.name)).release).toBe('two'); // refused updates changed nothing
      const second = await client().send(new PublishVersionCommand({ FunctionName: fn.arn }));
      expect(second.Version).toBe('2');
      expect(second.CodeSha256).toBe(first.CodeSha256); // the same code, another configuration
      expect(second.RevisionId).not.toBe(first.RevisionId);
      expect(fn.versions).toEqual(['1', '2']);

      const listed = await client().send(new ListVersionsByFunctionCommand({ FunctionName: fn.name }));
      expect(listed.Versions?.map((v) => [v.Version, v.FunctionArn, v.Environment?.Variables?.['RELEASE']])).toEqual([
        ['$LATEST', `${fn.arn}:$LATEST`, 'two'],
        ['1', `${fn.arn}:1`, 'one'],
        ['2', `${fn.arn}:2`, 'two'],
      ]);
      const one = await client().send(new GetFunctionConfigurationCommand({ FunctionName: fn.name, Qualifier: '1' }));
      expect([one.Version, one.FunctionArn, one.Environment?.Variables]).toEqual(['1', `${fn.arn}:1`, { RELEASE: 'one' }]);
      const latest = await client().send(new GetFunctionCommand({ FunctionName: fn.name }));
      expect([latest.Configuration?.Version, latest.Configuration?.FunctionArn]).toEqual(['$LATEST', fn.arn]);
      // Version 1 runs as it was published.
      expect(await run(fn.name, '1')).toMatchObject({ executedVersion: '1', version: '1', release: 'one' });
    });

    it('creates, moves, weights, lists and deletes aliases, which invocations then follow', async () => {
      const fn = managed().aliases;
      fn.publishVersion();
      fn.update({ environment: { RELEASE: 'two' } });
      fn.publishVersion();
      const created = await client().send(new CreateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: '1', Description: 'production' }));
      expect(created.$metadata.httpStatusCode).toBe(201);
      expect(created).toMatchObject({ AliasArn: `${fn.arn}:live`, Name: 'live', FunctionVersion: '1', Description: 'production' });
      expect(await run(fn.name, 'live')).toMatchObject({ executedVersion: '1', release: 'one' });

      const unnamed = await refusal(new CreateAliasCommand({ FunctionName: fn.name, Name: 5 as never, FunctionVersion: '2' }));
      expect(unnamed.message).toBe("1 validation error detected: Value '5' at 'name' failed to satisfy constraint: Member must be a JSON string");
      const duplicate = await refusal(new CreateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: '2' }));
      expect(duplicate).toBeInstanceOf(ResourceConflictException);
      expect(duplicate.message).toBe(`Alias already exists: ${fn.arn}:live`);

      const moved = await client().send(new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: '2' }));
      expect([moved.FunctionVersion, moved.Description]).toEqual(['2', 'production']);
      expect(moved.RevisionId).not.toBe(created.RevisionId);
      expect(await run(fn.name, 'live')).toMatchObject({ executedVersion: '2', release: 'two' });

      const weighted = await client().send(
        new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }),
      );
      expect(weighted.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.5 } });
      expect(fn.aliases[0]?.routingConfig).toEqual({ additionalVersionWeights: { '2': 0.5 } });
      const ran = new Set<string | undefined>();
      for (let i = 0; i < 30; i++) ran.add((await run(fn.name, 'live')).executedVersion);
      expect([...ran].sort()).toEqual(['1', '2']);
      // An empty map removes the routing.
      await client().send(new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', RoutingConfig: { AdditionalVersionWeights: {} } }));
      expect((await client().send(new GetAliasCommand({ FunctionName: fn.name, Name: 'live' }))).RoutingConfig).toBeUndefined();

      await client().send(new CreateAliasCommand({ FunctionName: fn.name, Name: 'canary', FunctionVersion: '2' }));
      expect((await client().send(new ListAliasesCommand({ FunctionName: fn.name }))).Aliases?.map((a) => [a.Name, a.FunctionVersion])).toEqual([
        ['live', '1'],
        ['canary', '2'],
      ]);
      const deleted = await client().send(new DeleteAliasCommand({ FunctionName: fn.name, Name: 'canary' }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      expect(fn.aliases.map((a) => a.name)).toEqual(['live']);
      const gone = await refusal(new GetAliasCommand({ FunctionName: fn.name, Name: 'canary' }));
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      expect(gone.message).toBe(`Alias not found: ${fn.arn}:canary`);
      expect(await refusal(new InvokeCommand({ FunctionName: fn.name, Qualifier: 'canary' }))).toBeInstanceOf(ResourceNotFoundException);
    });

    it('sets, reads and removes reserved concurrency, which throttles at 0; a qualified name is refused', async () => {
      const fn = managed().reserved;
      expect(await client().send(new GetFunctionConcurrencyCommand({ FunctionName: fn.name }))).not.toHaveProperty('ReservedConcurrentExecutions');
      const put = await client().send(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: 0 }));
      expect(put.ReservedConcurrentExecutions).toBe(0);
      expect((await client().send(new GetFunctionConcurrencyCommand({ FunctionName: fn.name }))).ReservedConcurrentExecutions).toBe(0);
      expect((await client().send(new GetFunctionCommand({ FunctionName: fn.name }))).Concurrency).toEqual({ ReservedConcurrentExecutions: 0 });
      const throttled = await refusal(new InvokeCommand({ FunctionName: fn.name }));
      expect(throttled).toBeInstanceOf(TooManyRequestsException);
      await expect(fn.invoke({})).rejects.toMatchObject({ name: 'TooManyRequestsException' });

      const deleted = await client().send(new DeleteFunctionConcurrencyCommand({ FunctionName: fn.name }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      expect(await client().send(new GetFunctionConcurrencyCommand({ FunctionName: fn.name }))).not.toHaveProperty('ReservedConcurrentExecutions');
      expect((await run(fn.name)).executedVersion).toBe('$LATEST');

      const qualified = await refusal(new PutFunctionConcurrencyCommand({ FunctionName: `${fn.name}:$LATEST`, ReservedConcurrentExecutions: 1 }));
      expect(qualified).toBeInstanceOf(InvalidParameterValueException);
      expect(qualified.message).toMatch(/^This operation is permitted on Lambda functions only\./);
      const negative = await refusal(new PutFunctionConcurrencyCommand({ FunctionName: fn.name, ReservedConcurrentExecutions: -1 }));
      expect(negative.name).toBe('ValidationException');
      expect(negative.message).toBe(
        "1 validation error detected: Value '-1' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0",
      );
    });

    it('provisions a version: 202 IN_PROGRESS, then READY with its environments serving the version, until deleted', async () => {
      const fn = managed().provisioned;
      fn.publishVersion();
      const put = await client().send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: '1', ProvisionedConcurrentExecutions: 2 }));
      expect(put.$metadata.httpStatusCode).toBe(202);
      expect(put).toMatchObject({ RequestedProvisionedConcurrentExecutions: 2, AllocatedProvisionedConcurrentExecutions: 0, Status: 'IN_PROGRESS' });
      expect(put.LastModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
      // An invocation of the version waits for its provisioned environments, and runs on one.
      expect(await run(fn.name, '1')).toMatchObject({ executedVersion: '1', initializationType: 'provisioned-concurrency' });
      const ready = await client().send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: '1' }));
      expect(ready).toMatchObject({ RequestedProvisionedConcurrentExecutions: 2, AvailableProvisionedConcurrentExecutions: 2, AllocatedProvisionedConcurrentExecutions: 2, Status: 'READY' });
      expect(fn.environments.filter((e) => e.initializationType === 'provisioned-concurrency' && e.state !== 'shutdown')).toHaveLength(2);

      // A provisioned alias cannot move to $LATEST; refused, it stays where it was.
      fn.createAlias({ name: 'live', functionVersion: '1' });
      await client().send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: 'live', ProvisionedConcurrentExecutions: 1 }));
      const unpublished = await refusal(new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: '$LATEST' }));
      expect(unpublished.message).toBe('Provisioned Concurrency Configs cannot be applied to unpublished function versions.');
      // A malformed version is the validation error it is for any alias.
      expect((await refusal(new UpdateAliasCommand({ FunctionName: fn.name, Name: 'live', FunctionVersion: 'bad!' }))).name).toBe('ValidationException');
      expect((await client().send(new GetAliasCommand({ FunctionName: fn.name, Name: 'live' }))).FunctionVersion).toBe('1');
      expect((await run(fn.name, 'live')).executedVersion).toBe('1');
      await client().send(new DeleteAliasCommand({ FunctionName: fn.name, Name: 'live' }));

      const latest = await refusal(new PutProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: '$LATEST', ProvisionedConcurrentExecutions: 1 }));
      expect(latest).toBeInstanceOf(InvalidParameterValueException);
      expect(latest.message).toBe('Provisioned Concurrency Configs cannot be applied to unpublished function versions.');

      const deleted = await client().send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: '1' }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      expect(fn.environments.filter((e) => e.initializationType === 'provisioned-concurrency' && e.state !== 'shutdown')).toHaveLength(0);
      const none = await refusal(new GetProvisionedConcurrencyConfigCommand({ FunctionName: fn.name, Qualifier: '1' }));
      expect(none).toBeInstanceOf(ProvisionedConcurrencyConfigNotFoundException);
      expect(none.message).toBe('No Provisioned Concurrency Config found for this function');
      expect((await run(fn.name, '1')).initializationType).toBe('on-demand');
    });

    it('lists the functions from createFunction() in the client\'s region, with their $LATEST configuration', async () => {
      const listed = await client().send(new ListFunctionsCommand({}));
      const names = listed.Functions?.map((f) => f.FunctionName) ?? [];
      expect(names).toEqual(expect.arrayContaining(['hello-world', ...managed().all.map((fn) => fn.name)]));
      expect(names).not.toContain('throttled'); // a hand-written target has no configuration
      const versions = listed.Functions?.find((f) => f.FunctionName === managed().versions.name);
      expect([versions?.Version, versions?.FunctionArn]).toEqual(['$LATEST', managed().versions.arn]);
    });

    it('answers a disposed function as one that was deleted: 404, and no longer listed', async () => {
      const fn = managed().disposed;
      await fn.dispose();
      for (const command of [new InvokeCommand({ FunctionName: fn.name }), new GetFunctionCommand({ FunctionName: fn.name })]) {
        const gone = await refusal(command);
        expect(gone).toBeInstanceOf(ResourceNotFoundException);
        expect(gone.message).toBe(`Function not found: ${fn.arn}:$LATEST`);
      }
      expect((await client().send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName)).not.toContain(fn.name);
    });

    it('answers 404 for a function it does not serve, and refuses to manage a hand-written target', async () => {
      const missing = await refusal(new PublishVersionCommand({ FunctionName: 'no-such-function' }));
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(missing.message).toBe(`Function not found: arn:aws:lambda:us-east-1:123456789012:function:no-such-function:$LATEST`);
      const handWritten = await refusal(new GetFunctionConcurrencyCommand({ FunctionName: 'throttled' }));
      expect(handWritten.name).toBe('UnknownOperationException');
      expect(handWritten.message).toBe('GetFunctionConcurrency needs a function from createFunction(); throttled is a hand-written target.');
    });
  });
}
