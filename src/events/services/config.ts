import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { buildContext } from '../_internals/kind.js';
import type { Random } from '../../internal/random.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, lowerAlnum } from './_internals/aws.js';
import { isoTime } from '../_internals/format.js';

/**
 * The event AWS Config sends a custom rule's Lambda function. `invokingEvent` and `ruleParameters` are JSON
 * *strings* (decode them with `JSON.parse`); `evaluationMode` is only in newer payloads
 * (powertools-lambda-python/awsConfigRuleConfigurationChanged.json).
 * @example
 * const e: ConfigRuleEvent = events.configRule();
 * const invoking = JSON.parse(e.invokingEvent) as ConfigItemChangeInvokingEvent;
 */
export interface ConfigRuleEvent {
  version: string;
  invokingEvent: string;
  ruleParameters: string;
  /** Opaque; pass it back to `PutEvaluations`. */
  resultToken: string;
  eventLeftScope: boolean;
  executionRoleArn: string;
  configRuleArn: string;
  configRuleName: string;
  configRuleId: string;
  accountId: string;
  evaluationMode?: 'DETECTIVE' | 'PROACTIVE';
}

/** What triggered the evaluation: the `messageType` of the invoking event. */
export type ConfigMessageType = 'ConfigurationItemChangeNotification' | 'OversizedConfigurationItemChangeNotification' | 'ScheduledNotification';

/** The fields of a configuration item that an oversized notification's summary keeps. */
export interface ConfigItemSummary {
  configurationItemVersion: string;
  configurationItemCaptureTime: string;
  configurationStateId: number;
  awsAccountId: string;
  configurationItemStatus: string;
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  ARN: string;
  awsRegion: string;
  availabilityZone: string;
  configurationStateMd5Hash: string;
  resourceCreationTime: string;
}

/**
 * The decoded `invokingEvent` of a change-triggered rule.
 * @example
 * const item = (JSON.parse(events.configRule().invokingEvent) as ConfigItemChangeInvokingEvent).configurationItem;
 */
export interface ConfigItemChangeInvokingEvent {
  configurationItemDiff: { changedProperties: Record<string, unknown>; changeType: string } | null;
  configurationItem: ConfigItemSummary & {
    relatedEvents: unknown[];
    relationships: { resourceId: string; resourceName: string | null; resourceType: string; name: string }[];
    configuration: Record<string, unknown>;
    supplementaryConfiguration: Record<string, unknown>;
    tags: Record<string, string>;
  };
  notificationCreationTime: string;
  messageType: 'ConfigurationItemChangeNotification';
  recordVersion: string;
}

/**
 * The decoded `invokingEvent` when the configuration item is too large to inline (over 256 KB).
 * @example
 * const summary = (JSON.parse(events.configRule({ messageType: 'OversizedConfigurationItemChangeNotification' }).invokingEvent) as ConfigOversizedInvokingEvent).configurationItemSummary;
 */
export interface ConfigOversizedInvokingEvent {
  configurationItemSummary: ConfigItemSummary & { changeType: string };
  messageType: 'OversizedConfigurationItemChangeNotification';
  notificationCreationTime: string;
  recordVersion: string;
}

/**
 * The decoded `invokingEvent` of a periodic rule.
 * @example
 * const s = JSON.parse(events.configRule({ messageType: 'ScheduledNotification' }).invokingEvent) as ConfigScheduledInvokingEvent;
 */
export interface ConfigScheduledInvokingEvent {
  awsAccountId: string;
  notificationCreationTime: string;
  messageType: 'ScheduledNotification';
  recordVersion: string;
}

/**
 * What a test says about a Config rule invocation; the factory encodes it the way Config does.
 * @example
 * const input: ConfigRuleInput = { messageType: 'ScheduledNotification', ruleParameters: { maxAgeDays: 90 } };
 */
export interface ConfigRuleInput {
  /**
   * What triggered the evaluation.
   * @defaultValue `'ConfigurationItemChangeNotification'`
   */
  messageType?: ConfigMessageType;
  /** Deep-merged over the default invoking event of `messageType`, then JSON-encoded into `invokingEvent`. */
  invokingEvent?: Readonly<Record<string, unknown>>;
  /**
   * The rule's parameters, JSON-encoded into `ruleParameters`.
   * @defaultValue `{ desiredInstanceType: 't2.micro' }`
   */
  ruleParameters?: Readonly<Record<string, unknown>>;
  /** Deep-partial overrides of the encoded event, applied last. */
  overrides?: DeepPartial<ConfigRuleEvent>;
}

/**
 * The canonical base of `configRule`, from powertools-lambda-python/awsConfigRuleConfigurationChanged.json: the
 * invoking event's EC2 `configuration` trimmed to a few fields and its relationships to one, the account id
 * (13 digits in the capture) and the opaque `resultToken` shortened.
 */
export const configRuleFixture: ConfigRuleEvent = {
  version: '1.0',
  invokingEvent:
    '{"configurationItemDiff":{"changedProperties":{"Configuration.InstanceType":{"previousValue":"t2.micro","updatedValue":"t2.medium","changeType":"UPDATE"}},"changeType":"UPDATE"},"configurationItem":{"relatedEvents":[],"relationships":[{"resourceId":"vpc-2d96be57","resourceName":null,"resourceType":"AWS::EC2::VPC","name":"Is contained in Vpc"}],"configuration":{"instanceId":"i-042dd005362091826","instanceType":"t2.medium","state":{"code":80,"name":"stopped"}},"supplementaryConfiguration":{},"tags":{"Name":"Minha"},"configurationItemVersion":"1.3","configurationItemCaptureTime":"2023-04-27T15:03:11.636Z","configurationStateId":1682607791636,"awsAccountId":"123456789012","configurationItemStatus":"OK","resourceType":"AWS::EC2::Instance","resourceId":"i-042dd005362091826","resourceName":null,"ARN":"arn:aws:ec2:us-east-1:123456789012:instance/i-042dd005362091826","awsRegion":"us-east-1","availabilityZone":"us-east-1e","configurationStateMd5Hash":"","resourceCreationTime":"2023-04-27T14:57:16.000Z"},"notificationCreationTime":"2023-04-27T15:03:13.332Z","messageType":"ConfigurationItemChangeNotification","recordVersion":"1.3"}',
  ruleParameters: '{"desiredInstanceType": "t2.micro"}',
  resultToken:
    'eyJlbmNyeXB0ZWREYXRhIjpbLTQxLDEsLTU3LC0zMCwtMTIxLDUzLDUyLDQ1XSwibWF0ZXJpYWxTZXRTZXJpYWxOdW1iZXIiOjEsIml2UGFyYW1ldGVyU3BlYyI6eyJpdiI6Wy05NSwzMiwxMDgsOTFdfX0=',
  eventLeftScope: false,
  executionRoleArn: 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
  configRuleArn: 'arn:aws:config:us-east-1:123456789012:config-rule/config-rule-i9y8j9',
  configRuleName: 'MyRule',
  configRuleId: 'config-rule-i9y8j9',
  accountId: '123456789012',
  evaluationMode: 'DETECTIVE',
};

/** Signed bytes as Java prints them, which is how Config's result token serialises its ciphertext. */
function signedBytes(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.int(256) - 128);
}

/** The default invoking event of each message type, stamped a couple of seconds before `now` as Config records it. */
function defaultInvokingEvent(messageType: ConfigMessageType, random: Random, now: number): ConfigItemChangeInvokingEvent | ConfigOversizedInvokingEvent | ConfigScheduledInvokingEvent {
  const recordVersion = messageType === 'ConfigurationItemChangeNotification' ? '1.3' : '1.0';
  if (messageType === 'ScheduledNotification') {
    return { awsAccountId: DEFAULT_ACCOUNT, notificationCreationTime: isoTime(now), messageType, recordVersion };
  }
  const instanceId = `i-${random.hex(17)}`;
  const captured = now - 1_696;
  const summary: ConfigItemSummary = {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: isoTime(captured),
    configurationStateId: captured,
    awsAccountId: DEFAULT_ACCOUNT,
    configurationItemStatus: 'OK',
    resourceType: 'AWS::EC2::Instance',
    resourceId: instanceId,
    resourceName: null,
    ARN: `arn:aws:ec2:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:instance/${instanceId}`,
    awsRegion: DEFAULT_REGION,
    availabilityZone: `${DEFAULT_REGION}a`,
    configurationStateMd5Hash: '',
    resourceCreationTime: isoTime(now - 355_000),
  };
  if (messageType === 'OversizedConfigurationItemChangeNotification') {
    return { configurationItemSummary: { changeType: 'UPDATE', ...summary }, messageType, notificationCreationTime: isoTime(now), recordVersion };
  }
  const vpcId = `vpc-${random.hex(8)}`;
  return {
    configurationItemDiff: {
      changedProperties: { 'Configuration.InstanceType': { previousValue: 't2.micro', updatedValue: 't2.medium', changeType: 'UPDATE' } },
      changeType: 'UPDATE',
    },
    configurationItem: {
      relatedEvents: [],
      relationships: [{ resourceId: vpcId, resourceName: null, resourceType: 'AWS::EC2::VPC', name: 'Is contained in Vpc' }],
      configuration: { instanceId, instanceType: 't2.medium', state: { code: 16, name: 'running' }, vpcId },
      supplementaryConfiguration: {},
      tags: {},
      ...summary,
    },
    notificationCreationTime: isoTime(now),
    messageType,
    recordVersion,
  };
}

/**
 * An AWS Config custom rule invocation (default: a configuration item change of an EC2 instance). The rule id,
 * instance id and `resultToken` (base64 of Config's `{ encryptedData, materialSetSerialNumber, ivParameterSpec }`)
 * are seeded, times come from `now`, and `configRuleArn` names `configRuleId` unless overridden.
 * @example
 * const e = events.configRule({ messageType: 'ScheduledNotification', ruleParameters: { maxAgeDays: 90 } });
 */
export function configRule(input: ConfigRuleInput = {}, options?: EventOptions): ConfigRuleEvent {
  const { random, now } = buildContext('config', options);
  const messageType = input.messageType ?? 'ConfigurationItemChangeNotification';
  const invoking = deepMerge<Readonly<Record<string, unknown>>>(
    defaultInvokingEvent(messageType, random.fork('invokingEvent'), now) as unknown as Readonly<Record<string, unknown>>,
    input.invokingEvent,
  );
  const configRuleId = `config-rule-${lowerAlnum(random, 6)}`;
  const token = { encryptedData: signedBytes(random, 48), materialSetSerialNumber: 1, ivParameterSpec: { iv: signedBytes(random, 16) } };
  const event: ConfigRuleEvent = {
    ...structuredClone(configRuleFixture),
    invokingEvent: JSON.stringify(invoking),
    ruleParameters: JSON.stringify(input.ruleParameters ?? { desiredInstanceType: 't2.micro' }),
    resultToken: Buffer.from(JSON.stringify(token)).toString('base64'),
    configRuleId,
    configRuleArn: `arn:aws:config:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:config-rule/${configRuleId}`,
  };
  const out = deepMerge<ConfigRuleEvent>(event, input.overrides);
  if (input.overrides?.configRuleId !== undefined && input.overrides.configRuleArn === undefined) {
    out.configRuleArn = `arn:aws:config:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:config-rule/${out.configRuleId}`;
  }
  return out;
}

const CONFIG_SAMPLES = [
  'powertools-lambda-python/awsConfigRuleConfigurationChanged.json',
  'powertools-lambda-python/awsConfigRuleOversizedConfiguration.json',
  'powertools-lambda-python/awsConfigRuleScheduled.json',
  'aws-lambda-go/config-event.json',
  'aws-lambda-rust-runtime/example-config-event.json',
  'aws-lambda-developer-guide/java-events__events__config-rule.json',
  'aws-sam-cli-rendered/config__item-change-notification.json',
  'aws-sam-cli-rendered/config__oversized-item-change-notification.json',
  'aws-sam-cli-rendered/config__periodic-rule.json',
];

/** SAM's rendered Config events are older payloads: no `evaluationMode`, SAM's rule names and parameters. */
const samConfig = (messageType: ConfigMessageType, configRuleName: string) => (o?: EventOptions) =>
  configRule({ messageType, ruleParameters: { myParameterKey: 'myParameterValue' }, overrides: { configRuleName, evaluationMode: undefined } }, o);

/** Registry entry of `configRule`, answering the three `config` SAM events. */
export const configRuleKind: EventKind = {
  id: 'config',
  factory: 'configRule',
  title: 'AWS Config custom rule (change-triggered / oversized / periodic)',
  type: '— (no @types/aws-lambda type): ConfigRuleEvent',
  build: (options) => configRule({}, options),
  samples: CONFIG_SAMPLES,
  examples: [
    { name: 'for an oversized item', build: (o) => configRule({ messageType: 'OversizedConfigurationItemChangeNotification' }, o) },
    { name: 'for a periodic rule', build: (o) => configRule({ messageType: 'ScheduledNotification', ruleParameters: { maxAgeDays: 90 } }, o) },
  ],
  sam: [
    { service: 'config', event: 'item-change-notification', build: samConfig('ConfigurationItemChangeNotification', 'change-triggered-config-rule') },
    { service: 'config', event: 'oversized-item-change-notification', build: samConfig('OversizedConfigurationItemChangeNotification', 'change-triggered-config-rule') },
    { service: 'config', event: 'periodic-rule', build: samConfig('ScheduledNotification', 'periodic-config-rule') },
  ],
  fixture: configRuleFixture,
};
