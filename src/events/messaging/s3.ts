import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTime } from '../_internals/format.js';
import { DEFAULT_REGION, randomBase64, randomUpperHex } from './_defaults.js';
import { mergeOwned } from './_merge.js';

/**
 * An S3 notification record as AWS sends it for *any* event name: removal events carry no `size` or `eTag`
 * (powertools-lambda-typescript/parser__s3__delete-object.json, aws-sam-cli s3 delete), though
 * `@types/aws-lambda` declares both required.
 */
export type S3EventRecordCorrected = Omit<S3EventRecord, 's3'> & {
  s3: Omit<S3EventRecord['s3'], 'object'> & {
    object: Omit<S3EventRecord['s3']['object'], 'size' | 'eTag'> & { size?: number; eTag?: string };
  };
};

/** An S3 notification event whose records may be removals (see {@link S3EventRecordCorrected}). */
export interface S3EventCorrected {
  Records: S3EventRecordCorrected[];
}

/** One S3 notification as a test writes it: the object key *unencoded* (encoded for you as S3 does). */
export interface S3RecordInput {
  /** @defaultValue `'ObjectCreated:Put'` (`events.s3`), `'ObjectRemoved:Delete'` (`events.s3Delete`) */
  eventName?: string;
  /** Bucket name. @defaultValue `'my-bucket'` */
  bucket?: string;
  /** The object key as stored (e.g. `'photos/red flower.jpg'`); the event carries it URL-encoded. */
  key?: string;
  /** Object size in bytes (creation events). @defaultValue `1024` */
  size?: number;
  /** Entity tag (creation events). @defaultValue a seeded 32-digit hex MD5 */
  eTag?: string;
  /** Version id, for versioned buckets. */
  versionId?: string;
  /** Verbatim deep-partial overrides, applied last. */
  overrides?: DeepPartial<S3EventRecordCorrected>;
}

/** What the S3 notification factories take. */
export interface S3EventInput {
  /** Records, in order. Default: one. */
  records?: readonly S3RecordInput[];
  /** Region of the bucket. @defaultValue `'us-east-1'` */
  region?: string;
}

/**
 * The canonical base of `s3`, curated from powertools-lambda-typescript/parser__s3__base.json (first record).
 * Equal to `fixtures/events/s3-put.json`.
 */
export const s3Fixture: S3Event = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-2',
      eventTime: '2019-09-03T19:37:27.192Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
      requestParameters: { sourceIPAddress: '205.255.255.255' },
      responseElements: {
        'x-amz-request-id': 'D82B88E5F771F645',
        'x-amz-id-2': 'vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: '828aa6fc-f7b5-4305-8584-487c791949c1',
        bucket: {
          name: 'lambda-artifacts-deafc19498e3f2df',
          ownerIdentity: { principalId: 'A3I5XTEXAMAI3E' },
          arn: 'arn:aws:s3:::lambda-artifacts-deafc19498e3f2df',
        },
        object: { key: 'b21b84d653bb07b05b1e6b33684dc11b', size: 1305107, eTag: 'b21b84d653bb07b05b1e6b33684dc11b', sequencer: '0C0F6F405D6ED209E1' },
      },
    },
  ],
};

/**
 * Encodes an object key the way S3 writes it into notifications: form-style URL encoding (a space becomes `+`,
 * reserved characters `%XX`), with `/` left as is.
 * @example
 * encodeS3Key('photos/red flower (1).jpg'); // 'photos/red+flower+%281%29.jpg'
 */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

/**
 * Decodes a key from an S3 notification back to the stored key (`+` is a space), as handlers must.
 * @example
 * decodeS3Key('photos/red+flower.jpg'); // 'photos/red flower.jpg'
 */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

function buildS3(kindId: string, defaultEventName: string, input: S3EventInput, options: EventOptions | undefined): S3EventCorrected {
  const { random, now } = buildContext(kindId, options);
  const base = s3Fixture.Records[0]!;
  const region = input.region ?? DEFAULT_REGION;
  let sequencer = BigInt(`0x${random.hex(15)}`);
  return {
    Records: (input.records ?? [{}]).map((record): S3EventRecordCorrected => {
      const eventName = record.eventName ?? defaultEventName;
      const bucket = record.bucket ?? 'my-bucket';
      const removal = eventName.startsWith('ObjectRemoved') || eventName.startsWith('LifecycleExpiration');
      sequencer += 1n + BigInt(random.int(256));
      const object: S3EventRecordCorrected['s3']['object'] = { key: encodeS3Key(record.key ?? 'uploads/example.txt'), sequencer: '' };
      // Removals carry no size or eTag: the object is gone (the real payload wins over @types/aws-lambda).
      if (!removal) {
        object.size = record.size ?? 1024;
        object.eTag = record.eTag ?? random.hex(32);
      }
      if (record.versionId !== undefined) object.versionId = record.versionId;
      // Re-set so the key order matches S3's (sequencer last).
      delete (object as Partial<typeof object>).sequencer;
      object.sequencer = sequencer.toString(16).toUpperCase().padStart(18, '0');
      const out: S3EventRecordCorrected = {
        eventVersion: base.eventVersion,
        eventSource: base.eventSource,
        awsRegion: region,
        eventTime: isoTime(now),
        eventName,
        userIdentity: { principalId: `AWS:AIDA${randomUpperHex(random, 17)}` },
        requestParameters: { sourceIPAddress: `203.0.113.${1 + random.int(254)}` },
        responseElements: { 'x-amz-request-id': randomUpperHex(random, 16), 'x-amz-id-2': `${randomBase64(random, 75)}=` },
        s3: {
          s3SchemaVersion: base.s3.s3SchemaVersion,
          configurationId: random.uuid(),
          bucket: { name: bucket, ownerIdentity: { principalId: randomUpperHex(random, 14) }, arn: `arn:aws:s3:::${bucket}` },
          object,
        },
      };
      return mergeOwned<S3EventRecordCorrected>(out, record.overrides);
    }),
  };
}

/**
 * Builds an S3 notification for object creation. Write the stored key; the event carries it URL-encoded as S3
 * does (`'red flower.jpg'` → `'red+flower.jpg'`). Sequencers increase record by record.
 * @example
 * const event = events.s3({ records: [{ bucket: 'uploads', key: 'photos/red flower.jpg', size: 2048 }] });
 * event.Records[0]!.s3.object.key; // 'photos/red+flower.jpg'
 */
export function s3(input: S3EventInput = {}, options?: EventOptions): S3Event {
  // Creation events always carry size and eTag (unless an override removes them), so the @types shape holds.
  return buildS3('s3-put', 'ObjectCreated:Put', input, options) as S3Event;
}

/**
 * Builds an S3 notification for object removal: no `size` or `eTag`, as S3 sends it.
 * @example
 * const event = events.s3Delete({ records: [{ key: 'old.txt' }] });
 */
export function s3Delete(input: S3EventInput = {}, options?: EventOptions): S3EventCorrected {
  return buildS3('s3-delete', 'ObjectRemoved:Delete', input, options);
}

/** What `events.s3Restore` takes. */
export interface S3RestoreInput extends S3EventInput {
  /** When the restored copy expires. @defaultValue seven days after `now` */
  expiryTime?: string;
  /** @defaultValue `'STANDARD'` */
  storageClass?: string;
}

/**
 * Builds the S3 notification sent when an archived object's restore completes (`ObjectRestore:Completed`), with
 * `glacierEventData.restoreEventData`.
 * @example
 * const event = events.s3Restore({ records: [{ key: 'archive/2019.tar' }] });
 */
export function s3Restore(input: S3RestoreInput = {}, options?: EventOptions): S3Event {
  const { now } = buildContext('s3-other', options);
  const event = buildS3('s3-other', 'ObjectRestore:Completed', input, options) as S3Event;
  for (const record of event.Records) {
    record.glacierEventData = {
      restoreEventData: {
        lifecycleRestorationExpiryTime: input.expiryTime ?? isoTime(now + 7 * 86_400_000),
        lifecycleRestoreStorageClass: input.storageClass ?? 'STANDARD',
      },
    };
  }
  return event;
}

/** Registry entry of S3 object-created notifications. */
export const s3Kind: EventKind = {
  id: 's3-put',
  factory: 's3',
  title: 'S3 notification: object created',
  type: 'S3Event',
  build: (options) => s3({}, options),
  fixture: s3Fixture,
  samples: ['powertools-lambda-typescript/parser__s3__base.json', 'powertools-lambda-python/s3Event.json', 'aws-sam-cli-rendered/s3__put.json'],
  examples: [{ name: 'with keys needing URL-encoding', build: (o) => s3({ records: [{ key: 'a b/ç+(1).txt' }, { key: 'x=y&z' }] }, o) }],
  sam: [
    { service: 's3', event: 'put', build: (o) => s3({ records: [{ bucket: 'example-bucket', key: 'test/key', size: 1024, eTag: '0123456789abcdef0123456789abcdef' }] }, o) },
    { service: 'rekognition', event: 's3-request', build: (o) => s3({ records: [{ bucket: 'example-bucket', key: 'test/key.jpg' }] }, o) },
  ],
};

/** Registry entry of S3 object-removed notifications. */
export const s3DeleteKind: EventKind = {
  id: 's3-delete',
  factory: 's3Delete',
  title: 'S3 notification: object removed',
  type: 'S3EventCorrected',
  build: (options) => s3Delete({}, options),
  fixture: { Records: [{ ...s3Fixture.Records[0]!, eventName: 'ObjectRemoved:Delete', s3: { ...s3Fixture.Records[0]!.s3, object: { key: 'b21b84d653bb07b05b1e6b33684dc11b', sequencer: '0C0F6F405D6ED209E1' } } }] },
  samples: ['powertools-lambda-typescript/parser__s3__delete-object.json', 'powertools-lambda-python/s3EventDeleteObject.json', 'aws-sam-cli-rendered/s3__delete.json'],
  sam: [{ service: 's3', event: 'delete', build: (o) => s3Delete({ records: [{ bucket: 'example-bucket', key: 'test/key' }] }, o) }],
};

/** Registry entry of S3 restore / lifecycle notifications (restore completed is the default). */
export const s3RestoreKind: EventKind = {
  id: 's3-other',
  factory: 's3Restore',
  title: 'S3 notification: restore completed',
  type: 'S3Event',
  build: (options) => s3Restore({}, options),
  fixture: s3Fixture,
  samples: ['aws-lambda-go/s3-glacier-event.json'],
  // The only sample is aws-lambda-go's hand-written test data: `urlDecodedKey` is that library's addition, its
  // request id is a placeholder, and its bucket is versioned (versionId is optional in real events).
  conformance: { ignore: ['Records[].s3.object.urlDecodedKey', 'Records[].s3.object.versionId', 'Records[].responseElements'] },
};
