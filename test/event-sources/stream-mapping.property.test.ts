import type { KinesisStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, createEventSourceMapping, createFunction, createKinesisStream } from '../../src/index.js';

/** 1,000 cases per property in CI (CI=true); fewer locally. FC_SEED=<seed> replays a reported failure. */
const numRuns = process.env['CI'] ? 1000 : 150;
const seed = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
const params = { numRuns, ...(seed === undefined ? {} : { seed }), verbose: 1 as const };

const scenario = fc.record({
  // Per record: whether its handling succeeds on its 1st, 2nd, ... delivery (past the list: it succeeds).
  records: fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), outcomes: fc.oneof(fc.array(fc.boolean(), { maxLength: 10 }), fc.constant(Array.from({ length: 10 }, () => false))), kept: fc.boolean() }), { minLength: 1, maxLength: 15 }),
  shardCount: fc.integer({ min: 1, max: 3 }),
  batchSize: fc.integer({ min: 1, max: 5 }),
  // -1: retried until it succeeds or ages out.
  maximumRetryAttempts: fc.integer({ min: -1, max: 3 }),
  report: fc.boolean(),
  bisect: fc.boolean(),
  // Filter criteria keeping only the records marked `kept`, or none.
  filter: fc.boolean(),
  // A batching window, and a record age limit (-1: none), to exercise what waits and what ages out.
  window: fc.constantFrom(0, 0, 1, 3),
  maximumRecordAge: fc.constantFrom(-1, -1, 60, 90),
});

describe('Kinesis event source mappings, for any records, outcomes and configuration', () => {
  it('end every record once (processed, skipped, or filtered out unseen), deliver each shard in order, and never exceed the retry quota', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const deliveries = new Map<string, number>();
        const outcome = new Map<string, boolean[]>();
        const fn = createFunction({
          clock: createClock({ realTimeFlow: false }),
          handler: async (event: KinesisStreamEvent) => {
            const failed = event.Records.filter((r) => {
              const n = (deliveries.get(r.kinesis.sequenceNumber) ?? 0) + 1;
              deliveries.set(r.kinesis.sequenceNumber, n);
              return outcome.get(r.kinesis.sequenceNumber)![n - 1] === false;
            });
            if (!s.report) {
              if (failed.length > 0) throw new Error(`${failed.length} failed`);
              return null;
            }
            return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })) };
          },
        });
        try {
          const stream = createKinesisStream('s', { shardCount: s.shardCount, clock: fn.clock });
          const mapping = createEventSourceMapping(fn, stream, {
            startingPosition: 'TRIM_HORIZON',
            batchSize: s.batchSize,
            maximumRetryAttempts: s.maximumRetryAttempts,
            bisectBatchOnFunctionError: s.bisect,
            maximumBatchingWindowInSeconds: s.window,
            maximumRecordAgeInSeconds: s.maximumRecordAge,
            ...(s.report ? { functionResponseTypes: ['ReportBatchItemFailures'] as const } : {}),
            ...(s.filter ? { filterCriteria: { filters: [{ pattern: { data: ['kept'] } }] } } : {}),
          });
          const put = s.records.map((r) => {
            const where = stream.putRecord(r.kept ? 'kept' : 'dropped', { partitionKey: r.key });
            outcome.set(where.sequenceNumber, r.outcomes);
            return where;
          });
          const summary = await mapping.drain();

          // Every record ends once: processed, skipped in exactly one failure record, or filtered out never seen.
          const filteredOut = s.filter ? put.filter((_, i) => !s.records[i]!.kept) : [];
          expect(summary.filteredRecords).toBe(filteredOut.length);
          for (const { sequenceNumber } of filteredOut) expect(deliveries.has(sequenceNumber)).toBe(false);
          expect(summary.processedRecords + summary.skippedRecords + summary.filteredRecords).toBe(put.length);
          const skipped = mapping.skipped.flatMap((k) => k.sequenceNumbers);
          expect(new Set(skipped).size).toBe(skipped.length);
          expect(skipped.length).toBe(summary.skippedRecords);
          if (s.maximumRetryAttempts !== -1) for (const k of mapping.skipped) expect(k.approximateInvokeCount).toBeLessThanOrEqual(s.maximumRetryAttempts + 1);
          // A record never seen by the function was not processed: it can only have been skipped.
          for (const { sequenceNumber } of put) {
            if (!deliveries.has(sequenceNumber) && !filteredOut.some((f) => f.sequenceNumber === sequenceNumber)) expect(skipped).toContain(sequenceNumber);
          }
          // Each shard's records reach the function in order: batches hold ascending runs, first deliveries ascend.
          for (const shardId of stream.shardIds) {
            const first: bigint[] = [];
            for (const batch of mapping.batches.filter((b) => b.shardId === shardId)) {
              const numbers = batch.event.Records.map((r) => BigInt(r.kinesis.sequenceNumber));
              numbers.forEach((n, i) => i > 0 && expect(n > numbers[i - 1]!).toBe(true));
              for (const n of numbers) if (!first.includes(n)) first.push(n);
            }
            first.forEach((n, i) => i > 0 && expect(n > first[i - 1]!).toBe(true));
          }
        } finally {
          await fn.dispose();
        }
      }),
      params,
    );
  });
});
