import { afterEach, describe, expect, it } from 'vitest';
import { createFunction, type LambdaFunction } from '../../src/index.js';
import { mappedFunctionOf, type MappedFunction } from '../../src/function/lambda-function.js';
import { aliasConfiguration, functionConfiguration, lambdaTimestamp, provisionedConcurrencyConfig } from '../../src/invoke-api/control-shapes.js';

const made: LambdaFunction[] = [];
afterEach(async () => {
  for (const fn of made.splice(0)) await fn.dispose();
});
function managed(options: Parameters<typeof createFunction>[0]): MappedFunction {
  const fn = createFunction(options) as unknown as LambdaFunction;
  made.push(fn);
  return mappedFunctionOf(fn)!;
}

describe('control-plane answer bodies', () => {
  it('write LastModified as Lambda does: milliseconds in a configuration, none in a provisioned concurrency configuration', () => {
    const at = Date.UTC(2026, 10, 28, 21, 50, 20, 123);
    expect(lambdaTimestamp(at, true)).toBe('2026-11-28T21:50:20.123+0000');
    expect(lambdaTimestamp(at, false)).toBe('2026-11-28T21:50:20+0000');
  });

  it('describe a provisioned concurrency configuration in the API reference’s key order, with a reason only when it failed', () => {
    expect(Object.keys(provisionedConcurrencyConfig({ requested: 2, allocated: 2, status: 'READY', modifiedAt: 0 }))).toEqual([
      'RequestedProvisionedConcurrentExecutions',
      'AvailableProvisionedConcurrentExecutions',
      'AllocatedProvisionedConcurrentExecutions',
      'Status',
      'LastModified',
    ]);
    expect(provisionedConcurrencyConfig({ requested: 1, allocated: 0, status: 'FAILED', modifiedAt: 0 })).toMatchObject({
      Status: 'FAILED',
      StatusReason: 'FUNCTION_ERROR_INIT_FAILURE',
    });
  });

  it('show a function’s configuration as a zip function’s, with its environment only when it has one', () => {
    const fn = managed({ name: 'orders', handler: async () => 'ok', timeout: 10, memorySize: 256 });
    const config = functionConfiguration(fn, fn.configurationOf(undefined), fn.arn);
    expect(config).toMatchObject({ FunctionName: 'orders', FunctionArn: fn.arn, Handler: 'index.handler', Timeout: 10, MemorySize: 256, Version: '$LATEST', PackageType: 'Zip' });
    expect(config).not.toHaveProperty('Environment');
    fn.update({ environment: { MODE: 'fast' } });
    expect(functionConfiguration(fn, fn.configurationOf(undefined), fn.arn)['Environment']).toEqual({ Variables: { MODE: 'fast' } });
  });

  it('give each update a new RevisionId, stable between reads and the same from run to run', () => {
    const fn = managed({ name: 'revisions', handler: async () => 'ok' });
    const read = (): unknown => functionConfiguration(fn, fn.configurationOf(undefined), fn.arn)['RevisionId'];
    const first = read();
    expect(read()).toBe(first);
    fn.update({ timeout: 7 });
    const second = read();
    fn.update({ timeout: 3 }); // the first values again
    expect(new Set([first, second, read()]).size).toBe(3);
    // Numbered per function: another function with the same name starts from the same id.
    const again = managed({ name: 'revisions', handler: async () => 'ok' });
    expect(functionConfiguration(again, again.configurationOf(undefined), again.arn)['RevisionId']).toBe(first);
  });

  it('show an alias with its routing only when it has one', () => {
    const fn = managed({ name: 'aliases', handler: async () => 'ok' });
    fn.publishVersion();
    fn.update({ timeout: 5 });
    fn.publishVersion();
    const plain = aliasConfiguration(fn, fn.createAlias({ name: 'live', functionVersion: '1' }));
    expect(Object.keys(plain)).toEqual(['AliasArn', 'Name', 'FunctionVersion', 'Description', 'RevisionId']);
    const routed = aliasConfiguration(fn, fn.updateAlias({ name: 'live', routingConfig: { additionalVersionWeights: { '2': 0.25 } } }));
    expect(routed['RoutingConfig']).toEqual({ AdditionalVersionWeights: { '2': 0.25 } });
    expect(routed['RevisionId']).not.toBe(plain['RevisionId']);
  });
});
