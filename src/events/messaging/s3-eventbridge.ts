import type {
  S3ObjectCreatedNotificationEvent,
  S3ObjectCreatedNotificationEventDetail,
  S3ObjectDeletedNotificationEvent,
  S3ObjectDeletedNotificationEventDeleteObjectDetail,
  S3ObjectDeletedNotificationEventLifecycleExpirationDetail,
  S3ObjectRestoreCompletedNotificationEvent,
  S3ObjectRestoreCompletedNotificationEventDetail,
} from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { randomUpperHex } from './_defaults.js';
import { mergeOwned } from './_merge.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/**
 * The object block as S3 sends it to EventBridge. `@types/aws-lambda` requires `version-id` (absent for
 * unversioned buckets), omits `sequencer` on restores, and requires `etag` on `DeleteObject` deletions (absent:
 * the object is gone). Evidence: powertools-lambda-typescript/parser__s3__eventbridge-object-*.json.
 */
export interface S3EventBridgeObject {
  key: string;
  size?: number;
  etag?: string;
  'version-id'?: string;
  sequencer: string;
}

type WithObject<TDetail, TObject> = Omit<TDetail, 'object'> & { object: TObject };

/** `Object Created` via EventBridge, corrected (see {@link S3EventBridgeObject}). */
export type S3ObjectCreatedEventBridgeEvent = Omit<S3ObjectCreatedNotificationEvent, 'detail'> & {
  detail: WithObject<S3ObjectCreatedNotificationEventDetail, S3EventBridgeObject & { size: number; etag: string }>;
};

/** `Object Deleted` via EventBridge (a `DeleteObject` call, or a lifecycle expiration), corrected. */
export type S3ObjectDeletedEventBridgeEvent = Omit<S3ObjectDeletedNotificationEvent, 'detail'> & {
  detail:
    | WithObject<S3ObjectDeletedNotificationEventDeleteObjectDetail, Omit<S3EventBridgeObject, 'size' | 'etag'>>
    | WithObject<S3ObjectDeletedNotificationEventLifecycleExpirationDetail, S3EventBridgeObject & { size: number; etag: string }>;
};

/** `Object Restore Completed` via EventBridge, corrected. */
export type S3ObjectRestoreCompletedEventBridgeEvent = Omit<S3ObjectRestoreCompletedNotificationEvent, 'detail'> & {
  detail: WithObject<S3ObjectRestoreCompletedNotificationEventDetail, S3EventBridgeObject & { size: number; etag: string }>;
};

/** Any S3 event via EventBridge that `events.s3EventBridge` builds. */
export type S3EventBridgeEvent = S3ObjectCreatedEventBridgeEvent | S3ObjectDeletedEventBridgeEvent | S3ObjectRestoreCompletedEventBridgeEvent;

/** Which S3 event to build: `expired` is an `Object Deleted` event with reason `Lifecycle Expiration`. */
export type S3EventBridgeType = 'created' | 'deleted' | 'expired' | 'restored';

/** What `events.s3EventBridge` takes. */
export interface S3EventBridgeInput<TType extends S3EventBridgeType = S3EventBridgeType> extends ServiceEnvelopeInput {
  /** @defaultValue `'created'` */
  type?: TType;
  /** @defaultValue `'my-bucket'` */
  bucket?: string;
  /** The object key as stored. EventBridge events carry it as is (unlike S3 notifications, which URL-encode it). */
  key?: string;
  /** @defaultValue `1024` (not sent for `deleted`) */
  size?: number;
  /** @defaultValue a seeded 32-digit hex MD5 (not sent for `deleted`) */
  eTag?: string;
  /** For versioned buckets. */
  versionId?: string;
  /** `created`: the API call. @defaultValue `'PutObject'` */
  reason?: S3ObjectCreatedNotificationEventDetail['reason'];
  /** `deleted`/`expired`. @defaultValue `'Delete Marker Created'` */
  deletionType?: 'Permanently Deleted' | 'Delete Marker Created';
  /** `restored`: the archive the object came from. @defaultValue `'GLACIER'` */
  sourceStorageClass?: S3ObjectRestoreCompletedNotificationEventDetail['source-storage-class'];
  /** `restored`: when the restored copy expires. @defaultValue one day after `now` */
  restoreExpiryTime?: string;
  /** Verbatim deep-partial overrides of the whole event, applied last. */
  overrides?: DeepPartial<S3EventBridgeEvent>;
}

/**
 * The canonical base of `s3EventBridge`, from powertools-lambda-typescript/parser__s3__eventbridge-object-created.json.
 * Equal to `fixtures/events/s3-eb.json`.
 */
export const s3EventBridgeFixture: S3ObjectCreatedEventBridgeEvent = {
  version: '0',
  id: 'f5f1e65c-dc3a-93ca-6c1e-b1647eac7963',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  account: '123456789012',
  time: '2023-03-08T17:50:14Z',
  region: 'eu-west-1',
  resources: ['arn:aws:s3:::example-bucket'],
  detail: {
    version: '0',
    bucket: { name: 'example-bucket' },
    object: { key: 'IMG_m7fzo3.jpg', size: 184662, etag: '4e68adba0abe2dc8653dc3354e14c01d', sequencer: '006408CAD69598B05E' },
    'request-id': '57H08PA84AB1JZW0',
    requester: '123456789012',
    'source-ip-address': '34.252.34.74',
    reason: 'PutObject',
  },
};

const DETAIL_TYPES = { created: 'Object Created', deleted: 'Object Deleted', expired: 'Object Deleted', restored: 'Object Restore Completed' } as const;

/**
 * Builds an S3 event delivered through EventBridge (the bucket's "Send notifications to Amazon EventBridge"
 * setting): `created` (default), `deleted`, `expired` (lifecycle) or `restored`; the return type follows `type`.
 * Ids and the sequencer come from the seed, `time` from `now`.
 * @example
 * const event = events.s3EventBridge({ type: 'deleted', bucket: 'uploads', key: 'a.txt' });
 * event.detail.reason; // 'DeleteObject'
 */
export function s3EventBridge(input?: S3EventBridgeInput<'created'>, options?: EventOptions): S3ObjectCreatedEventBridgeEvent;
export function s3EventBridge(input: S3EventBridgeInput<'deleted' | 'expired'>, options?: EventOptions): S3ObjectDeletedEventBridgeEvent;
export function s3EventBridge(input: S3EventBridgeInput<'restored'>, options?: EventOptions): S3ObjectRestoreCompletedEventBridgeEvent;
export function s3EventBridge(input: S3EventBridgeInput = {}, options?: EventOptions): S3EventBridgeEvent {
  const { random, now } = buildContext('s3-eb', options);
  const type = input.type ?? 'created';
  const bucket = input.bucket ?? 'my-bucket';
  const byService = type === 'expired' || type === 'restored';
  const event = serviceEnvelope(random, now, 'aws.s3', DETAIL_TYPES[type], input, () => [`arn:aws:s3:::${bucket}`], (_region, account) => {
    const object: S3EventBridgeObject = { key: input.key ?? 'uploads/example.txt', sequencer: '' };
    if (type !== 'deleted') {
      object.size = input.size ?? 1024;
      object.etag = input.eTag ?? random.hex(32);
    }
    if (input.versionId !== undefined) object['version-id'] = input.versionId;
    // Re-set so the key order matches S3's (sequencer last).
    delete (object as Partial<S3EventBridgeObject>).sequencer;
    object.sequencer = `00${randomUpperHex(random, 16)}`;
    const detail: Record<string, unknown> = {
      version: '0',
      bucket: { name: bucket },
      object,
      'request-id': randomUpperHex(random, 16),
      // Lifecycle and restore events are performed by S3 itself, not by a caller.
      requester: byService ? 's3.amazonaws.com' : account,
    };
    if (!byService) detail['source-ip-address'] = `203.0.113.${1 + random.int(254)}`;
    if (type === 'created') detail['reason'] = input.reason ?? 'PutObject';
    if (type === 'deleted') detail['reason'] = 'DeleteObject';
    if (type === 'expired') detail['reason'] = 'Lifecycle Expiration';
    if (type === 'deleted' || type === 'expired') detail['deletion-type'] = input.deletionType ?? 'Delete Marker Created';
    if (type === 'restored') {
      detail['restore-expiry-time'] = input.restoreExpiryTime ?? isoTimeSeconds(now + 86_400_000);
      detail['source-storage-class'] = input.sourceStorageClass ?? 'GLACIER';
    }
    return detail;
  });
  return mergeOwned<S3EventBridgeEvent>(event as unknown as S3EventBridgeEvent, input.overrides);
}

const samples = (name: string): string[] => [
  `powertools-lambda-typescript/parser__s3__eventbridge-object-${name}.json`,
  `powertools-lambda-python/s3EventBridgeNotificationObject${name === 'restored' ? 'RestoreCompleted' : name[0]!.toUpperCase() + name.slice(1)}Event.json`,
];

/** Registry entry of S3 events via EventBridge. */
export const s3EventBridgeKind: EventKind = {
  id: 's3-eb',
  factory: 's3EventBridge',
  title: 'S3 event via EventBridge (created, deleted, expired, restored)',
  type: 'S3NotificationEvent (corrected: S3EventBridgeEvent)',
  build: (options) => s3EventBridge({}, options),
  fixture: s3EventBridgeFixture,
  samples: samples('created'),
  examples: [
    { name: 'for a deleted object', build: (o) => s3EventBridge({ type: 'deleted', key: 'a b.txt' }, o), samples: samples('deleted') },
    { name: 'for a lifecycle expiration', build: (o) => s3EventBridge({ type: 'expired' }, o), samples: samples('expired') },
    { name: 'for a completed restore', build: (o) => s3EventBridge({ type: 'restored' }, o), samples: samples('restored') },
  ],
};
