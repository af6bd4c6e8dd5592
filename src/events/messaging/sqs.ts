import type { SQSBatchResponse, SQSEvent, SQSMessageAttribute, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { hash } from 'node:crypto';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, epochText, fastHex, fastUuid, randomBase64, u32Stream, randomDigits, regionOfArn } from './_defaults.js';
import { md5Hex, md5OfMessageAttributes } from './_hash.js';
import { has, mergeOwned } from './_merge.js';

/**
 * One SQS message as a test writes it: any field of {@link SQSRecord}, all optional. `md5OfBody` and
 * `md5OfMessageAttributes` are computed from what you give unless you set them; a message attribute may omit
 * `dataType` (inferred from `stringValue`/`binaryValue`) and the list fields SQS always sends empty.
 */
export type SqsRecordInput = DeepPartial<SQSRecord>;

/** What `events.sqs` / `events.sqsFifo` take. */
export interface SqsEventInput {
  /** The messages of the batch, in order. Default: one message. `[]` gives an empty batch. Lambda delivers at most 10 000. */
  records?: readonly SqsRecordInput[];
  /** Queue every record came from, unless a record sets `eventSourceARN`. Its region becomes `awsRegion`. */
  queueArn?: string;
}

/** What `events.sqsFifo` takes: a FIFO queue adds message groups and deduplication. */
export interface SqsFifoEventInput extends SqsEventInput {
  /** `MessageGroupId` of records that do not set one. @defaultValue `'group-1'` */
  messageGroupId?: string;
}

/**
 * The canonical base of `sqs`, curated from a captured message (powertools-lambda-typescript/parser__sqs__base.json,
 * first record, without its message attributes). Equal to `fixtures/events/sqs.json`.
 */
export const sqsFixture: SQSEvent = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
      body: 'Test message.',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
      },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:my-queue',
      awsRegion: 'us-east-2',
    },
  ],
};

const DEFAULT_QUEUE_ARN = `arn:aws:sqs:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:my-queue`;
const DEFAULT_FIFO_QUEUE_ARN = `arn:aws:sqs:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:my-queue.fifo`;
const SINGLE_RECORD: readonly SqsRecordInput[] = [{}];
/** Opaque filler that brings receipt handles to a realistic length (taken from a captured handle). */
const RECEIPT_FILLER =
  'lmdzXOiprG6xRVeiXSHj0j731rJQ3xo+GPdGjOzjIxI09CrE3HtZ4lpXY9NjjHzP8hdxkCLlbttumc8hDBUR365/Tk+GfV2nNP9qvZtLGEbKCdTm/GYdTSoAr+ML9HnnGrS9T25Md71ASiZMI4DZqptN6g7CYYojFPs1LVM9o1258ferA72zbNoQ==';

/** A FIFO message's own attributes. */
export interface FifoAttributes {
  readonly sequenceNumber: string;
  readonly messageGroupId: string;
  readonly messageDeduplicationId: string;
}

/**
 * An SQS record's `attributes` in the order SQS delivers them: a FIFO message's between the timestamps and the sender
 * (as in the captured FIFO event, powertools-lambda-python/snsSqsFifoEvent.json).
 * @example
 * sqsAttributes({ receiveCount: '1', sent: '1', senderId: 'AIDA', firstReceive: '2' }); // the four standard ones
 */
export function sqsAttributes(a: { receiveCount: string; sent: string; senderId: string; firstReceive: string; fifo?: FifoAttributes }): SQSRecord['attributes'] {
  const out = { ApproximateReceiveCount: a.receiveCount, SentTimestamp: a.sent } as SQSRecord['attributes'];
  if (a.fifo) {
    out.SequenceNumber = a.fifo.sequenceNumber;
    out.MessageGroupId = a.fifo.messageGroupId;
  }
  out.SenderId = a.senderId;
  if (a.fifo) out.MessageDeduplicationId = a.fifo.messageDeduplicationId;
  out.ApproximateFirstReceiveTimestamp = a.firstReceive;
  return out;
}

function completeAttribute(attribute: DeepPartial<SQSMessageAttribute>): SQSMessageAttribute {
  // Keys in the order Lambda's SQS poller delivers them, dataType last (recorded: sqs-esm-record-shape).
  const out = {} as SQSMessageAttribute;
  if (attribute.stringValue !== undefined) out.stringValue = attribute.stringValue;
  if (attribute.binaryValue !== undefined) out.binaryValue = attribute.binaryValue;
  // Lambda's SQS poller always sends the two reserved list fields, empty; users should not have to type them.
  out.stringListValues = attribute.stringListValues === undefined ? [] : [...attribute.stringListValues];
  out.binaryListValues = attribute.binaryListValues === undefined ? [] : [...attribute.binaryListValues];
  out.dataType = attribute.dataType ?? (out.stringValue === undefined && out.binaryValue !== undefined ? 'Binary' : 'String');
  return out;
}

/**
 * The record with its keys in delivery order: `md5OfMessageAttributes`, when there is one, comes before
 * `md5OfBody` (recorded: sqs-esm-record-shape); keys the test added keep their place after AWS's.
 */
function inDeliveryOrder(record: SQSRecord): SQSRecord {
  const { messageId, receiptHandle, body, attributes, messageAttributes, md5OfMessageAttributes, md5OfBody, eventSource, eventSourceARN, awsRegion, ...rest } =
    record;
  const head = { messageId, receiptHandle, body, attributes, messageAttributes };
  const md5 = md5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes };
  return { ...head, ...md5, md5OfBody, eventSource, eventSourceARN, awsRegion, ...rest };
}

function completeAttributes(attributes: DeepPartial<SQSMessageAttributes> | undefined): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  if (attributes === undefined) return out;
  for (const name in attributes) {
    const attribute = attributes[name];
    if (attribute !== undefined) out[name] = completeAttribute(attribute);
  }
  return out;
}

/** The record input written as `{ body }` (or `{}`) only: the shape bulk tests use, built without any merge. */
function isBodyOnly(overrides: SqsRecordInput): boolean {
  for (const key in overrides) if (key !== 'body') return false;
  return true;
}

/** Applies everything but `body` from a record input: the general (slower) path. */
function applyOverrides(record: SQSRecord, overrides: SqsRecordInput): void {
  for (const key in overrides) {
    if (key === 'body' || key === 'messageAttributes') continue;
    mergeOwned(record, { [key]: (overrides as Record<string, unknown>)[key] } as SqsRecordInput);
  }
  if (has(overrides, 'messageAttributes')) record.messageAttributes = completeAttributes(overrides.messageAttributes);
}

function buildSqs(kindId: 'sqs' | 'sqs-fifo', input: SqsFifoEventInput, options: EventOptions | undefined): SQSEvent {
  const { random, now } = buildContext(kindId, options);
  const fifo = kindId === 'sqs-fifo';
  const queueArn = input.queueArn ?? (fifo ? DEFAULT_FIFO_QUEUE_ARN : DEFAULT_QUEUE_ARN);
  const queueRegion = regionOfArn(queueArn) ?? DEFAULT_REGION;
  // Receipt handles are a few hundred opaque base64 characters. Drawing them whole for every record would be the
  // dearest step of a batch, so each is seeded per-record hex plus a per-event part plus a constant filler.
  // Lengths chosen so the whole handle is well-formed base64 (a multiple of 4 characters).
  const handleTail = `${randomBase64(random, 18)}${RECEIPT_FILLER}`;
  const next = u32Stream(random);
  const base = sqsFixture.Records[0]!;
  const receiveCount = base.attributes.ApproximateReceiveCount;
  const senderId = base.attributes.SenderId;
  const records = input.records ?? SINGLE_RECORD;
  const count = records.length;
  const out: SQSRecord[] = new Array<SQSRecord>(count);
  let sequence = fifo ? BigInt(randomDigits(random, 20)) : 0n;
  for (let i = 0; i < count; i++) {
    const overrides = records[i]!;
    const simple = isBodyOnly(overrides);
    const sourceArn = simple ? queueArn : (overrides.eventSourceARN ?? queueArn);
    const sent = now - (count - 1 - i);
    const body = overrides.body ?? base.body;
    // Draw order is part of the seed contract: message id, receipt handle, then the receive delay.
    const messageId = fastUuid(next);
    const receiptHandle = `AQEB${fastHex(next, 24)}${handleTail}`;
    const firstReceive = epochText(sent + 1 + (next() % 20));
    let fifoAttributes: FifoAttributes | undefined;
    if (fifo) {
      sequence += 1n + BigInt(random.int(1000));
      // What SQS uses under content-based deduplication: the SHA-256 of the body.
      fifoAttributes = { sequenceNumber: String(sequence), messageGroupId: input.messageGroupId ?? 'group-1', messageDeduplicationId: hash('sha256', body, 'hex') };
    }
    const record: SQSRecord = {
      messageId,
      receiptHandle,
      body,
      attributes: sqsAttributes({ receiveCount, sent: epochText(sent), senderId, firstReceive, ...(fifoAttributes ? { fifo: fifoAttributes } : {}) }),
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: sourceArn,
      awsRegion: sourceArn === queueArn ? queueRegion : (regionOfArn(sourceArn) ?? DEFAULT_REGION),
    };
    if (simple) {
      // No message attributes, so SQS sends no md5OfMessageAttributes.
      record.md5OfBody = md5Hex(body);
    } else {
      applyOverrides(record, overrides);
      if (!has(overrides, 'md5OfBody')) record.md5OfBody = md5Hex(record.body);
      if (!has(overrides, 'md5OfMessageAttributes')) {
        const digest = md5OfMessageAttributes(record.messageAttributes);
        if (digest !== undefined) record.md5OfMessageAttributes = digest;
      }
    }
    out[i] = simple ? record : inDeliveryOrder(record);
  }
  return { Records: out };
}

/**
 * Builds an SQS event (standard queue). Each record is written as intent (`body`, `messageAttributes`, ...) and
 * the plumbing SQS adds is derived: `messageId`, `receiptHandle`, timestamps from the seed and `now`,
 * `md5OfBody`, `md5OfMessageAttributes` (SQS's binary encoding), the list fields of attributes, `awsRegion`.
 * @example
 * const event = events.sqs({ records: [{ body: JSON.stringify({ id: 1 }) }, { body: 'second' }] });
 * event.Records[0]!.md5OfBody; // MD5 of the body, as SQS computes it
 */
export function sqs(input: SqsEventInput = {}, options?: EventOptions): SQSEvent {
  return buildSqs('sqs', input, options);
}

/**
 * Builds an SQS event from a FIFO queue: as {@link sqs}, plus increasing `SequenceNumber`s, a `MessageGroupId`
 * and a `MessageDeduplicationId` computed as under content-based deduplication (SHA-256 of the body).
 * @example
 * const event = events.sqsFifo({ messageGroupId: 'order-42', records: [{ body: 'created' }, { body: 'paid' }] });
 */
export function sqsFifo(input: SqsFifoEventInput = {}, options?: EventOptions): SQSEvent {
  return buildSqs('sqs-fifo', input, options);
}

/**
 * Builds the partial-batch response a handler returns (`ReportBatchItemFailures`): the ids of the failed messages.
 * Accepts message ids or the records themselves.
 * @example
 * return sqsBatchResponse([record.messageId]); // { batchItemFailures: [{ itemIdentifier: '...' }] }
 */
export function sqsBatchResponse(failed: readonly (string | Pick<SQSRecord, 'messageId'>)[] = []): SQSBatchResponse {
  return {
    batchItemFailures: failed.map((item) => ({ itemIdentifier: typeof item === 'string' ? item : item.messageId })),
  };
}

/** Registry entry of SQS (standard and FIFO): samples, examples and the `sam local generate-event sqs` pair. */
export const sqsKind: EventKind = {
  id: 'sqs',
  factory: 'sqs',
  title: 'SQS message batch',
  type: 'SQSEvent',
  build: (options) => sqs({}, options),
  fixture: sqsFixture,
  samples: [
    'powertools-lambda-typescript/parser__sqs__base.json',
    'powertools-lambda-python/sqsEvent.json',
    'aws-lambda-developer-guide/blank-nodejs__event.json',
    'aws-sam-cli-rendered/sqs__receive-message.json',
  ],
  examples: [
    {
      name: 'with message attributes and ten messages',
      build: (options) =>
        sqs(
          {
            records: Array.from({ length: 10 }, (_, i) => ({
              body: JSON.stringify({ i }),
              messageAttributes: { tenant: { stringValue: 'acme' }, retries: { dataType: 'Number', stringValue: String(i) } },
            })),
          },
          options,
        ),
      samples: ['aws-lambda-go/sqs-event.json', 'aws-lambda-rust-runtime/example-sqs-event.json'],
    },
    { name: 'from a FIFO queue', build: (options) => sqsFifo({}, options), samples: ['powertools-lambda-python/snsSqsFifoEvent.json'] },
  ],
  sam: [
    {
      service: 'sqs',
      event: 'receive-message',
      build: (options) =>
        sqs({ queueArn: 'arn:aws:sqs:us-east-1:123456789012:MyQueue', records: [{ body: 'Hello from SQS!', attributes: { SenderId: '123456789012' } }] }, options),
    },
  ],
};

/** Registry entry of the SQS partial-batch response builder. */
export const sqsBatchResponseKind: EventKind = {
  id: 'sqs-batch-resp',
  factory: 'sqsBatchResponse',
  title: 'SQS partial batch response',
  type: 'SQSBatchResponse',
  build: () => sqsBatchResponse(['059f36b4-87a3-44ab-83d2-661975830a7d']),
  fixture: { batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }] },
  samples: ['aws-lambda-rust-runtime/example-sqs-batch-response.json'],
};
