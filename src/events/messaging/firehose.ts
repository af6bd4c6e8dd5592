import type {
  FirehoseRecordMetadata,
  FirehoseRecordTransformationStatus,
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, randomDigits, regionOfArn } from './_defaults.js';
import { kinesisSequence, toBase64Data, type StreamData } from './_encoding.js';
import { mergeOwned } from './_merge.js';
import { cloudWatchLogs } from './cloudwatch-logs.js';

/**
 * Kinesis record metadata as Firehose really sends it: `subsequenceNumber` is a JSON number
 * (powertools-lambda-typescript/parser__kinesis__firehose.json), not the string `@types/aws-lambda` declares.
 */
export type FirehoseRecordMetadataCorrected = Omit<FirehoseRecordMetadata, 'subsequenceNumber'> & { subsequenceNumber: number };

/** A Firehose transformation record with {@link FirehoseRecordMetadataCorrected}. */
export type FirehoseTransformationEventRecordCorrected = Omit<FirehoseTransformationEventRecord, 'kinesisRecordMetadata'> & {
  kinesisRecordMetadata?: FirehoseRecordMetadataCorrected;
};

/** The Firehose transformation event as AWS sends it (see {@link FirehoseRecordMetadataCorrected}). */
export type FirehoseTransformationEventCorrected = Omit<FirehoseTransformationEvent, 'records'> & {
  records: FirehoseTransformationEventRecordCorrected[];
};

/** One Firehose record as a test writes it. */
export interface FirehoseRecordInput {
  /** The payload, base64-encoded for you (strings as UTF-8, other values as JSON). */
  data?: StreamData;
  /** Partition key of the source Kinesis record (only with a `sourceStreamArn`). */
  partitionKey?: string;
  /** Verbatim deep-partial overrides, applied last. */
  overrides?: DeepPartial<FirehoseTransformationEventRecordCorrected>;
}

/** What `events.firehose` takes. */
export interface FirehoseEventInput {
  /** The records, in order. Default: one. */
  records?: readonly FirehoseRecordInput[];
  /** The delivery stream; its region becomes `region`. */
  deliveryStreamArn?: string;
  /** Set when the delivery stream reads from a Kinesis stream: adds `sourceKinesisStreamArn` and per-record metadata. */
  sourceStreamArn?: string;
}

/**
 * The canonical base of `firehose`, curated from powertools-lambda-python/kinesisFirehosePutEvent.json (a
 * Direct PUT delivery stream, first record). Equal to `fixtures/events/firehose.json`.
 */
export const firehoseFixture: FirehoseTransformationEventCorrected = {
  invocationId: '2b4d1ad9-2f48-94bd-a088-767c317e994a',
  deliveryStreamArn: 'arn:aws:firehose:us-east-2:123456789012:deliverystream/delivery-stream-name',
  region: 'us-east-2',
  records: [{ recordId: 'record1', approximateArrivalTimestamp: 1664029185290, data: 'SGVsbG8gV29ybGQ=' }],
};

/**
 * Builds a Firehose data-transformation event: `data` base64-encoded, record ids and arrival times (epoch ms) from
 * the seed and `now`; with `sourceStreamArn`, the Kinesis metadata (`subsequenceNumber` a number, as AWS sends it).
 * @example
 * const event = events.firehose({ records: [{ data: { level: 'INFO' } }] });
 */
export function firehose(input: FirehoseEventInput = {}, options?: EventOptions): FirehoseTransformationEventCorrected {
  const { random, now } = buildContext('firehose', options);
  const deliveryStreamArn = input.deliveryStreamArn ?? `arn:aws:firehose:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:deliverystream/my-delivery-stream`;
  const event: FirehoseTransformationEventCorrected = {
    invocationId: random.uuid(),
    deliveryStreamArn,
    region: regionOfArn(deliveryStreamArn) ?? DEFAULT_REGION,
    records: [],
  };
  if (input.sourceStreamArn !== undefined) event.sourceKinesisStreamArn = input.sourceStreamArn;
  const start = BigInt(randomDigits(random, 56));
  const list = input.records ?? [{}];
  event.records = list.map((record, i) => {
    const sequenceNumber = kinesisSequence(start, i);
    const arrival = now - (list.length - 1 - i) * 7;
    const out: FirehoseTransformationEventRecordCorrected = {
      // Firehose record ids are the source sequence number followed by a 6-digit counter.
      recordId: `${sequenceNumber}000000`,
      approximateArrivalTimestamp: arrival,
      data: record.data === undefined ? firehoseFixture.records[0]!.data : toBase64Data(record.data),
    };
    if (input.sourceStreamArn !== undefined) {
      out.kinesisRecordMetadata = {
        shardId: 'shardId-000000000000',
        partitionKey: record.partitionKey ?? random.uuid(),
        approximateArrivalTimestamp: arrival,
        sequenceNumber,
        subsequenceNumber: 0,
      };
    }
    return mergeOwned<FirehoseTransformationEventRecordCorrected>(out, record.overrides);
  });
  return event;
}

/** One entry of {@link firehoseResult}: the record (or its id), the outcome, and the new data. */
export interface FirehoseResultInput {
  recordId: string;
  /** @defaultValue `'Ok'` */
  result?: FirehoseRecordTransformationStatus;
  /** Transformed data, base64-encoded for you. Omitted for `Dropped` unless given. */
  data?: StreamData;
  /** Dynamic-partitioning keys. */
  partitionKeys?: Record<string, string>;
}

/**
 * Builds the response a Firehose transformation function returns.
 * @example
 * return firehoseResult(event.records.map((r) => ({ recordId: r.recordId, data: transform(r.data) })));
 */
export function firehoseResult(records: readonly FirehoseResultInput[]): FirehoseTransformationResult {
  return {
    records: records.map((r): FirehoseTransformationResultRecord => {
      const out: FirehoseTransformationResultRecord = { recordId: r.recordId, result: r.result ?? 'Ok' };
      if (r.data !== undefined) out.data = toBase64Data(r.data);
      if (r.partitionKeys !== undefined) out.metadata = { partitionKeys: { ...r.partitionKeys } };
      return out;
    }),
  };
}

const samFirehose = (data: string) => (options?: EventOptions) =>
  firehose({ deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/example', records: [{ data }] }, options);

/** Registry entry of Firehose data transformation. */
export const firehoseKind: EventKind = {
  id: 'firehose',
  factory: 'firehose',
  title: 'Kinesis Data Firehose transformation',
  type: 'FirehoseTransformationEvent (corrected: FirehoseTransformationEventCorrected)',
  build: (options) => firehose({}, options),
  fixture: firehoseFixture,
  samples: ['powertools-lambda-python/kinesisFirehosePutEvent.json', 'powertools-lambda-typescript/parser__kinesis__firehose-put.json'],
  examples: [
    {
      name: 'reading from a Kinesis stream',
      build: (o) => firehose({ sourceStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/source' }, o),
      samples: ['powertools-lambda-typescript/parser__kinesis__firehose.json', 'powertools-lambda-python/kinesisFirehoseKinesisEvent.json'],
    },
  ],
  sam: [
    { service: 'kinesis', event: 'kinesis-firehose', build: samFirehose('Hello, this is a test 123.') },
    { service: 'kinesis', event: 'apachelog', build: samFirehose('192.168.1.1 - - [05/May/2017:10:32:33 +0000] "GET /index.html HTTP/1.1" 200 1234') },
    { service: 'kinesis', event: 'syslog', build: samFirehose('<34>1 2017-05-05T10:32:33.000Z host app - ID47 - message') },
    {
      service: 'kinesis',
      event: 'streams-as-source',
      build: (o) => firehose({ sourceStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/example', records: [{ data: 'Hello, this is a test 123.' }] }, o),
    },
    {
      service: 'kinesis',
      event: 'cloudwatch-logs-processor',
      // Firehose receives CloudWatch Logs subscription payloads still gzipped: the record data is the gzip bytes.
      build: (o) =>
        firehose(
          {
            deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/example',
            records: [{ data: new Uint8Array(Buffer.from(cloudWatchLogs({}, o).awslogs.data, 'base64')) }],
          },
          o,
        ),
    },
  ],
};

/** Registry entry of the Firehose transformation response builder. */
export const firehoseResultKind: EventKind = {
  id: 'firehose-result',
  factory: 'firehoseResult',
  title: 'Kinesis Data Firehose transformation response',
  type: 'FirehoseTransformationResult',
  build: () => firehoseResult([{ recordId: 'record1', data: 'Hello World', partitionKeys: {} }]),
  fixture: { records: [{ recordId: 'record1', result: 'Ok', data: 'SGVsbG8gV29ybGQ=', metadata: { partitionKeys: {} } }] },
  // `otfMetadata` (Iceberg destinations) is not modelled by @types/aws-lambda nor by this builder.
  conformance: { ignore: ['records[].metadata.otfMetadata'] },
  samples: ['aws-lambda-go/kinesis-firehose-response.json'],
};
