import { describe, expect, it } from 'vitest';
import { routeControl } from '../../src/invoke-api/control-plane.js';

const none = new URLSearchParams();
const operationOf = (method: string, path: string, query = none): string | undefined => routeControl(method, path, query)?.operation.name;

describe('routeControl', () => {
  it('names an operation by its method and path, as AWS’s API does', () => {
    expect(operationOf('GET', '/2015-03-31/functions/orders')).toBe('GetFunction');
    expect(operationOf('DELETE', '/2015-03-31/functions/orders')).toBeUndefined(); // DeleteFunction: not served
    expect(operationOf('PUT', '/2017-10-31/functions/orders/concurrency')).toBe('PutFunctionConcurrency');
    expect(operationOf('GET', '/2019-09-30/functions/orders/concurrency')).toBe('GetFunctionConcurrency');
    expect(operationOf('GET', '/2017-10-31/functions/orders/concurrency')).toBeUndefined(); // another API version's path
  });

  it('tells ListProvisionedConcurrencyConfigs (not served) from GetProvisionedConcurrencyConfig by its query', () => {
    const path = '/2019-09-30/functions/orders/provisioned-concurrency';
    expect(operationOf('GET', path, new URLSearchParams('Qualifier=1'))).toBe('GetProvisionedConcurrencyConfig');
    expect(operationOf('GET', path, new URLSearchParams('List=ALL'))).toBeUndefined();
    expect(operationOf('GET', '/2015-03-31/functions/orders', new URLSearchParams('List=ALL'))).toBe('GetFunction'); // elsewhere it means nothing
  });

  it('decodes the function and alias names in the path', () => {
    const route = routeControl('GET', '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders/aliases/live', none);
    expect([route?.operation.name, route?.functionName, route?.alias]).toEqual(['GetAlias', 'arn:aws:lambda:us-east-1:123456789012:function:orders', 'live']);
  });
});
