import { gzipSync } from 'node:zlib';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, randomDigits } from './_defaults.js';
import { kinesisSequence, toBase64Data, type StreamData } from './_encoding.js';

/** Where a Kinesis stream record came from, sent when the application reads a stream aggregated by the KPL. */
export interface KinesisAnalyticsStreamRecordMetadata {
  shardId: string;
  partitionKey: string;
  /** Epoch milliseconds. */
  approximateArrivalTimestamp: number;
  sequenceNumber: string;
}

/** One record handed to a Kinesis Data Analytics (SQL) preprocessing or output function; `data` is base64. */
export interface KinesisAnalyticsRecord {
  recordId: string;
  kinesisStreamRecordMetadata?: KinesisAnalyticsStreamRecordMetadata;
  data: string;
}

/**
 * The event Kinesis Data Analytics (SQL applications) sends to a Lambda input-preprocessing function (with the
 * source `streamArn`) or output destination (without). `@types/aws-lambda` has no type for it; written from
 * aws-sam-cli-rendered/kinesis__analytics*.json and aws-lambda-go/kinesis-analytics-output-delivery-event.json.
 */
export interface KinesisAnalyticsEvent {
  invocationId: string;
  applicationArn: string;
  streamArn?: string;
  records: KinesisAnalyticsRecord[];
}

/** One record as a test writes it. */
export interface KinesisAnalyticsRecordInput {
  /** The payload: text (UTF-8), bytes, or any other value (JSON-encoded). Encoded to base64 for you. */
  data?: StreamData;
}

/** What `events.kinesisAnalytics` takes. */
export interface KinesisAnalyticsInput {
  /** @defaultValue one record with the sample's text */
  records?: readonly KinesisAnalyticsRecordInput[];
  /** @defaultValue `'my-application'` */
  applicationName?: string;
  /** `'preprocessing'` (default) reads a stream and carries its ARN; `'output'` delivers application output. */
  role?: 'preprocessing' | 'output';
  /** The source stream's ARN (preprocessing). @defaultValue `arn:aws:kinesis:us-east-1:123456789012:stream/my-stream` */
  streamArn?: string;
  /** Gzip each record's data before base64, as producers that compress do (SAM's `analytics-compressed`). */
  gzip?: boolean;
  /** Add `kinesisStreamRecordMetadata` to each record, as for KPL-aggregated streams (SAM's `analytics-kpl`). */
  streamMetadata?: boolean;
}

/**
 * The canonical base of `kinesisAnalytics`, from aws-sam-cli-rendered/kinesis__analytics.json.
 * Equal to `fixtures/events/kda.json`.
 */
export const kinesisAnalyticsFixture: KinesisAnalyticsEvent = {
  invocationId: 'invocationIdExample',
  applicationArn: 'arn:aws:kinesisanalytics:us-east-1:123456789012:application/example-application',
  streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/example-stream',
  records: [{ recordId: '49571347871967966406409637155186850213682522142927749122', data: 'VGhpcyBpcyBhIHRlc3QgZnJvbSBLaW5lc2lzIEFuYWx5dGljcw==' }],
};

const SAMPLE_TEXT = 'This is a test from Kinesis Analytics';

/**
 * Builds a Kinesis Data Analytics (SQL) event for a preprocessing or output Lambda: `data` base64-encoded (and
 * gzipped with `gzip: true`), record ids as increasing sequence numbers, a seeded invocation id.
 * @example
 * const event = events.kinesisAnalytics({ records: [{ data: { ticker: 'AMZN', price: 120 } }] });
 * JSON.parse(Buffer.from(event.records[0]!.data, 'base64').toString()); // { ticker: 'AMZN', price: 120 }
 */
export function kinesisAnalytics(input: KinesisAnalyticsInput = {}, options?: EventOptions): KinesisAnalyticsEvent {
  const { random, now } = buildContext('kda', options);
  const start = BigInt(randomDigits(random, 56));
  const list = input.records ?? [{}];
  const records = list.map((record, i): KinesisAnalyticsRecord => {
    const recordId = kinesisSequence(start, i);
    const raw = record.data ?? SAMPLE_TEXT;
    const data = input.gzip === true ? toBase64Data(gzipSync(Buffer.from(toBase64Data(raw), 'base64'))) : toBase64Data(raw);
    const out: KinesisAnalyticsRecord = { recordId, data: '' };
    if (input.streamMetadata === true) {
      out.kinesisStreamRecordMetadata = {
        shardId: `shardId-${String(i % 4).padStart(12, '0')}`,
        partitionKey: `partitionKey-${String(i + 1).padStart(2, '0')}`,
        approximateArrivalTimestamp: now - (list.length - 1 - i) * 7,
        sequenceNumber: recordId,
      };
    }
    out.data = data;
    return out;
  });
  const event: KinesisAnalyticsEvent = {
    invocationId: random.uuid(),
    applicationArn: `arn:aws:kinesisanalytics:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:application/${input.applicationName ?? 'my-application'}`,
    records,
  };
  if (input.role !== 'output') {
    // Keep AWS's key order: streamArn sits between applicationArn and records.
    return {
      invocationId: event.invocationId,
      applicationArn: event.applicationArn,
      streamArn: input.streamArn ?? `arn:aws:kinesis:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:stream/my-stream`,
      records,
    };
  }
  return event;
}

const SAM_SAMPLES = ['aws-sam-cli-rendered/kinesis__analytics.json', 'aws-sam-cli-rendered/kinesis__analytics-dynamodb.json', 'aws-sam-cli-rendered/kinesis__analytics-compressed.json'];

/** Registry entry of Kinesis Data Analytics preprocessing / output events. */
export const kinesisAnalyticsKind: EventKind = {
  id: 'kda',
  factory: 'kinesisAnalytics',
  title: 'Kinesis Data Analytics (SQL) preprocessing / output delivery',
  type: 'KinesisAnalyticsEvent (no @types/aws-lambda type)',
  build: (options) => kinesisAnalytics({}, options),
  fixture: kinesisAnalyticsFixture,
  samples: SAM_SAMPLES,
  examples: [
    { name: 'for an output destination', build: (o) => kinesisAnalytics({ role: 'output' }, o), samples: ['aws-lambda-go/kinesis-analytics-output-delivery-event.json'] },
    {
      name: 'with KPL stream metadata',
      build: (o) => kinesisAnalytics({ streamMetadata: true, records: [{ data: 'a' }, { data: 'b' }] }, o),
      samples: ['aws-sam-cli-rendered/kinesis__analytics-kpl.json'],
    },
  ],
  sam: [
    { service: 'kinesis', event: 'analytics' },
    {
      service: 'kinesis',
      event: 'analytics-compressed',
      build: (o) => kinesisAnalytics({ gzip: true, records: [{ data: { ticker_symbol: 'QXZ', sector: 'HEALTHCARE' } }] }, o),
    },
    {
      service: 'kinesis',
      event: 'analytics-dynamodb',
      build: (o) => kinesisAnalytics({ records: [{ data: { ROWTIME_TIMESTAMP: '2017-12-15 01:09:50.000', VEHICLEID: '5', VEHICLECOUNT: 18 } }] }, o),
    },
    { service: 'kinesis', event: 'analytics-kpl', build: (o) => kinesisAnalytics({ streamMetadata: true, records: [{ data: 'a' }, { data: 'b' }] }, o) },
  ],
};
