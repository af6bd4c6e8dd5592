import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { randomString } from '../_internals/format.js';
import { fromFixture } from './_internals/from-fixture.js';

/** An email address as WorkMail's message summary carries it. */
export interface WorkMailAddress {
  address: string;
}

/**
 * The message summary an Amazon WorkMail inbound or outbound email flow rule passes to its Lambda function
 * (synchronous or asynchronous run), as in aws-sam-cli-rendered/workmail__email.json.
 * @example
 * const e: WorkMailEvent = events.workMail({ flowDirection: 'OUTBOUND' });
 */
export interface WorkMailEvent {
  summaryVersion: string;
  envelope: { mailFrom: WorkMailAddress; recipients: WorkMailAddress[] };
  sender: WorkMailAddress;
  subject: string;
  /** The id to fetch the full message with the WorkMail Message Flow API (a UUID). */
  messageId: string;
  /** 32 digits, unique per rule invocation. */
  invocationId: string;
  flowDirection: 'INBOUND' | 'OUTBOUND';
  /** True when the summary was cut short (many recipients). */
  truncated: boolean;
}

/** The canonical base of `workMail`, from aws-sam-cli-rendered/workmail__email.json. */
export const workMailFixture: WorkMailEvent = {
  summaryVersion: '2018-10-10',
  envelope: {
    mailFrom: { address: 'from@example.com' },
    recipients: [{ address: 'recipient1@example.com' }, { address: 'recipient2@example.com' }],
  },
  sender: { address: 'sender@example.com' },
  subject: 'Hello From Amazon WorkMail!',
  messageId: '00000000-0000-0000-0000-000000000000',
  invocationId: '00000000000000000000000000000000',
  flowDirection: 'INBOUND',
  truncated: false,
};

/**
 * A WorkMail email flow rule invocation (default inbound) with a seeded `messageId` and `invocationId`.
 * `envelope.recipients` is replaced whole when given (arrays are not merged).
 * @example
 * const e = events.workMail({ subject: 'Invoice', envelope: { recipients: [{ address: 'billing@example.com' }] } });
 */
export function workMail(overrides?: DeepPartial<WorkMailEvent>, options?: EventOptions): WorkMailEvent {
  return fromFixture('workmail', workMailFixture, overrides, options, (base, { random }) => {
    base.messageId = random.uuid();
    // The only sample is SAM's all-zero placeholder, so the alphabet is unknown; decimal digits fit it and would
    // also be valid if AWS sends hex.
    base.invocationId = randomString(random, 32, '0123456789');
  });
}

/** Registry entry of `workMail`. */
export const workMailKind: EventKind = {
  id: 'workmail',
  factory: 'workMail',
  title: 'WorkMail inbound/outbound email flow rule',
  type: '— (no @types/aws-lambda type): WorkMailEvent',
  build: (options) => workMail({}, options),
  samples: ['aws-sam-cli-rendered/workmail__email.json'],
  examples: [{ name: 'for an outbound flow', build: (o) => workMail({ flowDirection: 'OUTBOUND' }, o) }],
  sam: [{ service: 'workmail', event: 'email' }],
  fixture: workMailFixture,
};
