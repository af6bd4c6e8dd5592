import type { CloudWatchAlarmEvent, CodePipelineCloudWatchPipelineEvent, CodePipelineCloudWatchStageEvent, S3BatchEvent, S3BatchResult, SESEvent } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { factories } from '../../../src/events/messaging/index.js';
import type { AutoScalingInstanceEvent } from '../../../src/events/messaging/autoscaling.js';
import type { CloudWatchAlarmStateChangeEvent } from '../../../src/events/messaging/cloudwatch-alarm.js';
import type { CodeBuildPhaseChangeEvent, CodeBuildStateChangeEvent } from '../../../src/events/messaging/codebuild.js';
import type { CodeDeployDeploymentEvent } from '../../../src/events/messaging/codedeploy.js';
import type { CodePipelineCloudWatchActionEventCorrected } from '../../../src/events/messaging/codepipeline-events.js';
import type { EcrImageActionEvent } from '../../../src/events/messaging/ecr.js';
import type { EcsContainerInstanceEvent } from '../../../src/events/messaging/ecs.js';
import type { KinesisAnalyticsEvent } from '../../../src/events/messaging/kinesis-analytics.js';
import type { S3BatchEventV2 } from '../../../src/events/messaging/s3-batch.js';
import type {
  S3ObjectCreatedEventBridgeEvent,
  S3ObjectDeletedEventBridgeEvent,
  S3ObjectRestoreCompletedEventBridgeEvent,
} from '../../../src/events/messaging/s3-eventbridge.js';

describe('types of the EventBridge, S3 Batch, alarm, SES and Analytics factories', () => {
  it('return the @types/aws-lambda type, or the corrected one where AWS disagrees', () => {
    expectTypeOf(factories.s3Batch()).toEqualTypeOf<S3BatchEvent>();
    expectTypeOf(factories.s3BatchResult(factories.s3Batch())).toEqualTypeOf<S3BatchResult>();
    expectTypeOf(factories.codePipelineExecutionChange()).toEqualTypeOf<CodePipelineCloudWatchPipelineEvent>();
    expectTypeOf(factories.codePipelineStageChange()).toEqualTypeOf<CodePipelineCloudWatchStageEvent>();
    expectTypeOf(factories.codePipelineActionChange()).toEqualTypeOf<CodePipelineCloudWatchActionEventCorrected>();
    expectTypeOf(factories.cloudWatchAlarm()).toEqualTypeOf<CloudWatchAlarmEvent>();
    expectTypeOf(factories.cloudWatchAlarmStateChange()).toEqualTypeOf<CloudWatchAlarmStateChangeEvent>();
    expectTypeOf(factories.ses()).toEqualTypeOf<SESEvent>();
    expectTypeOf(factories.codeDeployDeployment()).toEqualTypeOf<CodeDeployDeploymentEvent>();
    expectTypeOf(factories.ecrImageAction()).toEqualTypeOf<EcrImageActionEvent>();
    expectTypeOf(factories.ecsContainerInstance()).toEqualTypeOf<EcsContainerInstanceEvent>();
    expectTypeOf(factories.kinesisAnalytics()).toEqualTypeOf<KinesisAnalyticsEvent>();
  });

  it('narrow the return type by the variant asked for', () => {
    expectTypeOf(factories.s3EventBridge()).toEqualTypeOf<S3ObjectCreatedEventBridgeEvent>();
    expectTypeOf(factories.s3EventBridge({ type: 'expired' })).toEqualTypeOf<S3ObjectDeletedEventBridgeEvent>();
    expectTypeOf(factories.s3EventBridge({ type: 'restored' })).toEqualTypeOf<S3ObjectRestoreCompletedEventBridgeEvent>();
    expectTypeOf(factories.s3Batch({ schemaVersion: '2.0' })).toEqualTypeOf<S3BatchEventV2>();
    expectTypeOf(factories.codeBuild()).toEqualTypeOf<CodeBuildStateChangeEvent>();
    expectTypeOf(factories.codeBuild({ change: 'phase' })).toEqualTypeOf<CodeBuildPhaseChangeEvent>();
    expectTypeOf(factories.autoScalingInstance({ detailType: 'EC2 Instance Terminate Successful' })).toEqualTypeOf<
      AutoScalingInstanceEvent<'EC2 Instance Terminate Successful'>
    >();
    expectTypeOf(factories.codeBuild({ change: 'phase' }).detail['completed-phase-duration-seconds']).toBeNumber();
  });

  it('keeps the literal detail types and sources handlers switch on', () => {
    expectTypeOf(factories.s3EventBridge()['detail-type']).toEqualTypeOf<'Object Created'>();
    expectTypeOf(factories.s3EventBridge().source).toEqualTypeOf<'aws.s3'>();
    expectTypeOf(factories.codeBuild().source).toEqualTypeOf<'aws.codebuild'>();
    expectTypeOf(factories.cloudWatchAlarmStateChange()['detail-type']).toEqualTypeOf<'CloudWatch Alarm State Change'>();
  });

  it('type-check their intent and overrides', () => {
    factories.cloudWatchAlarm({ alarmData: { state: { reason: 'manual' } } });
    factories.ses({ action: { type: 'SNS', topicArn: 'arn:aws:sns:us-east-1:123456789012:mail' } });
    // @ts-expect-error S3 deletion types are the two S3 sends
    factories.s3EventBridge({ type: 'deleted', deletionType: 'Soft Deleted' });
    // @ts-expect-error the S3 Batch schema is 1.0 or 2.0
    factories.s3Batch({ schemaVersion: '3.0' });
    // @ts-expect-error an alarm state is OK, ALARM or INSUFFICIENT_DATA
    factories.cloudWatchAlarm({ state: 'FIRING' });
    // @ts-expect-error an SES action of type S3 has no functionArn
    factories.ses({ action: { type: 'S3', functionArn: 'arn' } });
    // @ts-expect-error CodeBuild build statuses are IN_PROGRESS, SUCCEEDED, FAILED or STOPPED
    factories.codeBuild({ buildStatus: 'PASSED' });
  });
});
