import { describe, expect, it } from 'vitest';
import { factories as events } from '../../../src/events/messaging/index.js';
import { decodeS3Key, encodeS3Key } from '../../../src/events/messaging/s3.js';
import { s3BatchResult } from '../../../src/events/messaging/s3-batch.js';

const SAME = { seed: 11, now: 1_700_000_000_000 } as const;

describe('S3 object keys', () => {
  it('URL-encodes object keys the way S3 does', () => {
    // S3's documented example, plus reserved characters and non-ASCII: form encoding, `/` kept.
    expect(encodeS3Key('red flower.jpg')).toBe('red+flower.jpg');
    expect(encodeS3Key('photos/2024 (1)/ç+é=x&y.txt')).toBe('photos/2024+%281%29/%C3%A7%2B%C3%A9%3Dx%26y.txt');
    expect(events.s3({ records: [{ key: 'a b/c:d.txt' }] }).Records[0]!.s3.object.key).toBe('a+b/c%3Ad.txt');
  });

  it('decodes keys back to the stored key', () => {
    for (const key of ['red flower.jpg', 'photos/2024 (1)/ç+é=x&y.txt', "it's *.txt", 'plus+sign']) {
      expect(decodeS3Key(encodeS3Key(key))).toBe(key);
    }
  });
});

describe('events.s3', () => {
  it('sends no size or eTag for removals', () => {
    expect(events.s3Delete().Records[0]!.s3.object).not.toHaveProperty('size');
    expect(events.s3Delete().Records[0]!.s3.object).not.toHaveProperty('eTag');
  });

  it('increases sequencers record by record', () => {
    const [a, b] = events.s3({ records: [{}, {}] }).Records;
    expect(BigInt(`0x${b!.s3.object.sequencer}`) > BigInt(`0x${a!.s3.object.sequencer}`)).toBe(true);
  });

  it('is identical for the same seed', () => {
    expect(events.s3({}, SAME)).toEqual(events.s3({}, SAME));
  });
});

describe('events.s3EventBridge', () => {
  it('builds an Object Created event with the key as stored', () => {
    const event = events.s3EventBridge({ bucket: 'uploads', key: 'red flower.jpg', size: 7 });
    expect(event).toMatchObject({ source: 'aws.s3', 'detail-type': 'Object Created', resources: ['arn:aws:s3:::uploads'] });
    expect(event.detail.object).toMatchObject({ key: 'red flower.jpg', size: 7 });
    expect(event.detail.reason).toBe('PutObject');
  });

  it('builds deletions without size or etag and lifecycle expirations by S3 itself', () => {
    const deleted = events.s3EventBridge({ type: 'deleted' });
    expect(deleted.detail.object).not.toHaveProperty('etag');
    expect(deleted.detail).toMatchObject({ reason: 'DeleteObject', 'deletion-type': 'Delete Marker Created' });
    const expired = events.s3EventBridge({ type: 'expired', deletionType: 'Permanently Deleted' });
    expect(expired['detail-type']).toBe('Object Deleted');
    expect(expired.detail).toMatchObject({ reason: 'Lifecycle Expiration', requester: 's3.amazonaws.com', 'deletion-type': 'Permanently Deleted' });
  });

  it('builds a restore completion that expires a day after now', () => {
    const event = events.s3EventBridge({ type: 'restored' }, { now: '2025-01-01T00:00:00Z' });
    expect(event.detail).toMatchObject({ 'restore-expiry-time': '2025-01-02T00:00:00Z', 'source-storage-class': 'GLACIER' });
  });

  it('is identical for the same seed', () => {
    expect(events.s3EventBridge({ type: 'restored' }, SAME)).toEqual(events.s3EventBridge({ type: 'restored' }, SAME));
  });
});

describe('events.s3Batch', () => {
  it('URL-encodes task keys and names the bucket by ARN in schema 1.0', () => {
    const task = events.s3Batch({ bucket: 'photos', tasks: [{ key: 'red flower.jpg' }] }).tasks[0]!;
    expect(task).toMatchObject({ s3Key: 'red+flower.jpg', s3BucketArn: 'arn:aws:s3:::photos' });
  });

  it('names the bucket and passes user arguments in schema 2.0', () => {
    const event = events.s3Batch({ schemaVersion: '2.0', bucket: 'photos', userArguments: { mode: 'resize' }, tasks: [{ versionId: null }] });
    expect(event.job.userArguments).toEqual({ mode: 'resize' });
    expect(event.tasks[0]).toMatchObject({ s3Bucket: 'photos', s3VersionId: null });
    expect(event.tasks[0]).not.toHaveProperty('s3BucketArn');
  });

  it('answers each task in the result builder, in order', () => {
    const event = events.s3Batch({ tasks: [{}, {}] });
    const result = s3BatchResult(event, [{}, { resultCode: 'TemporaryFailure', resultString: 'throttled' }]);
    expect(result).toEqual({
      invocationSchemaVersion: '1.0',
      treatMissingKeysAs: 'PermanentFailure',
      invocationId: event.invocationId,
      results: [
        { taskId: event.tasks[0]!.taskId, resultCode: 'Succeeded', resultString: '' },
        { taskId: event.tasks[1]!.taskId, resultCode: 'TemporaryFailure', resultString: 'throttled' },
      ],
    });
  });

  it('is identical for the same seed', () => {
    expect(events.s3Batch({}, SAME)).toEqual(events.s3Batch({}, SAME));
  });
});
