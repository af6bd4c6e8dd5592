import { afterAll, describe, expect, it } from 'vitest';
import { createEventSourceMapping, createFunction, createQueue } from 'lambda-harness';
import { handler } from './handler.js';

const fn = createFunction({ handler, name: 'reserve-stock', timeout: 10 });
afterAll(() => fn.dispose());

describe('the SQS consumer behind a real queue and event source mapping', () => {
  it('deletes the good lines, retries the bad one after the visibility timeout, then dead-letters it', async () => {
    const dlq = createQueue('orders-dlq');
    // Visibility 6 x the timeout, as AWS advises; a bad message gets three receives.
    const orders = createQueue('orders', { visibilityTimeout: 60, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 3 } });
    const mapping = createEventSourceMapping(fn, orders, { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] });

    orders.send({ sku: 'apple', quantity: 2 });
    const bad = orders.send({ sku: 'plum', quantity: -1 });
    orders.send({ sku: 'pear', quantity: 1 });
    const summary = await mapping.drain(); // three minutes of virtual time, in milliseconds

    expect(summary).toMatchObject({ batches: 3, deleted: 2, deadLettered: 1, virtualMs: 180_000 });
    expect(mapping.batches.map((b) => b.event.Records.length)).toEqual([3, 1, 1]);
    expect(mapping.batches.map((b) => b.fate)).toEqual([
      { kind: 'partial', failed: [bad] },
      { kind: 'partial', failed: [bad] },
      { kind: 'partial', failed: [bad] },
    ]);
    // The dead letter is the original message: same id, same body.
    expect(dlq.messages.map((m) => [m.messageId, JSON.parse(m.body)])).toEqual([[bad, { sku: 'plum', quantity: -1 }]]);
    expect(orders.messages).toEqual([]);
  });
});
