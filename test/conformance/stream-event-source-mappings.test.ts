/**
 * Recorded stream event source mappings (the `esm-streams` area of the AWS recordings), replayed with an in-memory
 * Kinesis stream or DynamoDB table, a mapping and a Node handler doing what the recorded Python one did. Compared: the on-failure records as
 * the destination queue (or topic) received them, the records the function saw, and how often.
 */
import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createBucket,
  createClock,
  createDynamoDbTable,
  createEventSourceMapping,
  createFunction,
  createKinesisStream,
  createQueue,
  createTopic,
  type Bucket,
  type FunctionOptions,
  type LambdaFunction,
  type Queue,
  type StreamMappingOptions,
  type Topic,
} from '../../src/index.js';
import { trackedFunctions } from '../_support/functions.js';
import { expectTheRecordedMessage, pythonJson } from './_messages.js';
import { expectRecorded, recorded, RECORDED_ACCOUNT, recording, type Bindings } from './_recordings.js';

const track = trackedFunctions();

function make<E>(options: FunctionOptions<E, unknown>): LambdaFunction {
  return track(createFunction({ accountId: RECORDED_ACCOUNT, clock: createClock({ realTimeFlow: false }), ...options }) as unknown as LambdaFunction);
}

const decoded = (data: string): unknown => JSON.parse(Buffer.from(data, 'base64').toString('utf8'));

/** lambda_echofail.py: always raises. */
const echofail = async (): Promise<never> => {
  throw new Error('echofail');
};

/** The mapping both batch-item-failure recordings configured (Kinesis and DynamoDB alike). */
function reportingFailures(failures: Queue): StreamMappingOptions {
  return {
    startingPosition: 'TRIM_HORIZON',
    batchSize: 3,
    maximumBatchingWindowInSeconds: 1,
    maximumRetryAttempts: 3,
    functionResponseTypes: ['ReportBatchItemFailures'],
    destinations: { onFailure: failures },
  };
}

describe('Kinesis event source mappings, as recorded on AWS', () => {
  it('kinesis-batch-item-failures: checkpoints at the reported record, retries it alone, and reports it with functionError null', async () => {
    const id = 'kinesis-batch-item-failures';
    const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
    const stream = createKinesisStream('records', { accountId: RECORDED_ACCOUNT });
    const seen: string[] = [];
    const fn = make({
      name: 'consumer',
      handler: async (event: KinesisStreamEvent) => {
        for (const r of event.Records) seen.push(r.kinesis.partitionKey);
        return { batchItemFailures: event.Records.filter((r) => (decoded(r.kinesis.data) as { should_fail: boolean }).should_fail).map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })) };
      },
    });
    const mapping = createEventSourceMapping(fn, stream, reportingFailures(failures));
    const sequenceNumbers = Array.from({ length: 6 }, (_, i) => stream.putRecord(pythonJson({ should_fail: i === 5 }), { partitionKey: `test_${i}` }).sequenceNumber);
    await mapping.drain();

    expect([...seen].sort()).toEqual(recorded(id, 'partitionKeysSeenByFunction(sorted, all invocations)'));
    const bindings: Bindings = new Map([
      ['<resource:3>', fn.name],
      ['<resource:2>', stream.name],
      ['<resource:4>', 'lambda-role'],
      ['<sequence-number:1>', sequenceNumbers[0]!],
      ['<sequence-number:6>', sequenceNumbers[5]!],
      ['<uuid:2>', fn.invocations.at(-1)!.requestId],
    ]);
    expectRecorded(mapping.batches[0]!.event.Records[0], recorded(id, 'firstRecordSeen'), { bindings });
    expectTheRecordedMessage(failures, id, 'sqsMessages', bindings);
  });

  it('kinesis-record-age-exceeded: skips a record that ages out while retrying, one already too old when read, and delivers the fresh ones', async () => {
    const id = 'kinesis-record-age-exceeded';
    const variants = [
      { key: 'expire-while-retrying', options: { batchSize: 1, maximumRetryAttempts: -1 }, handler: echofail, waitBefore: 0, fresh: 0 },
      // "wait 60 s": a moment more, as the recording's own wait ended after 60 s.
      { key: 'expire-before-ingestion', options: { maximumRetryAttempts: 0 }, handler: echofail, waitBefore: 60_001, fresh: 0 },
      { key: 'discard_records.onFailure', options: { batchSize: 10, maximumRetryAttempts: 0 }, handler: async () => 'ok', waitBefore: 80_000, fresh: 5 },
    ];
    for (const v of variants) {
      const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
      const fn = make({ name: 'consumer', handler: v.handler });
      // On the function's clock from the start: the records age before the mapping exists.
      const stream = createKinesisStream('records', { accountId: RECORDED_ACCOUNT, clock: fn.clock });
      const { sequenceNumber } = stream.putRecord(v.fresh > 0 ? 'stream-data' : pythonJson({ hello: 'world' }), { partitionKey: 'p' });
      await fn.clock.advance(v.waitBefore);
      for (let i = 1; i <= v.fresh; i++) stream.putRecord(`stream-data-${i}`, { partitionKey: 'p' });
      const mapping = createEventSourceMapping(fn, stream, { startingPosition: 'TRIM_HORIZON', maximumRecordAgeInSeconds: 60, destinations: { onFailure: failures }, ...v.options });
      await mapping.drain();

      const bindings: Bindings = new Map([
        ['<resource:3>', fn.name],
        ['<resource:2>', stream.name],
        ['<start-sequence-number:1>', sequenceNumber],
      ]);
      if (fn.invocations.length > 0 && v.fresh === 0) bindings.set('<uuid:2>', fn.invocations.at(-1)!.requestId);
      expect(failures.messages).toHaveLength(1);
      expectRecorded(JSON.parse(failures.messages[0]!.body), recorded(id, v.key), { bindings, ordered: true });
      if (v.fresh > 0) {
        expect(mapping.batches.map((b) => b.event.Records.map((r) => r.kinesis.data))).toEqual([recorded(id, 'discard_records.recordsDeliveredToFunction(data, base64)')]);
      }
    }
  });

  it('ddb-batch-item-failures: checkpoints a DynamoDB stream at the reported record, as for Kinesis', async () => {
    const id = 'ddb-batch-item-failures';
    const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
    const seen: string[] = [];
    const fn = make({
      name: 'consumer',
      handler: async (event: DynamoDBStreamEvent) => {
        for (const r of event.Records) seen.push(r.dynamodb!.Keys!['my_partition_key']!.S!);
        return { batchItemFailures: event.Records.filter((r) => r.dynamodb!.NewImage!['should_fail']!.BOOL).map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber })) };
      },
    });
    const table = createDynamoDbTable('orders', { accountId: RECORDED_ACCOUNT, partitionKey: 'my_partition_key', streamViewType: 'NEW_IMAGE', clock: fn.clock });
    const mapping = createEventSourceMapping(fn, table, reportingFailures(failures));
    for (let i = 0; i < 6; i++) table.putItem({ my_partition_key: `testId${i}`, should_fail: i === 5 });
    await mapping.drain();

    expect([...seen].sort()).toEqual(recorded(id, 'keysSeenByFunction(sorted)'));
    const [, label] = /\/stream\/(.+)$/.exec(table.streamArn)!;
    const sequence = table.records.map((r) => r.dynamodb!.SequenceNumber!);
    const bindings: Bindings = new Map([
      ['<resource:4>', fn.name],
      ['<resource:1>', table.name],
      ['<resource:2>', label!],
      ['<sequence-number:1>', sequence[0]!],
      ['<sequence-number:6>', sequence[5]!],
      ['<uuid:3>', fn.invocations.at(-1)!.requestId],
    ]);
    expectRecorded(mapping.batches[0]!.event.Records[0], recorded(id, 'firstRecordSeen'), { bindings });
    expectTheRecordedMessage(failures, id, 'sqsMessages', bindings);
  });

  it('kinesis-batch-response-semantics: through a mapping, retries every malformed response as a failure and takes every empty one as success', async () => {
    const id = 'kinesis-batch-response-semantics';
    const request = recording(id).request as { returnValuesSuccess: Record<string, unknown>; returnValuesFailure: Record<string, unknown> };
    const outcomes = recorded<{
      successScenarios: Record<string, { invocations: number }>;
      failureScenarios: Record<string, { invocations: number; condition: string; approximateInvokeCount: number; functionError: string | null; batchSize: number }>;
    }>(id);
    const scenarios = [
      ...Object.entries(request.returnValuesSuccess).map(([name, value]) => ({ name, value, success: true })),
      ...Object.entries(request.returnValuesFailure).map(([name, value]) => ({ name, value, success: false })),
    ];
    for (const { name, value, success } of scenarios) {
      const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
      // "raises ZeroDivisionError" stands for an unhandled exception.
      const handler = typeof value === 'string' && value.startsWith('raises') ? async () => Promise.reject(new Error(value)) : async () => value;
      const fn = make<KinesisStreamEvent>({ name: 'consumer', handler });
      const stream = createKinesisStream('records', { accountId: RECORDED_ACCOUNT, clock: fn.clock });
      const mapping = createEventSourceMapping(fn, stream, {
        startingPosition: 'TRIM_HORIZON',
        batchSize: 1,
        maximumBatchingWindowInSeconds: 1,
        maximumRetryAttempts: 2,
        functionResponseTypes: ['ReportBatchItemFailures'],
        destinations: { onFailure: failures },
      });
      stream.putRecord('hello', { partitionKey: 'p' });
      await mapping.drain();
      if (success) {
        expect(fn.invocations, name).toHaveLength(outcomes.successScenarios[name]!.invocations);
        expect(failures.messages, name).toEqual([]);
      } else {
        const expected = outcomes.failureScenarios[name]!;
        expect(fn.invocations, name).toHaveLength(expected.invocations);
        const record = JSON.parse(failures.messages[0]!.body) as { requestContext: Record<string, unknown>; responseContext: Record<string, unknown>; KinesisBatchInfo: Record<string, unknown> };
        expect([record.requestContext['condition'], record.requestContext['approximateInvokeCount'], record.responseContext['functionError'], record.KinesisBatchInfo['batchSize']], name).toEqual([
          expected.condition,
          expected.approximateInvokeCount,
          expected.functionError,
          expected.batchSize,
        ]);
      }
      await fn.dispose();
    }
  });

  it.each(['kinesis-onfailure-sqs-record', 'ddb-onfailure-sqs-record'])('%s: after its retries, sends a failing batch’s metadata to the on-failure queue, and as a topic’s message', async (id) => {
    for (const kind of ['queue', 'topic'] as const) {
      const queue = createQueue('failures', { accountId: RECORDED_ACCOUNT });
      const topic = createTopic('failures', { accountId: RECORDED_ACCOUNT });
      const { bindings } = await failOneRecord(id, kind === 'queue' ? queue : topic, { maximumBatchingWindowInSeconds: 1 });
      if (kind === 'queue') {
        expectTheRecordedMessage(queue, id, 'sqsMessages', bindings);
      } else {
        expect(topic.messages).toHaveLength(1);
        expectRecorded(JSON.parse(topic.messages[0]!.Message), recorded(id, 'snsVariant.Message'), { bindings, ordered: true });
      }
    }
  });

  it.each(['kinesis-onfailure-s3-record', 'ddb-onfailure-s3-record'])('%s: writes the failure record and the failed records (payload) to the on-failure bucket, under AWS’s key', async (id) => {
    const bucket = createBucket('failed-batches');
    const { bindings, mapping } = await failOneRecord(id, bucket, {});
    expect(bucket.objects).toHaveLength(1);
    const [object] = bucket.objects;
    // The recording sorted the object's keys (the test parsed it before matching): compared without order.
    expectRecorded(JSON.parse(object!.body), recorded(id, 's3ObjectBody'), { bindings });
    const shardId = (JSON.parse(object!.body) as Record<string, { shardId: string }>)[id.startsWith('kinesis') ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo']!.shardId;
    expect(object!.key).toMatch(new RegExp(`^aws/lambda/${mapping.uuid}/${shardId}/\\d{4}/\\d{2}/\\d{2}/\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}-[0-9a-f-]{36}$`));
  });
});

/**
 * The recorded on-failure cases: one record, from a Kinesis stream or a DynamoDB table (by the case's id), to a
 * function that always fails, through a mapping with batch size 1 and one retry; drained. Returns the mapping and the
 * bindings of the recording's placeholders (each family names them its own way; the unused ones bind nothing).
 */
async function failOneRecord(id: string, onFailure: Queue | Topic | Bucket, extra: { maximumBatchingWindowInSeconds?: number }): Promise<{ bindings: Bindings; mapping: { readonly uuid: string } }> {
  const fn = make<unknown>({ name: 'consumer', handler: async () => Promise.reject(new Error('raise_error')) });
  const options = { startingPosition: 'TRIM_HORIZON' as const, batchSize: 1, maximumRetryAttempts: 1, destinations: { onFailure }, ...extra };
  const bindings: Bindings = new Map();
  let mapping;
  let sequenceNumber: string;
  if (id.startsWith('kinesis')) {
    const request = recording(id).request as { recordData: Record<string, unknown>; partitionKey: string };
    const stream = createKinesisStream('records', { accountId: RECORDED_ACCOUNT, clock: fn.clock });
    mapping = createEventSourceMapping(fn, stream, options);
    const put = stream.putRecord(pythonJson(request.recordData), { partitionKey: request.partitionKey });
    sequenceNumber = put.sequenceNumber;
    for (const [k, v] of [['<resource:3>', fn.name], ['<resource:2>', stream.name], ['<resource:4>', 'lambda-role'], ['<kinesis-shard-id>', put.shardId]]) bindings.set(k!, v!);
  } else {
    // The S3 case put the item with a NEW_IMAGE stream; the queue case records no image.
    const table = createDynamoDbTable('orders', { accountId: RECORDED_ACCOUNT, partitionKey: 'my_partition_key', streamViewType: 'NEW_IMAGE', clock: fn.clock });
    mapping = createEventSourceMapping(fn, table, options);
    table.putItem({ my_partition_key: 'hello world' });
    sequenceNumber = table.records[0]!.dynamodb!.SequenceNumber!;
    const [, label] = /\/stream\/(.+)$/.exec(table.streamArn)!;
    for (const [k, v] of [['<resource:4>', fn.name], ['<resource:1>', table.name], ['<resource:2>', label!]]) bindings.set(k!, v!);
  }
  await mapping.drain();
  expect(fn.invocations).toHaveLength(2);
  bindings.set(id.endsWith('s3-record') ? '<sequence-number:1>' : '<start-sequence-number:1>', sequenceNumber);
  if (!id.endsWith('s3-record')) bindings.set(id.startsWith('kinesis') ? '<uuid:2>' : '<uuid:3>', fn.invocations[1]!.requestId);
  return { bindings, mapping };
}
