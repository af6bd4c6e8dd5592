import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { decodeCloudWatchLogs, encodeCloudWatchLogs } from '../../../src/events/messaging/cloudwatch-logs.js';
import { factories as events } from '../../../src/events/messaging/index.js';
import { itemSize, marshall, unmarshall, type AttributeMap } from '../../../src/events/messaging/_marshal.js';
import { loadSample } from '../_samples.js';

const fromBase64 = (data: string): string => Buffer.from(data, 'base64').toString('utf8');
const SAME = { seed: 5, now: '2025-03-04T05:06:07.089Z' } as const;

describe('events.dynamoDbStream', () => {
  it('marshals plain objects into AttributeValue images', () => {
    const item = { id: 'a-1', qty: 3, price: 9.5, big: 12345678901234567890n, active: true, gone: null, tags: new Set(['x', 'y']), nums: new Set([1, 2]), blob: new Uint8Array([1, 2]), list: [1, 'two'], nested: { deep: { ok: false } } };
    const record = events.dynamoDbStream({ records: [{ newImage: item }] }).Records[0]!;
    expect(record.dynamodb!.NewImage).toEqual({
      id: { S: 'a-1' },
      qty: { N: '3' },
      price: { N: '9.5' },
      big: { N: '12345678901234567890' },
      active: { BOOL: true },
      gone: { NULL: true },
      tags: { SS: ['x', 'y'] },
      nums: { NS: ['1', '2'] },
      blob: { B: 'AQI=' },
      list: { L: [{ N: '1' }, { S: 'two' }] },
      nested: { M: { deep: { M: { ok: { BOOL: false } } } } },
    });
    expect(record.dynamodb!.Keys).toEqual({ id: { S: 'a-1' } });
  });

  it('unmarshals images back to the plain values a test wrote', () => {
    const item = { id: 'a-1', qty: 3, active: true, gone: null, tags: new Set(['x']), blob: new Uint8Array([1, 2]), list: [1, 'two'], nested: { ok: false } };
    expect(unmarshall(marshall(item))).toEqual(item);
  });

  it('computes SizeBytes as DynamoDB does for captured records', () => {
    const sample = loadSample('aws-lambda-developer-guide/java-events__events__dynamodb-record.json') as { Records: { dynamodb: { Keys: AttributeMap; NewImage?: AttributeMap; OldImage?: AttributeMap; SizeBytes: number } }[] };
    for (const { dynamodb } of sample.Records) {
      expect(itemSize(dynamodb.Keys) + itemSize(dynamodb.NewImage) + itemSize(dynamodb.OldImage)).toBe(dynamodb.SizeBytes);
    }
  });

  it('reports SizeBytes of the keys and images it carries', () => {
    const record = events.dynamoDbStream({ records: [{ oldImage: { Id: 101, Message: 'New item!' }, newImage: { Id: 101, Message: 'This item has changed' } }] }).Records[0]!;
    const { Keys, NewImage, OldImage, SizeBytes } = record.dynamodb!;
    expect(SizeBytes).toBe(itemSize(Keys as AttributeMap) + itemSize(NewImage as AttributeMap) + itemSize(OldImage as AttributeMap));
    expect(record.eventName).toBe('MODIFY');
  });

  it('is identical for the same seed', () => {
    expect(events.dynamoDbStream({ records: [{}, {}] }, SAME)).toEqual(events.dynamoDbStream({ records: [{}, {}] }, SAME));
  });
});

describe('events.cloudWatchLogs', () => {
  it('gzips and base64-encodes CloudWatch Logs data and decodes it back', () => {
    const event = events.cloudWatchLogs({ logGroup: '/aws/lambda/orders', logEvents: ['START', { level: 'ERROR', msg: 'boom' }] });
    const raw = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8')) as unknown;
    const decoded = decodeCloudWatchLogs(event);
    expect(decoded).toEqual(raw);
    expect(decoded.logGroup).toBe('/aws/lambda/orders');
    expect(decoded.logEvents.map((e) => e.message)).toEqual(['START', '{"level":"ERROR","msg":"boom"}']);
    expect(decodeCloudWatchLogs(encodeCloudWatchLogs(decoded))).toEqual(decoded);
  });

  it('is identical for the same seed', () => {
    expect(decodeCloudWatchLogs(events.cloudWatchLogs({}, SAME))).toEqual(decodeCloudWatchLogs(events.cloudWatchLogs({}, SAME)));
  });
});

describe('events.kinesis', () => {
  it('base64-encodes Kinesis data', () => {
    const event = events.kinesis({ records: [{ data: 'héllo' }, { data: { orderId: 1 } }, { data: new Uint8Array([0, 255]) }] });
    expect(fromBase64(event.Records[0]!.kinesis.data)).toBe('héllo');
    expect(JSON.parse(fromBase64(event.Records[1]!.kinesis.data))).toEqual({ orderId: 1 });
    expect([...Buffer.from(event.Records[2]!.kinesis.data, 'base64')]).toEqual([0, 255]);
  });

  it('numbers records with increasing sequence numbers in eventID', () => {
    const [a, b] = events.kinesis({ records: [{}, {}] }).Records;
    expect(BigInt(b!.kinesis.sequenceNumber) > BigInt(a!.kinesis.sequenceNumber)).toBe(true);
    expect(a!.eventID).toBe(`shardId-000000000000:${a!.kinesis.sequenceNumber}`);
  });

  it('is identical for the same seed', () => {
    expect(events.kinesis({ records: [{ data: 'x' }] }, SAME)).toEqual(events.kinesis({ records: [{ data: 'x' }] }, SAME));
  });
});

describe('events.kinesisAnalytics', () => {
  it('base64-encodes record data, gzipped when asked', () => {
    const plain = events.kinesisAnalytics({ records: [{ data: { ticker: 'AMZN' } }] });
    expect(JSON.parse(fromBase64(plain.records[0]!.data))).toEqual({ ticker: 'AMZN' });
    const zipped = events.kinesisAnalytics({ gzip: true, records: [{ data: 'compressed' }] });
    expect(gunzipSync(Buffer.from(zipped.records[0]!.data, 'base64')).toString('utf8')).toBe('compressed');
  });

  it('carries the source stream only for preprocessing', () => {
    expect(events.kinesisAnalytics().streamArn).toMatch(/^arn:aws:kinesis:/);
    expect(events.kinesisAnalytics({ role: 'output' })).not.toHaveProperty('streamArn');
  });

  it('is identical for the same seed', () => {
    expect(events.kinesisAnalytics({}, SAME)).toEqual(events.kinesisAnalytics({}, SAME));
  });
});

describe('events.msk and events.selfManagedKafka', () => {
  it('base64-encodes keys and values and turns headers into byte arrays', () => {
    const event = events.msk({ records: [{ topic: 'orders', key: 'order-1', value: { total: 5 }, headers: { source: 'web', raw: new Uint8Array([7]) } }] });
    const record = event.records['orders-0']![0]!;
    expect(fromBase64(record.key!)).toBe('order-1');
    expect(JSON.parse(fromBase64(record.value))).toEqual({ total: 5 });
    expect(record.headers).toEqual([{ source: [...Buffer.from('web')] }, { raw: [7] }]);
  });

  it('omits the key of a message produced without one', () => {
    const record = events.selfManagedKafka({ records: [{ key: null, value: 'v' }] }).records['mytopic-0']![0]!;
    expect(record).not.toHaveProperty('key');
  });

  it('groups records by topic-partition with increasing offsets', () => {
    const event = events.msk({ records: [{ topic: 't', partition: 1 }, { topic: 't', partition: 1 }, { topic: 'u' }] });
    const [first, second] = event.records['t-1']!;
    expect(second!.offset).toBe(first!.offset + 1);
    expect(Object.keys(event.records).sort()).toEqual(['t-1', 'u-0']);
  });

  it('is identical for the same seed', () => {
    expect(events.msk({ records: [{ value: 'x' }] }, SAME)).toEqual(events.msk({ records: [{ value: 'x' }] }, SAME));
  });
});

describe('events.sns', () => {
  it('fills signature fields consistent with the topic', () => {
    const topicArn = 'arn:aws:sns:eu-west-1:111122223333:orders';
    const record = events.sns({ topicArn, records: [{ message: { id: 1 } }] }).Records[0]!;
    expect(record.Sns.TopicArn).toBe(topicArn);
    expect(record.EventSubscriptionArn).toMatch(new RegExp(`^${topicArn}:[0-9a-f-]{36}$`));
    expect(record.Sns.SigningCertUrl).toMatch(/^https:\/\/sns\.eu-west-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
    expect(record.Sns.UnsubscribeUrl).toBe(`https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${record.EventSubscriptionArn}`);
    // An RSA-2048 signature: 256 bytes.
    expect(Buffer.from(record.Sns.Signature, 'base64')).toHaveLength(256);
    expect(JSON.parse(record.Sns.Message)).toEqual({ id: 1 });
  });

  it('is identical for the same seed', () => {
    expect(events.sns({}, SAME)).toEqual(events.sns({}, SAME));
  });
});
