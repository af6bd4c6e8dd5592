import type { SQSEvent } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { createEventSourceMapping, createFunction, createQueue, type SqsEventSourceMapping, type InvocationResult, type SqsBatch, type SqsDrainSummary } from '../../src/index.js';

describe('event source mapping types', () => {
  const fn = createFunction({ handler: async (event: SQSEvent) => event.Records.length });
  const queue = createQueue('orders');

  it('maps a queue to any function, with the options CreateEventSourceMapping names', () => {
    expectTypeOf(createEventSourceMapping(fn, queue, { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'], maximumConcurrency: 5 })).toEqualTypeOf<SqsEventSourceMapping>();
    // @ts-expect-error -- a typo in an option
    createEventSourceMapping(fn, queue, { batchsize: 10 });
    // @ts-expect-error -- only ReportBatchItemFailures exists
    createEventSourceMapping(fn, queue, { functionResponseTypes: ['Everything'] });
    // @ts-expect-error -- the source must be a queue
    createEventSourceMapping(fn, 'arn:aws:sqs:us-east-1:123456789012:orders');
  });

  it('narrows a batch’s fate by kind', () => {
    const batch = {} as SqsBatch;
    expectTypeOf(batch.event).toEqualTypeOf<SQSEvent>();
    expectTypeOf(batch.result).toEqualTypeOf<InvocationResult | undefined>();
    if (batch.fate.kind === 'partial') expectTypeOf(batch.fate.failed).toEqualTypeOf<readonly string[]>();
    if (batch.fate.kind === 'failed') expectTypeOf(batch.fate.reason).toEqualTypeOf<'function-error' | 'invalid-batch-response' | 'throttled' | 'service-error'>();
    expectTypeOf<ReturnType<SqsEventSourceMapping['drain']>>().toEqualTypeOf<Promise<SqsDrainSummary>>();
  });

  it('sends SendMessage’s options, and returns the message id', () => {
    expectTypeOf(queue.send({ orderId: 7 }, { messageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } }, delaySeconds: 5 })).toEqualTypeOf<string>();
    // @ts-expect-error -- SQS's attribute shape, not Lambda's record shape
    queue.send('x', { messageAttributes: { tenant: { dataType: 'String', stringValue: 'acme' } } });
  });
});
