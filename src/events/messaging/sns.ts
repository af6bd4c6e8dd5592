import type { SNSEvent, SNSEventRecord, SNSMessageAttributes } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTime } from '../_internals/format.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, randomBase64, regionOfArn } from './_defaults.js';
import { mergeOwned } from './_merge.js';

/**
 * One SNS notification as a test writes it: the shorthands `message` (an object is JSON-encoded, as a publisher
 * would), `subject` and `messageAttributes` (plain values become `{ Type, Value }`), plus any field of
 * {@link SNSEventRecord} as a deep-partial override.
 */
export interface SnsRecordInput extends DeepPartial<SNSEventRecord> {
  /** The message body. Objects are JSON-encoded. @defaultValue `'Hello from SNS!'` */
  message?: string | object;
  /** The subject the publisher set. @defaultValue `'TestInvoke'`; pass `undefined` for none. */
  subject?: string;
  /** Attributes; a string is a `String` attribute, a number a `Number`, a `string[]` a `String.Array`. */
  messageAttributes?: Record<string, string | number | readonly string[] | { Type: string; Value: string }>;
}

/** What `events.sns` takes. */
export interface SnsEventInput {
  /** The notifications, in order. Default: one. Lambda receives one per invocation from SNS; more are allowed for tests. */
  records?: readonly SnsRecordInput[];
  /** Topic of every record that does not set `Sns.TopicArn`. */
  topicArn?: string;
}

/**
 * The canonical base of `sns`, curated from powertools-lambda-typescript/parser__sns__base.json (message
 * attributes emptied). Equal to `fixtures/events/sns.json`.
 */
export const snsFixture: SNSEvent = {
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-2:123456789012:ExampleTopic',
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: '2019-01-02T12:45:07.000Z',
        Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==',
        SigningCertUrl: 'https://sns.us-east-2.amazonaws.com/SimpleNotification',
        MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
        Message: 'Hello from SNS!',
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: 'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe',
        TopicArn: 'arn:aws:sns:us-east-2:123456789012:ExampleTopic',
        Subject: 'TestInvoke',
      },
    },
  ],
};

const DEFAULT_TOPIC_ARN = `arn:aws:sns:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:my-topic`;

function toAttributes(input: NonNullable<SnsRecordInput['messageAttributes']>): SNSMessageAttributes {
  const out: SNSMessageAttributes = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'string') out[name] = { Type: 'String', Value: value };
    else if (typeof value === 'number') out[name] = { Type: 'Number', Value: String(value) };
    else if (Array.isArray(value)) out[name] = { Type: 'String.Array', Value: JSON.stringify(value) };
    else out[name] = { ...(value as { Type: string; Value: string }) };
  }
  return out;
}

/** @internal Builds one SNS record; shared with the CloudWatch-alarm-via-SNS factory. */
export function buildSnsRecord(
  random: ReturnType<typeof buildContext>['random'],
  now: number,
  input: SnsRecordInput,
  defaultTopicArn: string,
): SNSEventRecord {
  const { message, subject, messageAttributes, ...overrides } = input;
  const topicArn = overrides.Sns?.TopicArn ?? defaultTopicArn;
  const region = regionOfArn(topicArn) ?? DEFAULT_REGION;
  const subscriptionArn = `${topicArn}:${random.uuid()}`;
  const base = snsFixture.Records[0]!;
  const record: SNSEventRecord = {
    EventSource: base.EventSource,
    EventVersion: base.EventVersion,
    EventSubscriptionArn: subscriptionArn,
    Sns: {
      Type: base.Sns.Type,
      MessageId: random.uuid(),
      TopicArn: topicArn,
      Message: message === undefined ? base.Sns.Message : typeof message === 'string' ? message : JSON.stringify(message),
      Timestamp: isoTime(now),
      SignatureVersion: base.Sns.SignatureVersion,
      // An RSA-2048 signature is 256 bytes: 344 base64 characters ending in '='.
      Signature: `${randomBase64(random, 342)}==`,
      SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${random.hex(32)}.pem`,
      UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
      MessageAttributes: messageAttributes === undefined ? {} : toAttributes(messageAttributes),
    },
  };
  // Every captured notification has a subject; an explicit `subject: undefined` builds one without.
  if (subject !== undefined) record.Sns.Subject = subject;
  else if (!('subject' in input)) record.Sns.Subject = base.Sns.Subject!;
  return mergeOwned<SNSEventRecord>(record, overrides);
}

/**
 * Builds an SNS event as Lambda receives it from a subscription: `MessageId`, `Timestamp`, the signature fields,
 * `SigningCertUrl`, `UnsubscribeUrl` and `EventSubscriptionArn` are filled consistently with the topic.
 * @example
 * const event = events.sns({ records: [{ message: { orderId: 1 }, subject: 'order', messageAttributes: { tenant: 'acme' } }] });
 * JSON.parse(event.Records[0]!.Sns.Message); // { orderId: 1 }
 */
export function sns(input: SnsEventInput = {}, options?: EventOptions): SNSEvent {
  const { random, now } = buildContext('sns', options);
  const records = input.records ?? [{}];
  return { Records: records.map((record) => buildSnsRecord(random, now, record, input.topicArn ?? DEFAULT_TOPIC_ARN)) };
}

/** Registry entry of SNS. */
export const snsKind: EventKind = {
  id: 'sns',
  factory: 'sns',
  title: 'SNS notification',
  type: 'SNSEvent',
  build: (options) => sns({}, options),
  fixture: snsFixture,
  samples: [
    'powertools-lambda-typescript/parser__sns__base.json',
    'powertools-lambda-python/snsEvent.json',
    'aws-lambda-go/sns-event.json',
    'aws-sam-cli-rendered/sns__notification.json',
  ],
  examples: [
    {
      name: 'with a JSON message and attributes',
      build: (options) => sns({ records: [{ message: { orderId: 1 }, messageAttributes: { tenant: 'acme', priority: 2 } }] }, options),
    },
  ],
  sam: [
    {
      service: 'sns',
      event: 'notification',
      build: (options) =>
        sns(
          {
            topicArn: 'arn:aws:sns:us-east-1:123456789012:ExampleTopic',
            records: [{ message: 'example message', subject: 'example subject', messageAttributes: { Test: 'TestString', TestBinary: { Type: 'Binary', Value: 'TestBinary' } } }],
          },
          options,
        ),
    },
  ],
};
