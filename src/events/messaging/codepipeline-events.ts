import type {
  CodePipelineActionCategory,
  CodePipelineActionState,
  CodePipelineCloudWatchActionEvent,
  CodePipelineCloudWatchPipelineEvent,
  CodePipelineCloudWatchStageEvent,
  CodePipelineStageState,
  CodePipelineState,
} from 'aws-lambda';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { serviceEnvelope, type ServiceEnvelopeInput } from './_service-event.js';

/** What every CodePipeline state-change factory takes. */
export interface CodePipelineChangeInput extends ServiceEnvelopeInput {
  /** @defaultValue `'my-pipeline'` */
  pipeline?: string;
  /** The pipeline's structure version. @defaultValue `1` */
  pipelineVersion?: number;
  /** @defaultValue a seeded UUID */
  executionId?: string;
}

/** What `events.codePipelineExecutionChange` takes. */
export interface CodePipelineExecutionChangeInput extends CodePipelineChangeInput {
  /** @defaultValue `'STARTED'` */
  state?: CodePipelineState;
}

/** What `events.codePipelineStageChange` takes. */
export interface CodePipelineStageChangeInput extends CodePipelineChangeInput {
  /** @defaultValue `'Prod'` */
  stage?: string;
  /** @defaultValue `'STARTED'` */
  state?: CodePipelineStageState;
}

/** What `events.codePipelineActionChange` takes. */
export interface CodePipelineActionChangeInput extends CodePipelineChangeInput {
  /** @defaultValue `'Prod'` */
  stage?: string;
  /** @defaultValue `'Deploy'` */
  action?: string;
  /** @defaultValue `'STARTED'` */
  state?: CodePipelineActionState;
  /** The action type. @defaultValue `{ owner: 'AWS', category: 'Deploy', provider: 'CodeDeploy', version: 1 }` */
  type?: { owner?: 'AWS' | 'Custom' | 'ThirdParty'; category?: CodePipelineActionCategory; provider?: string; version?: number };
  /** The region the action runs in (cross-region actions). @defaultValue the event's region */
  actionRegion?: string;
}

/**
 * The canonical base of `codePipelineExecutionChange`, from aws-lambda-go/codepipeline-execution-state-change-event.json.
 * Equal to `fixtures/events/eb-cp-pipeline.json`.
 */
export const codePipelineExecutionChangeFixture: CodePipelineCloudWatchPipelineEvent = {
  version: '0',
  id: 'CWE-event-id',
  'detail-type': 'CodePipeline Pipeline Execution State Change',
  source: 'aws.codepipeline',
  account: '123456789012',
  time: '2017-04-22T03:31:47Z',
  region: 'us-east-1',
  resources: ['arn:aws:codepipeline:us-east-1:123456789012:pipeline:myPipeline'],
  detail: { pipeline: 'myPipeline', version: 1, state: 'STARTED', 'execution-id': '01234567-0123-0123-0123-012345678901' },
};

/**
 * The canonical base of `codePipelineStageChange`, from aws-lambda-go/codepipeline-execution-stage-change-event.json
 * (whose detail lacks the `stage` every stage event names; added). Equal to `fixtures/events/eb-cp-stage.json`.
 */
export const codePipelineStageChangeFixture: CodePipelineCloudWatchStageEvent = {
  ...codePipelineExecutionChangeFixture,
  'detail-type': 'CodePipeline Stage Execution State Change',
  detail: { pipeline: 'myPipeline', version: 1, 'execution-id': '01234567-0123-0123-0123-012345678901', stage: 'Prod', state: 'STARTED' },
};

/**
 * The action event as AWS sends it: `detail.region` (where the action ran) is missing from `@types/aws-lambda`
 * (aws-lambda-go/codepipeline-action-execution-stage-change-event.json).
 */
export type CodePipelineCloudWatchActionEventCorrected = Omit<CodePipelineCloudWatchActionEvent, 'detail'> & {
  detail: CodePipelineCloudWatchActionEvent['detail'] & { region: string };
};

/**
 * The canonical base of `codePipelineActionChange`, from aws-lambda-go/codepipeline-action-execution-stage-change-event.json.
 * Equal to `fixtures/events/eb-cp-action.json`.
 */
export const codePipelineActionChangeFixture: CodePipelineCloudWatchActionEventCorrected = {
  ...codePipelineExecutionChangeFixture,
  'detail-type': 'CodePipeline Action Execution State Change',
  detail: {
    pipeline: 'myPipeline',
    version: 1,
    'execution-id': '01234567-0123-0123-0123-012345678901',
    stage: 'Prod',
    action: 'myAction',
    state: 'STARTED',
    region: 'us-west-2',
    type: { owner: 'AWS', category: 'Deploy', provider: 'CodeDeploy', version: 1 },
  },
};

function common(kindId: string, detailType: string, input: CodePipelineChangeInput, options: EventOptions | undefined) {
  const { random, now } = buildContext(kindId, options);
  const pipeline = input.pipeline ?? 'my-pipeline';
  const executionId = input.executionId ?? random.uuid();
  return serviceEnvelope(
    random,
    now,
    'aws.codepipeline',
    detailType,
    input,
    (region, account) => [`arn:aws:codepipeline:${region}:${account}:${pipeline}`],
    (region) => ({ pipeline, version: input.pipelineVersion ?? 1, 'execution-id': executionId, region }),
  );
}

/**
 * Builds a `CodePipeline Pipeline Execution State Change` event; the pipeline ARN is derived from its name.
 * @example
 * const event = events.codePipelineExecutionChange({ pipeline: 'release', state: 'FAILED' });
 */
export function codePipelineExecutionChange(input: CodePipelineExecutionChangeInput = {}, options?: EventOptions): CodePipelineCloudWatchPipelineEvent {
  const event = common('eb-cp-pipeline', 'CodePipeline Pipeline Execution State Change', input, options);
  const { pipeline, version, 'execution-id': executionId } = event.detail;
  return { ...event, 'detail-type': 'CodePipeline Pipeline Execution State Change', source: 'aws.codepipeline', detail: { pipeline, version, state: input.state ?? 'STARTED', 'execution-id': executionId } };
}

/**
 * Builds a `CodePipeline Stage Execution State Change` event.
 * @example
 * const event = events.codePipelineStageChange({ stage: 'Deploy', state: 'SUCCEEDED' });
 */
export function codePipelineStageChange(input: CodePipelineStageChangeInput = {}, options?: EventOptions): CodePipelineCloudWatchStageEvent {
  const event = common('eb-cp-stage', 'CodePipeline Stage Execution State Change', input, options);
  const { pipeline, version, 'execution-id': executionId } = event.detail;
  return {
    ...event,
    'detail-type': 'CodePipeline Stage Execution State Change',
    source: 'aws.codepipeline',
    detail: { pipeline, version, 'execution-id': executionId, stage: input.stage ?? 'Prod', state: input.state ?? 'STARTED' },
  };
}

/**
 * Builds a `CodePipeline Action Execution State Change` event, with the action's type and region.
 * @example
 * const event = events.codePipelineActionChange({ action: 'Approve', type: { category: 'Approval', provider: 'Manual' } });
 */
export function codePipelineActionChange(input: CodePipelineActionChangeInput = {}, options?: EventOptions): CodePipelineCloudWatchActionEventCorrected {
  const event = common('eb-cp-action', 'CodePipeline Action Execution State Change', input, options);
  const { pipeline, version, 'execution-id': executionId, region } = event.detail;
  return {
    ...event,
    'detail-type': 'CodePipeline Action Execution State Change',
    source: 'aws.codepipeline',
    detail: {
      pipeline,
      version,
      'execution-id': executionId,
      stage: input.stage ?? 'Prod',
      action: input.action ?? 'Deploy',
      state: input.state ?? 'STARTED',
      region: input.actionRegion ?? region,
      type: { owner: 'AWS', category: 'Deploy', provider: 'CodeDeploy', version: 1, ...input.type },
    },
  };
}

const samples = (file: string): string[] => [`aws-lambda-go/${file}`, `aws-lambda-rust-runtime/example-${file}`];

/** Registry entry of pipeline execution state changes. */
export const codePipelineExecutionChangeKind: EventKind = {
  id: 'eb-cp-pipeline',
  factory: 'codePipelineExecutionChange',
  title: 'EventBridge: CodePipeline pipeline execution state change',
  type: 'CodePipelineCloudWatchPipelineEvent',
  build: (options) => codePipelineExecutionChange({}, options),
  fixture: codePipelineExecutionChangeFixture,
  samples: samples('codepipeline-execution-state-change-event.json'),
};

/** Registry entry of stage execution state changes. */
export const codePipelineStageChangeKind: EventKind = {
  id: 'eb-cp-stage',
  factory: 'codePipelineStageChange',
  title: 'EventBridge: CodePipeline stage execution state change',
  type: 'CodePipelineCloudWatchStageEvent',
  build: (options) => codePipelineStageChange({}, options),
  fixture: codePipelineStageChangeFixture,
  samples: samples('codepipeline-execution-stage-change-event.json'),
  // Both samples are a copy of the pipeline event and lack the `stage` that @types/aws-lambda and the AWS
  // documentation ("CodePipeline Stage Execution State Change") put in every stage event.
  conformance: { ignore: ['detail.stage'] },
};

/** Registry entry of action execution state changes. */
export const codePipelineActionChangeKind: EventKind = {
  id: 'eb-cp-action',
  factory: 'codePipelineActionChange',
  title: 'EventBridge: CodePipeline action execution state change',
  type: 'CodePipelineCloudWatchActionEvent (corrected: CodePipelineCloudWatchActionEventCorrected)',
  build: (options) => codePipelineActionChange({}, options),
  fixture: codePipelineActionChangeFixture,
  samples: samples('codepipeline-action-execution-stage-change-event.json'),
};
