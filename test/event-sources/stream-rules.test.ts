import { describe, expect, it } from 'vitest';
import { createDynamoDbTable, createKinesisStream, createQueue, InvalidParameterValueError } from '../../src/index.js';
import { streamState } from '../../src/event-sources/kinesis-stream.js';
import { tableState } from '../../src/event-sources/dynamodb-table.js';
import { failureObjectKey } from '../../src/async/records.js';
import { resolveStreamMapping, streamFailureRecord, streamRetryDelayMs } from '../../src/event-sources/stream-rules.js';

describe('resolveStreamMapping', () => {
  it('defaults to batches of 100, no window, unlimited retries and age, no bisecting', () => {
    expect(resolveStreamMapping({ startingPosition: 'LATEST' })).toEqual({
      startingPosition: 'LATEST',
      batchSize: 100,
      windowMs: 0,
      maximumRetryAttempts: -1,
      maximumRecordAgeMs: -1,
      bisect: false,
      reportBatchItemFailures: false,
      onFailure: undefined,
      enabled: true,
    });
  });

  it.each([
    [{}, /startingPosition must be 'TRIM_HORIZON', 'LATEST' or 'AT_TIMESTAMP'/],
    [{ startingPosition: 'AT_TIMESTAMP' }, /AT_TIMESTAMP needs it/],
    [{ startingPosition: 'LATEST', startingPositionTimestamp: 1 }, /goes with startingPosition AT_TIMESTAMP/],
    [{ startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: 'noon' }, /a Date or seconds since the epoch/],
    [{ startingPosition: 'LATEST', maximumRecordAgeInSeconds: 59 }, /between 60 and 604800 seconds \(or -1\)/],
    [{ startingPosition: 'LATEST', maximumRetryAttempts: -2 }, /between -1 and 10000/],
    [{ startingPosition: 'LATEST', batchSize: 10_001 }, /between 1 and 10000 records/],
    [{ startingPosition: 'LATEST', maximumBatchingWindowInSeconds: 301 }, /between 0 and 300 seconds/],
    [{ startingPosition: 'LATEST', maximumRetryAttempts: 10_001 }, /between -1 and 10000/],
    [{ startingPosition: 'LATEST', destinations: { onSuccess: createQueue('q') } }, /on-failure destination only/],
    [{ startingPosition: 'LATEST', destinations: { onFailure: { kind: 'queue' } } }, /a queue \(createQueue\), a topic \(createTopic\) or a bucket/],
    [{ startingPosition: 'LATEST', destinations: { onFailure: createQueue('q.fifo') } }, /FIFO queue is not supported/],
    [{ startingPosition: 'LATEST', bisectBatchOnFunctionError: 'yes' }, /bisectBatchOnFunctionError must be true or false/],
  ])('refuses %j as CreateEventSourceMapping does', (options, message) => {
    expect(() => resolveStreamMapping(options as never)).toThrow(InvalidParameterValueError);
    expect(() => resolveStreamMapping(options as never)).toThrow(message);
  });
});

describe('streamRetryDelayMs', () => {
  it('waits 1 s, doubling to at most 12 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(streamRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 12_000, 12_000, 12_000]);
  });
});

describe('streamFailureRecord', () => {
  const batch = {
    requestId: '2b6ef2f8-0e2d-4b8e-9d43-5a0d1f0b8c3e',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
    executedVersion: '$LATEST',
    approximateInvokeCount: 3,
    at: Date.UTC(2026, 0, 1),
    shardId: 'shardId-000000000000',
    sequenceNumbers: ['1', '2'],
    arrivals: [Date.UTC(2025, 11, 31, 23, 59, 0, 5), Date.UTC(2025, 11, 31, 23, 59, 1, 7)],
    streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
    batchInfo: streamState(createKinesisStream('s'))!.batchInfo,
  };

  it('reports an exhausted batch with its response context, in AWS’s key order, arrivals to the millisecond', () => {
    const record = streamFailureRecord({ ...batch, condition: 'RetryAttemptsExhausted', functionError: 'Unhandled' });
    expect(Object.keys(record)).toEqual(['requestContext', 'responseContext', 'version', 'timestamp', 'KinesisBatchInfo']);
    expect(record['responseContext']).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(record['KinesisBatchInfo']).toEqual({
      shardId: 'shardId-000000000000',
      startSequenceNumber: '1',
      endSequenceNumber: '2',
      approximateArrivalOfFirstRecord: '2025-12-31T23:59:00.005Z',
      approximateArrivalOfLastRecord: '2025-12-31T23:59:01.007Z',
      batchSize: 2,
      streamArn: batch.streamArn,
    });
  });

  it('reports a DynamoDB batch under DDBStreamBatchInfo, with its own arrival times', () => {
    const record = streamFailureRecord({ ...batch, condition: 'RetryAttemptsExhausted', functionError: null, batchInfo: tableState(createDynamoDbTable('orders', { partitionKey: 'id' }))!.batchInfo });
    expect(Object.keys(record).at(-1)).toBe('DDBStreamBatchInfo');
    expect((record['DDBStreamBatchInfo'] as { approximateArrivalOfFirstRecord: string }).approximateArrivalOfFirstRecord).toBe('2025-12-31T23:59:00Z');
  });

  it('reports an aged-out batch without a response context', () => {
    expect(Object.keys(streamFailureRecord({ ...batch, condition: 'RecordAgeExceeded' }))).toEqual(['requestContext', 'version', 'timestamp', 'KinesisBatchInfo']);
  });
});

describe('failureObjectKey', () => {
  it('files a failure record under the mapping, the shard and the record’s time, as AWS does', () => {
    expect(failureObjectKey('aws/lambda/m-uuid/shardId-000000000000', Date.UTC(2026, 0, 2, 3, 4, 5, 678), 'r-uuid')).toBe(
      'aws/lambda/m-uuid/shardId-000000000000/2026/01/02/2026-01-02T03.04.05-r-uuid',
    );
  });
});
