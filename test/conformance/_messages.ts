/**
 * Helpers of the replays that compare queue messages with recorded SQS messages (dead letters, destination records,
 * redriven messages).
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { QueueMessage } from '../../src/index.js';
import { expectRecorded, recorded, type Bindings } from './_recordings.js';

/** `json.dumps` of Python (boto's tests send their payloads this way): `", "` and `": "` separators. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** The legacy transformer replaced values of keys containing "timestamp" by the literal `timestamp`: SQS's are epoch ms. */
function normaliseTimestamps(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, /timestamp/i.test(k) && /^\d{13}$/.test(v) ? 'timestamp' : v]));
}

/** LocalStack's rule for snapshot strings: one starting with `{` is parsed as JSON, if it parses; others stay text. */
export function parsedLikeLocalStack(text: string): unknown {
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** botocore's view of an in-memory queue message (`Attributes` only when the recorded test asked for them). */
export function receiveView(message: QueueMessage, withAttributes: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  if (withAttributes) view['Attributes'] = normaliseTimestamps({ ...message.attributes });
  view['Body'] = parsedLikeLocalStack(message.body);
  view['MD5OfBody'] = message.md5OfBody;
  // SQS returns message attributes (and their MD5) only when the message has some.
  if (Object.keys(message.messageAttributes).length > 0) {
    view['MD5OfMessageAttributes'] = message.md5OfMessageAttributes;
    view['MessageAttributes'] = message.messageAttributes;
  }
  view['MessageId'] = message.messageId;
  view['ReceiptHandle'] = message.receiptHandle;
  return view;
}

/**
 * Compares a queue message with a recorded SQS message: the body (AWS's key order) against `body` (default: the
 * recorded `Body`), then the envelope. `notCompared` names attributes left out on both sides (with the reason at the
 * call).
 */
export function expectRecordedMessage(
  message: QueueMessage,
  expected: Record<string, unknown>,
  options: { bindings: Bindings; body?: unknown; notCompared?: readonly string[] },
): void {
  const { Body: recordedBody, ...envelope } = expected;
  const { Body: actualBody, ...actualEnvelope } = receiveView(message, 'Attributes' in expected);
  if (envelope['Attributes'] !== undefined) {
    const attributes = { ...(envelope['Attributes'] as Record<string, unknown>) };
    const actualAttributes = { ...(actualEnvelope['Attributes'] as Record<string, unknown>) };
    // AWSTraceHeader: X-Ray tracing is not modelled by the in-memory queue.
    delete attributes['AWSTraceHeader'];
    for (const key of options.notCompared ?? []) {
      delete attributes[key];
      delete actualAttributes[key];
    }
    envelope['Attributes'] = attributes;
    actualEnvelope['Attributes'] = actualAttributes;
  }
  expectRecorded(actualBody, options.body ?? recordedBody, { bindings: options.bindings, ordered: true });
  expectRecorded(actualEnvelope, envelope, { bindings: options.bindings });
  // The placeholder of MD5OfBody stands for the MD5 of the body as delivered.
  expect(message.md5OfBody).toBe(md5(message.body));
}

/**
 * The recording's only message (`recorded(id, key)` holds a list of one), held against the queue's only message, with
 * placeholders bound consistently across the case and kept distinct (see expectDistinct).
 */
export function expectTheRecordedMessage(queue: { readonly messages: readonly QueueMessage[] }, id: string, key: string, bindings: Bindings): void {
  const [expected] = recorded<Record<string, unknown>[]>(id, key);
  expect(queue.messages).toHaveLength(1);
  expectRecordedMessage(queue.messages[0]!, expected!, { bindings });
  expectDistinct(bindings);
}

/**
 * Different numbers of one placeholder mean the values differed on AWS (reference replacement numbers each distinct
 * value): hold the replay to that too.
 */
export function expectDistinct(bindings: Bindings): void {
  const seen = new Map<string, string>();
  for (const [name, value] of bindings) {
    const family = /^<([a-z_-]+):\d+>$/.exec(name)?.[1];
    // The harness's SenderId is one fixed stand-in for Lambda's role session (AWS's differ per sending session).
    if (family === undefined || family === 'sender-id') continue;
    const other = seen.get(`${family}\n${value}`);
    if (other !== undefined) throw new Error(`${other} and ${name} stood for different values on AWS, but both are ${JSON.stringify(value)} here`);
    seen.set(`${family}\n${value}`, name);
  }
}
