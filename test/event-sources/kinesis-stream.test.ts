import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClock, createKinesisStream, HarnessError, InvalidParameterValueError } from '../../src/index.js';

describe('createKinesisStream', () => {
  it('keeps records with increasing sequence numbers, data in base64, arriving at its clock’s time', () => {
    const clock = createClock({ now: '2026-01-01T00:00:00Z' });
    const stream = createKinesisStream('orders', { clock });
    const a = stream.putRecord({ orderId: 1 }, { partitionKey: 'k' });
    const b = stream.putRecord('two', { partitionKey: 'k' });
    expect(BigInt(b.sequenceNumber) > BigInt(a.sequenceNumber)).toBe(true);
    expect(a.sequenceNumber).toMatch(/^\d{56}$/);
    expect(stream.records.map((r) => [r.shardId, Buffer.from(r.data, 'base64').toString(), r.arrivedAt])).toEqual([
      ['shardId-000000000000', '{"orderId":1}', Date.parse('2026-01-01T00:00:00Z')],
      ['shardId-000000000000', 'two', Date.parse('2026-01-01T00:00:00Z')],
    ]);
    expect(stream.arn).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/orders');
  });

  it('puts a partition key always on the same shard, spreading keys over the shards by their MD5', () => {
    const stream = createKinesisStream('wide', { shardCount: 4 });
    expect(stream.shardIds).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
    const shards = Array.from({ length: 200 }, (_, i) => stream.putRecord('x', { partitionKey: `key-${i}` }).shardId);
    expect(new Set(shards).size).toBe(4);
    expect(stream.putRecord('y', { partitionKey: 'key-7' }).shardId).toBe(shards[7]);
    // The shard whose quarter of the 128-bit hash key space holds the key's MD5.
    const quarter = (key: string): number => Number((BigInt(`0x${createHash('md5').update(key).digest('hex')}`) * 4n) >> 128n);
    expect(shards.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `shardId-00000000000${quarter(`key-${i}`)}`));
  });

  it('puts several records at once, and drops records past its retention period', async () => {
    const clock = createClock();
    const stream = createKinesisStream('kept', { clock });
    expect(stream.putRecords([{ data: 'a', partitionKey: 'k' }, { data: 'b', partitionKey: 'k' }]).map((r) => r.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000000']);
    await clock.advance('23h');
    expect(stream.records).toHaveLength(2);
    await clock.advance('1h');
    expect(stream.records).toEqual([]);
    await clock.dispose();
  });

  it('refuses a record without a partition key, one over 1 MiB, and options Kinesis would refuse', () => {
    const stream = createKinesisStream('s');
    expect(() => stream.putRecord('x', {} as never)).toThrow(/partitionKey of 1-256 characters/);
    expect(() => stream.putRecord(new Uint8Array(1_048_576), { partitionKey: 'k' })).toThrow(/over 1 MiB/);
    expect(stream.records).toEqual([]);
    expect(() => createKinesisStream('s', { shardCount: 0 })).toThrow(InvalidParameterValueError);
    expect(() => createKinesisStream('s', { retentionPeriodHours: 1 })).toThrow(/between 24 and 8760 hours/);
    expect(() => createKinesisStream('s', { clock: {} as never })).toThrow(/'clock' must be a function's clock/);
    expect(() => createKinesisStream('bad name')).toThrow(HarnessError);
  });
});
