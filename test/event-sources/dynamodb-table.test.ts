import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createClock, createDynamoDbTable, createEventSourceMapping, createFunction, HarnessError } from '../../src/index.js';

describe('createDynamoDbTable', () => {
  it('records an INSERT, a MODIFY with the old image, nothing for a put that changes nothing, and a REMOVE', () => {
    const clock = createClock({ now: '2026-03-01T12:00:00Z' });
    const table = createDynamoDbTable('orders', { partitionKey: 'id', clock });
    table.putItem({ id: 'o-1', total: 12 });
    table.putItem({ id: 'o-1', total: 15 });
    table.putItem({ id: 'o-1', total: 15 });
    table.deleteItem({ id: 'o-1' });
    table.deleteItem({ id: 'never-there' });
    expect(table.records.map((r) => [r.eventName, r.dynamodb!.Keys, r.dynamodb!.NewImage, r.dynamodb!.OldImage])).toEqual([
      ['INSERT', { id: { S: 'o-1' } }, { id: { S: 'o-1' }, total: { N: '12' } }, undefined],
      ['MODIFY', { id: { S: 'o-1' } }, { id: { S: 'o-1' }, total: { N: '15' } }, { id: { S: 'o-1' }, total: { N: '12' } }],
      ['REMOVE', { id: { S: 'o-1' } }, undefined, { id: { S: 'o-1' }, total: { N: '15' } }],
    ]);
    const sequence = table.records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect(sequence[1]! > sequence[0]! && sequence[2]! > sequence[1]!).toBe(true);
    expect(table.records[0]!.dynamodb!.ApproximateCreationDateTime).toBe(Date.parse('2026-03-01T12:00:00Z') / 1000);
    expect(table.streamArn).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-03-01T12:00:00.000');
    expect(table.items).toEqual([]);
  });

  it('keys items by partition and sort key, and carries the images its stream view type says', () => {
    const table = createDynamoDbTable('events', { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'KEYS_ONLY' });
    table.putItem({ pk: 'a', sk: 1, v: 'x' });
    table.putItem({ pk: 'a', sk: 2, v: 'y' });
    expect(table.items).toHaveLength(2);
    expect(table.records.map((r) => [r.eventName, r.dynamodb!.Keys, r.dynamodb!.NewImage])).toEqual([
      ['INSERT', { pk: { S: 'a' }, sk: { N: '1' } }, undefined],
      ['INSERT', { pk: { S: 'a' }, sk: { N: '2' } }, undefined],
    ]);
  });

  it('refuses an item without its key, and options DynamoDB would refuse', () => {
    const table = createDynamoDbTable('t-1', { partitionKey: 'id' });
    expect(() => table.putItem({ other: 1 })).toThrow(/key attribute id must be a string or a number/);
    expect(() => createDynamoDbTable('t-2', {} as never)).toThrow(/partitionKey/);
    expect(() => createDynamoDbTable('t-3', { partitionKey: 'id', streamViewType: 'ALL' as never })).toThrow(/streamViewType must be one of/);
    expect(() => createDynamoDbTable('x', { partitionKey: 'id' })).toThrow(HarnessError);
  });

  it('feeds a stream mapping its changes in order', async () => {
    const fn = createFunction({ clock: createClock({ realTimeFlow: false }), handler: async (event: DynamoDBStreamEvent) => event.Records.length });
    try {
      const table = createDynamoDbTable('orders', { partitionKey: 'id', clock: fn.clock });
      const mapping = createEventSourceMapping(fn, table, { startingPosition: 'TRIM_HORIZON', batchSize: 2 });
      table.putItem({ id: 'a' });
      table.putItem({ id: 'b' });
      table.deleteItem({ id: 'a' });
      expect(await mapping.drain()).toMatchObject({ batches: 2, processedRecords: 3 });
      expect(mapping.batches.map((b) => b.event.Records.map((r) => r.eventName))).toEqual([['INSERT', 'INSERT'], ['REMOVE']]);
    } finally {
      await fn.dispose();
    }
  });
});

describe('a DynamoDB table’s puts', () => {
  it('see through key order and keep sets, bytes and big numbers', () => {
    const table = createDynamoDbTable('typed', { partitionKey: 'id' });
    table.putItem({ id: 'a', x: 1, y: 2 });
    table.putItem({ id: 'a', y: 2, x: 1 });
    table.putItem({ id: 'b', tags: new Set(['x']), blob: new Uint8Array([1, 2]), big: 12345678901234567890n });
    table.putItem({ id: 'b', tags: new Set(['y']), blob: new Uint8Array([1, 2]), big: 12345678901234567890n });
    expect(table.records.map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'MODIFY']);
    expect(table.records[2]!.dynamodb!.NewImage!['tags']).toEqual({ SS: ['y'] });
    expect(table.records[2]!.dynamodb!.NewImage!['big']).toEqual({ N: '12345678901234567890' });
  });
});
