import type { KinesisStreamEvent, KinesisStreamRecord, KinesisStreamTumblingWindowEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { accountOfArn, DEFAULT_ACCOUNT, DEFAULT_REGION, randomDigits, regionOfArn } from './_defaults.js';
import { kinesisSequence, toBase64Data, type StreamData } from './_encoding.js';
import { kinesisRecord } from './_kinesis-record.js';
import { mergeOwned } from './_merge.js';

/** One Kinesis record as a test writes it: `data` (encoded to base64 for you), `partitionKey`, raw overrides. */
export interface KinesisRecordInput {
  /** The payload. Strings are UTF-8, bytes kept, other values JSON-encoded; then base64, as Kinesis delivers it. */
  data?: StreamData;
  /** @defaultValue the record's position, from `'1'` */
  partitionKey?: string;
  /** Verbatim deep-partial overrides, applied last. */
  overrides?: DeepPartial<KinesisStreamRecord>;
}

/** What `events.kinesis` takes. */
export interface KinesisEventInput {
  /** The records, in order. Default: one. `[]` gives an empty batch. */
  records?: readonly KinesisRecordInput[];
  /** Stream ARN; its region becomes `awsRegion`, its account the role's. */
  streamArn?: string;
  /** Shard the batch was read from. @defaultValue `'shardId-000000000000'` */
  shardId?: string;
  /** The function's execution role, reported as `invokeIdentityArn`. @defaultValue `lambda-role` in the stream's account */
  roleArn?: string;
}

/** What `events.kinesisWindow` takes. */
export interface KinesisWindowInput extends KinesisEventInput {
  /** State carried from the previous invocation of this window. @defaultValue `{}` */
  state?: Record<string, unknown>;
  /** Window length in seconds; the window containing `now` is used. @defaultValue `120` */
  windowSeconds?: number;
  isFinalInvokeForWindow?: boolean;
  isWindowTerminatedEarly?: boolean;
}

/**
 * The canonical base of `kinesis`, curated from powertools-lambda-typescript/parser__kinesis__stream.json (first
 * record). Equal to `fixtures/events/kinesis.json`.
 */
export const kinesisFixture: KinesisStreamEvent = {
  Records: [
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
        data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
        approximateArrivalTimestamp: 1545084650.987,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    },
  ],
};

const SINGLE: readonly KinesisRecordInput[] = [{}];

function buildRecords(kindId: string, input: KinesisEventInput, options: EventOptions | undefined) {
  const { random, now } = buildContext(kindId, options);
  const base = kinesisFixture.Records[0]!;
  const streamArn = input.streamArn ?? `arn:aws:kinesis:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:stream/my-stream`;
  const region = regionOfArn(streamArn) ?? DEFAULT_REGION;
  const shardId = input.shardId ?? 'shardId-000000000000';
  // The function's role lives in the stream's account (recorded: kinesis-batch-item-failures).
  const roleArn = input.roleArn ?? `arn:aws:iam::${accountOfArn(streamArn) ?? DEFAULT_ACCOUNT}:role/lambda-role`;
  const start = BigInt(randomDigits(random, 56));
  const list = input.records ?? SINGLE;
  const records = list.map((record, i): KinesisStreamRecord => {
    const out = kinesisRecord({
      shardId,
      sequenceNumber: kinesisSequence(start, i),
      partitionKey: record.partitionKey ?? String(i + 1),
      data: record.data === undefined ? base.kinesis.data : toBase64Data(record.data),
      // Seven milliseconds apart, the last arriving now.
      arrivedAt: now - (list.length - 1 - i) * 7,
      roleArn,
      region,
      streamArn,
    });
    return mergeOwned<KinesisStreamRecord>(out, record.overrides);
  });
  return { records, random, now, streamArn, shardId };
}

/**
 * Builds a Kinesis Data Streams event: `data` base64-encoded, increasing 56-digit sequence numbers, `eventID` as
 * `shardId:sequenceNumber`, `approximateArrivalTimestamp` in fractional epoch seconds.
 * @example
 * const event = events.kinesis({ records: [{ data: { orderId: 1 }, partitionKey: 'order-1' }] });
 * JSON.parse(Buffer.from(event.Records[0]!.kinesis.data, 'base64').toString()); // { orderId: 1 }
 */
export function kinesis(input: KinesisEventInput = {}, options?: EventOptions): KinesisStreamEvent {
  return { Records: buildRecords('kinesis', input, options).records };
}

/**
 * Builds a Kinesis batch for a tumbling-window function (`window`, `state`, `shardId`, `eventSourceARN`, flags).
 * @example
 * const event = events.kinesisWindow({ state: { count: 2 }, isFinalInvokeForWindow: true });
 */
export function kinesisWindow(input: KinesisWindowInput = {}, options?: EventOptions): KinesisStreamTumblingWindowEvent & { shardId: string; eventSourceARN: string } {
  const { records, now, streamArn, shardId } = buildRecords('kinesis-window', input, options);
  const length = (input.windowSeconds ?? 120) * 1000;
  const start = Math.floor(now / length) * length;
  return {
    Records: records,
    window: { start: isoTimeSeconds(start), end: isoTimeSeconds(start + length) },
    state: input.state ?? {},
    shardId,
    eventSourceARN: streamArn,
    isFinalInvokeForWindow: input.isFinalInvokeForWindow ?? false,
    isWindowTerminatedEarly: input.isWindowTerminatedEarly ?? false,
  };
}

/** Registry entry of Kinesis Data Streams. */
export const kinesisKind: EventKind = {
  id: 'kinesis',
  factory: 'kinesis',
  title: 'Kinesis Data Streams batch',
  type: 'KinesisStreamEvent',
  build: (options) => kinesis({}, options),
  fixture: kinesisFixture,
  samples: [
    'powertools-lambda-typescript/parser__kinesis__stream.json',
    'powertools-lambda-python/kinesisStreamEvent.json',
    'aws-lambda-go/kinesis-event.json',
    'aws-sam-cli-rendered/kinesis__get-records.json',
  ],
  examples: [{ name: 'with JSON data in ten records', build: (o) => kinesis({ records: Array.from({ length: 10 }, (_, i) => ({ data: { i } })) }, o) }],
  sam: [{ service: 'kinesis', event: 'get-records', build: (o) => kinesis({ records: [{ data: 'Hello, this is a test 123.', partitionKey: 'partitionKey-03' }] }, o) }],
};

/** Registry entry of the Kinesis tumbling window batch. */
export const kinesisWindowKind: EventKind = {
  id: 'kinesis-window',
  factory: 'kinesisWindow',
  title: 'Kinesis Data Streams tumbling window batch',
  type: 'KinesisStreamTumblingWindowEvent',
  build: (options) => kinesisWindow({ state: { '1': 'state 1' } }, options),
  fixture: kinesisFixture,
  samples: ['aws-lambda-go/kinesis-time-window-event.json'],
  conformance: { dictionaries: ['state'] },
};
