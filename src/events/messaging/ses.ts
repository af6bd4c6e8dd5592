import type { SESEvent, SESEventRecord, SESReceipt, SESReceiptStatus } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { isoTime, randomString } from '../_internals/format.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_defaults.js';
import { mergeOwned } from './_merge.js';

/** The receipt rule action that delivered the message. */
export type SesActionInput =
  | { type: 'Lambda'; functionArn?: string; invocationType?: 'Event' | 'RequestResponse' }
  | { type: 'S3'; bucketName?: string; objectKey?: string; topicArn?: string }
  | { type: 'SNS'; topicArn?: string };

/** What `events.ses` takes: the mail as a sender writes it; SES's envelope and headers are derived. */
export interface SesInput {
  /** @defaultValue `'Jane Doe <janedoe@example.com>'` */
  from?: string;
  /** @defaultValue `['johndoe@example.com']` */
  to?: string[];
  /** @defaultValue `'Test Subject'` */
  subject?: string;
  /** @defaultValue `{ type: 'Lambda' }` (an asynchronous Lambda action) */
  action?: SesActionInput;
  /** Spam, virus, SPF, DKIM and DMARC verdicts. @defaultValue all `'PASS'` */
  verdict?: SESReceiptStatus['status'];
  /** Verbatim deep-partial overrides of the record, applied last. */
  overrides?: DeepPartial<SESEventRecord>;
}

/**
 * The canonical base of `ses`, from powertools-lambda-typescript/parser__ses__base.json. Equal to `fixtures/events/ses.json`.
 */
export const sesFixture: SESEvent = {
  Records: [
    {
      eventVersion: '1.0',
      ses: {
        mail: {
          commonHeaders: {
            from: ['Jane Doe <janedoe@example.com>'],
            to: ['johndoe@example.com'],
            returnPath: 'janedoe@example.com',
            messageId: '<0123456789example.com>',
            date: 'Wed, 7 Oct 2015 12:34:56 -0700',
            subject: 'Test Subject',
          },
          source: 'janedoe@example.com',
          timestamp: '1970-01-01T00:00:00.000Z',
          destination: ['johndoe@example.com'],
          headers: [
            { name: 'Return-Path', value: '<janedoe@example.com>' },
            { name: 'Received', value: 'from mailer.example.com (mailer.example.com [203.0.113.1]) by ...' },
            { name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=example; ...' },
            { name: 'MIME-Version', value: '1.0' },
            { name: 'From', value: 'Jane Doe <janedoe@example.com>' },
            { name: 'Date', value: 'Wed, 7 Oct 2015 12:34:56 -0700' },
            { name: 'Message-ID', value: '<0123456789example.com>' },
            { name: 'Subject', value: 'Test Subject' },
            { name: 'To', value: 'johndoe@example.com' },
            { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
          ],
          headersTruncated: false,
          messageId: 'o3vrnil0e2ic28tr',
        },
        receipt: {
          recipients: ['johndoe@example.com'],
          timestamp: '1970-01-01T00:00:00.000Z',
          spamVerdict: { status: 'PASS' },
          dkimVerdict: { status: 'PASS' },
          dmarcPolicy: 'reject',
          processingTimeMillis: 574,
          action: { type: 'Lambda', invocationType: 'Event', functionArn: 'arn:aws:lambda:us-west-2:012345678912:function:Example' },
          dmarcVerdict: { status: 'PASS' },
          spfVerdict: { status: 'PASS' },
          virusVerdict: { status: 'PASS' },
        },
      },
      eventSource: 'aws:ses',
    },
  ],
};

/** The bare address of a `Name <address>` mailbox. */
const addressOf = (mailbox: string): string => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** RFC 5322 `Date:` header text in UTC, as mail clients write it (`Wed, 7 Oct 2015 12:34:56 +0000`). */
function mailDate(epochMs: number): string {
  const d = new Date(epochMs);
  const time = d.toISOString().slice(11, 19);
  return `${DAYS[d.getUTCDay()]!}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!} ${d.getUTCFullYear()} ${time} +0000`;
}

function receiptAction(action: SesActionInput, region: string): SESReceipt['action'] {
  switch (action.type) {
    case 'S3':
      return {
        type: 'S3',
        topicArn: action.topicArn ?? `arn:aws:sns:${region}:${DEFAULT_ACCOUNT}:example-topic`,
        bucketName: action.bucketName ?? 'my-mail-bucket',
        objectKey: action.objectKey ?? 'email',
      };
    case 'SNS':
      return { type: 'SNS', topicArn: action.topicArn ?? `arn:aws:sns:${region}:${DEFAULT_ACCOUNT}:example-topic` };
    default:
      return {
        type: 'Lambda',
        invocationType: action.invocationType ?? 'Event',
        functionArn: action.functionArn ?? `arn:aws:lambda:${region}:${DEFAULT_ACCOUNT}:function:my-function`,
      };
  }
}

/**
 * Builds the event an SES receipt rule sends when it receives mail. Write `from`, `to`, `subject`; SES's
 * `commonHeaders`, raw `headers`, `destination`, `recipients`, message ids and timestamps (from `now`) are derived.
 * @example
 * const event = events.ses({ from: 'Ada <ada@example.com>', to: ['orders@example.org'], subject: 'Order 42' });
 * event.Records[0]!.ses.mail.commonHeaders.subject; // 'Order 42'
 */
export function ses(input: SesInput = {}, options?: EventOptions): SESEvent {
  const { random, now } = buildContext('ses', options);
  const from = input.from ?? 'Jane Doe <janedoe@example.com>';
  const to = input.to ?? ['johndoe@example.com'];
  const subject = input.subject ?? 'Test Subject';
  const sender = addressOf(from);
  const verdict = input.verdict ?? 'PASS';
  const headerMessageId = `<${random.uuid().toUpperCase()}@${sender.split('@')[1] ?? 'example.com'}>`;
  const date = mailDate(now - 1000);
  const record: SESEventRecord = {
    eventVersion: '1.0',
    ses: {
      mail: {
        commonHeaders: { from: [from], to: [...to], returnPath: sender, messageId: headerMessageId, date, subject },
        source: sender,
        timestamp: isoTime(now),
        destination: [...to],
        headers: [
          { name: 'Return-Path', value: `<${sender}>` },
          { name: 'Received', value: `from mailer.example.com (mailer.example.com [203.0.113.1]) by inbound-smtp.${DEFAULT_REGION}.amazonaws.com` },
          { name: 'DKIM-Signature', value: `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${sender.split('@')[1] ?? 'example.com'}; s=example; ...` },
          { name: 'MIME-Version', value: '1.0' },
          { name: 'From', value: from },
          { name: 'Date', value: date },
          { name: 'Message-ID', value: headerMessageId },
          { name: 'Subject', value: subject },
          { name: 'To', value: to.join(', ') },
          { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
        ],
        headersTruncated: false,
        // SES message ids: 20 to 40 lowercase alphanumerics (the S3 object key of the stored mail).
        messageId: randomString(random, 28),
      },
      receipt: {
        recipients: to.map(addressOf),
        timestamp: isoTime(now),
        spamVerdict: { status: verdict },
        dkimVerdict: { status: verdict },
        dmarcPolicy: 'reject',
        processingTimeMillis: 200 + random.int(600),
        action: receiptAction(input.action ?? { type: 'Lambda' }, DEFAULT_REGION),
        dmarcVerdict: { status: verdict },
        spfVerdict: { status: verdict },
        virusVerdict: { status: verdict },
      },
    },
    eventSource: 'aws:ses',
  };
  return { Records: [mergeOwned<SESEventRecord>(record, input.overrides)] };
}

const LAMBDA_SAMPLES = [
  'powertools-lambda-typescript/parser__ses__base.json',
  'powertools-lambda-python/sesEvent.json',
  'aws-lambda-go/ses-lambda-event.json',
  'aws-lambda-rust-runtime/example-ses-lambda-event.json',
  'aws-sam-cli-rendered/ses__email-receiving.json',
];

/** Registry entry of SES email receiving. */
export const sesKind: EventKind = {
  id: 'ses',
  factory: 'ses',
  title: 'SES email receiving',
  type: 'SESEvent',
  build: (options) => ses({}, options),
  fixture: sesFixture,
  samples: LAMBDA_SAMPLES,
  examples: [
    { name: 'delivered by an S3 action', build: (o) => ses({ action: { type: 'S3' } }, o), samples: ['aws-lambda-go/ses-s3-event.json', 'aws-lambda-rust-runtime/example-ses-s3-event.json'] },
    { name: 'delivered by an SNS action', build: (o) => ses({ action: { type: 'SNS' } }, o), samples: ['aws-lambda-go/ses-sns-event.json', 'aws-lambda-rust-runtime/example-ses-sns-event.json'] },
  ],
  sam: [{ service: 'ses', event: 'email-receiving', build: (o) => ses({ action: { type: 'Lambda', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Example' } }, o) }],
};
