import type { DynamoDBRecord, DynamoDBStreamEvent, StreamRecord } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, randomDigits, regionOfArn } from './_defaults.js';
import { changeRecord } from './_change-record.js';
import type { PlainItem } from './_marshal.js';
import { mergeOwned } from './_merge.js';

/** What a stream is configured to carry. */
export type StreamViewType = NonNullable<StreamRecord['StreamViewType']>;

/**
 * One change as a test writes it: plain JS images (marshalled into `AttributeValue`s), and the event name is
 * inferred (old and new → `MODIFY`, only old → `REMOVE`, else `INSERT`). `overrides` sets any raw field last.
 */
export interface DynamoDbChangeInput {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The item after the change (INSERT, MODIFY). */
  newImage?: PlainItem;
  /** The item before the change (MODIFY, REMOVE). */
  oldImage?: PlainItem;
  /** The key attributes; default: the stream's `keyAttributes` picked from the images. */
  keys?: PlainItem;
  /** Mark a REMOVE as done by the TTL process (adds the `userIdentity` DynamoDB sends for TTL deletions). */
  ttl?: boolean;
  /** Verbatim deep-partial overrides of the record, applied last. */
  overrides?: DeepPartial<DynamoDBRecord>;
}

/** What `events.dynamoDbStream` takes. */
export interface DynamoDbStreamInput {
  /** The changes, in order. Default: one INSERT. `[]` gives an empty batch. */
  records?: readonly DynamoDbChangeInput[];
  /** @defaultValue `'NEW_AND_OLD_IMAGES'` */
  streamViewType?: StreamViewType;
  /** Names of the key attributes, used to derive `Keys` from the images. @defaultValue the first of `id`, `Id`, `ID`, `pk`, `PK` the image has, else its first attribute */
  keyAttributes?: readonly string[];
  /** Table name, used in the stream ARN. @defaultValue `'my-table'` */
  tableName?: string;
  /** The stream ARN (overrides `tableName`); its region becomes `awsRegion`. */
  streamArn?: string;
}

/** The tumbling-window fields Lambda adds to a DynamoDB stream batch. `@types/aws-lambda` has no type for this. */
export interface DynamoDBStreamTumblingWindowEvent extends DynamoDBStreamEvent {
  window: { start: string; end: string };
  state?: Record<string, unknown>;
  shardId: string;
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** What `events.dynamoDbStreamWindow` takes. */
export interface DynamoDbStreamWindowInput extends DynamoDbStreamInput {
  /** State carried from the previous invocation of this window. @defaultValue `{}` */
  state?: Record<string, unknown>;
  /** Window length in seconds; the window containing `now` is used. @defaultValue `300` */
  windowSeconds?: number;
  isFinalInvokeForWindow?: boolean;
  isWindowTerminatedEarly?: boolean;
}

/**
 * The canonical base of `dynamoDbStream`, curated from aws-lambda-go/dynamodb-event.json (the INSERT record).
 * Equal to `fixtures/events/ddb.json`.
 */
export const dynamoDbStreamFixture: DynamoDBStreamEvent = {
  Records: [
    {
      eventID: 'c4ca4238a0b923820dcc509a6f75849b',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1428537600,
        Keys: { Id: { N: '101' } },
        NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        SequenceNumber: '4421584500000000017450439091',
        SizeBytes: 26,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899',
    },
  ],
};

const DEFAULT_ITEM: PlainItem = { Message: 'New item!', Id: 101 };
/** Key names tried, in order, when the stream's `keyAttributes` are not given. */
const USUAL_KEYS = ['id', 'Id', 'ID', 'pk', 'PK'];

function pick(image: PlainItem | undefined, names: readonly string[]): PlainItem | undefined {
  if (image === undefined) return undefined;
  const out: Record<string, PlainItem[string]> = {};
  for (const name of names) if (image[name] !== undefined) out[name] = image[name];
  return Object.keys(out).length === 0 ? undefined : out;
}

interface StreamContext {
  random: ReturnType<typeof buildContext>['random'];
  now: number;
  streamArn: string;
  region: string;
  viewType: StreamViewType;
  keyAttributes: readonly string[] | undefined;
  sequence: bigint;
}

function streamArnOf(input: DynamoDbStreamInput, now: number): string {
  if (input.streamArn !== undefined) return input.streamArn;
  // The stream label is the stream's creation time; a day before the event keeps it plausible and stable.
  const label = new Date(now - 86_400_000).toISOString();
  return `arn:aws:dynamodb:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:table/${input.tableName ?? 'my-table'}/stream/${label}`;
}

function buildRecord(ctx: StreamContext, change: DynamoDbChangeInput): DynamoDBRecord {
  const eventName =
    change.eventName ??
    (change.oldImage !== undefined && change.newImage !== undefined ? 'MODIFY' : change.oldImage !== undefined ? 'REMOVE' : 'INSERT');
  const newItem = eventName === 'REMOVE' ? undefined : (change.newImage ?? (change.oldImage === undefined ? DEFAULT_ITEM : undefined));
  const oldItem = eventName === 'INSERT' ? undefined : change.oldImage;
  const image = newItem ?? oldItem ?? {};
  const keyNames = ctx.keyAttributes ?? [USUAL_KEYS.find((k) => image[k] !== undefined) ?? Object.keys(image)[0] ?? 'id'];
  const keys = change.keys ?? pick(image, keyNames) ?? { [keyNames[0] ?? 'id']: 'item-1' };
  ctx.sequence += 1n + BigInt(ctx.random.int(1000));
  const sequenceNumber = String(ctx.sequence);
  const record = changeRecord({ eventName, keys, newItem, oldItem, viewType: ctx.viewType, sequenceNumber, now: ctx.now, eventID: ctx.random.hex(32), region: ctx.region, streamArn: ctx.streamArn });
  if (change.ttl === true) record.userIdentity = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
  return mergeOwned<DynamoDBRecord>(record, change.overrides);
}

function context(kindId: string, input: DynamoDbStreamInput, options: EventOptions | undefined): StreamContext {
  const { random, now } = buildContext(kindId, options);
  const streamArn = streamArnOf(input, now);
  return {
    random,
    now,
    streamArn,
    region: regionOfArn(streamArn) ?? DEFAULT_REGION,
    viewType: input.streamViewType ?? 'NEW_AND_OLD_IMAGES',
    keyAttributes: input.keyAttributes,
    sequence: BigInt(randomDigits(random, 21)),
  };
}

/**
 * Builds a DynamoDB Streams event from plain JS items: images are marshalled into `AttributeValue` maps, `Keys`
 * picked from them, `SizeBytes` computed by DynamoDB's item-size rules, and `NewImage`/`OldImage` kept or dropped
 * as the `StreamViewType` dictates.
 * @example
 * const event = events.dynamoDbStream({
 *   records: [{ oldImage: { id: 'a', qty: 1 }, newImage: { id: 'a', qty: 2 } }], // a MODIFY
 * });
 * event.Records[0]!.dynamodb!.NewImage; // { id: { S: 'a' }, qty: { N: '2' } }
 */
export function dynamoDbStream(input: DynamoDbStreamInput = {}, options?: EventOptions): DynamoDBStreamEvent {
  const ctx = context('ddb', input, options);
  return { Records: (input.records ?? [{}]).map((change) => buildRecord(ctx, change)) };
}

/**
 * Builds a single DynamoDB stream record (for handlers that process one record at a time).
 * @example
 * const record = events.dynamoDbRecord({ oldImage: { id: 'a' } }); // a REMOVE
 */
export function dynamoDbRecord(
  change: DynamoDbChangeInput = {},
  options?: EventOptions & Omit<DynamoDbStreamInput, 'records'>,
): DynamoDBRecord {
  const ctx = context('ddb-record', options ?? {}, options);
  return buildRecord(ctx, change);
}

/**
 * Builds a DynamoDB stream batch for a tumbling-window function: the records plus `window`, `state`, `shardId`,
 * `eventSourceARN` and the final-invoke flags. The window is the one of `windowSeconds` containing `now`.
 * @example
 * const event = events.dynamoDbStreamWindow({ state: { total: 3 }, isFinalInvokeForWindow: true });
 */
export function dynamoDbStreamWindow(input: DynamoDbStreamWindowInput = {}, options?: EventOptions): DynamoDBStreamTumblingWindowEvent {
  const ctx = context('ddb-window', input, options);
  const records = (input.records ?? [{}]).map((change) => buildRecord(ctx, change));
  const length = (input.windowSeconds ?? 300) * 1000;
  const start = Math.floor(ctx.now / length) * length;
  return {
    Records: records,
    window: { start: isoTimeSeconds(start), end: isoTimeSeconds(start + length) },
    state: input.state ?? {},
    shardId: `shardId-0000000${randomDigits(ctx.random, 13)}-${ctx.random.hex(8)}`,
    eventSourceARN: ctx.streamArn,
    isFinalInvokeForWindow: input.isFinalInvokeForWindow ?? false,
    isWindowTerminatedEarly: input.isWindowTerminatedEarly ?? false,
  };
}

/** Registry entry of DynamoDB Streams. */
export const dynamoDbStreamKind: EventKind = {
  id: 'ddb',
  factory: 'dynamoDbStream',
  title: 'DynamoDB Streams batch',
  type: 'DynamoDBStreamEvent',
  build: (options) => dynamoDbStream({}, options),
  fixture: dynamoDbStreamFixture,
  samples: ['aws-lambda-go/dynamodb-event.json', 'powertools-lambda-python/dynamoStreamEvent.json', 'aws-sam-cli-rendered/dynamodb__update.json'],
  conformance: { dictionaries: ['Keys', 'NewImage', 'OldImage', 'M'] },
  examples: [
    {
      name: 'with INSERT, MODIFY and REMOVE of nested items',
      build: (o) =>
        dynamoDbStream(
          {
            records: [
              { newImage: { id: 'a', qty: 1, note: 'first' } },
              { oldImage: { id: 'a', qty: 1 }, newImage: { id: 'a', qty: 2 } },
              { oldImage: { id: 'a', qty: 2 } },
            ],
          },
          o,
        ),
    },
  ],
  sam: [
    {
      service: 'dynamodb',
      event: 'update',
      build: (o) =>
        dynamoDbStream(
          {
            keyAttributes: ['Id'],
            tableName: 'ExampleTableWithStream',
            records: [
              { newImage: { Message: 'New item!', Id: 101 } },
              { oldImage: { Message: 'New item!', Id: 101 }, newImage: { Message: 'This item has changed', Id: 101 } },
              { oldImage: { Message: 'This item has changed', Id: 101 } },
            ],
          },
          o,
        ),
    },
  ],
};

/** Registry entry of the DynamoDB Streams tumbling window batch. */
export const dynamoDbStreamWindowKind: EventKind = {
  id: 'ddb-window',
  factory: 'dynamoDbStreamWindow',
  title: 'DynamoDB Streams tumbling window batch',
  type: 'DynamoDBStreamTumblingWindowEvent',
  build: (options) => dynamoDbStreamWindow({ state: { '1': 'state1' } }, options),
  fixture: dynamoDbStreamFixture,
  samples: ['aws-lambda-go/dynamodb-time-window-event.json'],
  // The only window sample numbers its events 1, 2, 3; real event ids are 32 hex digits, as in dynamodb-event.json.
  conformance: { dictionaries: ['Keys', 'NewImage', 'OldImage', 'M', 'state'], ignore: ['Records[].eventID'] },
};
