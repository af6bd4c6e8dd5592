import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFunction } from 'lambda-harness';
import { lambdaHandlers } from 'lambda-harness/msw';
import 'lambda-harness/vitest';
import { handler } from './checkout.js';

const prices: Record<string, number> = { coffee: 3, cake: 4 };

// The two functions checkout calls, simulated by the harness and reachable at lambda.<region>.amazonaws.com.
const pricing = createFunction({
  name: 'pricing',
  handler: async (event: { items: { sku: string; quantity: number }[] }) => {
    const unknown = event.items.find((i) => prices[i.sku] === undefined);
    if (unknown) throw new RangeError(`no price for ${unknown.sku}`);
    return { total: event.items.reduce((sum, i) => sum + prices[i.sku]! * i.quantity, 0) };
  },
});
const sendReceipt = createFunction({
  name: 'send-receipt',
  handler: async (event: { orderId: string; email: string; total: number }) => {
    console.log('receipt for %s sent to %s', event.orderId, event.email);
  },
});
// Lambda gives every function its role's credentials in the environment; the SDK finds them there.
const checkout = createFunction({
  name: 'checkout',
  timeout: 10,
  handler,
  environment: { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example', AWS_SESSION_TOKEN: 'example' },
});

const server = setupServer(...lambdaHandlers([pricing, sendReceipt]));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await Promise.all([checkout.dispose(), pricing.dispose(), sendReceipt.dispose()]);
});

describe('a function that invokes other functions with the AWS SDK', () => {
  it('prices synchronously and queues the receipt asynchronously', async () => {
    const result = await checkout.invoke({ orderId: 'o-1', items: [{ sku: 'coffee', quantity: 2 }, { sku: 'cake', quantity: 1 }], email: 'ada@example.com' });

    expect(result).toSucceedWith({ orderId: 'o-1', total: 10, receipt: 'queued' });
    expect(pricing.invocations.at(-1)).toSucceedWith({ total: 10 });

    // The Event invoke was accepted (202); the receipt function runs when its queue is drained.
    await sendReceipt.drain();
    const [receipt] = sendReceipt.asyncEvents;
    expect(receipt).toHaveAttempts(1);
    expect(receipt!.event).toEqual({ orderId: 'o-1', email: 'ada@example.com', total: 10 });
    expect(sendReceipt.invocations.at(-1)).toHaveLogged('receipt for o-1 sent to ada@example.com', 'INFO');
  });

  it('sees the other function’s error as AWS reports it: a 200 with FunctionError', async () => {
    const result = await checkout.invoke({ orderId: 'o-2', items: [{ sku: 'caviar', quantity: 1 }], email: 'ada@example.com' });

    expect(result).toFailWith('Error', 'pricing failed: RangeError: no price for caviar');
    expect(pricing.invocations.at(-1)).toFailWith('RangeError', 'no price for caviar');
  });
});
