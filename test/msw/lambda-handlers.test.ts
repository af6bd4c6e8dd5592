import { LambdaClient } from '@aws-sdk/client-lambda';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { lambdaHandlers } from '../../src/msw/index.js';
import { createFunction, HarnessError } from '../../src/index.js';
import { CREDENTIALS, describeInvokeContract } from '../invoke-api/_contract.js';
import { expectLiveStream, gatedFunction } from '../invoke-api/_gated-stream.js';

describeInvokeContract('msw handlers (setupServer)', async (functions) => {
  const server = setupServer(...lambdaHandlers(functions));
  server.listen({ onUnhandledRequest: 'error' });
  return { close: () => server.close() };
});

describe('lambdaHandlers', () => {
  it('rejects unknown options with the valid ones listed', () => {
    // @ts-expect-error -- a typo must fail loudly
    expect(() => lambdaHandlers([], { regoin: 'us-east-1' })).toThrow(/unknown option "regoin". Valid options: region, seed, onError/);
  });

  it('rejects something that is not a list of functions', () => {
    // @ts-expect-error -- a single function instead of an array
    expect(() => lambdaHandlers(createFunction({ handler: async () => 1 }))).toThrow(HarnessError);
  });

  it('leaves Lambda API paths it does not serve to the handlers after it', async () => {
    const fn = createFunction({ name: 'hello-world', handler: async () => 'hi' });
    const base = 'https://lambda.us-east-1.amazonaws.com';
    const policy = http.get(`${base}/2015-03-31/functions/:name/policy`, () => HttpResponse.json({ Policy: '{}' }));
    // Served paths, operations that are not: DeleteFunction, ListProvisionedConcurrencyConfigs (GET …?List=ALL).
    const deleteFunction = http.delete(`${base}/2015-03-31/functions/:name`, () => new HttpResponse(null, { status: 204 }));
    const listProvisioned = http.get(`${base}/2019-09-30/functions/:name/provisioned-concurrency`, () => HttpResponse.json({ ProvisionedConcurrencyConfigs: [] }));
    const server = setupServer(...lambdaHandlers([fn]), policy, deleteFunction, listProvisioned);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const mine = await fetch('https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/hello-world/policy');
      expect(await mine.json()).toEqual({ Policy: '{}' });
      const served = await fetch('https://lambda.us-east-1.amazonaws.com/2019-09-30/functions/hello-world/concurrency');
      expect([served.status, await served.json()]).toEqual([200, {}]);
      expect((await fetch(`${base}/2015-03-31/functions/hello-world`, { method: 'DELETE' })).status).toBe(204);
      expect(await (await fetch(`${base}/2019-09-30/functions/hello-world/provisioned-concurrency?List=ALL`)).json()).toEqual({ ProvisionedConcurrencyConfigs: [] });
      // Another method on an invocation path is still the API's 405, as the server answers it.
      const wrongMethod = await fetch(`${base}/2015-03-31/functions/hello-world/invocations`);
      expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    } finally {
      server.close();
      await fn.dispose();
    }
  });

  it('intercepts only the region it was given', async () => {
    const fn = createFunction({ name: 'hello-world', handler: async () => 'hi' });
    const server = setupServer(...lambdaHandlers([fn], { region: 'us-east-1' }));
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const hit = await fetch('https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/hello-world/invocations', { method: 'POST', body: '{}' });
      expect(hit.status).toBe(200);
      expect(await hit.text()).toBe('"hi"');
      const handlers = server.listHandlers();
      expect(handlers).toHaveLength(1);
      expect(String((handlers[0] as HttpHandler).info.path)).toContain('us\\-east\\-1');
    } finally {
      server.close();
      await fn.dispose();
    }
  });
});

describe('InvokeWithResponseStream through msw, live', () => {
  it('hands the SDK each event as the handler writes it: the first arrives while the handler still waits', async () => {
    const fn = gatedFunction();
    const server = setupServer(...lambdaHandlers([fn]));
    // The handler's request to the gate goes through to the real server.
    server.listen({ onUnhandledRequest: 'bypass' });
    const client = new LambdaClient({ region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      await expectLiveStream(client);
    } finally {
      client.destroy();
      server.close();
      await fn.dispose();
    }
  });
});
