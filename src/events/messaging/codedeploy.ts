import type { EventBridgeEvent } from 'aws-lambda';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/** A CodeDeploy deployment state. */
export type CodeDeployDeploymentState = 'START' | 'SUCCESS' | 'FAILURE' | 'STOP' | 'READY' | 'RESUME';

/**
 * Detail of a `CodeDeploy Deployment State-change Notification`. `@types/aws-lambda` has no type for it; written
 * from aws-lambda-go/codedeploy-deployment-event.json.
 */
export interface CodeDeployDeploymentDetail {
  instanceGroupId: string;
  region: string;
  application: string;
  deploymentId: string;
  state: CodeDeployDeploymentState;
  deploymentGroup: string;
}

/** A CodeDeploy deployment state change via EventBridge. */
export type CodeDeployDeploymentEvent = EventBridgeEvent<'CodeDeploy Deployment State-change Notification', CodeDeployDeploymentDetail> & {
  source: 'aws.codedeploy';
};

/** What `events.codeDeployDeployment` takes. */
export interface CodeDeployDeploymentInput extends ServiceEnvelopeInput {
  /** @defaultValue `'my-application'` */
  application?: string;
  /** @defaultValue `'my-deployment-group'` */
  deploymentGroup?: string;
  /** @defaultValue `'SUCCESS'` */
  state?: CodeDeployDeploymentState;
  /** @defaultValue a seeded `d-` id */
  deploymentId?: string;
}

/**
 * The canonical base of `codeDeployDeployment`, from aws-lambda-go/codedeploy-deployment-event.json.
 * Equal to `fixtures/events/eb-codedeploy.json`.
 */
export const codeDeployDeploymentFixture: CodeDeployDeploymentEvent = {
  version: '0',
  id: 'c071bfbf-83c4-49ca-a6ff-3df053957145',
  'detail-type': 'CodeDeploy Deployment State-change Notification',
  source: 'aws.codedeploy',
  account: '123456789012',
  time: '2016-06-30T22:06:31Z',
  region: 'us-east-1',
  resources: [
    'arn:aws:codedeploy:us-east-1:123456789012:application:myApplication',
    'arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:myApplication/myDeploymentGroup',
  ],
  detail: {
    instanceGroupId: '9fd2fbef-2157-40d8-91e7-6845af69e2d2',
    region: 'us-east-1',
    application: 'myApplication',
    deploymentId: 'd-123456789',
    state: 'SUCCESS',
    deploymentGroup: 'myDeploymentGroup',
  },
};

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Builds a CodeDeploy deployment state-change event; application and deployment-group ARNs are derived.
 * @example
 * const event = events.codeDeployDeployment({ application: 'api', state: 'FAILURE' });
 */
export function codeDeployDeployment(input: CodeDeployDeploymentInput = {}, options?: EventOptions): CodeDeployDeploymentEvent {
  const { random, now } = buildContext('eb-codedeploy', options);
  const application = input.application ?? 'my-application';
  const group = input.deploymentGroup ?? 'my-deployment-group';
  let deploymentId = input.deploymentId;
  if (deploymentId === undefined) {
    deploymentId = 'd-';
    for (let i = 0; i < 9; i++) deploymentId += ID_ALPHABET[random.int(ID_ALPHABET.length)]!;
  }
  const id = deploymentId;
  const event = serviceEnvelope(
    random,
    now,
    'aws.codedeploy',
    'CodeDeploy Deployment State-change Notification' as const,
    input,
    (region, account) => [
      `arn:aws:codedeploy:${region}:${account}:application:${application}`,
      `arn:aws:codedeploy:${region}:${account}:deploymentgroup:${application}/${group}`,
    ],
    (region): CodeDeployDeploymentDetail => ({
      instanceGroupId: random.uuid(),
      region,
      application,
      deploymentId: id,
      state: input.state ?? 'SUCCESS',
      deploymentGroup: group,
    }),
  );
  return { ...event, source: 'aws.codedeploy' };
}

/** Registry entry of CodeDeploy deployment state changes. */
export const codeDeployDeploymentKind: EventKind = {
  id: 'eb-codedeploy',
  factory: 'codeDeployDeployment',
  title: 'EventBridge: CodeDeploy deployment state change',
  type: 'EventBridgeEvent<"CodeDeploy Deployment State-change Notification", CodeDeployDeploymentDetail>',
  build: (options) => codeDeployDeployment({}, options),
  fixture: codeDeployDeploymentFixture,
  samples: ['aws-lambda-go/codedeploy-deployment-event.json', 'aws-lambda-rust-runtime/example-codedeploy-deployment-event.json'],
};
