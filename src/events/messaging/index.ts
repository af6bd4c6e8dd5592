import type { EventKind } from '../_internals/kind.js';
import { cloudWatchAlarmSns, cloudWatchAlarmSnsKind } from './cloudwatch-alarm-sns.js';
import { cloudWatchLogs, cloudWatchLogsKind } from './cloudwatch-logs.js';
import { dynamoDbRecord, dynamoDbStream, dynamoDbStreamKind, dynamoDbStreamWindow, dynamoDbStreamWindowKind } from './dynamodb.js';
import { eventBridge, eventBridgeKind, scheduled, scheduledKind } from './eventbridge.js';
import { firehose, firehoseKind, firehoseResult, firehoseResultKind } from './firehose.js';
import { msk, mskKind, selfManagedKafka, selfManagedKafkaKind } from './kafka.js';
import { kinesis, kinesisKind, kinesisWindow, kinesisWindowKind } from './kinesis.js';
import { s3, s3Delete, s3DeleteKind, s3Kind, s3Restore, s3RestoreKind } from './s3.js';
import { sns, snsKind } from './sns.js';
import { sqs, sqsBatchResponse, sqsBatchResponseKind, sqsFifo, sqsKind } from './sqs.js';
import { s3EventBridge, s3EventBridgeKind } from './s3-eventbridge.js';
import { s3Batch, s3BatchKind, s3BatchResult, s3BatchResultKind } from './s3-batch.js';
import { codeBuild, codeBuildKind } from './codebuild.js';
import {
  codePipelineActionChange,
  codePipelineActionChangeKind,
  codePipelineExecutionChange,
  codePipelineExecutionChangeKind,
  codePipelineStageChange,
  codePipelineStageChangeKind,
} from './codepipeline-events.js';
import { cloudWatchAlarm, cloudWatchAlarmKind, cloudWatchAlarmStateChange, cloudWatchAlarmStateChangeKind } from './cloudwatch-alarm.js';
import { ses, sesKind } from './ses.js';
import { autoScalingInstance, autoScalingInstanceKind } from './autoscaling.js';
import { codeDeployDeployment, codeDeployDeploymentKind } from './codedeploy.js';
import { ecrImageAction, ecrImageActionKind } from './ecr.js';
import { ecsContainerInstance, ecsContainerInstanceKind } from './ecs.js';
import { kinesisAnalytics, kinesisAnalyticsKind } from './kinesis-analytics.js';

/**
 * Factories of the messaging and streams family, by public name.
 * @example
 * import { events } from 'lambda-harness';
 * events.sqs({ records: [{ body: 'hi' }] });
 */
export const factories = {
  sqs,
  sqsFifo,
  sqsBatchResponse,
  sns,
  cloudWatchAlarmSns,
  s3,
  s3Delete,
  s3Restore,
  dynamoDbStream,
  dynamoDbRecord,
  dynamoDbStreamWindow,
  kinesis,
  kinesisWindow,
  firehose,
  firehoseResult,
  cloudWatchLogs,
  msk,
  selfManagedKafka,
  eventBridge,
  scheduled,
  s3EventBridge,
  s3Batch,
  s3BatchResult,
  codeBuild,
  codePipelineExecutionChange,
  codePipelineStageChange,
  codePipelineActionChange,
  cloudWatchAlarm,
  cloudWatchAlarmStateChange,
  ses,
  autoScalingInstance,
  codeDeployDeployment,
  ecrImageAction,
  ecsContainerInstance,
  kinesisAnalytics,
} as const;

/** Registry entries of the messaging family: drives conformance tests and `generate-event`. */
export const kinds: readonly EventKind[] = [
  sqsKind,
  sqsBatchResponseKind,
  snsKind,
  cloudWatchAlarmSnsKind,
  s3Kind,
  s3DeleteKind,
  s3RestoreKind,
  dynamoDbStreamKind,
  dynamoDbStreamWindowKind,
  kinesisKind,
  kinesisWindowKind,
  firehoseKind,
  firehoseResultKind,
  cloudWatchLogsKind,
  mskKind,
  selfManagedKafkaKind,
  eventBridgeKind,
  scheduledKind,
  s3EventBridgeKind,
  s3BatchKind,
  s3BatchResultKind,
  codeBuildKind,
  codePipelineExecutionChangeKind,
  codePipelineStageChangeKind,
  codePipelineActionChangeKind,
  cloudWatchAlarmKind,
  cloudWatchAlarmStateChangeKind,
  sesKind,
  autoScalingInstanceKind,
  codeDeployDeploymentKind,
  ecrImageActionKind,
  ecsContainerInstanceKind,
  kinesisAnalyticsKind,
];

export { decodeCloudWatchLogs, encodeCloudWatchLogs } from './cloudwatch-logs.js';
export { marshall, unmarshall } from './_marshal.js';
export { decodeS3Key, encodeS3Key } from './s3.js';
