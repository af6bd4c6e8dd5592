import type { SNSEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, regionOfArn } from './_defaults.js';
import { mergeOwned } from './_merge.js';
import { buildSnsRecord, type SnsRecordInput } from './sns.js';

/** A metric dimension inside an alarm notification (lower-case keys, as CloudWatch writes them). */
export interface CloudWatchAlarmSnsDimension {
  value: string;
  name: string;
}

/**
 * The JSON CloudWatch publishes to SNS when an alarm changes state (the `Sns.Message`). `@types/aws-lambda` has
 * no type for it. Single-metric alarms fill `MetricName`/`Namespace`/`Statistic`; metric-math alarms fill `Metrics`.
 */
export interface CloudWatchAlarmSnsMessage {
  AlarmName: string;
  AlarmDescription: string | null;
  AWSAccountId: string;
  AlarmConfigurationUpdatedTimestamp?: string;
  NewStateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  NewStateReason: string;
  StateChangeTime: string;
  /** The region's *name*, e.g. `US East (N. Virginia)`. */
  Region: string;
  AlarmArn: string;
  OldStateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  OKActions?: string[];
  AlarmActions?: string[];
  InsufficientDataActions?: string[];
  Trigger: {
    MetricName?: string;
    Namespace?: string;
    StatisticType?: string;
    Statistic?: string;
    Unit?: string | null;
    Dimensions?: CloudWatchAlarmSnsDimension[];
    Metrics?: {
      Id: string;
      Expression?: string;
      Label?: string;
      ReturnData: boolean;
      MetricStat?: { Metric: { Dimensions: CloudWatchAlarmSnsDimension[]; MetricName: string; Namespace: string }; Period: number; Stat: string };
    }[];
    Period: number;
    EvaluationPeriods: number;
    DatapointsToAlarm?: number;
    ComparisonOperator: string;
    Threshold: number;
    TreatMissingData: string;
    EvaluateLowSampleCountPercentile: string;
  };
}

/**
 * The canonical alarm message of `cloudWatchAlarmSns`, curated from aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json
 * (placeholders `EXAMPLE`/`REGION` replaced). Equal to `fixtures/events/cw-alarm-sns.json`.
 */
export const cloudWatchAlarmSnsMessageFixture: CloudWatchAlarmSnsMessage = {
  AlarmName: 'my-alarm',
  AlarmDescription: 'Network out is above zero',
  AWSAccountId: '123456789012',
  NewStateValue: 'ALARM',
  NewStateReason:
    'Threshold Crossed: 1 out of the last 1 datapoints [1234.0 (06/03/15 17:43:27)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).',
  StateChangeTime: '2015-06-03T17:43:27.123+0000',
  Region: 'US East (N. Virginia)',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:my-alarm',
  OldStateValue: 'INSUFFICIENT_DATA',
  Trigger: {
    MetricName: 'NetworkOut',
    Namespace: 'AWS/EC2',
    StatisticType: 'Statistic',
    Statistic: 'AVERAGE',
    Unit: 'Bytes',
    Dimensions: [{ value: 'TestInstance', name: 'InstanceId' }],
    Period: 60,
    EvaluationPeriods: 1,
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 0.0,
    TreatMissingData: '- TreatMissingData:                    missing',
    EvaluateLowSampleCountPercentile: '',
  },
};

/** What `events.cloudWatchAlarmSns` takes. */
export interface CloudWatchAlarmSnsInput {
  /** Deep-partial alarm message; the rest is a single-metric EC2 `NetworkOut` alarm going to `ALARM`. */
  alarm?: DeepPartial<CloudWatchAlarmSnsMessage>;
  /** Overrides of the SNS record around the message. */
  record?: Omit<SnsRecordInput, 'message'>;
}

// CloudWatch writes the region's display name into the message, not its code.
const REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-west-2': 'EU (London)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
};

/** CloudWatch's `StateChangeTime` format: `2025-01-01T00:00:00.000+0000`. */
function cloudWatchTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/**
 * Builds the SNS event a CloudWatch alarm notification produces: an {@link SNSEvent} whose `Message` is the alarm
 * JSON ({@link CloudWatchAlarmSnsMessage}), with the alarm ARN, region name and state change time made consistent.
 * @example
 * const event = events.cloudWatchAlarmSns({ alarm: { AlarmName: 'high-errors', NewStateValue: 'ALARM' } });
 * const alarm = JSON.parse(event.Records[0]!.Sns.Message) as CloudWatchAlarmSnsMessage;
 */
export function cloudWatchAlarmSns(input: CloudWatchAlarmSnsInput = {}, options?: EventOptions): SNSEvent {
  const { random, now } = buildContext('cw-alarm-sns', options);
  const topicArn = input.record?.Sns?.TopicArn ?? `arn:aws:sns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:alarms`;
  const region = regionOfArn(topicArn) ?? DEFAULT_REGION;
  const name = input.alarm?.AlarmName ?? 'my-alarm';
  const account = input.alarm?.AWSAccountId ?? DEFAULT_ACCOUNT;
  const base = cloudWatchAlarmSnsMessageFixture;
  const message = mergeOwned<CloudWatchAlarmSnsMessage>(
    {
      ...base,
      AlarmName: name,
      AWSAccountId: account,
      StateChangeTime: cloudWatchTime(now),
      Region: REGION_NAMES[region] ?? region,
      AlarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`,
      Trigger: { ...base.Trigger, Dimensions: base.Trigger.Dimensions!.map((d) => ({ ...d })) },
    },
    input.alarm,
  );
  const subject = `ALARM: "${message.AlarmName}" in ${message.Region}`;
  const record = buildSnsRecord(random, now, { subject, ...input.record, message }, topicArn);
  return { Records: [record] };
}

/** Registry entry of CloudWatch alarm notifications delivered through SNS. */
export const cloudWatchAlarmSnsKind: EventKind = {
  id: 'cw-alarm-sns',
  factory: 'cloudWatchAlarmSns',
  title: 'CloudWatch alarm notification via SNS',
  type: 'SNSEvent (Message: CloudWatchAlarmSnsMessage)',
  build: (options) => cloudWatchAlarmSns({}, options),
  fixture: cloudWatchAlarmSnsMessageFixture,
  samples: ['aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json', 'aws-lambda-go/cloudwatch-alarm-sns-payload-multiple-metrics.json'],
};
