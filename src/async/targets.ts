import { createRandom, hashSeed, type Random } from '../internal/random.js';
import { registerDeliverable } from './deliverable.js';
import { failureObjectKey } from './records.js';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { isoTime } from '../logs/format.js';
import { isoTimeSeconds } from '../events/_internals/format.js';

/**
 * Where an in-memory target lives, for its ARN.
 * @example
 * createQueue('orders-dlq', { region: 'eu-west-1', accountId: '111122223333' });
 */
export interface TargetOptions {
  /** @defaultValue 'us-east-1' */
  region?: string;
  /** @defaultValue '123456789012' */
  accountId?: string;
  /** Seed of message ids. @defaultValue derived from the name */
  seed?: number;
}

/**
 * An SNS notification as delivered to subscribers.
 * @example
 * JSON.parse(topic.messages[0]!.Message).requestContext.condition; // 'Success'
 */
export interface TopicMessage {
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Message: string;
  readonly Timestamp: string;
  readonly MessageAttributes: Readonly<Record<string, { Type: string; Value: string }>>;
}

/**
 * An in-memory SNS standard topic.
 * @example
 * const topic: Topic = createTopic('order-events');
 * topic.messages.length;
 */
export interface Topic {
  readonly kind: 'topic';
  readonly name: string;
  readonly arn: string;
  readonly messages: readonly TopicMessage[];
  clear(): void;
}

/**
 * An event as an EventBridge bus receives it.
 * @example
 * bus.events[0]?.['detail-type']; // 'Lambda Function Invocation Result - Failure'
 */
export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: unknown;
}

/**
 * An in-memory EventBridge event bus.
 * @example
 * const bus: EventBus = createEventBus('default');
 * bus.events[0]?.detail; // the invocation record
 */
export interface EventBus {
  readonly kind: 'event-bus';
  readonly name: string;
  readonly arn: string;
  readonly events: readonly BusEvent[];
  clear(): void;
}

const TARGET_KEYS = ['region', 'accountId', 'seed'];

/** Refuses a name the service would refuse. */
function targetName(caller: string, name: unknown, pattern: RegExp): void {
  if (typeof name !== 'string' || !pattern.test(name)) throw new HarnessError('INVALID_ARGUMENT', `${caller}: ${JSON.stringify(name)} is not a valid name.`);
}

/** Where a target lives and the seed of its ids (internal). */
export function place(name: string, options: TargetOptions): { region: string; accountId: string; random: Random } {
  return {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    random: createRandom(hashSeed(name, options.seed ?? 1)),
  };
}

/**
 * An in-memory SNS topic, to use as a dead-letter target or an asynchronous destination.
 * @example
 * const topic = createTopic('order-events');
 * createFunction({ handler, destinations: { onSuccess: topic } });
 */
export function createTopic(name: string, options: TargetOptions = {}): Topic {
  targetName('createTopic', name, /^[A-Za-z0-9_-]{1,256}$/);
  rejectUnknownKeys('createTopic', options, TARGET_KEYS);
  const { region, accountId, random } = place(name, options);
  const messages: TopicMessage[] = [];
  const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
  const topic: Topic = { kind: 'topic', name, arn, messages, clear: () => void (messages.length = 0) };
  registerDeliverable(topic, {
    deliver(body, attributes, at) {
      messages.push({
        MessageId: random.uuid(),
        TopicArn: arn,
        Message: body,
        Timestamp: isoTime(at),
        MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { Type: v.DataType, Value: v.StringValue }])),
      });
    },
  });
  return topic;
}

/**
 * An in-memory EventBridge bus, to use as an asynchronous destination. Records arrive as the `detail` of events
 * with `source: 'lambda'` and `detail-type: 'Lambda Function Invocation Result - Success' | '… - Failure'`.
 * @example
 * const bus = createEventBus('default');
 * createFunction({ handler, destinations: { onFailure: bus } });
 */
export function createEventBus(name: string, options: TargetOptions = {}): EventBus {
  targetName('createEventBus', name, /^[A-Za-z0-9._\-/]{1,256}$/);
  rejectUnknownKeys('createEventBus', options, TARGET_KEYS);
  const { region, accountId, random } = place(name, options);
  const events: BusEvent[] = [];
  const arn = `arn:aws:events:${region}:${accountId}:event-bus/${name}`;
  const bus: EventBus = { kind: 'event-bus', name, arn, events, clear: () => void (events.length = 0) };
  registerDeliverable(bus, {
    deliver(body, _attributes, at, meta) {
      events.push({
        version: '0',
        id: random.uuid(),
        'detail-type': meta.detailType,
        source: 'lambda',
        account: accountId,
        time: isoTimeSeconds(at),
        region,
        resources: [arn, meta.functionArn],
        detail: JSON.parse(body) as unknown,
      });
    },
  });
  return bus;
}

/**
 * An object an in-memory bucket holds.
 * @example
 * JSON.parse(bucket.objects[0]!.body).KinesisBatchInfo.batchSize; // 1
 */
export interface BucketObject {
  readonly key: string;
  readonly body: string;
  /** Virtual epoch ms it was written. */
  readonly lastModified: number;
}

/**
 * An in-memory S3 bucket, to use as the on-failure destination of a stream event source mapping.
 * @example
 * const bucket: Bucket = createBucket('failed-batches');
 * bucket.objects.map((o) => o.key);
 */
export interface Bucket {
  readonly kind: 'bucket';
  readonly name: string;
  readonly arn: string;
  /** Objects in the order they were written. */
  readonly objects: readonly BucketObject[];
  clear(): void;
}

/**
 * An in-memory S3 bucket, to use as the on-failure destination of a stream event source mapping: each skipped batch
 * becomes an object, its failure record plus the records themselves as `payload`.
 * @example
 * const bucket = createBucket('failed-batches');
 * createEventSourceMapping(fn, stream, { startingPosition: 'LATEST', destinations: { onFailure: bucket } });
 */
export function createBucket(name: string, options: Omit<TargetOptions, 'seed'> = {}): Bucket {
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    throw new HarnessError('INVALID_ARGUMENT', `createBucket: ${JSON.stringify(name)} is not a bucket name: 3-63 lowercase letters, digits, '.' and '-'.`);
  }
  rejectUnknownKeys('createBucket', options, ['region', 'accountId']);
  const objects: BucketObject[] = [];
  const bucket: Bucket = { kind: 'bucket', name, arn: `arn:aws:s3:::${name}`, objects, clear: () => void (objects.length = 0) };
  // Object keys end in a random id: drawn from the bucket's name, so a run is reproducible.
  const random = createRandom(hashSeed(`bucket:${name}`));
  registerDeliverable(bucket, {
    deliver(body, _attributes, at, meta) {
      // Only on-failure destinations deliver to a bucket (never a dead-letter queue), and they always say where.
      if (meta.keyPrefix === undefined) throw new Error(`lambda-harness: a record for bucket ${name} came without a key prefix (internal error).`);
      objects.push({ key: failureObjectKey(meta.keyPrefix, at, random.uuid()), body, lastModified: at });
    },
  });
  return bucket;
}
