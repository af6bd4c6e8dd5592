import fc from 'fast-check';
import type { DynamoDBStreamEvent, EventBridgeEvent, KinesisStreamEvent, S3BatchEvent, S3Event, SNSEvent, SQSEvent } from 'aws-lambda';
import type { PlainItem } from '../../events/messaging/_marshal.js';
import { dynamoDbStream } from '../../events/messaging/dynamodb.js';
import { eventBridge } from '../../events/messaging/eventbridge.js';
import { kinesis } from '../../events/messaging/kinesis.js';
import { s3 } from '../../events/messaging/s3.js';
import { s3Batch, type S3BatchEventV2 } from '../../events/messaging/s3-batch.js';
import { s3EventBridge, type S3EventBridgeEvent } from '../../events/messaging/s3-eventbridge.js';
import { sns } from '../../events/messaging/sns.js';
import { sqs } from '../../events/messaging/sqs.js';
import { eventArbitrary, type EventArbitraryConstraints } from '../_internals/event-arbitrary.js';

/** Batch-size constraints shared by the many-record arbitraries. */
export interface BatchConstraints extends EventArbitraryConstraints {
  /** @defaultValue `0` (empty batches are legal and worth testing) */
  readonly minRecords?: number;
  /** @defaultValue `10` (the default batch size of SQS, Kinesis and DynamoDB event source mappings) */
  readonly maxRecords?: number;
}

/** Constraints of {@link sqsEvent}. */
export interface SqsEventConstraints extends BatchConstraints {
  /** The bodies to draw from. @defaultValue any unicode string up to 256 characters, JSON objects included */
  readonly body?: fc.Arbitrary<string>;
}

function batch(constraints: BatchConstraints): { minLength: number; maxLength: number } {
  const minLength = constraints.minRecords ?? 0;
  const maxLength = constraints.maxRecords ?? 10;
  if (!(Number.isInteger(minLength) && Number.isInteger(maxLength) && minLength >= 0 && minLength <= maxLength)) {
    throw new RangeError(`minRecords (${minLength}) and maxRecords (${maxLength}) must be integers with 0 <= minRecords <= maxRecords.`);
  }
  return { minLength, maxLength };
}

// Bodies shrink towards '' and the JSON alternative towards '{}', so failures reduce to readable messages.
const defaultBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 256 }),
  fc.json({ maxDepth: 2 }),
);

/**
 * SQS events of `minRecords..maxRecords` messages with unicode bodies and optional string attributes, each a valid
 * `events.sqs` output (derived MD5s included).
 * @example
 * fc.assert(fc.property(arbitraries.sqsEvent({ maxRecords: 10 }), (event) => { handler(event); }));
 */
export function sqsEvent(constraints: SqsEventConstraints = {}): fc.Arbitrary<SQSEvent> {
  const record = fc.record(
    {
      body: constraints.body ?? defaultBody,
      messageAttributes: fc.dictionary(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,19}$/),
        fc.record({ stringValue: fc.string({ unit: 'grapheme', maxLength: 32 }) }),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: ['body'] },
  );
  return eventArbitrary(fc.array(record, batch(constraints)), (records, options) => sqs({ records }, options), constraints);
}

/**
 * SNS events with unicode messages and optional subjects.
 * @example
 * fc.assert(fc.property(arbitraries.snsEvent(), (event) => typeof event.Records[0]!.Sns.Message === 'string'));
 */
export function snsEvent(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<SNSEvent> {
  const record = fc.record({ message: fc.string({ unit: 'grapheme', maxLength: 256 }), subject: fc.string({ minLength: 1, maxLength: 100 }) });
  return eventArbitrary(record, (r, options) => sns({ records: [r] }, options), constraints);
}

// Keys mixing path separators, spaces, reserved and non-ASCII characters: the ones handlers forget to decode.
const s3Key: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '+', '%', '=', '&', '(1)', 'ü', '日本')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join('/').replace(/\/+/g, '/'))
  .filter((key) => key.length > 0 && key.length <= 1024);

/**
 * S3 object-created events whose keys need URL-encoding (spaces, `+`, `%`, unicode, nested paths).
 * @example
 * fc.assert(fc.property(arbitraries.s3Event(), (e) => decodeS3Key(e.Records[0]!.s3.object.key).length > 0));
 */
export function s3Event(constraints: BatchConstraints = {}): fc.Arbitrary<S3Event> {
  const record = fc.record({ key: s3Key, size: fc.nat({ max: 5 * 1024 ** 3 }) });
  return eventArbitrary(fc.array(record, batch({ minRecords: 1, ...constraints })), (records, options) => s3({ records }, options), constraints);
}

const plainValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
const item: fc.Arbitrary<PlainItem> = fc
  .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/), plainValue, { maxKeys: 4 }))
  .map(([id, rest]) => ({ ...rest, id }));

/**
 * DynamoDB stream events of INSERT / MODIFY / REMOVE changes on plain items (strings, numbers, booleans, nulls).
 * @example
 * fc.assert(fc.property(arbitraries.dynamoDbStreamEvent(), (e) => e.Records.every((r) => r.dynamodb?.Keys?.['id'])));
 */
export function dynamoDbStreamEvent(constraints: BatchConstraints = {}): fc.Arbitrary<DynamoDBStreamEvent> {
  const change = fc.oneof(
    item.map((newImage) => ({ newImage })),
    fc.tuple(item, item).map(([oldImage, newImage]) => ({ oldImage, newImage: { ...newImage, id: oldImage['id'] } })),
    item.map((oldImage) => ({ oldImage })),
  );
  return eventArbitrary(fc.array(change, batch(constraints)), (records, options) => dynamoDbStream({ records }, options), constraints);
}

/**
 * Kinesis events carrying text, JSON or binary data.
 * @example
 * fc.assert(fc.property(arbitraries.kinesisEvent(), (e) => e.Records.length <= 10));
 */
export function kinesisEvent(constraints: BatchConstraints = {}): fc.Arbitrary<KinesisStreamEvent> {
  // At least one byte: an empty record is legal for Kinesis but never useful, and its empty base64 reads as no data.
  const data = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 256 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<object>, fc.uint8Array({ minLength: 1, maxLength: 64 }));
  const record = fc.record({ data, partitionKey: fc.string({ minLength: 1, maxLength: 256 }) });
  return eventArbitrary(fc.array(record, batch(constraints)), (records, options) => kinesis({ records }, options), constraints);
}

/** Constraints of {@link eventBridgeEvent}. */
export interface EventBridgeEventConstraints<TDetail> extends EventArbitraryConstraints {
  /** The details to draw from. @defaultValue any JSON object */
  readonly detail?: fc.Arbitrary<TDetail>;
  /** The detail types to draw from. @defaultValue short printable strings */
  readonly detailType?: fc.Arbitrary<string>;
}

/**
 * EventBridge events with generated detail types, sources and details.
 * @example
 * fc.assert(fc.property(arbitraries.eventBridgeEvent({ detail: fc.record({ orderId: fc.uuid() }) }), (e) => !!e.detail.orderId));
 */
export function eventBridgeEvent<TDetail = Record<string, unknown>>(
  constraints: EventBridgeEventConstraints<TDetail> = {},
): fc.Arbitrary<EventBridgeEvent<string, TDetail>> {
  const detail = constraints.detail ?? (fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) as unknown as fc.Arbitrary<TDetail>);
  const input = fc.record({
    detailType: constraints.detailType ?? fc.string({ minLength: 1, maxLength: 64 }),
    source: fc.stringMatching(/^[a-z][a-z0-9]{0,9}(\.[a-z][a-z0-9]{0,9}){1,2}$/),
    detail,
  });
  return eventArbitrary(input, (i, options) => eventBridge<string, TDetail>(i, options), constraints);
}

/**
 * S3 events via EventBridge of every variant the factory builds (created, deleted, expired, restored), with keys
 * needing URL-encoding (EventBridge carries them as stored).
 * @example
 * fc.assert(fc.property(arbitraries.s3EventBridgeEvent(), (e) => e.source === 'aws.s3'));
 */
export function s3EventBridgeEvent(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<S3EventBridgeEvent> {
  const intent = fc.record({
    type: fc.constantFrom('created', 'deleted', 'expired', 'restored'),
    key: s3Key,
    size: fc.nat({ max: 5 * 1024 ** 3 }),
  });
  return eventArbitrary(intent, ({ type, key, size }, options): S3EventBridgeEvent => {
    // One call per variant: the factory's overloads narrow on a literal `type`.
    if (type === 'created') return s3EventBridge({ key, size }, options);
    if (type === 'restored') return s3EventBridge({ type, key, size }, options);
    return s3EventBridge({ type, key, size }, options);
  }, constraints);
}

/**
 * S3 Batch Operations invocations in schema 1.0 or 2.0, with keys needing URL-encoding and versioned or
 * unversioned (2.0: `null`) tasks.
 * @example
 * fc.assert(fc.property(arbitraries.s3BatchEvent(), (e) => e.tasks.length >= 1));
 */
export function s3BatchEvent(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<S3BatchEvent | S3BatchEventV2> {
  const intent = fc.record({
    v2: fc.boolean(),
    key: s3Key,
    versioned: fc.boolean(),
    // Every captured 2.0 invocation carries the job's user arguments.
    userArguments: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/), fc.string({ maxLength: 16 }), { minKeys: 1, maxKeys: 3 }),
  });
  return eventArbitrary(intent, ({ v2, key, versioned, userArguments }, options): S3BatchEvent | S3BatchEventV2 =>
    v2
      ? s3Batch({ schemaVersion: '2.0', userArguments, tasks: [versioned ? { key } : { key, versionId: null }] }, options)
      : s3Batch({ tasks: [{ key }] }, options),
  constraints);
}
