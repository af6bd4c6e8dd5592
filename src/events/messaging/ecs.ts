import type { EventBridgeEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTime } from '../_internals/format.js';
import { copyData, mergeOwned } from './_merge.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/** A registered or remaining resource of an ECS container instance. */
export interface EcsResource {
  name: string;
  type: 'INTEGER' | 'STRINGSET' | 'DOUBLE' | 'LONG';
  integerValue?: number;
  stringSetValue?: string[];
}

/**
 * Detail of an `ECS Container Instance State Change`. `@types/aws-lambda` has no type for it; written from
 * aws-lambda-go/ecs-container-instance-state-change.json.
 */
export interface EcsContainerInstanceDetail {
  agentConnected: boolean;
  attributes: { name: string; value?: string }[];
  clusterArn: string;
  containerInstanceArn: string;
  ec2InstanceId: string;
  registeredResources: EcsResource[];
  remainingResources: EcsResource[];
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED';
  version: number;
  versionInfo: { agentHash: string; agentVersion: string; dockerVersion: string };
  updatedAt: string;
}

/** An ECS container instance state change via EventBridge. */
export type EcsContainerInstanceEvent = EventBridgeEvent<'ECS Container Instance State Change', EcsContainerInstanceDetail> & { source: 'aws.ecs' };

/** What `events.ecsContainerInstance` takes. */
export interface EcsContainerInstanceInput extends ServiceEnvelopeInput {
  /** @defaultValue `'default'` */
  cluster?: string;
  /** @defaultValue `'ACTIVE'` */
  status?: EcsContainerInstanceDetail['status'];
  /** Verbatim deep-partial overrides of `detail`, applied last (arrays are replaced whole). */
  detail?: DeepPartial<EcsContainerInstanceDetail>;
}

const resources = (cpu: number, memory: number): EcsResource[] => [
  { name: 'CPU', type: 'INTEGER', integerValue: cpu },
  { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
  { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2376', '2375', '51678', '51679'] },
  { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
];

/**
 * The canonical base of `ecsContainerInstance`, from aws-lambda-go/ecs-container-instance-state-change.json.
 * Equal to `fixtures/events/eb-ecs.json`.
 */
export const ecsContainerInstanceFixture: EcsContainerInstanceEvent = {
  version: '0',
  id: '8952ba83-7be2-4ab5-9c32-6687532d15a2',
  'detail-type': 'ECS Container Instance State Change',
  source: 'aws.ecs',
  account: '111122223333',
  time: '2016-12-06T16:41:06Z',
  region: 'us-east-1',
  resources: ['arn:aws:ecs:us-east-1:111122223333:container-instance/b54a2a04-046f-4331-9d74-3f6d7f6ca315'],
  detail: {
    agentConnected: true,
    attributes: [
      { name: 'com.amazonaws.ecs.capability.logging-driver.syslog' },
      { name: 'com.amazonaws.ecs.capability.task-iam-role-network-host' },
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'com.amazonaws.ecs.capability.logging-driver.json-file' },
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.17' },
      { name: 'com.amazonaws.ecs.capability.privileged-container' },
    ],
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/default',
    containerInstanceArn: 'arn:aws:ecs:us-east-1:111122223333:container-instance/b54a2a04-046f-4331-9d74-3f6d7f6ca315',
    ec2InstanceId: 'i-f3a8506b',
    registeredResources: resources(2048, 3767),
    remainingResources: resources(1988, 767),
    status: 'ACTIVE',
    version: 14801,
    versionInfo: { agentHash: 'aebcbca', agentVersion: '1.13.0', dockerVersion: 'DockerVersion: 1.11.2' },
    updatedAt: '2016-12-06T16:41:06.991Z',
  },
};

/**
 * Builds an `ECS Container Instance State Change` event; cluster and container-instance ARNs, the EC2 instance id
 * and `updatedAt` (from `now`) are derived, the resources and agent come from the captured sample.
 * @example
 * const event = events.ecsContainerInstance({ cluster: 'prod', status: 'DRAINING' });
 */
export function ecsContainerInstance(input: EcsContainerInstanceInput = {}, options?: EventOptions): EcsContainerInstanceEvent {
  const { random, now } = buildContext('eb-ecs', options);
  const cluster = input.cluster ?? 'default';
  const instanceUuid = random.uuid();
  const base = ecsContainerInstanceFixture.detail;
  const event = serviceEnvelope(
    random,
    now,
    'aws.ecs',
    'ECS Container Instance State Change' as const,
    input,
    (region, account) => [`arn:aws:ecs:${region}:${account}:container-instance/${instanceUuid}`],
    (region, account): EcsContainerInstanceDetail => ({
      agentConnected: base.agentConnected,
      attributes: copyData(base.attributes),
      clusterArn: `arn:aws:ecs:${region}:${account}:cluster/${cluster}`,
      containerInstanceArn: `arn:aws:ecs:${region}:${account}:container-instance/${instanceUuid}`,
      ec2InstanceId: `i-${random.hex(17)}`,
      registeredResources: copyData(base.registeredResources),
      remainingResources: copyData(base.remainingResources),
      status: input.status ?? 'ACTIVE',
      version: 1 + random.int(20_000),
      versionInfo: { ...base.versionInfo },
      updatedAt: isoTime(now),
    }),
  );
  mergeOwned(event.detail, input.detail);
  return { ...event, source: 'aws.ecs' };
}

/** Registry entry of ECS container instance state changes. */
export const ecsContainerInstanceKind: EventKind = {
  id: 'eb-ecs',
  factory: 'ecsContainerInstance',
  title: 'EventBridge: ECS container instance state change',
  type: 'EventBridgeEvent<"ECS Container Instance State Change", EcsContainerInstanceDetail>',
  build: (options) => ecsContainerInstance({}, options),
  fixture: ecsContainerInstanceFixture,
  samples: ['aws-lambda-go/ecs-container-instance-state-change.json'],
};
