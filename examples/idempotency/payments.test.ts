import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFunction } from 'lambda-harness';
import { arbitraries } from 'lambda-harness/fast-check';
import 'lambda-harness/vitest';
import { makeHandler, makeNaiveHandler, type PaymentGateway, type PaymentRequested } from './payments.js';

/** In-memory stand-ins for the payment provider and the DynamoDB table. */
function fakes() {
  const charges: { paymentId: string; amount: number }[] = [];
  const claimed = new Set<string>();
  const gateway: PaymentGateway = { charge: async (paymentId, amount) => void charges.push({ paymentId, amount }) };
  const processed = { claim: async (id: string) => !claimed.has(id) && claimed.add(id) !== undefined };
  return { charges, gateway, processed };
}

const paymentRequested = arbitraries.eventBridgeEvent({
  detailType: fc.constant('PaymentRequested'),
  detail: fc.record({ paymentId: fc.uuid(), amount: fc.integer({ min: 1, max: 10_000 }) }),
});

/** Delivers the events asynchronously, as EventBridge does, each one possibly twice (the seed decides which). */
async function deliver(handler: (e: PaymentRequested) => Promise<unknown>, batch: PaymentRequested[], seed: number) {
  const fn = createFunction({ handler, seed, duplicateDelivery: { probability: 0.5 } });
  for (const event of batch) await fn.invokeAsync(event);
  await fn.drain();
  await fn.dispose();
}

describe('charging under at-least-once delivery', () => {
  it('charges every distinct event exactly once, whatever is delivered twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paymentRequested, { minLength: 1, maxLength: 8 }), fc.nat(), async (batch, seed) => {
        const { charges, gateway, processed } = fakes();

        await deliver(makeHandler(gateway, processed), batch, seed);

        // The first delivery of an event id is the one that counts (ids are unique on EventBridge; generated ones may repeat).
        const expected = new Map<string, PaymentRequested['detail']>();
        for (const e of batch) if (!expected.has(e.id)) expected.set(e.id, e.detail);
        expect(charges).toHaveLength(expected.size);
        expect(new Set(charges)).toEqual(new Set(expected.values()));
      }),
      { numRuns: 100 },
    );
  });

  it('catches the double charge of a handler that is not idempotent, with a small counterexample', async () => {
    const outcome = await fc.check(
      fc.asyncProperty(fc.array(paymentRequested, { minLength: 1, maxLength: 8 }), fc.nat(), async (batch, seed) => {
        const { charges, gateway } = fakes();
        await deliver(makeNaiveHandler(gateway), batch, seed);
        return charges.length === new Set(batch.map((e) => e.id)).size;
      }),
      { numRuns: 100, seed: 42 },
    );

    expect(outcome.failed).toBe(true);
    // Shrunk to a batch of one or two events, one of them delivered twice.
    expect(outcome.counterexample?.[0].length).toBeLessThanOrEqual(2);
  });

  it('logs the duplicate it ignored', async () => {
    const { gateway, processed } = fakes();
    const fn = createFunction({ handler: makeHandler(gateway, processed), seed: 3, duplicateDelivery: { probability: 1 } });
    const [event] = fc.sample(paymentRequested, { numRuns: 1, seed: 1 });

    await fn.invokeAsync(event!);
    await fn.drain();

    const [first, second] = fn.invocations;
    expect(first).toSucceedWith({ status: 'charged' });
    expect(second).toSucceedWith({ status: 'duplicate' });
    expect(second).toHaveLogged(`event ${event!.id} already processed`, 'INFO');
    await fn.dispose();
  });
});
