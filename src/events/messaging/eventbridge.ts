import type { EventBridgeEvent, ScheduledEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_defaults.js';
import { copyData, mergeOwned } from './_merge.js';

/** What `events.eventBridge` takes: the detail type and detail are typed by the call's type parameters. */
export interface EventBridgeInput<TDetailType extends string, TDetail> {
  /** The `detail-type`. @defaultValue `'Test Event'` */
  detailType?: TDetailType;
  /** The event's `detail`. @defaultValue `{}` */
  detail?: TDetail;
  /** The event's `source`. @defaultValue `'com.example.app'` */
  source?: string;
  resources?: string[];
  region?: string;
  account?: string;
  /** Set when the event is replayed from an archive. */
  replayName?: string;
  /** Verbatim deep-partial overrides of the envelope, applied last. */
  overrides?: DeepPartial<Omit<EventBridgeEvent<TDetailType, TDetail>, 'detail'>>;
}

/**
 * The canonical base of `eventBridge`, curated from powertools-lambda-typescript/parser__eventbridge__base.json
 * (without `replay-name`, which only replayed events carry). Equal to `fixtures/events/eventbridge.json`.
 */
export const eventBridgeFixture: EventBridgeEvent<string, Record<string, unknown>> = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { instance_id: 'i-1234567890abcdef0', state: 'terminated' },
};

/**
 * Builds an EventBridge event typed by its detail type and detail:
 * `eventBridge<'Order Placed', Order>({ detailType: 'Order Placed', detail: order })`. `id` and `time` come from
 * the seed and `now` (`time` without milliseconds, as EventBridge writes it).
 * @example
 * const event = events.eventBridge<'Order Placed', { orderId: string }>({
 *   detailType: 'Order Placed', source: 'com.shop.orders', detail: { orderId: 'o-1' },
 * });
 */
export function eventBridge<TDetailType extends string = string, TDetail = Record<string, unknown>>(
  input: EventBridgeInput<TDetailType, TDetail> = {},
  options?: EventOptions,
): EventBridgeEvent<TDetailType, TDetail> {
  const { random, now } = buildContext('eventbridge', options);
  const event: EventBridgeEvent<TDetailType, TDetail> = {
    version: eventBridgeFixture.version,
    id: random.uuid(),
    'detail-type': (input.detailType ?? 'Test Event') as TDetailType,
    source: input.source ?? 'com.example.app',
    account: input.account ?? DEFAULT_ACCOUNT,
    time: isoTimeSeconds(now),
    region: input.region ?? DEFAULT_REGION,
    resources: input.resources === undefined ? [] : [...input.resources],
    detail: (input.detail === undefined ? {} : copyData(input.detail)) as TDetail,
  };
  if (input.replayName !== undefined) event['replay-name'] = input.replayName;
  return mergeOwned(event, input.overrides as DeepPartial<EventBridgeEvent<TDetailType, TDetail>> | undefined);
}

/** What `events.scheduled` takes. */
export interface ScheduledInput {
  /** The rule's name, used in `resources`. @defaultValue `'my-schedule'` */
  ruleName?: string;
  region?: string;
  account?: string;
}

/**
 * Builds the event an EventBridge schedule rule sends (`detail-type: 'Scheduled Event'`, `source: 'aws.events'`,
 * the rule ARN in `resources`, empty `detail`).
 * @example
 * const event = events.scheduled({ ruleName: 'nightly-report' }, { now: '2025-01-02T03:00:00Z' });
 */
export function scheduled(input: ScheduledInput = {}, options?: EventOptions): ScheduledEvent<Record<string, never>> {
  const { random, now } = buildContext('scheduled', options);
  const region = input.region ?? DEFAULT_REGION;
  const account = input.account ?? DEFAULT_ACCOUNT;
  return {
    version: '0',
    id: random.uuid(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account,
    time: isoTimeSeconds(now),
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${input.ruleName ?? 'my-schedule'}`],
    detail: {},
  };
}

/** Registry entry of generic EventBridge events. */
export const eventBridgeKind: EventKind = {
  id: 'eventbridge',
  factory: 'eventBridge',
  title: 'EventBridge event',
  type: 'EventBridgeEvent<TDetailType, TDetail>',
  build: (options) => eventBridge({ detail: { instance_id: 'i-1234567890abcdef0', state: 'running' }, resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0'] }, options),
  fixture: eventBridgeFixture,
  samples: ['powertools-lambda-typescript/parser__eventbridge__base.json', 'powertools-lambda-python/eventBridgeEvent.json', 'aws-lambda-rust-runtime/example-eventbridge-event-obj.json'],
  conformance: { dictionaries: ['detail'] },
};

/** Registry entry of scheduled events. */
export const scheduledKind: EventKind = {
  id: 'scheduled',
  factory: 'scheduled',
  title: 'EventBridge scheduled event',
  type: 'ScheduledEvent',
  build: (options) => scheduled({}, options),
  fixture: {
    version: '0',
    id: 'cdc73f9d-aea9-11e3-9d5a-835b769c0d9c',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: '1970-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: ['arn:aws:events:us-east-1:123456789012:rule/ExampleRule'],
    detail: {},
  },
  samples: ['aws-lambda-rust-runtime/example-eventbridge-schedule.json', 'aws-sam-cli-rendered/cloudwatch__scheduled-event.json'],
  sam: [{ service: 'cloudwatch', event: 'scheduled-event', build: (o) => scheduled({ ruleName: 'ExampleRule' }, o) }],
};
