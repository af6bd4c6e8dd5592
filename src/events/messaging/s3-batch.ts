import type { S3BatchEvent, S3BatchEventTask, S3BatchResult, S3BatchResultResultCode } from 'aws-lambda';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { encodeS3Key } from './s3.js';

/**
 * A task of an S3 Batch Operations invocation in schema 2.0: the bucket *name* in `s3Bucket` replaces
 * `s3BucketArn`. `@types/aws-lambda` only knows schema 1.0 (aws-lambda-go/s3-batch-job-event-request-2.0.json).
 */
export interface S3BatchEventTaskV2 {
  taskId: string;
  s3Key: string;
  s3VersionId: string | null;
  s3Bucket: string;
}

/** An S3 Batch Operations invocation in schema 2.0: `job.userArguments` and {@link S3BatchEventTaskV2} tasks. */
export interface S3BatchEventV2 {
  invocationSchemaVersion: '2.0';
  invocationId: string;
  job: { id: string; userArguments?: Record<string, string> };
  tasks: S3BatchEventTaskV2[];
}

/** One object the job hands to the function. */
export interface S3BatchTaskInput {
  /** The object key as stored; the event carries it URL-encoded, as S3 does in notifications. */
  key?: string;
  /** `null` for an unversioned bucket. @defaultValue a seeded version id */
  versionId?: string | null;
}

/** What `events.s3Batch` takes. */
export interface S3BatchInput<TVersion extends '1.0' | '2.0' = '1.0' | '2.0'> {
  /** The invocation schema the job was created with. @defaultValue `'1.0'` */
  schemaVersion?: TVersion;
  /** @defaultValue `'my-bucket'` */
  bucket?: string;
  /** The tasks (Lambda receives one per invocation today). @defaultValue one task */
  tasks?: readonly S3BatchTaskInput[];
  /** Schema 2.0 only: the job's user arguments. */
  userArguments?: Record<string, string>;
}

/**
 * The canonical base of `s3Batch`, from aws-lambda-go/s3-batch-job-event-request-1.0.json (bucket ARN given the
 * empty region and account of real bucket ARNs, as in aws-sam-cli-rendered/s3__batch-invocation.json).
 * Equal to `fixtures/events/s3-batch.json`.
 */
export const s3BatchFixture: S3BatchEvent = {
  invocationSchemaVersion: '1.0',
  invocationId: 'YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo',
  job: { id: 'f3cc4f60-61f6-4a2b-8a21-d07600c373ce' },
  tasks: [{ taskId: 'dGFza2lkZ29lc2hlcmUK', s3Key: 'customerImage1.jpg', s3VersionId: '1', s3BucketArn: 'arn:aws:s3:::awsexamplebucket' }],
};

/** Unpadded base64 of seeded text: the shape of the opaque invocation and task ids S3 sends. */
const opaqueId = (hex: string): string => Buffer.from(hex, 'utf8').toString('base64').replace(/=+$/, '');

/**
 * Builds an S3 Batch Operations invocation (`LambdaInvoke` operation), schema 1.0 by default or 2.0 with
 * `schemaVersion: '2.0'` (the return type follows). Keys are URL-encoded as S3 sends them; ids are seeded.
 * @example
 * const event = events.s3Batch({ bucket: 'photos', tasks: [{ key: 'red flower.jpg' }] });
 * event.tasks[0]!.s3Key; // 'red+flower.jpg'
 */
export function s3Batch(input?: S3BatchInput<'1.0'>, options?: EventOptions): S3BatchEvent;
export function s3Batch(input: S3BatchInput<'2.0'>, options?: EventOptions): S3BatchEventV2;
export function s3Batch(input: S3BatchInput = {}, options?: EventOptions): S3BatchEvent | S3BatchEventV2 {
  const { random } = buildContext('s3-batch', options);
  const bucket = input.bucket ?? 'my-bucket';
  const invocationId = opaqueId(random.hex(38));
  const jobId = random.uuid();
  const tasks = (input.tasks ?? [{}]).map((task) => ({
    taskId: opaqueId(random.hex(15)),
    s3Key: encodeS3Key(task.key ?? 'uploads/example.txt'),
    s3VersionId: task.versionId === undefined ? random.hex(32) : task.versionId,
  }));
  if (input.schemaVersion === '2.0') {
    const job: S3BatchEventV2['job'] = { id: jobId };
    if (input.userArguments !== undefined) job.userArguments = { ...input.userArguments };
    return { invocationSchemaVersion: '2.0', invocationId, job, tasks: tasks.map((t) => ({ ...t, s3Bucket: bucket })) };
  }
  return {
    invocationSchemaVersion: '1.0',
    invocationId,
    job: { id: jobId },
    tasks: tasks.map((t): S3BatchEventTask => ({ ...t, s3BucketArn: `arn:aws:s3:::${bucket}` })),
  };
}

/** One task's outcome, as a handler reports it. */
export interface S3BatchTaskOutcome {
  /** @defaultValue `'Succeeded'` */
  resultCode?: S3BatchResultResultCode;
  /** Free text shown in the job's completion report. @defaultValue `''` */
  resultString?: string;
}

/**
 * Builds the response an S3 Batch Operations function returns: one result per task of `event`, in order
 * (`outcomes[i]` for task `i`, `Succeeded` when absent), echoing the invocation's schema version and id.
 * @example
 * return s3BatchResult(event, [{ resultCode: 'TemporaryFailure', resultString: 'throttled' }]);
 */
export function s3BatchResult(
  event: S3BatchEvent | S3BatchEventV2,
  outcomes: readonly S3BatchTaskOutcome[] = [],
  treatMissingKeysAs: S3BatchResultResultCode = 'PermanentFailure',
): S3BatchResult {
  return {
    invocationSchemaVersion: event.invocationSchemaVersion,
    treatMissingKeysAs,
    invocationId: event.invocationId,
    results: event.tasks.map((task, i) => ({
      taskId: task.taskId,
      resultCode: outcomes[i]?.resultCode ?? 'Succeeded',
      resultString: outcomes[i]?.resultString ?? '',
    })),
  };
}

/** Registry entry of S3 Batch Operations invocations. */
export const s3BatchKind: EventKind = {
  id: 's3-batch',
  factory: 's3Batch',
  title: 'S3 Batch Operations invocation (schema 1.0 / 2.0)',
  type: 'S3BatchEvent (schema 2.0: S3BatchEventV2)',
  build: (options) => s3Batch({}, options),
  fixture: s3BatchFixture,
  samples: [
    'aws-lambda-go/s3-batch-job-event-request-1.0.json',
    'powertools-lambda-python/s3BatchOperationEventSchemaV1.json',
    'aws-sam-cli-rendered/s3__batch-invocation.json',
  ],
  // Every schema 1.0 sample has the placeholder version id "1"; real ids are opaque strings like the 2.0 sample's.
  conformance: { dictionaries: ['userArguments'], ignore: ['tasks[].s3VersionId'] },
  examples: [
    {
      name: 'in schema 2.0 with user arguments and an unversioned bucket',
      build: (o) => s3Batch({ schemaVersion: '2.0', userArguments: { k1: 'v1' }, tasks: [{ key: 'a b/c.json', versionId: null }] }, o),
      samples: ['aws-lambda-go/s3-batch-job-event-request-2.0.json', 'powertools-lambda-python/s3BatchOperationEventSchemaV2.json'],
    },
  ],
  sam: [{ service: 's3', event: 'batch-invocation', build: (o) => s3Batch({ bucket: 'examplebucket', tasks: [{ key: 'test/key', versionId: '1' }] }, o) }],
};

/** Registry entry of the S3 Batch Operations response builder. */
export const s3BatchResultKind: EventKind = {
  id: 's3-batch-result',
  factory: 's3BatchResult',
  title: 'S3 Batch Operations response',
  type: 'S3BatchResult',
  build: (options) => s3BatchResult(s3Batch({}, options), [{ resultString: '["Mary Major", "John Stiles"]' }]),
  fixture: {
    invocationSchemaVersion: '1.0',
    treatMissingKeysAs: 'PermanentFailure',
    invocationId: 'YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo',
    results: [{ taskId: 'dGFza2lkZ29lc2hlcmUK', resultCode: 'Succeeded', resultString: '["Mary Major", "John Stiles"]' }],
  },
  samples: ['aws-lambda-go/s3-batch-job-event-response.json'],
};
