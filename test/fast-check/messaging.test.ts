import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConformance, formatConformance } from '../../src/events/conformance.js';
import { md5Hex } from '../../src/events/messaging/_hash.js';
import { dynamoDbStreamKind } from '../../src/events/messaging/dynamodb.js';
import { eventBridgeKind } from '../../src/events/messaging/eventbridge.js';
import { kinesisKind } from '../../src/events/messaging/kinesis.js';
import { decodeS3Key, s3Kind } from '../../src/events/messaging/s3.js';
import { snsKind } from '../../src/events/messaging/sns.js';
import { sqsKind } from '../../src/events/messaging/sqs.js';
import { s3BatchKind } from '../../src/events/messaging/s3-batch.js';
import { s3EventBridgeKind } from '../../src/events/messaging/s3-eventbridge.js';
import {
  dynamoDbStreamEvent,
  eventBridgeEvent,
  kinesisEvent,
  s3BatchEvent,
  s3Event,
  s3EventBridgeEvent,
  snsEvent,
  sqsEvent,
} from '../../src/fast-check/events/messaging.js';
import { loadSample } from '../events/_samples.js';

const samplesOf = (kind: { samples: readonly string[] }): unknown[] => kind.samples.map(loadSample);
const conforms = (value: unknown, samples: unknown[], options?: Parameters<typeof checkConformance>[2]): string =>
  formatConformance(checkConformance(value, samples, options));

describe('messaging arbitraries', () => {
  it('generate SQS events that conform, from empty to maximal batches', () => {
    const samples = [...samplesOf(sqsKind), loadSample('aws-lambda-go/sqs-event.json')];
    const sizes = new Set<number>();
    fc.assert(
      fc.property(sqsEvent(), (event) => {
        sizes.add(event.Records.length);
        expect(event.Records.length).toBeLessThanOrEqual(10);
        for (const record of event.Records) expect(record.md5OfBody).toBe(md5Hex(record.body));
        expect(conforms(event, samples)).toBe('');
      }),
      { numRuns: 200 },
    );
    expect(sizes.has(0)).toBe(true);
  });

  it('respects minRecords and maxRecords and rejects impossible ranges', () => {
    fc.assert(fc.property(sqsEvent({ minRecords: 10, maxRecords: 10 }), (e) => e.Records.length === 10), { numRuns: 20 });
    expect(() => sqsEvent({ minRecords: 3, maxRecords: 2 })).toThrow(/minRecords/);
  });

  it('generate SNS, Kinesis, DynamoDB and EventBridge events that conform', () => {
    fc.assert(fc.property(snsEvent(), (e) => {
        expect(conforms(e, samplesOf(snsKind))).toBe('');
      }), { numRuns: 50 });
    fc.assert(fc.property(kinesisEvent(), (e) => {
        // The checker's base64 heuristic wants longer strings than a 1-byte payload ('AA=='): check data by round trip.
        expect(conforms(e, samplesOf(kinesisKind), { ignore: ['Records[].kinesis.data'] })).toBe('');
        for (const r of e.Records) expect(Buffer.from(Buffer.from(r.kinesis.data, 'base64').toString('base64'))).toEqual(Buffer.from(r.kinesis.data));
      }), { numRuns: 50 });
    fc.assert(
      fc.property(dynamoDbStreamEvent(), (e) => {
        // Generated items use BOOL and NULL, which the captured samples never show: only the envelope is compared.
        const options = { ignore: ['Keys', 'NewImage', 'OldImage'] };
        expect(conforms(e, samplesOf(dynamoDbStreamKind), options)).toBe('');
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(eventBridgeEvent(), (e) => {
        // `detail` is the user's own payload: only the envelope must look like EventBridge's.
        expect(conforms(e, samplesOf(eventBridgeKind), { ignore: ['detail'] })).toBe('');
      }),
      { numRuns: 50 },
    );
  });

  it('generate S3 keys that need URL-encoding and decode back', () => {
    fc.assert(
      fc.property(s3Event(), (event) => {
        expect(conforms(event, samplesOf(s3Kind))).toBe('');
        for (const record of event.Records) expect(record.s3.object.key).not.toMatch(/ /);
      }),
      { numRuns: 100 },
    );
    expect(decodeS3Key('a+b%2B%C3%BC')).toBe('a b+ü');
  });

  it('generate S3 events via EventBridge that conform to the samples of their variant', () => {
    const samplesFor = new Map<string, unknown[]>([['Object Created', samplesOf(s3EventBridgeKind)]]);
    for (const example of s3EventBridgeKind.examples ?? []) {
      const built = example.build() as { 'detail-type': string; detail: { reason?: string } };
      samplesFor.set(`${built['detail-type']}/${built.detail.reason ?? ''}`, (example.samples ?? []).map(loadSample));
    }
    fc.assert(
      fc.property(s3EventBridgeEvent(), (event) => {
        const reason = 'reason' in event.detail ? event.detail.reason : '';
        const samples = samplesFor.get(event['detail-type'] === 'Object Created' ? 'Object Created' : `${event['detail-type']}/${reason}`);
        expect(samples).toBeDefined();
        expect(conforms(event, samples!)).toBe('');
      }),
      { numRuns: 100 },
    );
  });

  it('generate S3 Batch invocations that conform and whose keys decode to what was written', () => {
    const v1 = samplesOf(s3BatchKind);
    const v2 = (s3BatchKind.examples?.[0]?.samples ?? []).map(loadSample);
    fc.assert(
      fc.property(s3BatchEvent(), (event) => {
        const samples = event.invocationSchemaVersion === '2.0' ? v2 : v1;
        expect(conforms(event, samples, s3BatchKind.conformance)).toBe('');
        for (const task of event.tasks) expect(decodeS3Key(task.s3Key).length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
