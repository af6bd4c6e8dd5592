import type { EventKind } from '../_internals/kind.js';
import { cloudWatchAlarmSns, cloudWatchAlarmSnsKind } from './cloudwatch-alarm-sns.js';
import { cloudWatchLogs, cloudWatchLogsKind } from './cloudwatch-logs.js';
import { dynamoDbRecord, dynamoDbStream, dynamoDbStreamKind, dynamoDbStreamWindow, dynamoDbStreamWindowKind } from './dynamodb.js';
import { firehose, firehoseKind, firehoseResult, firehoseResultKind } from './firehose.js';
import { msk, mskKind, selfManagedKafka, selfManagedKafkaKind } from './kafka.js';
import { kinesis, kinesisKind, kinesisWindow, kinesisWindowKind } from './kinesis.js';
import { sns, snsKind } from './sns.js';
import { sqs, sqsBatchResponse, sqsBatchResponseKind, sqsFifo, sqsKind } from './sqs.js';

/**
 * Factories of the messaging and streams family, by public name.
 * @example
 * import { events } from 'lambda-harness';
 * events.sqs({ records: [{ body: 'hi' }] });
 */
export const factories = {
  sqs,
  sqsFifo,
  sqsBatchResponse,
  sns,
  cloudWatchAlarmSns,
  dynamoDbStream,
  dynamoDbRecord,
  dynamoDbStreamWindow,
  kinesis,
  kinesisWindow,
  firehose,
  firehoseResult,
  cloudWatchLogs,
  msk,
  selfManagedKafka,
} as const;

/** Registry entries of the messaging family: drives conformance tests and `generate-event`. */
export const kinds: readonly EventKind[] = [
  sqsKind,
  sqsBatchResponseKind,
  snsKind,
  cloudWatchAlarmSnsKind,
  dynamoDbStreamKind,
  dynamoDbStreamWindowKind,
  kinesisKind,
  kinesisWindowKind,
  firehoseKind,
  firehoseResultKind,
  cloudWatchLogsKind,
  mskKind,
  selfManagedKafkaKind,
];

export { decodeCloudWatchLogs, encodeCloudWatchLogs } from './cloudwatch-logs.js';
export { marshall, unmarshall } from './_marshal.js';
