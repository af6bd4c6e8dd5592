import { afterEach, describe, expect, it } from 'vitest';
import { createFunction, type LambdaFunction } from 'lambda-harness';
import 'lambda-harness/vitest';
import { v1, v2, type Cart } from './pricing.js';

let fn: LambdaFunction<Cart, { total: number }>;
afterEach(() => fn.dispose());

/** The deployment as a pipeline makes it: version 1 live, version 2 published, the alias sending it a tenth. */
function deploy(): LambdaFunction<Cart, { total: number }> {
  fn = createFunction({ name: 'pricing', handler: v1 });
  fn.publishVersion();
  fn.update({ handler: v2 });
  fn.publishVersion();
  fn.createAlias({ name: 'live', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.1 } } });
  return fn;
}

const carts: Cart[] = Array.from({ length: 300 }, (_, i) => ({ items: Array.from({ length: i % 4 }, (_, j) => ({ sku: `sku-${j}`, price: 10 })) }));

describe('a canary release through a weighted alias', () => {
  it('sends about a tenth of the live traffic to version 2, and only version 2 fails', async () => {
    const live = deploy();
    const results = [];
    for (const cart of carts) results.push(await live.invoke(cart, { qualifier: 'live' }));
    const canary = results.filter((r) => r.executedVersion === '2');
    expect(canary.length / results.length).toBeGreaterThan(0.05);
    expect(canary.length / results.length).toBeLessThan(0.15);
    const failed = results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((r) => r.executedVersion))).toEqual(new Set(['2']));
    expect(failed[0]).toFailWith('TypeError', "Cannot read properties of undefined (reading 'price')");
  });

  it('rolls back by dropping the routing, and keeps the alias warm with provisioned concurrency', async () => {
    const live = deploy();
    live.updateAlias({ name: 'live', routingConfig: null });
    live.putProvisionedConcurrency('live', 2);
    const [first, second] = await Promise.all([live.invoke({ items: [] }, { qualifier: 'live' }), live.invoke({ items: [] }, { qualifier: 'live' })]);
    for (const r of [first!, second!]) {
      expect(r).toSucceedWith({ total: 0 });
      expect(r).toBeWarmStart();
      expect(r.executedVersion).toBe('1');
    }
  });
});
