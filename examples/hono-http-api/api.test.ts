import { afterAll, describe, expect, it } from 'vitest';
import { createFunction, events } from 'lambda-harness';
import 'lambda-harness/vitest';
import { handler } from './app.js';

const api = createFunction({ handler, name: 'orders-api' });
afterAll(() => api.dispose());

describe('a Hono app behind an HTTP API', () => {
  it('serves a resource as JSON', async () => {
    const result = await api.invoke(events.apiGatewayV2({ method: 'GET', path: '/orders/1' }));

    expect(result).toSucceedWith({
      statusCode: 200,
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
      body: JSON.stringify({ id: 1, item: 'coffee' }),
      isBase64Encoded: false,
    });
  });

  it('creates a resource from a JSON body, with its location', async () => {
    const result = await api.invoke(events.apiGatewayV2({ method: 'POST', path: '/orders', json: { item: 'tea' } }));

    expect(result).toSucceedWith(
      expect.objectContaining({
        statusCode: 201,
        headers: expect.objectContaining({ location: '/orders/2' }),
        body: JSON.stringify({ id: 2, item: 'tea' }),
      }),
    );
  });

  it('answers 400 and 404 as HTTP responses, not as function errors', async () => {
    const invalid = await api.invoke(events.apiGatewayV2({ method: 'POST', path: '/orders', json: { item: 42 } }));
    const missing = await api.invoke(events.apiGatewayV2({ path: '/orders/99' }));

    expect(invalid).toSucceedWith(expect.objectContaining({ statusCode: 400, body: JSON.stringify({ message: '"item" must be a string' }) }));
    expect(missing).toSucceedWith(expect.objectContaining({ statusCode: 404 }));
  });
});
