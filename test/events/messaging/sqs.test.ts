import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { md5Hex, md5OfMessageAttributes } from '../../../src/events/messaging/_hash.js';
import { sqs, sqsBatchResponse, sqsFifo } from '../../../src/events/messaging/sqs.js';
import { capturedFifoAttributeOrder } from '../_samples.js';

const SAMPLES = new URL('../../../../shared/aws-sample-events/', import.meta.url);
const sample = (path: string): { Records: { body: string; md5OfBody: string }[] } =>
  JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8')) as { Records: { body: string; md5OfBody: string }[] };

describe('events.sqs', () => {
  it('builds one message by default', () => {
    const event = sqs();
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({ body: 'Test message.', eventSource: 'aws:sqs', awsRegion: 'us-east-1' });
  });

  it('computes md5OfBody as SQS does', () => {
    const body = JSON.stringify({ orderId: 42, note: 'héllo ✓' });
    const event = sqs({ records: [{ body }] });
    expect(event.Records[0]!.md5OfBody).toBe(md5Hex(body));
  });

  it('matches the md5OfBody of captured SQS messages', () => {
    // Only samples whose body/md5 pair was captured from SQS: the aws-lambda-go sample's pair is made up.
    for (const path of [
      'aws-sam-cli-rendered/sqs__receive-message.json',
      'powertools-lambda-python/snsSqsEvent.json',
      'aws-lambda-developer-guide/blank-nodejs__event.json',
    ]) {
      for (const record of sample(path).Records) {
        const built = sqs({ records: [{ body: record.body }] }).Records[0]!;
        expect(built.md5OfBody, path).toBe(record.md5OfBody);
      }
    }
  });

  it('computes md5OfMessageAttributes with the SQS binary encoding', () => {
    // Reference digests produced by SQS for these attributes (as asserted by the SDK-compatible emulators).
    expect(md5OfMessageAttributes({ timestamp: { dataType: 'Number', stringValue: '1493147359900' } })).toBe(
      '235c5c510d26fb653d073faed50ae77c',
    );
    const event = sqs({
      records: [{ messageAttributes: { ordinal: { dataType: 'Number', stringValue: '1' }, category: { stringValue: 'test' } } }],
    });
    expect(event.Records[0]!.md5OfMessageAttributes).toBe('d21ae90c49061e927f57df5f5d72be1f');
  });

  it('hashes binary attributes by their decoded bytes', () => {
    const a = md5OfMessageAttributes({ blob: { dataType: 'Binary', binaryValue: Buffer.from('1100').toString('base64') } });
    const b = md5OfMessageAttributes({ blob: { dataType: 'Binary', binaryValue: 'MTEwMA==' } });
    expect(a).toBe(b);
    expect(a).not.toBe(md5OfMessageAttributes({ blob: { dataType: 'String', stringValue: '1100' } }));
  });

  it('omits md5OfMessageAttributes when there are no attributes, as SQS does', () => {
    expect(sqs().Records[0]).not.toHaveProperty('md5OfMessageAttributes');
  });

  it('completes message attributes with the fields Lambda always sends', () => {
    const attribute = sqs({ records: [{ messageAttributes: { tenant: { stringValue: 'acme' } } }] }).Records[0]!
      .messageAttributes['tenant'];
    expect(attribute).toEqual({ stringValue: 'acme', stringListValues: [], binaryListValues: [], dataType: 'String' });
  });

  it('keeps explicit derived fields the user sets', () => {
    const record = sqs({ records: [{ md5OfBody: 'not-a-real-md5', messageId: 'm-1' }] }).Records[0]!;
    expect(record.md5OfBody).toBe('not-a-real-md5');
    expect(record.messageId).toBe('m-1');
  });

  it('merges partial attributes into the defaults', () => {
    const record = sqs({ records: [{ attributes: { ApproximateReceiveCount: '3' } }] }).Records[0]!;
    expect(record.attributes.ApproximateReceiveCount).toBe('3');
    expect(record.attributes.SenderId).toBeTypeOf('string');
  });

  it('takes the region from the queue ARN', () => {
    const event = sqs({ queueArn: 'arn:aws:sqs:eu-west-1:111122223333:orders', records: [{}, {}] });
    expect(event.Records.map((r) => [r.eventSourceARN, r.awsRegion])).toEqual([
      ['arn:aws:sqs:eu-west-1:111122223333:orders', 'eu-west-1'],
      ['arn:aws:sqs:eu-west-1:111122223333:orders', 'eu-west-1'],
    ]);
  });

  it('builds empty and maximal batches', () => {
    expect(sqs({ records: [] }).Records).toEqual([]);
    const big = sqs({ records: Array.from({ length: 10 }, (_, i) => ({ body: String(i) })) });
    expect(new Set(big.Records.map((r) => r.messageId)).size).toBe(10);
    expect(new Set(big.Records.map((r) => r.receiptHandle)).size).toBe(10);
  });

  it('stamps string epoch-millisecond timestamps from now', () => {
    const record = sqs({}, { now: '2025-06-01T12:00:00.000Z' }).Records[0]!;
    expect(record.attributes.SentTimestamp).toBe(String(Date.parse('2025-06-01T12:00:00.000Z')));
    expect(Number(record.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThan(Number(record.attributes.SentTimestamp));
  });

  it('is identical for the same seed', () => {
    const input = { records: [{ body: 'a' }, { body: 'b' }] };
    expect(sqs(input, { seed: 7 })).toEqual(sqs(input, { seed: 7 }));
    expect(sqs(input, { seed: 7 }).Records[0]!.messageId).not.toBe(sqs(input, { seed: 8 }).Records[0]!.messageId);
  });

  it('does not share override objects with the event', () => {
    const attributes = { ApproximateReceiveCount: '2' };
    const event = sqs({ records: [{ attributes }] });
    event.Records[0]!.attributes.ApproximateReceiveCount = '9';
    expect(attributes.ApproximateReceiveCount).toBe('2');
  });
});

describe('events.sqsFifo', () => {
  it('adds increasing sequence numbers, the group and a content-based deduplication id', () => {
    const event = sqsFifo({ messageGroupId: 'order-42', records: [{ body: 'created' }, { body: 'paid' }] });
    const [first, second] = event.Records;
    expect(first!.eventSourceARN).toMatch(/\.fifo$/);
    expect(first!.attributes.MessageGroupId).toBe('order-42');
    expect(first!.attributes.SequenceNumber).toMatch(/^\d{20}$/);
    expect(BigInt(second!.attributes.SequenceNumber!)).toBeGreaterThan(BigInt(first!.attributes.SequenceNumber!));
    expect(first!.attributes.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.attributes.MessageDeduplicationId).not.toBe(second!.attributes.MessageDeduplicationId);
  });
});

describe('sqsBatchResponse', () => {
  it('reports failed message ids', () => {
    const event = sqs({ records: [{}, {}] });
    expect(sqsBatchResponse([event.Records[1]!, 'x'])).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }, { itemIdentifier: 'x' }],
    });
    expect(sqsBatchResponse()).toEqual({ batchItemFailures: [] });
  });
});

describe('sqsFifo attribute order', () => {
  it('puts the FIFO attributes between the timestamps and the sender, as the captured FIFO event has them', () => {
    expect(Object.keys(sqsFifo().Records[0]!.attributes)).toEqual(capturedFifoAttributeOrder());
  });
});
