import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunction, startFunctionUrl, type RunningServer } from 'lambda-harness';
import { handler } from './app.js';

// The same app behind a Lambda function URL, called over real HTTP as a browser or another service would.
const api = createFunction({ handler, name: 'orders-url' });
let url: RunningServer;
beforeAll(async () => {
  url = await startFunctionUrl(api);
});
afterAll(async () => {
  await url.close();
  await api.dispose();
});

describe('a Hono app behind a function URL', () => {
  it('answers fetch with the status, headers and body the app chose', async () => {
    const res = await fetch(`${url.url}/orders/1`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ id: 1, item: 'coffee' });
  });

  it('takes a JSON body and answers 201 with a location, the invocation in the function’s history', async () => {
    const res = await fetch(`${url.url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: 'tea' }) });

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/orders/2');
    expect(res.headers.get('x-amzn-requestid')).toBe(api.invocations.at(-1)!.requestId);
  });
});
