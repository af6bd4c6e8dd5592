import type {
  CodeBuildEnvironmentComputeType,
  CodeBuildEnvironmentType,
  CodeBuildEnvironmentVariableType,
  CodeBuildPhaseStatusType,
  CodeBuildPhaseType,
  CodeBuildSourceLocationType,
  CodeBuildStateType,
  EventBridgeEvent,
} from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { mergeOwned } from './_merge.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/** One entry of `additional-information.phases`. The running (last) phase has only `start-time` and `phase-type`. */
export interface CodeBuildPhase {
  'phase-context'?: string[];
  'start-time': string;
  'end-time'?: string;
  'duration-in-seconds'?: number;
  'phase-type': CodeBuildPhaseType;
  'phase-status'?: CodeBuildPhaseStatusType;
}

/**
 * `additional-information` as CodeBuild sends it. `@types/aws-lambda` requires `cache`, `source.buildspec`,
 * `project-file-system-locations` and `queued-timeout-in-minutes`, which the samples do not carry, and lacks the
 * artifact's `md5sum`/`sha256sum` (aws-lambda-go/codebuild-state-change.json).
 */
export interface CodeBuildAdditionalInformation {
  artifact: { md5sum?: string; sha256sum?: string; location: string };
  environment: {
    image: string;
    'privileged-mode': boolean;
    'image-pull-credentials-type'?: 'CODEBUILD' | 'SERVICE_ROLE';
    'compute-type': CodeBuildEnvironmentComputeType;
    type: CodeBuildEnvironmentType;
    'environment-variables': { name: string; type?: CodeBuildEnvironmentVariableType; value: string }[];
  };
  'timeout-in-minutes': number;
  'build-complete': boolean;
  'build-number'?: number;
  initiator: string;
  'build-start-time': string;
  source: { location?: string; type: CodeBuildSourceLocationType; buildspec?: string };
  'source-version'?: string;
  logs: { 'group-name': string; 'stream-name': string; 'deep-link': string };
  phases: CodeBuildPhase[];
  cache?: { type: 'NO_CACHE' | 'LOCAL' | 'S3' };
  'queued-timeout-in-minutes'?: number;
  'project-file-system-locations'?: unknown[];
}

/** Detail of a `CodeBuild Build State Change` event, corrected (see {@link CodeBuildAdditionalInformation}). */
export interface CodeBuildStateChangeDetail {
  'build-status': CodeBuildStateType;
  'project-name': string;
  'build-id': string;
  'additional-information': CodeBuildAdditionalInformation;
  'current-phase': CodeBuildPhaseType;
  'current-phase-context': string;
  version: string;
}

/**
 * Detail of a `CodeBuild Build Phase Change` event. `@types/aws-lambda` has no type for it (its
 * `CodeBuildCloudWatchStateEvent` fixes the detail type to state changes): aws-lambda-go/codebuild-phase-change.json.
 */
export interface CodeBuildPhaseChangeDetail {
  'completed-phase': CodeBuildPhaseType;
  'project-name': string;
  'build-id': string;
  'completed-phase-context': string;
  'additional-information': CodeBuildAdditionalInformation;
  'completed-phase-status': CodeBuildPhaseStatusType;
  'completed-phase-duration-seconds': number;
  version: string;
  'completed-phase-start': string;
  'completed-phase-end': string;
}

/** A CodeBuild build state change, as AWS sends it (the corrected `CodeBuildCloudWatchStateEvent`). */
export type CodeBuildStateChangeEvent = EventBridgeEvent<'CodeBuild Build State Change', CodeBuildStateChangeDetail> & { source: 'aws.codebuild' };
/** A CodeBuild build phase change. */
export type CodeBuildPhaseChangeEvent = EventBridgeEvent<'CodeBuild Build Phase Change', CodeBuildPhaseChangeDetail> & { source: 'aws.codebuild' };

/** What `events.codeBuild` takes. */
export interface CodeBuildInput<TChange extends 'state' | 'phase' = 'state' | 'phase'> extends ServiceEnvelopeInput {
  /** A build state change (default) or a phase change. */
  change?: TChange;
  /** @defaultValue `'my-project'` */
  projectName?: string;
  /** State changes: the build's status. @defaultValue `'SUCCEEDED'` */
  buildStatus?: CodeBuildStateType;
  /** Phase changes: the phase that just completed. @defaultValue `'FINALIZING'` */
  completedPhase?: CodeBuildPhaseType;
  /** Phase changes: how it ended. @defaultValue `'SUCCEEDED'` */
  completedPhaseStatus?: CodeBuildPhaseStatusType;
  /** Verbatim deep-partial overrides of `detail`, applied last. */
  detail?: DeepPartial<CodeBuildStateChangeDetail & CodeBuildPhaseChangeDetail>;
}

/**
 * The canonical base of `codeBuild`, from aws-lambda-go/codebuild-state-change.json with its phases trimmed to the
 * first and the running one. Equal to `fixtures/events/eb-codebuild.json`.
 */
export const codeBuildFixture: CodeBuildStateChangeEvent = {
  version: '0',
  id: 'c030038d-8c4d-6141-9545-00ff7b7153EX',
  'detail-type': 'CodeBuild Build State Change',
  source: 'aws.codebuild',
  account: '123456789012',
  time: '2017-09-01T16:14:28Z',
  region: 'us-west-2',
  resources: ['arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX'],
  detail: {
    'build-status': 'SUCCEEDED',
    'project-name': 'my-sample-project',
    'build-id': 'arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX',
    'additional-information': {
      artifact: {
        md5sum: 'da9c44c8a9a3cd4b443126e823168fEX',
        sha256sum: '6ccc2ae1df9d155ba83c597051611c42d60e09c6329dcb14a312cecc0a8e39EX',
        location: 'arn:aws:s3:::codebuild-123456789012-output-bucket/my-output-artifact.zip',
      },
      environment: {
        image: 'aws/codebuild/standard:2.0',
        'privileged-mode': false,
        'compute-type': 'BUILD_GENERAL1_SMALL',
        type: 'LINUX_CONTAINER',
        'environment-variables': [{ name: 'TEST', type: 'PLAINTEXT', value: 'TEST' }],
      },
      'timeout-in-minutes': 60,
      'build-complete': true,
      'build-number': 55,
      initiator: 'MyCodeBuildDemoUser',
      'build-start-time': 'Sep 1, 2017 4:12:29 PM',
      source: { location: 'codebuild-123456789012-input-bucket/my-input-artifact.zip', type: 'S3' },
      'source-version': 'my-source-version',
      logs: {
        'group-name': '/aws/codebuild/my-sample-project',
        'stream-name': '8745a7a9-c340-456a-9166-edf953571bEX',
        'deep-link':
          'https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=/aws/codebuild/my-sample-project;stream=8745a7a9-c340-456a-9166-edf953571bEX',
      },
      phases: [
        {
          'phase-context': [],
          'start-time': 'Sep 1, 2017 4:12:29 PM',
          'end-time': 'Sep 1, 2017 4:12:29 PM',
          'duration-in-seconds': 0,
          'phase-type': 'SUBMITTED',
          'phase-status': 'SUCCEEDED',
        },
        { 'start-time': 'Sep 1, 2017 4:14:26 PM', 'phase-type': 'COMPLETED' },
      ],
    },
    'current-phase': 'COMPLETED',
    'current-phase-context': '[]',
    version: '1',
  },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** CodeBuild's Java-style display time in UTC: `Sep 1, 2017 4:12:29 PM`. */
function codeBuildTime(epochMs: number): string {
  const d = new Date(epochMs);
  const h = d.getUTCHours();
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The phases CodeBuild runs, in order, with typical durations in seconds (from the sample build). */
const PHASES: readonly (readonly [CodeBuildPhaseType, number])[] = [
  ['SUBMITTED', 0],
  ['QUEUED', 0],
  ['PROVISIONING', 36],
  ['DOWNLOAD_SOURCE', 4],
  ['INSTALL', 0],
  ['PRE_BUILD', 0],
  ['BUILD', 70],
  ['POST_BUILD', 0],
  ['UPLOAD_ARTIFACTS', 0],
  ['FINALIZING', 4],
];

/**
 * Builds a CodeBuild event via EventBridge: a build state change (default, `CodeBuild Build State Change`) or, with
 * `change: 'phase'`, a phase change. The build ARN, log stream, deep link and phase timeline are derived from the
 * project name, a seeded build id and `now` (the build ends at `now`).
 * @example
 * const event = events.codeBuild({ projectName: 'api', buildStatus: 'FAILED' });
 * event.detail['build-id']; // 'arn:aws:codebuild:us-east-1:123456789012:build/api:…'
 */
export function codeBuild(input?: CodeBuildInput<'state'>, options?: EventOptions): CodeBuildStateChangeEvent;
export function codeBuild(input: CodeBuildInput<'phase'>, options?: EventOptions): CodeBuildPhaseChangeEvent;
export function codeBuild(input: CodeBuildInput = {}, options?: EventOptions): CodeBuildStateChangeEvent | CodeBuildPhaseChangeEvent {
  const { random, now } = buildContext('eb-codebuild', options);
  const project = input.projectName ?? 'my-project';
  const phaseChange = input.change === 'phase';
  const buildUuid = random.uuid();
  const completedPhase = input.completedPhase ?? 'FINALIZING';
  // The timeline runs up to `now`: through every phase for a state change, through the completed one for a phase change.
  const lastIndex = phaseChange ? Math.max(0, PHASES.findIndex(([type]) => type === completedPhase)) : PHASES.length - 1;
  const total = PHASES.slice(0, lastIndex + 1).reduce((sum, [, seconds]) => sum + seconds, 0);
  const start = now - total * 1000;
  const base = codeBuildFixture.detail['additional-information'];
  const event = serviceEnvelope(
    random,
    now,
    'aws.codebuild',
    phaseChange ? 'CodeBuild Build Phase Change' : 'CodeBuild Build State Change',
    input,
    (region, account) => [`arn:aws:codebuild:${region}:${account}:build/${project}:${buildUuid}`],
    (region, account): Record<string, unknown> => {
      const buildId = `arn:aws:codebuild:${region}:${account}:build/${project}:${buildUuid}`;
      const phases: CodeBuildPhase[] = [];
      let at = start;
      for (const [type, seconds] of PHASES.slice(0, lastIndex + 1)) {
        // A failed or stopped build fails in its BUILD phase; a phase change reports the completed phase's status.
        const failedBuild = !phaseChange && type === 'BUILD' && (input.buildStatus === 'FAILED' || input.buildStatus === 'STOPPED');
        const status: CodeBuildPhaseStatusType = phaseChange && type === completedPhase ? (input.completedPhaseStatus ?? 'SUCCEEDED') : failedBuild ? (input.buildStatus as 'FAILED' | 'STOPPED') : 'SUCCEEDED';
        phases.push({
          'phase-context': [],
          'start-time': codeBuildTime(at),
          'end-time': codeBuildTime(at + seconds * 1000),
          'duration-in-seconds': seconds,
          'phase-type': type,
          'phase-status': status,
        });
        at += seconds * 1000;
      }
      phases.push({ 'start-time': codeBuildTime(now), 'phase-type': phaseChange ? PHASES[lastIndex + 1]?.[0] ?? 'COMPLETED' : 'COMPLETED' });
      const information: CodeBuildAdditionalInformation = {
        artifact: { md5sum: random.hex(32), sha256sum: random.hex(64), location: `arn:aws:s3:::codebuild-${account}-output-bucket/${project}.zip` },
        environment: { ...base.environment, 'environment-variables': base.environment['environment-variables'].map((v) => ({ ...v })) },
        'timeout-in-minutes': base['timeout-in-minutes'],
        'build-complete': !phaseChange && input.buildStatus !== 'IN_PROGRESS',
        'build-number': 1 + random.int(100),
        initiator: base.initiator,
        'build-start-time': codeBuildTime(start),
        source: { location: `codebuild-${account}-input-bucket/${project}.zip`, type: 'S3' },
        'source-version': base['source-version']!,
        logs: {
          'group-name': `/aws/codebuild/${project}`,
          'stream-name': buildUuid,
          'deep-link': `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=/aws/codebuild/${project};stream=${buildUuid}`,
        },
        phases,
      };
      if (phaseChange) {
        const done = phases[lastIndex]!;
        // CodeBuild's phase-change events omit the source version (aws-lambda-go/codebuild-phase-change.json).
        delete information['source-version'];
        return {
          'completed-phase': completedPhase,
          'project-name': project,
          'build-id': buildId,
          'completed-phase-context': '[]',
          'additional-information': information,
          'completed-phase-status': done['phase-status'],
          'completed-phase-duration-seconds': done['duration-in-seconds'],
          version: '1',
          'completed-phase-start': done['start-time'],
          'completed-phase-end': done['end-time'],
        };
      }
      return {
        'build-status': input.buildStatus ?? 'SUCCEEDED',
        'project-name': project,
        'build-id': buildId,
        'additional-information': information,
        'current-phase': 'COMPLETED',
        'current-phase-context': '[]',
        version: '1',
      };
    },
  );
  mergeOwned(event.detail, input.detail as DeepPartial<Record<string, unknown>> | undefined);
  return event as unknown as CodeBuildStateChangeEvent | CodeBuildPhaseChangeEvent;
}

/** Registry entry of CodeBuild state and phase change events. */
export const codeBuildKind: EventKind = {
  id: 'eb-codebuild',
  factory: 'codeBuild',
  title: 'EventBridge: CodeBuild build state / phase change',
  type: 'CodeBuildCloudWatchStateEvent (corrected: CodeBuildStateChangeEvent, CodeBuildPhaseChangeEvent)',
  build: (options) => codeBuild({}, options),
  fixture: codeBuildFixture,
  samples: ['aws-lambda-go/codebuild-state-change.json', 'aws-lambda-rust-runtime/example-codebuild-state-change.json'],
  examples: [
    {
      name: 'for a phase change',
      build: (o) => codeBuild({ change: 'phase' }, o),
      samples: ['aws-lambda-go/codebuild-phase-change.json', 'aws-lambda-rust-runtime/example-codebuild-phase-change.json'],
    },
  ],
};
