import type { KinesisStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { exactClockFunctions } from '../_support/functions.js';
import { createClock, createDynamoDbTable, createEventSourceMapping, createKinesisStream, createQueue } from '../../src/index.js';
import { streamState } from '../../src/event-sources/kinesis-stream.js';

const make = exactClockFunctions<KinesisStreamEvent>();

const text = (event: KinesisStreamEvent): string[] => event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString());
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEventSourceMapping (Kinesis)', () => {
  it('reads from the oldest record with TRIM_HORIZON, or only what is put afterwards with LATEST', async () => {
    const fn = make(async () => 'ok', { name: 'horizon' });
    const stream = createKinesisStream('s', { clock: fn.clock });
    stream.putRecord('old', { partitionKey: 'k' });
    const horizon = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON' });
    const latest = createEventSourceMapping(make(async () => 'ok', { name: 'latest', clock: fn.clock }), stream, { startingPosition: 'LATEST' });
    stream.putRecord('new', { partitionKey: 'k' });
    await horizon.drain();
    await latest.drain();
    expect(horizon.batches.flatMap((b) => text(b.event))).toEqual(['old', 'new']);
    expect(latest.batches.flatMap((b) => text(b.event))).toEqual(['new']);
  });

  it('reads from the first record at or after a time with AT_TIMESTAMP (Kinesis only)', async () => {
    const fn = make(async () => 'ok', { name: 'at-timestamp' });
    const stream = createKinesisStream('s', { clock: fn.clock });
    stream.putRecord('before', { partitionKey: 'k' });
    await fn.clock.advance('1m');
    const t = fn.clock.now();
    stream.putRecord('at', { partitionKey: 'k' });
    await fn.clock.advance('1m');
    stream.putRecord('after', { partitionKey: 'k' });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: t / 1000 });
    await mapping.drain();
    expect(mapping.batches.flatMap((b) => text(b.event))).toEqual(['at', 'after']);
    // The same time as a Date, for another function.
    const other = make(async () => 'ok', { name: 'at-date', clock: fn.clock });
    const byDate = createEventSourceMapping(other, stream, { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: new Date(t) });
    await byDate.drain();
    expect(byDate.batches.flatMap((b) => text(b.event))).toEqual(['at', 'after']);
    // A time after every record starts at the shard's tip, as LATEST does [INFERRED]: only what is put from then on.
    const late = make(async () => 'ok', { name: 'at-future', clock: fn.clock });
    const future = createEventSourceMapping(late, stream, { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: new Date(fn.clock.now() + 60_000) });
    stream.putRecord('later', { partitionKey: 'k' });
    await future.drain();
    expect(future.batches.flatMap((b) => text(b.event))).toEqual(['later']);
    const table = createDynamoDbTable('orders', { partitionKey: 'id', clock: fn.clock });
    expect(() => createEventSourceMapping(fn, table, { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: new Date(t) })).toThrow(/Kinesis streams only/);
  });

  it('delivers a shard in order, one batch at a time, and holds it behind a failing batch while other shards go on', async () => {
    const order: string[] = [];
    const fn = make(async (event) => {
      const data = text(event);
      order.push(...data);
      if (data.includes('poison')) throw new Error('cannot');
      return 'ok';
    });
    const failures = createQueue('failures');
    const stream = createKinesisStream('s', { shardCount: 2, clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', batchSize: 1, maximumRetryAttempts: 2, destinations: { onFailure: failures } });
    // Two keys on different shards.
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const shardOf = new Map(keys.map((k) => [k, stream.putRecord('probe', { partitionKey: k }).shardId]));
    const [k1, k2] = [keys.find((k) => shardOf.get(k) === 'shardId-000000000000')!, keys.find((k) => shardOf.get(k) === 'shardId-000000000001')!];
    await mapping.drain();
    order.length = 0;
    const t0 = fn.clock.now();
    stream.putRecord('poison', { partitionKey: k1 });
    stream.putRecord('after-poison', { partitionKey: k1 });
    stream.putRecord('other-shard', { partitionKey: k2 });
    const summary = await mapping.drain();

    const times = (data: string) => mapping.batches.filter((b) => text(b.event)[0] === data).map((b) => b.at - t0);
    // Three attempts (two retries, 1 s then 2 s apart), then skipped; only then the next record of its shard.
    expect(times('poison')).toEqual([0, 1000, 3000]);
    expect(times('after-poison')).toEqual([3000]);
    expect(times('other-shard')).toEqual([0]);
    expect(summary).toMatchObject({ processedRecords: 2, skippedRecords: 1 });
    expect(mapping.skipped.map((s) => [s.condition, s.approximateInvokeCount])).toEqual([['RetryAttemptsExhausted', 3]]);
    expect(JSON.parse(failures.messages[0]!.body).KinesisBatchInfo.batchSize).toBe(1);
  });

  it('on an alias, names the alias’s ARN and the version that ran in its failure records', async () => {
    const fn = make(async () => {
      throw new Error('cannot');
    });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    const failures = createQueue('failures');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0, destinations: { onFailure: failures }, qualifier: 'live' });
    stream.putRecord('x', { partitionKey: 'k' });
    await mapping.drain();
    const record = JSON.parse(failures.messages[0]!.body) as { requestContext: { functionArn: string }; responseContext: { executedVersion: string } };
    expect([record.requestContext.functionArn, record.responseContext.executedVersion]).toEqual([`${fn.arn}:live`, '1']);
  });

  it('with filter criteria, gives each mapping the records it keeps and passes the others over (recorded vector: test_kinesis_event_filtering_json_pattern)', async () => {
    const seen = new Map<string, string[]>();
    const one = make(async (event) => void seen.set('function_1', text(event)), { name: 'function_1' });
    const two = make(async (event) => void seen.set('function_2', text(event)), { name: 'function_2', clock: one.clock });
    const stream = createKinesisStream('s', { clock: one.clock });
    const filter = (type: string) => ({ filters: [{ pattern: { data: { event_type: [type] } } }] });
    const m1 = createEventSourceMapping(one, stream, { startingPosition: 'TRIM_HORIZON', filterCriteria: filter('function_1') });
    const m2 = createEventSourceMapping(two, stream, { startingPosition: 'TRIM_HORIZON', filterCriteria: filter('function_2') });
    const records = [{ event_type: 'function_1', message: 'foo' }, { event_type: 'function_2', message: 'bar' }].map((r) => JSON.stringify(r));
    for (const data of [...records, 'plain text']) stream.putRecord(data, { partitionKey: 'k' });
    // One clock: each drain also runs the other mapping's polls, so the summaries are read together.
    const [s1, s2] = await Promise.all([m1.drain(), m2.drain()]);
    expect([s1.filteredRecords, s2.filteredRecords]).toEqual([2, 2]);
    expect([m1.batches.length, m2.batches.length]).toEqual([1, 1]);
    expect([seen.get('function_1'), seen.get('function_2')]).toEqual([[records[0]], [records[1]]]);
  });

  it('with filter criteria, fills a batch with kept records across passed-over ones, and checkpoints a partial failure at the failed record', async () => {
    const fn = make(async (event) => {
      const data = text(event);
      const bad = event.Records.find((r) => Buffer.from(r.kinesis.data, 'base64').toString() === 'keep-2');
      return bad ? { batchItemFailures: [{ itemIdentifier: bad.kinesis.sequenceNumber }] } : data;
    });
    const stream = createKinesisStream('s', { clock: fn.clock });
    for (const data of ['keep-1', 'drop', 'keep-2', 'drop', 'keep-3']) stream.putRecord(data, { partitionKey: 'k' });
    const mapping = createEventSourceMapping(fn, stream, {
      startingPosition: 'TRIM_HORIZON',
      batchSize: 3,
      maximumRetryAttempts: 0,
      functionResponseTypes: ['ReportBatchItemFailures'],
      filterCriteria: { filters: [{ pattern: { data: [{ prefix: 'keep' }] } }] },
    });
    const summary = await mapping.drain();
    expect(mapping.batches.map((b) => text(b.event))).toEqual([
      ['keep-1', 'keep-2', 'keep-3'],
      ['keep-2', 'keep-3'],
    ]);
    expect(summary).toMatchObject({ processedRecords: 1, skippedRecords: 2, filteredRecords: 2 });
  });

  it('with ReportBatchItemFailures, moves the checkpoint to the lowest reported record and reads again from there', async () => {
    // The first response names records 4 and 3, in that order: the lowest, 3, is where the checkpoint goes.
    const fn = make(async (event) => ({
      batchItemFailures:
        fn.invocations.length > 0 ? [] : ['4', '3'].map((d) => ({ itemIdentifier: event.Records.find((r) => Buffer.from(r.kinesis.data, 'base64').toString() === d)!.kinesis.sequenceNumber })),
    }));
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] });
    const sequenceNumbers = ['1', '2', '3', '4', '5'].map((d) => stream.putRecord(d, { partitionKey: 'k' }).sequenceNumber);
    await mapping.drain();
    expect(mapping.batches.map((b) => [text(b.event), b.fate])).toEqual([
      [['1', '2', '3', '4', '5'], { kind: 'partial', retryFrom: sequenceNumbers[2] }],
      [['3', '4', '5'], { kind: 'succeeded' }],
    ]);
  });

  it('takes a response naming an unknown record as a failure of the whole batch, reported with functionError null', async () => {
    const failures = createQueue('failures');
    const fn = make(async () => ({ batchItemFailures: [{ itemIdentifier: 'not-a-sequence-number' }] }));
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0, functionResponseTypes: ['ReportBatchItemFailures'], destinations: { onFailure: failures } });
    stream.putRecord('x', { partitionKey: 'k' });
    await mapping.drain();
    expect(mapping.batches.map((b) => b.fate)).toEqual([{ kind: 'failed', reason: 'invalid-batch-response', then: 'skip' }]);
    expect(JSON.parse(failures.messages[0]!.body).responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: null });
  });

  it('bisects a failing batch without counting it as a retry, reading each half as its own batch', async () => {
    const fn = make(async (event) => {
      if (text(event).includes('bad')) throw new Error('bad record');
      return 'ok';
    });
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', batchSize: 4, maximumRetryAttempts: 0, bisectBatchOnFunctionError: true });
    for (const d of ['a', 'b', 'bad', 'c', 'd', 'e', 'f', 'g']) stream.putRecord(d, { partitionKey: 'k' });
    await mapping.drain();
    expect(mapping.batches.map((b) => [text(b.event), b.fate.kind === 'failed' ? b.fate.then : b.fate.kind])).toEqual([
      [['a', 'b', 'bad', 'c'], 'bisect'],
      [['a', 'b'], 'succeeded'],
      [['bad', 'c'], 'bisect'],
      [['bad'], 'skip'],
      [['c'], 'succeeded'],
      [['d', 'e', 'f', 'g'], 'succeeded'],
    ]);
  });

  it('with filter criteria, bisects a failing batch by the records it keeps, not by the span it read', async () => {
    const fn = make(async (event) => {
      if (text(event).includes('keep-bad')) throw new Error('bad record');
      return 'ok';
    });
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, {
      startingPosition: 'TRIM_HORIZON',
      batchSize: 3,
      maximumRetryAttempts: 0,
      bisectBatchOnFunctionError: true,
      filterCriteria: { filters: [{ pattern: { data: [{ prefix: 'keep' }] } }] },
    });
    // Three records passed over between the first and the second kept one: a split at half the span would cut there.
    for (const d of ['keep-a', 'drop', 'drop', 'drop', 'keep-bad', 'keep-c']) stream.putRecord(d, { partitionKey: 'k' });
    await mapping.drain();
    expect(mapping.batches.map((b) => [text(b.event), b.fate.kind === 'failed' ? b.fate.then : b.fate.kind])).toEqual([
      [['keep-a', 'keep-bad', 'keep-c'], 'bisect'],
      [['keep-a', 'keep-bad'], 'bisect'],
      [['keep-a'], 'succeeded'],
      [['keep-bad'], 'skip'],
      [['keep-c'], 'succeeded'],
    ]);
  });

  it('with filter criteria, passes records over without closing its batching window', async () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, {
      startingPosition: 'TRIM_HORIZON',
      maximumBatchingWindowInSeconds: 20,
      filterCriteria: { filters: [{ pattern: { data: [{ prefix: 'keep' }] } }] },
    });
    const t0 = fn.clock.now();
    stream.putRecord('drop', { partitionKey: 'k' });
    stream.putRecord('keep-1', { partitionKey: 'k' });
    stream.putRecord('drop', { partitionKey: 'k' });
    const summary = await mapping.drain();
    expect([summary.filteredRecords, mapping.batches.map((b) => [text(b.event), b.at - t0])]).toEqual([2, [[['keep-1'], 20_000]]]);
  });

  it('invokes before the batching window closes once a batch weighs 6 MB', async () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', batchSize: 100, maximumBatchingWindowInSeconds: 300 });
    const t0 = fn.clock.now();
    // 750,000 bytes of data are 1,000,000 of base64: six fit in the 6 MB (6,291,456 bytes) of an Invoke, a seventh does not.
    for (let i = 0; i < 8; i++) stream.putRecord(new Uint8Array(750_000), { partitionKey: 'k' });
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, b.event.Records.length])).toEqual([
      [0, 6],
      [300_000, 2],
    ]);
  });

  it('invokes before the batching window closes once the event can take no more records, its envelope included', async () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const state = streamState(stream)!;
    const weight = (): number => stream.records.reduce((sum, r) => sum + state.bytes(r), 0);
    // Four records of 1,250,000 base64 characters, and a fifth that brings the five to 10-13 bytes under 6 MB: with
    // `{"Records":[`, `]}` and the commas the event would pass 6,291,456 bytes, so the fifth goes in the next batch.
    for (let i = 0; i < 4; i++) stream.putRecord(new Uint8Array(937_500), { partitionKey: 'k' });
    const room = 6_291_456 - 10 - weight() - (state.bytes(stream.records[0]!) - 1_250_000);
    stream.putRecord(new Uint8Array(Math.floor(room / 4) * 3), { partitionKey: 'k' });
    expect(6_291_456 - weight()).toBeGreaterThanOrEqual(10);
    expect(6_291_456 - weight()).toBeLessThan(14 + 4);
    const t0 = fn.clock.now();
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', batchSize: 100, maximumBatchingWindowInSeconds: 300 });
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, b.event.Records.length])).toEqual([
      [0, 4],
      [300_000, 1],
    ]);
  });

  it('skips a record as soon as it is too old, even inside a batching window, with a request id of its own', async () => {
    const failures = createQueue('failures');
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRecordAgeInSeconds: 60, destinations: { onFailure: failures } });
    stream.putRecord('fresh', { partitionKey: 'k' });
    await mapping.drain();
    mapping.disable();
    const t0 = fn.clock.now();
    stream.putRecord('stale', { partitionKey: 'k' });
    await fn.clock.advance(90_000);
    mapping.enable();
    await mapping.drain();
    const skip = mapping.skipped[0]!;
    expect(skip.at - t0).toBe(90_000);
    // Not the request id of the batch before: this one never ran.
    expect((skip.record['requestContext'] as { requestId: string }).requestId).not.toBe(fn.invocations[0]!.requestId);

    const windowed = make(async () => 'ok', { name: 'windowed', clock: fn.clock });
    const second = createEventSourceMapping(windowed, stream, { startingPosition: 'LATEST', maximumRecordAgeInSeconds: 60, maximumBatchingWindowInSeconds: 90 });
    const t1 = fn.clock.now();
    stream.putRecord('ages in the window', { partitionKey: 'k' });
    await second.drain();
    expect(second.batches).toEqual([]);
    expect(second.skipped.map((s) => s.at - t1)).toEqual([60_001]);
  });

  it('refuses a stream on another clock without leaving anything behind', async () => {
    const stream = createKinesisStream('elsewhere', { clock: createClock() });
    const fn = make(async () => 'ok');
    expect(() => createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON' })).toThrow(/on another clock/);
    // A refused mapping left registered would read this record and invoke the function.
    stream.putRecord('x', { partitionKey: 'k' });
    await fn.clock.advance(1000);
    expect(fn.invocations).toHaveLength(0);
  });

  it('with filter criteria, gives up records too old in one failure record across those it passes over', async () => {
    const fn = make(async () => {
      throw new Error('down');
    });
    const failures = createQueue('failures');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, {
      startingPosition: 'TRIM_HORIZON',
      maximumRecordAgeInSeconds: 60,
      destinations: { onFailure: failures },
      filterCriteria: { filters: [{ pattern: { data: [{ prefix: 'keep' }] } }] },
    });
    for (const data of ['keep-1', 'drop', 'keep-2']) stream.putRecord(data, { partitionKey: 'k' });
    const summary = await mapping.drain();
    expect(mapping.skipped.map((s) => [s.condition, s.sequenceNumbers.length])).toEqual([['RecordAgeExceeded', 2]]);
    expect(summary).toMatchObject({ skippedRecords: 2, filteredRecords: 1 });
  });

  it('filters a DynamoDB table’s records on the record itself: the event name and typed images', async () => {
    const fn = make(async () => 'ok');
    const table = createDynamoDbTable('orders', { partitionKey: 'id', clock: fn.clock });
    const mapping = createEventSourceMapping(fn, table, {
      startingPosition: 'TRIM_HORIZON',
      filterCriteria: { filters: [{ pattern: { eventName: ['INSERT'], dynamodb: { NewImage: { status: { S: ['open'] } } } } }] },
    });
    table.putItem({ id: 'a', status: 'open' });
    table.putItem({ id: 'a', status: 'closed' });
    table.putItem({ id: 'b', status: 'closed' });
    table.deleteItem({ id: 'b' });
    table.putItem({ id: 'c', status: 'open' });
    const summary = await mapping.drain();
    expect(mapping.batches.flatMap((b) => b.event.Records.map((r) => [r.eventName, r.dynamodb!.Keys!['id']!.S]))).toEqual([
      ['INSERT', 'a'],
      ['INSERT', 'c'],
    ]);
    expect(summary).toMatchObject({ processedRecords: 2, filteredRecords: 3 });
  });

  it('never delivers a record past the stream’s 24-hour retention, on Kinesis or DynamoDB', async () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const table = createDynamoDbTable('orders', { partitionKey: 'id', clock: fn.clock });
    stream.putRecord('old', { partitionKey: 'k' });
    table.putItem({ id: 'old' });
    await fn.clock.advance('25h');
    stream.putRecord('new', { partitionKey: 'k' });
    table.putItem({ id: 'new' });
    const fromStream = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON' });
    const fromTable = createEventSourceMapping(fn, table, { startingPosition: 'TRIM_HORIZON' });
    await fromStream.drain();
    await fromTable.drain();
    expect(fromStream.batches.map((b) => text(b.event))).toEqual([['new']]);
    expect(fromTable.batches.map((b) => b.event.Records.map((r) => r.dynamodb!.Keys!['id']!.S))).toEqual([['new']]);
    // What each source shows has passed its retention too.
    expect(stream.records.map((r) => Buffer.from(r.data, 'base64').toString())).toEqual(['new']);
    expect(table.records.map((r) => r.dynamodb!.Keys!['id']!.S)).toEqual(['new']);
  });

  it('has records put before a source had a clock arrive when the first function is mapped, on Kinesis or DynamoDB', async () => {
    const fn = make(async () => 'ok');
    await fn.clock.advance('1h');
    const stream = createKinesisStream('s', { shardCount: 2 });
    const table = createDynamoDbTable('orders', { partitionKey: 'id' });
    for (const key of ['a', 'b', 'c']) stream.putRecord(key, { partitionKey: key });
    table.putItem({ id: 'early' });
    const mappedAt = fn.clock.now();
    const fromStream = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON' });
    const fromTable = createEventSourceMapping(fn, table, { startingPosition: 'TRIM_HORIZON' });
    await fromStream.drain();
    await fromTable.drain();
    expect(fromStream.batches.flatMap((b) => b.event.Records.map((r) => r.kinesis.approximateArrivalTimestamp))).toEqual([mappedAt / 1000, mappedAt / 1000, mappedAt / 1000]);
    expect(stream.records.map((r) => r.arrivedAt)).toEqual([mappedAt, mappedAt, mappedAt]);
    expect(fromTable.batches[0]!.event.Records[0]!.dynamodb!.ApproximateCreationDateTime).toBe(Math.floor(mappedAt / 1000));
  });

  it('does not count a throttle as a retry: a batch throttled first still gets its one invocation', async () => {
    const fn = make(
      async () => {
        await sleep(5000);
        throw new Error('fails');
      },
      { reservedConcurrency: 1, timeout: 10 },
    );
    const stream = createKinesisStream('s', { shardCount: 2, clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0 });
    // One record on each shard: both are read at once, one runs, the other is throttled and read again later.
    // Keys on the two shards, as the stream itself places them.
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const probe = createKinesisStream('probe', { shardCount: 2 });
    const shardOf = (k: string): string => probe.putRecord('probe', { partitionKey: k }).shardId;
    stream.putRecord('x', { partitionKey: keys.find((k) => shardOf(k) === 'shardId-000000000000')! });
    stream.putRecord('y', { partitionKey: keys.find((k) => shardOf(k) === 'shardId-000000000001')! });
    await mapping.drain();
    expect(mapping.batches.some((b) => b.fate.kind === 'failed' && b.fate.reason === 'throttled')).toBe(true);
    expect(fn.invocations).toHaveLength(2);
    expect(mapping.skipped.map((k) => k.approximateInvokeCount)).toEqual([1, 1]);
  });

  it('retries a throttled batch without counting it, and gathers batches for the batching window', async () => {
    const fn = make(
      async () => {
        await sleep(5000);
        return 'ok';
      },
      { reservedConcurrency: 1, timeout: 10 },
    );
    const stream = createKinesisStream('s', { shardCount: 2, clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0, maximumBatchingWindowInSeconds: 2 });
    const t0 = fn.clock.now();
    for (let i = 0; i < 20; i++) stream.putRecord(`k${i}`, { partitionKey: `k${i}` });
    await mapping.drain();
    // Both shards' windows close at 2 s; one runs, the other is throttled (reserved concurrency 1) and tries again.
    const runs = mapping.batches.map((b) => [b.at - t0, b.fate.kind === 'failed' ? b.fate.reason : b.fate.kind]);
    expect(runs[0]).toEqual([2000, 'throttled']);
    expect(runs.filter(([, fate]) => fate === 'succeeded')).toHaveLength(2);
    expect(mapping.skipped).toEqual([]);
  });

  it('stops while disabled and for good once deleted', async () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s', { clock: fn.clock });
    const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', enabled: false });
    stream.putRecord('x', { partitionKey: 'k' });
    expect(await mapping.drain()).toMatchObject({ batches: 0 });
    mapping.enable();
    expect(await mapping.drain()).toMatchObject({ batches: 1, processedRecords: 1 });
    mapping.delete();
    await expect(mapping.drain()).rejects.toThrow(/was deleted/);
  });

  it('refuses a stream mapping without a starting position', () => {
    const fn = make(async () => 'ok');
    const stream = createKinesisStream('s');
    expect(() => createEventSourceMapping(fn, stream, {} as never)).toThrow(/startingPosition must be 'TRIM_HORIZON', 'LATEST' or 'AT_TIMESTAMP'/);
    expect(() => createEventSourceMapping(fn, { kind: 'kinesis-stream' } as never, { startingPosition: 'LATEST' })).toThrow(/a stream from createKinesisStream/);
  });
});
