import type { EventBridgeEvent } from 'aws-lambda';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/**
 * Detail of an `ECR Image Action` event (push or delete). `@types/aws-lambda` has no type for it; written from
 * aws-lambda-go/ecr-image-push-event.json.
 */
export interface EcrImageActionDetail {
  result: 'SUCCESS' | 'FAILURE';
  'repository-name': string;
  'image-digest': string;
  'action-type': 'PUSH' | 'DELETE';
  'image-tag': string;
}

/** An ECR image push/delete via EventBridge. */
export type EcrImageActionEvent = EventBridgeEvent<'ECR Image Action', EcrImageActionDetail> & { source: 'aws.ecr' };

/** What `events.ecrImageAction` takes. */
export interface EcrImageActionInput extends ServiceEnvelopeInput {
  /** @defaultValue `'my-repository'` */
  repository?: string;
  /** @defaultValue `'latest'` */
  tag?: string;
  /** @defaultValue `'PUSH'` */
  actionType?: EcrImageActionDetail['action-type'];
  /** @defaultValue `'SUCCESS'` */
  result?: EcrImageActionDetail['result'];
  /** @defaultValue a seeded `sha256:` digest */
  digest?: string;
}

/**
 * The canonical base of `ecrImageAction`, from aws-lambda-go/ecr-image-push-event.json. Equal to `fixtures/events/eb-ecr.json`.
 */
export const ecrImageActionFixture: EcrImageActionEvent = {
  version: '0',
  id: '13cde686-328b-6117-af20-0e5566167482',
  'detail-type': 'ECR Image Action',
  source: 'aws.ecr',
  account: '123456789012',
  time: '2019-11-16T01:54:34Z',
  region: 'us-west-2',
  resources: [],
  detail: {
    result: 'SUCCESS',
    'repository-name': 'my-repository-name',
    'image-digest': 'sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234',
    'action-type': 'PUSH',
    'image-tag': 'latest',
  },
};

/**
 * Builds an `ECR Image Action` event (an image pushed or deleted); ECR sends it with no resources.
 * @example
 * const event = events.ecrImageAction({ repository: 'api', tag: 'v1.2.3' });
 */
export function ecrImageAction(input: EcrImageActionInput = {}, options?: EventOptions): EcrImageActionEvent {
  const { random, now } = buildContext('eb-ecr', options);
  const event = serviceEnvelope(
    random,
    now,
    'aws.ecr',
    'ECR Image Action' as const,
    input,
    () => [],
    (): EcrImageActionDetail => ({
      result: input.result ?? 'SUCCESS',
      'repository-name': input.repository ?? 'my-repository',
      'image-digest': input.digest ?? `sha256:${random.hex(64)}`,
      'action-type': input.actionType ?? 'PUSH',
      'image-tag': input.tag ?? 'latest',
    }),
  );
  return { ...event, source: 'aws.ecr' };
}

/** Registry entry of ECR image actions. */
export const ecrImageActionKind: EventKind = {
  id: 'eb-ecr',
  factory: 'ecrImageAction',
  title: 'EventBridge: ECR image action (push / delete)',
  type: 'EventBridgeEvent<"ECR Image Action", EcrImageActionDetail>',
  build: (options) => ecrImageAction({}, options),
  fixture: ecrImageActionFixture,
  samples: ['aws-lambda-go/ecr-image-push-event.json'],
};
