import type { SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, createEventSourceMapping, createFunction, createQueue, type SqsBatch } from '../../src/index.js';

/** 1,000 cases per property in CI (CI=true); fewer locally. FC_SEED=<seed> replays a reported failure. */
const numRuns = process.env['CI'] ? 1000 : 150;
const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
const params = { numRuns, ...(seed === undefined ? {} : { seed }), verbose: 1 as const };

const scenario = fc.record({
  // Per message: whether its handling succeeds on its 1st, 2nd, ... receive.
  messages: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
  batchSize: fc.integer({ min: 1, max: 10 }),
  maxReceiveCount: fc.integer({ min: 1, max: 4 }),
  visibilityTimeout: fc.integer({ min: 1, max: 120 }),
  report: fc.boolean(),
  fifo: fc.boolean(),
  groups: fc.integer({ min: 1, max: 3 }),
  // Filter criteria keeping only the messages marked here, or none.
  filter: fc.boolean(),
  // A batching window (standard queues only), or none.
  window: fc.constantFrom(0, 0, 5, 30),
  kept: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
});

/** Every delivery of each message: its receive count and whether that delivery ended with the message processed. */
function deliveries(batches: readonly SqsBatch[]): Map<string, { count: number; processed: boolean }[]> {
  const out = new Map<string, { count: number; processed: boolean }[]>();
  for (const batch of batches) {
    for (const record of batch.event.Records) {
      const fate = batch.fate;
      const processed = fate.kind === 'succeeded' || (fate.kind === 'partial' && !fate.failed.includes(record.messageId));
      const list = out.get(record.messageId) ?? [];
      list.push({ count: Number(record.attributes.ApproximateReceiveCount), processed });
      out.set(record.messageId, list);
    }
  }
  return out;
}

describe('SQS event source mappings, for any messages, outcomes and configuration', () => {
  it('end every message exactly once, filtered out unseen, deleted after a processed delivery or dead-lettered after maxReceiveCount, receive counts 1, 2, 3, ...', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const suffix = s.fifo ? '.fifo' : '';
        const dlq = createQueue(`dlq${suffix}`);
        const queue = createQueue(`source${suffix}`, {
          visibilityTimeout: s.visibilityTimeout,
          redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: s.maxReceiveCount },
          ...(s.fifo ? { contentBasedDeduplication: true } : {}),
        });
        const outcomes = new Map<string, boolean[]>();
        const fn = createFunction({
          clock: createClock({ realTimeFlow: false }),
          timeout: 1,
          handler: async (event: SQSEvent) => {
            const failed = event.Records.filter((r) => !outcomes.get(r.messageId)![Number(r.attributes.ApproximateReceiveCount) - 1]);
            if (!s.report) {
              if (failed.length > 0) throw new Error(`${failed.length} failed`);
              return null;
            }
            return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
          },
        });
        try {
          const mapping = createEventSourceMapping(fn, queue, {
            batchSize: s.batchSize,
            ...(s.fifo || s.window === 0 ? {} : { maximumBatchingWindowInSeconds: s.window }),
            ...(s.report ? { functionResponseTypes: ['ReportBatchItemFailures'] as const } : {}),
            ...(s.filter ? { filterCriteria: { filters: [{ pattern: { body: { keep: [true] } } }] } } : {}),
          });
          const isKept = (i: number): boolean => !s.filter || s.kept[i]!;
          const ids = s.messages.map((m, i) => {
            const id = queue.send({ m: i, keep: s.kept[i] }, s.fifo ? { messageGroupId: `g${i % s.groups}` } : {});
            outcomes.set(id, m);
            return id;
          });
          const summary = await mapping.drain();

          const seen = deliveries(mapping.batches);
          const dead = dlq.messages.map((m) => m.messageId);
          expect(queue.messages).toEqual([]);
          expect(new Set(dead).size).toBe(dead.length);
          expect(summary.deleted + summary.deadLettered + summary.filtered).toBe(ids.length);
          expect(summary.filtered).toBe(ids.filter((_, i) => !isKept(i)).length);
          for (const [i, id] of ids.entries()) {
            const list = seen.get(id) ?? [];
            if (!isKept(i)) {
              // Turned away by the filter: never delivered, deleted rather than dead-lettered.
              expect(list).toEqual([]);
              expect(dead.includes(id)).toBe(false);
              continue;
            }
            // Receive counts go up one at a time, and nothing is delivered after it was processed.
            expect(list.map((d) => d.count)).toEqual(list.map((_, i) => i + 1));
            expect(list.slice(0, -1).every((d) => !d.processed)).toBe(true);
            const processed = list.at(-1)?.processed === true;
            // Dead-lettered exactly when no delivery processed it, after maxReceiveCount of them.
            expect(dead.includes(id)).toBe(!processed);
            if (!processed) expect(list).toHaveLength(s.maxReceiveCount);
            // With a partial batch response a message's fate is its own: the model decides it alone.
            if (s.report) {
              const firstSuccess = outcomes.get(id)!.slice(0, s.maxReceiveCount).indexOf(true);
              expect(list).toHaveLength(firstSuccess === -1 ? s.maxReceiveCount : firstSuccess + 1);
            }
          }
          // FIFO: a batch carries a message only after every earlier one of its group has ended, or along with it, ahead.
          if (s.fifo) {
            const endedAt = new Map<string, number>();
            mapping.batches.forEach((batch, n) => batch.event.Records.forEach((r) => endedAt.set(r.messageId, n)));
            mapping.batches.forEach((batch, n) => {
              const order = batch.event.Records.map((r) => r.messageId);
              for (const id of order) {
                const i = ids.indexOf(id);
                for (let j = i - s.groups; j >= 0; j -= s.groups) {
                  if (!isKept(j)) continue;
                  const earlier = ids[j]!;
                  if (order.includes(earlier)) expect(order.indexOf(earlier)).toBeLessThan(order.indexOf(id));
                  else expect(endedAt.get(earlier)!).toBeLessThan(n);
                }
              }
            });
          }
        } finally {
          await fn.dispose();
        }
      }),
      params,
    );
  });
});
