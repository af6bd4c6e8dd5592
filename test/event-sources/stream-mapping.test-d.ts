import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createDynamoDbTable,
  createEventSourceMapping,
  createFunction,
  createKinesisStream,
  createQueue,
  type EventSourceMapping,
  type StreamBatch,
  type StreamDrainSummary,
  type StreamEventSourceMapping,
} from '../../src/index.js';

describe('stream event source mapping types', () => {
  const fn = createFunction({ handler: async (event: KinesisStreamEvent) => event.Records.length });
  const stream = createKinesisStream('clicks');

  it('returns the stream mapping for a stream, which needs its starting position', () => {
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'LATEST', destinations: { onFailure: createQueue('f') } });
    expectTypeOf(mapping).toEqualTypeOf<StreamEventSourceMapping<KinesisStreamEvent>>();
    expectTypeOf(mapping).toMatchTypeOf<EventSourceMapping>();
    expectTypeOf(mapping.drain()).toEqualTypeOf<Promise<StreamDrainSummary>>();
    // @ts-expect-error -- a stream mapping needs options with startingPosition
    createEventSourceMapping(fn, stream);
    createEventSourceMapping(fn, stream, { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: new Date('2026-01-01') });
    // @ts-expect-error -- streams have no on-success destination
    createEventSourceMapping(fn, stream, { startingPosition: 'LATEST', destinations: { onSuccess: createQueue('s') } });
  });

  it('narrows a stream batch’s fate by kind', () => {
    const batch = {} as StreamBatch<KinesisStreamEvent>;
    expectTypeOf(batch.event).toEqualTypeOf<KinesisStreamEvent>();
    const table = createDynamoDbTable('orders', { partitionKey: 'id' });
    expectTypeOf(createEventSourceMapping(fn, table, { startingPosition: 'LATEST' }).batches[0]!.event).toEqualTypeOf<DynamoDBStreamEvent>();
    if (batch.fate.kind === 'partial') expectTypeOf(batch.fate.retryFrom).toEqualTypeOf<string>();
    if (batch.fate.kind === 'failed') expectTypeOf(batch.fate.then).toEqualTypeOf<'retry' | 'bisect' | 'skip'>();
  });
});
