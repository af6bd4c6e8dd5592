import type { SQSMessageAttribute, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import type { MessageAttribute } from '../async/records.js';
import { sqsAttributes, type FifoAttributes } from '../events/messaging/sqs.js';
import type { StoredMessage } from './sqs-queue.js';

/** Per-record weight of a batch besides body and attributes (ids, handle, timestamps, ARNs), for the 6 MB rule. */
const RECORD_OVERHEAD_BYTES = 1024;

/**
 * Message attributes in the form Lambda's records (and SQS's digest) use: lowercase keys, the two reserved list
 * fields empty, a `Binary` value as `binaryValue` (its base64 text).
 * @example
 * recordAttributes({ Title: { DataType: 'String', StringValue: 'The Whistler' } });
 * // { Title: { stringValue: 'The Whistler', stringListValues: [], binaryListValues: [], dataType: 'String' } }
 */
export function recordAttributes(attributes: Readonly<Record<string, MessageAttribute>>): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  for (const name of javaHashMapOrder(Object.keys(attributes))) {
    const a = attributes[name]!;
    const attribute = {} as SQSMessageAttribute;
    if (a.DataType.startsWith('Binary')) attribute.binaryValue = a.StringValue;
    else attribute.stringValue = a.StringValue;
    attribute.stringListValues = [];
    attribute.binaryListValues = [];
    attribute.dataType = a.DataType;
    out[name] = attribute;
  }
  return out;
}

/**
 * The order Lambda's SQS poller delivers message attribute names in: a Java `HashMap` (16 buckets for SQS's at most
 * 10 attributes) filled in name order, iterated bucket by bucket. [INFERRED from one recording (sqs-esm-record-shape):
 * Title, Author, WeeksOn were delivered as WeeksOn, Author, Title, which this reproduces.]
 * @example
 * javaHashMapOrder(['Title', 'Author', 'WeeksOn']); // ['WeeksOn', 'Author', 'Title']
 */
export function javaHashMapOrder(names: readonly string[]): string[] {
  let capacity = 16;
  while (names.length > capacity * 0.75) capacity *= 2;
  const bucket = (name: string): number => {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (Math.imul(31, h) + name.charCodeAt(i)) | 0;
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  // Code-unit order, as Java's String.compareTo; a stable sort keeps it within a bucket.
  return [...names].sort().map((name) => ({ name, bucket: bucket(name) })).sort((a, b) => a.bucket - b.bucket).map((e) => e.name);
}

/**
 * The record Lambda delivers for a message just received, keys in delivery order (recorded: sqs-esm-record-shape):
 * FIFO attributes between the timestamps as in AWS's sample event, `md5OfMessageAttributes` only with attributes.
 * @example
 * const record = sqsRecord(message, queue.arn, 'us-east-1');
 * record.attributes.ApproximateReceiveCount; // '1' on the first receive
 */
export function sqsRecord(m: StoredMessage, queueArn: string, region: string): SQSRecord {
  const attributes = sqsAttributes({
    receiveCount: String(m.receiveCount),
    sent: String(m.sentAt),
    senderId: m.senderId,
    firstReceive: String(m.firstReceiveAt),
    ...fifoAttributesOf(m),
  });
  const record = {
    messageId: m.messageId,
    receiptHandle: m.receiptHandle,
    body: m.body,
    attributes,
    messageAttributes: recordAttributes(m.attributes),
  } as unknown as SQSRecord;
  if (m.md5OfMessageAttributes !== undefined) record.md5OfMessageAttributes = m.md5OfMessageAttributes;
  record.md5OfBody = m.md5OfBody;
  record.eventSource = 'aws:sqs';
  record.eventSourceARN = queueArn;
  record.awsRegion = region;
  return record;
}

/**
 * A stored FIFO message's own attributes, as `{ fifo }` for `sqsAttributes` (nothing for a standard one).
 * @example
 * sqsAttributes({ receiveCount: '1', sent, senderId, firstReceive, ...fifoAttributesOf(message) });
 */
export function fifoAttributesOf(m: StoredMessage): { fifo?: FifoAttributes } {
  return m.group === undefined ? {} : { fifo: { sequenceNumber: m.sequenceNumber!, messageGroupId: m.group, messageDeduplicationId: m.deduplicationId! } };
}

/**
 * What a message weighs in a batch: its body and attributes as the record's JSON carries them (escapes included), plus
 * the rest of the record.
 * @example
 * recordBytes('"quoted"', {}); // more than the body's 8 bytes: JSON escapes each quote
 */
export function recordBytes(body: string, attributes: Readonly<Record<string, MessageAttribute>>): number {
  return Buffer.byteLength(JSON.stringify(body)) + Buffer.byteLength(JSON.stringify(recordAttributes(attributes))) + RECORD_OVERHEAD_BYTES;
}
