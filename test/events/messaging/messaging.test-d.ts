import type { DynamoDBStreamEvent, EventBridgeEvent, KinesisStreamEvent, S3Event, SNSEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { factories } from '../../../src/events/messaging/index.js';
import type { S3EventCorrected } from '../../../src/events/messaging/s3.js';

describe('messaging factory types', () => {
  it('return the @types/aws-lambda types, corrected where AWS disagrees', () => {
    expectTypeOf(factories.sqs()).toEqualTypeOf<SQSEvent>();
    expectTypeOf(factories.sqsFifo()).toEqualTypeOf<SQSEvent>();
    expectTypeOf(factories.sqsBatchResponse(['id'])).toEqualTypeOf<SQSBatchResponse>();
    expectTypeOf(factories.sns()).toEqualTypeOf<SNSEvent>();
    expectTypeOf(factories.s3()).toEqualTypeOf<S3Event>();
    expectTypeOf(factories.s3Delete()).toEqualTypeOf<S3EventCorrected>();
    expectTypeOf(factories.dynamoDbStream()).toEqualTypeOf<DynamoDBStreamEvent>();
    expectTypeOf(factories.kinesis()).toEqualTypeOf<KinesisStreamEvent>();
  });

  it('types EventBridge events by detail type and detail', () => {
    const event = factories.eventBridge<'X', { a: number }>({ detailType: 'X', detail: { a: 1 } });
    expectTypeOf(event).toEqualTypeOf<EventBridgeEvent<'X', { a: number }>>();
    expectTypeOf(event.detail.a).toBeNumber();
    // @ts-expect-error the detail must match the declared detail type
    factories.eventBridge<'X', { a: number }>({ detail: { a: 'one' } });
  });

  it('type-checks deep-partial record overrides', () => {
    factories.sqs({ records: [{ body: 'x', attributes: { ApproximateReceiveCount: '2' } }] });
    // @ts-expect-error SQS attributes are strings, as SQS sends them
    factories.sqs({ records: [{ attributes: { ApproximateReceiveCount: 2 } }] });
    // @ts-expect-error a DynamoDB image holds plain values, not functions
    factories.dynamoDbStream({ records: [{ newImage: { id: () => 1 } }] });
  });
});
