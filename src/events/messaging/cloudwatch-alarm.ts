import type {
  CloudWatchAlarmCompositeConfiguration,
  CloudWatchAlarmConfiguration,
  CloudWatchAlarmData,
  CloudWatchAlarmEvent,
  CloudWatchAlarmState,
  EventBridgeEvent,
} from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_defaults.js';
import { mergeOwned } from './_merge.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/** An alarm state value. */
export type CloudWatchAlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** What the CloudWatch alarm factories take. */
export interface CloudWatchAlarmInput extends ServiceEnvelopeInput {
  /** @defaultValue `'my-alarm'` */
  alarmName?: string;
  /** The new state. @defaultValue `'ALARM'` */
  state?: CloudWatchAlarmStateValue;
  /** The state before. @defaultValue `'OK'` */
  previousState?: CloudWatchAlarmStateValue;
  /** A composite alarm (an `alarmRule` over other alarms) instead of a metric alarm. @defaultValue `false` */
  composite?: boolean;
  /** Verbatim deep-partial overrides of `alarmData`, applied last. */
  alarmData?: DeepPartial<CloudWatchAlarmData>;
}

/**
 * The canonical base of `cloudWatchAlarm`, from powertools-lambda-python/cloudWatchAlarmEventSingleMetric.json
 * (one `metricStat` metric instead of the sample's metric-math expression). Equal to `fixtures/events/cw-alarm.json`.
 */
export const cloudWatchAlarmFixture: CloudWatchAlarmEvent = {
  source: 'aws.cloudwatch',
  alarmArn: 'arn:aws:cloudwatch:eu-west-1:912397435824:alarm:test_alarm',
  accountId: '123456789012',
  time: '2024-02-17T11:53:08.431+0000',
  region: 'eu-west-1',
  alarmData: {
    alarmName: 'Test alert',
    state: {
      value: 'ALARM',
      reason:
        'Threshold Crossed: 1 out of the last 1 datapoints [1.0 (17/02/24 11:51:00)] was less than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).',
      reasonData:
        '{"version":"1.0","queryDate":"2024-02-17T11:53:08.423+0000","startDate":"2024-02-17T11:51:00.000+0000","statistic":"SampleCount","period":60,"recentDatapoints":[1.0],"threshold":10.0,"evaluatedDatapoints":[{"timestamp":"2024-02-17T11:51:00.000+0000","sampleCount":1.0,"value":1.0}]}',
      timestamp: '2024-02-17T11:53:08.431+0000',
    },
    previousState: {
      value: 'OK',
      reason:
        'Threshold Crossed: 1 out of the last 1 datapoints [1.0 (17/02/24 11:50:00)] was not greater than the threshold (10.0) (minimum 1 datapoint for ALARM -> OK transition).',
      reasonData:
        '{"version":"1.0","queryDate":"2024-02-17T11:51:31.460+0000","startDate":"2024-02-17T11:50:00.000+0000","statistic":"SampleCount","period":60,"recentDatapoints":[1.0],"threshold":10.0,"evaluatedDatapoints":[{"timestamp":"2024-02-17T11:50:00.000+0000","sampleCount":1.0,"value":1.0}]}',
      timestamp: '2024-02-17T11:51:31.462+0000',
    },
    configuration: {
      description: 'This is description **here**',
      metrics: [
        {
          id: 'm1',
          metricStat: { metric: { namespace: 'AWS/Lambda', name: 'Invocations', dimensions: {} }, period: 60, stat: 'SampleCount' },
          returnData: true,
        },
      ],
    },
  },
};

/** CloudWatch's timestamp format: ISO-8601 with milliseconds and `+0000`. */
const cloudWatchTime = (epochMs: number): string => new Date(epochMs).toISOString().replace('Z', '+0000');

function state(value: CloudWatchAlarmStateValue, epochMs: number, composite: boolean, region: string, account: string): CloudWatchAlarmState {
  const minute = new Date(Math.floor(epochMs / 60_000) * 60_000 - 60_000);
  if (composite) {
    const child = `arn:aws:cloudwatch:${region}:${account}:alarm:child-alarm`;
    return {
      value,
      reason: `${child} transitioned to ${value} at ${minute.toUTCString()}`,
      reasonData: JSON.stringify({ triggeringAlarms: [{ arn: child, state: { value, timestamp: cloudWatchTime(epochMs) } }] }),
      timestamp: cloudWatchTime(epochMs),
    };
  }
  const crossed = value === 'ALARM';
  const datapoint = crossed ? 12.0 : 1.0;
  return {
    value,
    reason: `Threshold Crossed: 1 out of the last 1 datapoints [${datapoint.toFixed(1)} (${minute.toISOString().slice(0, 16)})] was ${crossed ? '' : 'not '}greater than the threshold (10.0) (minimum 1 datapoint for ${crossed ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`,
    // CloudWatch serialises these with Java's doubles (`1.0`), which JSON.stringify would print as `1`.
    reasonData: `{"version":"1.0","queryDate":"${cloudWatchTime(epochMs - 8)}","startDate":"${cloudWatchTime(minute.getTime())}","statistic":"Sum","period":60,"recentDatapoints":[${datapoint.toFixed(1)}],"threshold":10.0,"evaluatedDatapoints":[{"timestamp":"${cloudWatchTime(minute.getTime())}","sampleCount":1.0,"value":${datapoint.toFixed(1)}}]}`,
    timestamp: cloudWatchTime(epochMs),
  };
}

/** The alarm data both factories share: states from `now`, a metric or composite configuration. */
function alarmData(input: CloudWatchAlarmInput, now: number, region: string, account: string): CloudWatchAlarmData {
  const composite = input.composite === true;
  const configuration: CloudWatchAlarmConfiguration | CloudWatchAlarmCompositeConfiguration = composite
    ? { alarmRule: 'ALARM(child-alarm) OR ALARM(other-child-alarm)' }
    : {
        description: 'Errors of my-function',
        metrics: [
          {
            id: 'm1',
            metricStat: { metric: { namespace: 'AWS/Lambda', name: 'Errors', dimensions: { FunctionName: 'my-function' } }, period: 60, stat: 'Sum' },
            returnData: true,
          },
        ],
      };
  const data: CloudWatchAlarmData = {
    alarmName: input.alarmName ?? 'my-alarm',
    state: state(input.state ?? 'ALARM', now, composite, region, account),
    previousState: state(input.previousState ?? 'OK', now - 300_000, composite, region, account),
    configuration,
  };
  return mergeOwned<CloudWatchAlarmData>(data, input.alarmData);
}

/**
 * Builds the event a CloudWatch alarm's Lambda action sends when the alarm changes state: a metric alarm by
 * default, a composite one with `composite: true`. The alarm ARN, state timestamps and reason data follow the
 * alarm name, region and `now`.
 * @example
 * const event = events.cloudWatchAlarm({ alarmName: 'high-errors', state: 'ALARM', previousState: 'OK' });
 * event.alarmData.state.value; // 'ALARM'
 */
export function cloudWatchAlarm(input: CloudWatchAlarmInput = {}, options?: EventOptions): CloudWatchAlarmEvent {
  const { now } = buildContext('cw-alarm', options);
  const region = input.region ?? DEFAULT_REGION;
  const account = input.account ?? DEFAULT_ACCOUNT;
  const data = alarmData(input, now, region, account);
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:${data.alarmName}`,
    accountId: account,
    time: cloudWatchTime(now),
    region,
    alarmData: data,
  };
}

/** A `CloudWatch Alarm State Change` event from EventBridge: the alarm data is the `detail`. */
export type CloudWatchAlarmStateChangeEvent = EventBridgeEvent<'CloudWatch Alarm State Change', CloudWatchAlarmData> & { source: 'aws.cloudwatch' };

/**
 * The canonical base of `cloudWatchAlarmStateChange`: the envelope of
 * aws-lambda-rust-runtime/example-cloudwatch-alarm-composite-with-suppressor-alarm.json with its alarm data as
 * `detail`, as AWS documents and sends it. Equal to `fixtures/events/eb-cw-alarm.json`.
 */
export const cloudWatchAlarmStateChangeFixture: CloudWatchAlarmStateChangeEvent = {
  version: '0',
  id: 'd3dfc86d-384d-24c8-0345-9f7986db0b80',
  'detail-type': 'CloudWatch Alarm State Change',
  source: 'aws.cloudwatch',
  account: '123456789012',
  time: '2022-07-22T15:57:45Z',
  region: 'us-east-1',
  resources: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm'],
  detail: {
    alarmName: 'ServiceAggregatedAlarm',
    state: {
      actionsSuppressedBy: 'WaitPeriod',
      actionsSuppressedReason: 'Actions suppressed by WaitPeriod',
      value: 'ALARM',
      reason:
        'arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC',
      reasonData:
        '{"triggeringAlarms":[{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh","state":{"value":"ALARM","timestamp":"2022-07-22T15:57:45.394+0000"}}]}',
      timestamp: '2022-07-22T15:57:45.394+0000',
    },
    previousState: {
      value: 'OK',
      reason:
        'arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.Main was created and its alarm rule evaluates to OK',
      reasonData:
        '{"triggeringAlarms":[{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:TotalNetworkTrafficTooHigh","state":{"value":"OK","timestamp":"2022-07-14T16:28:57.770+0000"}},{"arn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh","state":{"value":"OK","timestamp":"2022-07-14T16:28:54.191+0000"}}]}',
      timestamp: '2022-07-22T15:56:14.552+0000',
    },
    configuration: {
      alarmRule: 'ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)',
      actionsSuppressor: 'ServiceMaintenanceAlarm',
      actionsSuppressorWaitPeriod: 120,
      actionsSuppressorExtensionPeriod: 180,
    },
  },
};

/**
 * Builds the `CloudWatch Alarm State Change` event EventBridge delivers (a composite alarm by default, as in the
 * only sample; `composite: false` for a metric alarm). The alarm ARN is the event's only resource.
 * @example
 * const event = events.cloudWatchAlarmStateChange({ alarmName: 'service-health', state: 'OK', previousState: 'ALARM' });
 * event.detail.state.value; // 'OK'
 */
export function cloudWatchAlarmStateChange(input: CloudWatchAlarmInput = {}, options?: EventOptions): CloudWatchAlarmStateChangeEvent {
  const { random, now } = buildContext('eb-cw-alarm', options);
  const withDefaults: CloudWatchAlarmInput = { composite: true, ...input };
  const event = serviceEnvelope(
    random,
    now,
    'aws.cloudwatch',
    'CloudWatch Alarm State Change' as const,
    input,
    (region, account) => [`arn:aws:cloudwatch:${region}:${account}:alarm:${input.alarmName ?? 'my-alarm'}`],
    (region, account) => alarmData(withDefaults, now, region, account),
  );
  return { ...event, source: 'aws.cloudwatch' };
}

/** Registry entry of CloudWatch alarm Lambda actions. */
export const cloudWatchAlarmKind: EventKind = {
  id: 'cw-alarm',
  factory: 'cloudWatchAlarm',
  title: 'CloudWatch alarm state change (Lambda alarm action)',
  type: 'CloudWatchAlarmEvent',
  build: (options) => cloudWatchAlarm({}, options),
  fixture: cloudWatchAlarmFixture,
  samples: ['powertools-lambda-python/cloudWatchAlarmEventSingleMetric.json', 'aws-lambda-rust-runtime/example-cloudwatch-alarm-metric.json'],
  conformance: { dictionaries: ['dimensions'] },
  examples: [
    {
      name: 'for a composite alarm',
      // Every captured composite alarm has an actions suppressor configured, and its previous state suppressed.
      build: (o) =>
        cloudWatchAlarm(
          {
            composite: true,
            alarmData: {
              previousState: { actionsSuppressedBy: 'WaitPeriod', actionsSuppressedReason: 'Actions suppressed by WaitPeriod' },
              configuration: { actionsSuppressor: 'maintenance-window', actionsSuppressorWaitPeriod: 120, actionsSuppressorExtensionPeriod: 180 },
            },
          },
          o,
        ),
      samples: ['powertools-lambda-python/cloudWatchAlarmEventCompositeMetric.json', 'aws-lambda-rust-runtime/example-cloudwatch-alarm-composite.json'],
    },
  ],
};

/** Registry entry of CloudWatch alarm state changes via EventBridge. */
export const cloudWatchAlarmStateChangeKind: EventKind = {
  id: 'eb-cw-alarm',
  factory: 'cloudWatchAlarmStateChange',
  title: 'EventBridge: CloudWatch alarm state change',
  type: 'EventBridgeEvent<"CloudWatch Alarm State Change", CloudWatchAlarmData>',
  build: (options) => cloudWatchAlarmStateChange({}, options),
  fixture: cloudWatchAlarmStateChangeFixture,
  samples: ['aws-lambda-rust-runtime/example-cloudwatch-alarm-composite-with-suppressor-alarm.json'],
  // The only sample (a rust crate fixture) puts the alarm data at the top level as `alarmData`; AWS sends and
  // documents it as `detail`. test/events/messaging/cloudwatch-alarm.test.ts compares `detail` with the sample's
  // `alarmData` instead.
  conformance: { ignore: ['detail', 'alarmData'] },
};
