import type { EventBridgeEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { mergeOwned } from './_merge.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/**
 * Detail of an EC2 Auto Scaling instance launch/terminate event. `@types/aws-lambda` has no type for it
 * (its `AutoScalingScaleInEvent` is the custom termination policy trigger); written from
 * aws-lambda-go/autoscaling-event-launch-successful.json and its siblings.
 */
export interface AutoScalingInstanceDetail {
  StatusCode: 'InProgress' | 'Successful' | 'Failed' | 'Cancelled' | (string & {});
  /** Absent on unsuccessful activities (aws-lambda-go/autoscaling-event-*-unsuccessful.json). */
  Description?: string;
  AutoScalingGroupName: string;
  ActivityId: string;
  Details: { 'Availability Zone': string; 'Subnet ID': string };
  RequestId: string;
  StatusMessage: string;
  EndTime: string;
  EC2InstanceId: string;
  StartTime: string;
  Cause: string;
}

/** The detail types of Auto Scaling instance activity events. */
export type AutoScalingInstanceDetailType =
  | 'EC2 Instance Launch Successful'
  | 'EC2 Instance Launch Unsuccessful'
  | 'EC2 Instance Terminate Successful'
  | 'EC2 Instance Terminate Unsuccessful';

/** An Auto Scaling instance activity event via EventBridge. */
export type AutoScalingInstanceEvent<T extends AutoScalingInstanceDetailType = AutoScalingInstanceDetailType> = EventBridgeEvent<T, AutoScalingInstanceDetail> & {
  source: 'aws.autoscaling';
};

/** What `events.autoScalingInstance` takes. */
export interface AutoScalingInstanceInput<T extends AutoScalingInstanceDetailType> extends ServiceEnvelopeInput {
  /** @defaultValue `'EC2 Instance Launch Successful'` */
  detailType?: T;
  /** @defaultValue `'my-asg'` */
  groupName?: string;
  /** @defaultValue a seeded `i-` id */
  instanceId?: string;
  /** Verbatim deep-partial overrides of `detail`, applied last. */
  detail?: DeepPartial<AutoScalingInstanceDetail>;
}

/**
 * The canonical base of `autoScalingInstance`, from aws-lambda-go/autoscaling-event-launch-successful.json.
 * Equal to `fixtures/events/eb-autoscaling.json`.
 */
export const autoScalingInstanceFixture: AutoScalingInstanceEvent<'EC2 Instance Launch Successful'> = {
  version: '0',
  id: '12345678-1234-1234-1234-123456789012',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '1970-01-01T00:00:00Z',
  region: 'us-west-2',
  resources: ['auto-scaling-group-arn', 'instance-arn'],
  detail: {
    StatusCode: 'InProgress',
    Description: 'Launching a new EC2 instance: i-12345678',
    AutoScalingGroupName: 'my-auto-scaling-group',
    ActivityId: '87654321-4321-4321-4321-210987654321',
    Details: { 'Availability Zone': 'us-west-2b', 'Subnet ID': 'subnet-12345678' },
    RequestId: '12345678-1234-1234-1234-123456789012',
    StatusMessage: '',
    EndTime: '1970-01-01T00:00:00Z',
    EC2InstanceId: 'i-1234567890abcdef0',
    StartTime: '1970-01-01T00:00:00Z',
    Cause: 'description-text',
  },
};

/**
 * Builds an EC2 Auto Scaling instance launch or termination event; group and instance ARNs, the activity id and
 * times (the activity ends at `now`) are derived.
 * @example
 * const event = events.autoScalingInstance({ detailType: 'EC2 Instance Terminate Successful', groupName: 'web' });
 */
export function autoScalingInstance<T extends AutoScalingInstanceDetailType = 'EC2 Instance Launch Successful'>(
  input: AutoScalingInstanceInput<T> = {},
  options?: EventOptions,
): AutoScalingInstanceEvent<T> {
  const { random, now } = buildContext('eb-autoscaling', options);
  const detailType = (input.detailType ?? 'EC2 Instance Launch Successful') as T;
  const group = input.groupName ?? 'my-asg';
  const instanceId = input.instanceId ?? `i-${random.hex(17)}`;
  const launching = detailType.includes('Launch');
  const failed = detailType.endsWith('Unsuccessful');
  const event = serviceEnvelope(
    random,
    now,
    'aws.autoscaling',
    detailType,
    input,
    (region, account) => [
      `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${random.uuid()}:autoScalingGroupName/${group}`,
      `arn:aws:ec2:${region}:${account}:instance/${instanceId}`,
    ],
    (region): AutoScalingInstanceDetail => ({
      StatusCode: failed ? 'Failed' : launching ? 'InProgress' : 'Successful',
      ...(failed ? {} : { Description: `${launching ? 'Launching a new' : 'Terminating'} EC2 instance: ${instanceId}` }),
      AutoScalingGroupName: group,
      ActivityId: random.uuid(),
      Details: { 'Availability Zone': `${region}b`, 'Subnet ID': `subnet-${random.hex(8)}` },
      RequestId: random.uuid(),
      StatusMessage: failed ? 'The requested configuration is currently not supported.' : '',
      EndTime: isoTimeSeconds(now),
      EC2InstanceId: instanceId,
      StartTime: isoTimeSeconds(now - 30_000),
      Cause: `At ${isoTimeSeconds(now - 31_000)} an instance was ${launching ? 'started' : 'taken out of service'} in response to a difference between desired and actual capacity.`,
    }),
  );
  mergeOwned(event.detail, input.detail);
  return { ...event, source: 'aws.autoscaling' };
}

/** Registry entry of Auto Scaling instance activity events. */
export const autoScalingInstanceKind: EventKind = {
  id: 'eb-autoscaling',
  factory: 'autoScalingInstance',
  title: 'EventBridge: EC2 Auto Scaling instance launch / terminate',
  type: 'EventBridgeEvent<AutoScalingInstanceDetailType, AutoScalingInstanceDetail>',
  build: (options) => autoScalingInstance({}, options),
  fixture: autoScalingInstanceFixture,
  samples: ['aws-lambda-go/autoscaling-event-launch-successful.json', 'aws-lambda-rust-runtime/example-autoscaling-event-launch-successful.json'],
  conformance: { dictionaries: ['Details'] },
  examples: [
    {
      name: 'for a failed termination',
      build: (o) => autoScalingInstance({ detailType: 'EC2 Instance Terminate Unsuccessful' }, o),
      samples: ['aws-lambda-go/autoscaling-event-terminate-unsuccessful.json', 'aws-lambda-rust-runtime/example-autoscaling-event-terminate-unsuccessful.json'],
    },
  ],
};
