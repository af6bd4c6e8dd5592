import { describe, expect, it } from 'vitest';
import { checkConformance, formatConformance } from '../../../src/events/conformance.js';
import { factories as events } from '../../../src/events/messaging/index.js';
import { loadSample } from '../_samples.js';

const SAME = { seed: 3, now: '2025-02-03T04:05:06.007Z' } as const;

describe('events.codeBuild', () => {
  it('derives the build ARN, log stream and deep link from the project and a seeded build id', () => {
    const event = events.codeBuild({ projectName: 'api', region: 'eu-west-1' });
    const buildId = event.detail['build-id'];
    expect(buildId).toMatch(/^arn:aws:codebuild:eu-west-1:123456789012:build\/api:[0-9a-f-]{36}$/);
    expect(event.resources).toEqual([buildId]);
    const logs = event.detail['additional-information'].logs;
    expect(buildId.endsWith(logs['stream-name'])).toBe(true);
    expect(logs['deep-link']).toContain(`group=/aws/codebuild/api;stream=${logs['stream-name']}`);
  });

  it('ends the phase timeline at now, in CodeBuild display time', () => {
    const event = events.codeBuild({}, { now: '2017-09-01T16:14:26Z' });
    const phases = event.detail['additional-information'].phases;
    expect(phases.at(-1)).toEqual({ 'start-time': 'Sep 1, 2017 4:14:26 PM', 'phase-type': 'COMPLETED' });
    expect(event.detail['additional-information']['build-start-time']).toBe('Sep 1, 2017 4:12:32 PM');
  });

  it('fails the BUILD phase of a failed build', () => {
    const phases = events.codeBuild({ buildStatus: 'FAILED' }).detail['additional-information'].phases;
    expect(phases.find((p) => p['phase-type'] === 'BUILD')!['phase-status']).toBe('FAILED');
  });

  it('builds phase changes with the completed phase', () => {
    const event = events.codeBuild({ change: 'phase', completedPhase: 'BUILD', completedPhaseStatus: 'FAILED' });
    expect(event['detail-type']).toBe('CodeBuild Build Phase Change');
    expect(event.detail).toMatchObject({ 'completed-phase': 'BUILD', 'completed-phase-status': 'FAILED', 'completed-phase-duration-seconds': 70 });
  });

  it('is identical for the same seed', () => {
    expect(events.codeBuild({}, SAME)).toEqual(events.codeBuild({}, SAME));
  });
});

describe('CodePipeline state changes', () => {
  it('share the pipeline ARN and execution id the test gives', () => {
    const input = { pipeline: 'release', executionId: 'exec-1', region: 'eu-west-1' };
    for (const event of [events.codePipelineExecutionChange(input), events.codePipelineStageChange(input), events.codePipelineActionChange(input)]) {
      expect(event.resources).toEqual(['arn:aws:codepipeline:eu-west-1:123456789012:release']);
      expect(event.detail).toMatchObject({ pipeline: 'release', 'execution-id': 'exec-1' });
    }
  });

  it('merges a partial action type into the default', () => {
    const event = events.codePipelineActionChange({ action: 'Approve', type: { category: 'Approval', provider: 'Manual' } });
    expect(event.detail.type).toEqual({ owner: 'AWS', category: 'Approval', provider: 'Manual', version: 1 });
  });

  it('is identical for the same seed', () => {
    expect(events.codePipelineActionChange({}, SAME)).toEqual(events.codePipelineActionChange({}, SAME));
  });
});

describe('CloudWatch alarms', () => {
  it('names the alarm consistently in the ARN and the alarm data', () => {
    const event = events.cloudWatchAlarm({ alarmName: 'high-errors', region: 'eu-west-1', state: 'OK', previousState: 'ALARM' });
    expect(event.alarmArn).toBe('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:high-errors');
    expect(event.alarmData).toMatchObject({ alarmName: 'high-errors', state: { value: 'OK' }, previousState: { value: 'ALARM' } });
    expect(JSON.parse(event.alarmData.state.reasonData!)).toMatchObject({ statistic: 'Sum', threshold: 10 });
  });

  it('delivers the alarm data as the EventBridge detail, shaped like the captured alarm data', () => {
    const event = events.cloudWatchAlarmStateChange({
      alarmData: { state: { actionsSuppressedBy: 'WaitPeriod', actionsSuppressedReason: 'Actions suppressed by WaitPeriod' }, configuration: { actionsSuppressor: 'maint', actionsSuppressorWaitPeriod: 120, actionsSuppressorExtensionPeriod: 180 } },
    });
    expect(event['detail-type']).toBe('CloudWatch Alarm State Change');
    // The only sample carries the same object as a top-level `alarmData` (see fixtures/README.md).
    const sample = loadSample('aws-lambda-rust-runtime/example-cloudwatch-alarm-composite-with-suppressor-alarm.json') as { alarmData: unknown };
    expect(formatConformance(checkConformance(event.detail, [sample.alarmData]))).toBe('');
  });

  it('is identical for the same seed', () => {
    expect(events.cloudWatchAlarm({}, SAME)).toEqual(events.cloudWatchAlarm({}, SAME));
    expect(events.cloudWatchAlarmStateChange({}, SAME)).toEqual(events.cloudWatchAlarmStateChange({}, SAME));
  });
});

describe('events.ses', () => {
  it('derives headers, recipients and the return path from the mail a test writes', () => {
    const { mail, receipt } = events.ses({ from: 'Ada <ada@example.com>', to: ['Orders <orders@example.org>'], subject: 'Order 42' }).Records[0]!.ses;
    expect(mail.commonHeaders).toMatchObject({ from: ['Ada <ada@example.com>'], returnPath: 'ada@example.com', subject: 'Order 42' });
    expect(mail.source).toBe('ada@example.com');
    expect(mail.headers.find((h) => h.name === 'Subject')!.value).toBe('Order 42');
    expect(mail.headers.find((h) => h.name === 'Message-ID')!.value).toBe(mail.commonHeaders.messageId);
    expect(receipt.recipients).toEqual(['orders@example.org']);
  });

  it('reports the receipt action that delivered the mail', () => {
    expect(events.ses({ action: { type: 'S3', bucketName: 'mail' } }).Records[0]!.ses.receipt.action).toMatchObject({ type: 'S3', bucketName: 'mail' });
    expect(events.ses({ verdict: 'FAIL' }).Records[0]!.ses.receipt.spamVerdict).toEqual({ status: 'FAIL' });
  });

  it('is identical for the same seed', () => {
    expect(events.ses({}, SAME)).toEqual(events.ses({}, SAME));
  });
});

describe('other AWS service events via EventBridge', () => {
  it('derive resources from the names a test gives', () => {
    expect(events.codeDeployDeployment({ application: 'api', deploymentGroup: 'prod' }).resources).toEqual([
      'arn:aws:codedeploy:us-east-1:123456789012:application:api',
      'arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:api/prod',
    ]);
    const asg = events.autoScalingInstance({ groupName: 'web', instanceId: 'i-0abc' });
    expect(asg.resources[1]).toBe('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc');
    expect(asg.detail.Description).toBe('Launching a new EC2 instance: i-0abc');
    expect(events.ecsContainerInstance({ cluster: 'prod' }).detail.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/prod');
    expect(events.ecrImageAction({ repository: 'api', tag: 'v1' }).detail).toMatchObject({ 'repository-name': 'api', 'image-tag': 'v1', 'action-type': 'PUSH' });
  });

  it('are identical for the same seed', () => {
    expect(events.autoScalingInstance({}, SAME)).toEqual(events.autoScalingInstance({}, SAME));
    expect(events.codeDeployDeployment({}, SAME)).toEqual(events.codeDeployDeployment({}, SAME));
    expect(events.ecrImageAction({}, SAME)).toEqual(events.ecrImageAction({}, SAME));
    expect(events.ecsContainerInstance({}, SAME)).toEqual(events.ecsContainerInstance({}, SAME));
  });
});
