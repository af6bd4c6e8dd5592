/**
 * Recorded SQS event source mappings (the `esm-sqs` area of the AWS recordings), replayed with an in-memory queue, a
 * mapping and a Node handler doing what the recorded Python one did. What is compared: the events the function
 * received (each record whole, in AWS's key order), their receive counts and receipt handles across redeliveries, when
 * redeliveries happen, what was deleted, and the dead-letter queue's messages as botocore's `ReceiveMessage` shows them.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createEventSourceMapping, createFunction, createQueue, type FunctionOptions, type LambdaFunction, type Queue, type SqsBatch } from '../../src/index.js';
import { trackedFunctions } from '../_support/functions.js';
import { expectDistinct, expectRecordedMessage, expectTheRecordedMessage, pythonJson } from './_messages.js';
import { expectRecorded, recorded, RECORDED_ACCOUNT, recording, type Bindings } from './_recordings.js';

const track = trackedFunctions();

function make(options: FunctionOptions<SQSEvent, unknown>): LambdaFunction {
  return track(createFunction({ accountId: RECORDED_ACCOUNT, ...options }) as unknown as LambdaFunction);
}

const queueIn = (name: string, options: Parameters<typeof createQueue>[1] = {}): Queue => createQueue(name, { accountId: RECORDED_ACCOUNT, ...options });

/**
 * A delivered record as the recordings show it: the snapshot replaced `SentTimestamp` and `SenderId` with literals,
 * so those are checked for form here and replaced the same way.
 */
function asRecorded(record: SQSRecord): Record<string, unknown> {
  expect(record.attributes.SentTimestamp).toMatch(/^\d{13}$/);
  expect(record.attributes.SenderId).toMatch(/^[A-Z0-9]{21}$/);
  return { ...record, attributes: { ...record.attributes, SentTimestamp: 'sent-timestamp', SenderId: 'sender-id' } };
}

/** What the recorded handler forwarded for each invocation: the error it raised (if any) and the event. */
function forwarded(batch: SqsBatch): Record<string, unknown> {
  const result = batch.result!;
  return { error: result.ok ? null : result.error.errorMessage, event: { Records: batch.event.Records.map(asRecorded) } };
}

/** The Python integration handler: fails while the body's fail_attempts is at least the message's receive count. */
const failWhileAttemptsLeft = async (event: SQSEvent): Promise<string> => {
  if (event.Records.length !== 1) throw new Error('expected exactly one record');
  const record = event.Records[0]!;
  const body = JSON.parse(record.body) as { fail_attempts: number };
  if (body.fail_attempts >= Number(record.attributes.ApproximateReceiveCount)) throw new Error('failed attempt');
  return 'ok';
};

describe('SQS event source mappings, as recorded on AWS', () => {
  it('sqs-esm-record-shape: delivers a sent message as AWS did: key order, attribute order and lists, md5OfMessageAttributes', async () => {
    const sent = recording('sqs-esm-record-shape').request as { messageBody: Record<string, unknown>; messageAttributes: Record<string, { DataType: 'String' | 'Number'; StringValue: string }> };
    const expected = recorded<{ Records: Record<string, unknown>[] }>('sqs-esm-record-shape', 'eventSeenByFunction');
    const queue = queueIn('records');
    const fn = make({ handler: failWhileAttemptsLeft });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    // Sent with the attributes in the recorded request's order (Title, Author, WeeksOn); AWS delivered another.
    queue.send(pythonJson(sent.messageBody), { messageAttributes: sent.messageAttributes });
    await mapping.drain();

    const [batch] = mapping.batches;
    const bindings: Bindings = new Map([['<queue-url:1>', sent.messageBody['destination'] as string]]);
    expectRecorded({ Records: batch!.event.Records.map(asRecorded) }, expected, { bindings, ordered: true });
    expect(batch!.fate).toEqual({ kind: 'succeeded' });
    expect(queue.messages).toEqual([]);
  });

  it('sqs-esm-retry-and-redrive: redelivers a failed message after the visibility timeout with the receive count up, then moves it to the DLQ', async () => {
    const id = 'sqs-esm-retry-and-redrive';
    const body = recording(id).request as { messageBody: Record<string, unknown> };
    const dlq = queueIn('redrive-dlq');
    const queue = queueIn('redrive', { visibilityTimeout: 5, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 2 } });
    const fn = make({ handler: failWhileAttemptsLeft, timeout: 5 });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    queue.send(pythonJson(body.messageBody));
    await mapping.drain();

    const bindings: Bindings = new Map([['<queue-url:1>', body.messageBody['destination'] as string]]);
    const [first, second] = mapping.batches;
    expect(mapping.batches).toHaveLength(2);
    expectRecorded(forwarded(first!), recorded(id, 'attempt1'), { bindings, ordered: true });
    expectRecorded(forwarded(second!), recorded(id, 'attempt2'), { bindings, ordered: true });
    // The retry comes only once the visibility timeout (5 s) has passed.
    expect(second!.at - first!.at).toBe(5000);
    expectTheRecordedMessage(dlq, id, 'dlqMessages', bindings);
    expect(queue.messages).toEqual([]);
  });

  it('sqs-partial-batch-failure: deletes what a FIFO batch did not report, redelivers the reported ones in order, and moves the last to the DLQ', async () => {
    const id = 'sqs-partial-batch-failure';
    const request = recording(id).request as { messages: { message: number; fail_attempts: number }[] };
    const dlq = queueIn('partial-dlq.fifo');
    const queue = queueIn('partial.fifo', { visibilityTimeout: 8, contentBasedDeduplication: true, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 2 } });
    const fn = make({
      timeout: 6,
      // The recorded handler: reports every record whose fail_attempts is at least its receive count.
      handler: async (event) => ({
        batchItemFailures: event.Records.filter((r) => (JSON.parse(r.body) as { fail_attempts: number }).fail_attempts >= Number(r.attributes.ApproximateReceiveCount)).map((r) => ({ itemIdentifier: r.messageId })),
      }),
    });
    // Sent before the mapping exists, all in group "1".
    for (const m of request.messages) queue.send(pythonJson(m), { messageGroupId: '1' });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 10, maximumBatchingWindowInSeconds: 0, functionResponseTypes: ['ReportBatchItemFailures'] });
    await mapping.drain();

    const summary = (batch: SqsBatch): Record<string, unknown> => ({
      records: batch.event.Records.map((r) => ({
        messageId: r.messageId,
        body: JSON.parse(r.body) as unknown,
        ApproximateReceiveCount: r.attributes.ApproximateReceiveCount,
        MessageGroupId: r.attributes.MessageGroupId,
        SequenceNumber: r.attributes.SequenceNumber,
      })),
      functionResult: batch.result!.payload,
    });
    const bindings: Bindings = new Map();
    expect(mapping.batches).toHaveLength(2);
    expectRecorded(summary(mapping.batches[0]!), recorded(id, 'invocation1'), { bindings });
    expectRecorded(summary(mapping.batches[1]!), recorded(id, 'invocation2'), { bindings });
    expect(mapping.batches[1]!.at - mapping.batches[0]!.at).toBe(8000);
    expectTheRecordedMessage(dlq, id, 'dlqMessages', bindings);
  });

  it('sqs-batch-response-invalid-item: fails the whole batch on an entry without itemIdentifier: redelivered, then dead-lettered', async () => {
    const id = 'sqs-batch-response-invalid-item';
    const body = recording(id).request as { messageBody: Record<string, unknown> };
    const response = recorded(id, 'attempt1', 'result');
    const dlq = queueIn('invalid-dlq');
    const queue = queueIn('invalid', { visibilityTimeout: 4, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 2 } });
    const fn = make({ handler: async () => response });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 10, maximumBatchingWindowInSeconds: 0, functionResponseTypes: ['ReportBatchItemFailures'] });
    queue.send(pythonJson(body.messageBody));
    await mapping.drain();

    const bindings: Bindings = new Map();
    const attempt = (batch: SqsBatch): Record<string, unknown> => ({ event: { Records: batch.event.Records.map(asRecorded) }, result: batch.result!.payload });
    expect(mapping.batches.map((b) => b.fate)).toEqual([
      { kind: 'failed', reason: 'invalid-batch-response' },
      { kind: 'failed', reason: 'invalid-batch-response' },
    ]);
    expectRecorded(attempt(mapping.batches[0]!), recorded(id, 'attempt1'), { bindings, ordered: true });
    expectRecorded(attempt(mapping.batches[1]!), recorded(id, 'attempt2'), { bindings, ordered: true });
    expectTheRecordedMessage(dlq, id, 'dlqMessages', bindings);
  });

  it('sqs-batch-response-empty-object: takes {} as full success: the message is deleted and the DLQ stays empty', async () => {
    const id = 'sqs-batch-response-empty-object';
    const body = recording(id).request as { messageBody: Record<string, unknown> };
    const dlq = queueIn('empty-dlq');
    const queue = queueIn('empty', { visibilityTimeout: 4, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 1 } });
    const fn = make({ handler: async () => recorded(id, 'attempt1', 'result') });
    const mapping = createEventSourceMapping(fn, queue, { functionResponseTypes: ['ReportBatchItemFailures'] });
    queue.send(pythonJson(body.messageBody));
    const summary = await mapping.drain();

    expectRecorded({ event: { Records: mapping.batches[0]!.event.Records.map(asRecorded) }, result: mapping.batches[0]!.result!.payload }, recorded(id, 'attempt1'), { ordered: true });
    expect(summary).toMatchObject({ batches: 1, deleted: 1, deadLettered: 0 });
    expect(dlq.messages).toEqual([]);
    expect(queue.messages).toEqual([]);
  });

  it('sqs-batch-function-error: fails the whole batch on a function error, despite ReportBatchItemFailures: both messages end in the DLQ', async () => {
    const id = 'sqs-batch-function-error';
    const dlq = queueIn('error-dlq');
    const queue = queueIn('error', { visibilityTimeout: 2, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 2 } });
    // The recorded handler parses every body (and refuses batches of more than one record); its timeout is the queue's
    // visibility timeout, as recorded.
    const fn = make({ handler: failWhileAttemptsLeft, timeout: 2 });
    queue.send('{not a json body');
    queue.send(pythonJson({ message: 2, fail_attempts: 0 }));
    const mapping = createEventSourceMapping(fn, queue, { functionResponseTypes: ['ReportBatchItemFailures'] });
    await mapping.drain();

    expect(mapping.batches.map((b) => [b.event.Records.length, b.fate])).toEqual([
      [2, { kind: 'failed', reason: 'function-error' }],
      [2, { kind: 'failed', reason: 'function-error' }],
    ]);
    const expected = recorded<Record<string, unknown>[]>(id, 'dlqMessages(sorted by MD5)');
    const bindings: Bindings = new Map();
    const byMd5 = [...dlq.messages].sort((a, b) => a.md5OfBody.localeCompare(b.md5OfBody));
    expect(byMd5).toHaveLength(2);
    byMd5.forEach((message, i) => expectRecordedMessage(message, expected[i]!, { bindings }));
    expectDistinct(bindings);
  });
});
