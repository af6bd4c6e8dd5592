import { describe, expect, it } from 'vitest';
import { samPairs } from '../../../src/cli/generate-event.js';
import { checkConformance, formatConformance } from '../../../src/events/conformance.js';
import { eventKinds, events } from '../../../src/events/index.js';
import type { AlexaSkillEvent, AlexaSmartHomeEvent } from '../../../src/events/services/alexa.js';
import type { ConfigRuleEvent } from '../../../src/events/services/config.js';
import { loadSample } from '../_samples.js';

/** The SAM services without an @types/aws-lambda type, and the registry kinds that answer them. */
const SAM_ONLY: Readonly<Record<string, string>> = {
  'alexa-skills-kit': 'alexa-skill',
  'alexa-smart-home': 'alexa-smarthome',
  batch: 'batch-',
  config: 'config',
  sagemaker: 'sagemaker-gt-',
  stepfunctions: 'sfn-error',
  workmail: 'workmail',
};

const SEED_INDEPENDENT = new Set([
  'stepfunctions error',
  'batch get-job',
  'sagemaker ground-truth-pre-human',
  'sagemaker ground-truth-annotation-consolidation',
]);

const pairs = samPairs().filter((p) => SAM_ONLY[p.service] !== undefined);

describe('SAM-only service events', () => {
  it('answers every pair of the seven SAM-only services', () => {
    expect(pairs.map((p) => `${p.service} ${p.event}`)).toEqual([
      'alexa-skills-kit end-session',
      'alexa-skills-kit intent-answer',
      'alexa-skills-kit intent-getnewfact',
      'alexa-skills-kit intent-mycoloris',
      'alexa-skills-kit intent-recipe',
      'alexa-skills-kit start-session',
      'alexa-smart-home smart-home-control-turn-off-request',
      'alexa-smart-home smart-home-control-turn-on-request',
      'alexa-smart-home smart-home-discovery-request',
      'batch get-job',
      'batch submit-job',
      'config item-change-notification',
      'config oversized-item-change-notification',
      'config periodic-rule',
      'sagemaker ground-truth-annotation-consolidation',
      'sagemaker ground-truth-pre-human',
      'stepfunctions error',
      'workmail email',
    ]);
  });

  it.each(pairs.map((p) => [`${p.service} ${p.event}`, p] as const))('generates %s with the shape of the rendered SAM event', (_name, pair) => {
    const sample = loadSample(`aws-sam-cli-rendered/${pair.service}__${pair.event}.json`);
    const kind = eventKinds.find((k) => k.sam?.some((s) => s.service === pair.service && s.event === pair.event));
    expect(formatConformance(checkConformance(pair.build(), [sample], kind?.conformance))).toBe('');
  });

  it.each(pairs.map((p) => [`${p.service} ${p.event}`, p] as const))('generates the same %s for the same seed and another for another seed', (_name, pair) => {
    const a = JSON.stringify(pair.build({ seed: 5, now: '2025-06-01T12:00:00Z' }));
    expect(JSON.stringify(pair.build({ seed: 5, now: '2025-06-01T12:00:00Z' }))).toBe(a);
    // These carry no generated id: what varies in them is the labeling job, job or error a test names (and `now`).
    if (!SEED_INDEPENDENT.has(`${pair.service} ${pair.event}`)) {
      expect(JSON.stringify(pair.build({ seed: 6, now: '2025-06-01T12:00:00Z' }))).not.toBe(a);
    }
  });
});

describe('Alexa Skills Kit events', () => {
  const build = (event: string): AlexaSkillEvent => pairs.find((p) => p.service === 'alexa-skills-kit' && p.event === event)!.build() as AlexaSkillEvent;

  it('gives each SAM pair the request type and intent it names', () => {
    expect(build('start-session').request.type).toBe('LaunchRequest');
    expect(build('end-session').request).toMatchObject({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' });
    expect(build('intent-answer').request).toMatchObject({ type: 'IntentRequest', intent: { name: 'AnswerIntent' } });
    expect(build('intent-getnewfact').request).toMatchObject({ intent: { name: 'GetNewFactIntent', slots: {} } });
    expect(build('intent-mycoloris').request).toMatchObject({ intent: { name: 'MyColorIsIntent', slots: { Color: { value: 'blue' } } } });
    expect(build('intent-recipe').request).toMatchObject({ intent: { name: 'RecipeIntent', slots: { Item: { value: 'snowball' } } } });
  });

  it('opens a new session only for a launch request unless told otherwise', () => {
    expect(events.alexaSkill().session.new).toBe(true);
    expect(events.alexaSkill({ request: { type: 'IntentRequest' } }).session.new).toBe(false);
    expect(events.alexaSkill({ request: { type: 'IntentRequest' }, session: { new: true } }).session.new).toBe(true);
  });

  it('repeats the session application and user in context.System', () => {
    const e = events.alexaSkill({ session: { application: { applicationId: 'amzn1.ask.skill.mine' }, user: { userId: 'amzn1.ask.account.me' } } });
    expect(e.context.System.application.applicationId).toBe('amzn1.ask.skill.mine');
    expect(e.context.System.user.userId).toBe('amzn1.ask.account.me');
  });

  it('stamps the request with now, to the second', () => {
    expect(events.alexaSkill({}, { now: '2025-03-04T05:06:07.890Z' }).request.timestamp).toBe('2025-03-04T05:06:07Z');
  });
});

describe('Alexa Smart Home directives', () => {
  it('derives the namespace from the directive name and drops the appliance for discovery', () => {
    const discovery: AlexaSmartHomeEvent = events.alexaSmartHome({ header: { name: 'DiscoverAppliancesRequest' } });
    expect(discovery.header.namespace).toBe('Alexa.ConnectedHome.Discovery');
    expect(discovery.payload).toEqual({ accessToken: '1' });
    expect(events.alexaSmartHome({ header: { name: 'TurnOffRequest' } }).header.namespace).toBe('Alexa.ConnectedHome.Control');
  });

  it('generates uppercase UUID message ids', () => {
    expect(events.alexaSmartHome().header.messageId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });
});

describe('AWS Config rule events', () => {
  const invoking = (e: ConfigRuleEvent): Record<string, unknown> => JSON.parse(e.invokingEvent) as Record<string, unknown>;

  it('JSON-encodes the invoking event of the message type and the rule parameters', () => {
    const e = events.configRule({ messageType: 'ScheduledNotification', ruleParameters: { maxAgeDays: 90 } }, { now: '2025-02-03T04:05:06Z' });
    expect(invoking(e)).toEqual({
      awsAccountId: '123456789012',
      notificationCreationTime: '2025-02-03T04:05:06.000Z',
      messageType: 'ScheduledNotification',
      recordVersion: '1.0',
    });
    expect(JSON.parse(e.ruleParameters)).toEqual({ maxAgeDays: 90 });
  });

  it('gives each config SAM pair the message type it names', () => {
    const type = (event: string): unknown => invoking(pairs.find((p) => p.service === 'config' && p.event === event)!.build() as ConfigRuleEvent)['messageType'];
    expect(type('item-change-notification')).toBe('ConfigurationItemChangeNotification');
    expect(type('oversized-item-change-notification')).toBe('OversizedConfigurationItemChangeNotification');
    expect(type('periodic-rule')).toBe('ScheduledNotification');
  });

  it('merges invoking event overrides and keeps the rule ARN on the rule id', () => {
    const e = events.configRule({ invokingEvent: { configurationItem: { resourceType: 'AWS::S3::Bucket' } }, overrides: { configRuleId: 'config-rule-abc123' } });
    expect((invoking(e)['configurationItem'] as Record<string, unknown>)['resourceType']).toBe('AWS::S3::Bucket');
    expect(e.configRuleArn).toBe('arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123');
  });
});

describe('SageMaker Ground Truth, Batch, Step Functions and WorkMail events', () => {
  it('derives the worker-response URI from the labeling job and now', () => {
    const e = events.sageMakerGroundTruthConsolidation(
      { labelingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:labeling-job/cats' },
      { now: '2025-02-03T04:05:06Z' },
    );
    expect(e.payload.s3Uri).toBe('s3://sagemakerexample/output/cats/annotations/worker_response/iteration-1/0/2025-02-03_04:05:06.json');
  });

  it('replaces source-ref when a pre-human data object is given inline text', () => {
    expect(events.sageMakerGroundTruthPreHuman({ dataObject: { source: 'a sentence' } }).dataObject).toEqual({ source: 'a sentence' });
  });

  it('merges overrides into the Batch, Step Functions and WorkMail payloads', () => {
    expect(events.batchGetJob({ jobQueue: 'high' })).toEqual({ jobName: 'hello_world', jobQueue: 'high', jobDefinition: 'hello_world' });
    expect(events.batchSubmitJob().jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events.stepFunctionsError({ Error: 'States.Timeout' })).toEqual({ Error: 'States.Timeout', Cause: 'This is the cause of the error.' });
    expect(events.workMail({ flowDirection: 'OUTBOUND' }).flowDirection).toBe('OUTBOUND');
  });
});
