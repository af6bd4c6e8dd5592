import type { KinesisStreamRecord } from 'aws-lambda';

/** One Kinesis record, everything decided (internal: the factory and the simulated stream build records with it). */
export interface KinesisRecordFields {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  /** The data, base64. */
  readonly data: string;
  /** Epoch ms the stream received it. */
  readonly arrivedAt: number;
  /** The function's execution role, reported as `invokeIdentityArn`. */
  readonly roleArn: string;
  readonly region: string;
  readonly streamArn: string;
}

/**
 * A Kinesis record as Lambda delivers it to a function: keys in AWS's order, `eventID` as `shardId:sequenceNumber`,
 * the arrival in epoch seconds (recorded: kinesis-batch-item-failures, kinesis-onfailure-s3-record; sample:
 * powertools-lambda-typescript/parser__kinesis__stream.json).
 * @example
 * kinesisRecord({ shardId: 'shardId-000000000000', sequenceNumber: '4959', partitionKey: 'k', data: 'aGk=', arrivedAt: 1_545_084_650_987, roleArn, region: 'us-east-1', streamArn }).eventID; // 'shardId-000000000000:4959'
 */
export function kinesisRecord(r: KinesisRecordFields): KinesisStreamRecord {
  return {
    // Epoch seconds with millisecond precision, a float, as Kinesis reports arrival time.
    kinesis: { kinesisSchemaVersion: '1.0', partitionKey: r.partitionKey, sequenceNumber: r.sequenceNumber, data: r.data, approximateArrivalTimestamp: r.arrivedAt / 1000 },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${r.shardId}:${r.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: r.roleArn,
    awsRegion: r.region,
    eventSourceARN: r.streamArn,
  };
}
