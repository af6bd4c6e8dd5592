/**
 * Recorded partial batch responses (`ReportBatchItemFailures`): which handler results AWS took as full success and
 * which as a failure of the whole batch, held against `toReportBatchItemFailures`.
 */
import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';
import { createFunction, events, type LambdaFunction } from '../../src/index.js';
import { trackedFunctions } from '../_support/functions.js';
import { recorded, recording } from './_recordings.js';

const track = trackedFunctions();

/** A function answering `value` to any batch. */
const answering = (value: unknown): LambdaFunction => track(createFunction({ handler: async () => value }) as LambdaFunction);

describe('partial batch responses, as recorded on AWS', () => {
  const semantics = recording('kinesis-batch-response-semantics').request as {
    returnValuesSuccess: Record<string, unknown>;
    returnValuesFailure: Record<string, unknown>;
  };
  const outcomes = recorded<{ successScenarios: Record<string, { invocations: number }>; failureScenarios: Record<string, { condition: string }> }>(
    'kinesis-batch-response-semantics',
  );

  it.each(Object.entries(semantics.returnValuesSuccess))(
    'kinesis-batch-response-semantics: takes the result %j (%j) as every record succeeding',
    async (scenario, value) => {
      expect(outcomes.successScenarios[scenario]?.invocations).toBe(1);
      const result = await answering(value).invoke(events.kinesis());
      expect(result).toReportBatchItemFailures([]);
    },
  );

  it.each(Object.entries(semantics.returnValuesFailure).filter(([, value]) => typeof value === 'object'))(
    'kinesis-batch-response-semantics: takes the result %j (%j) as a failure of the whole batch',
    async (scenario, value) => {
      expect(outcomes.failureScenarios[scenario]?.condition).toBe('RetryAttemptsExhausted');
      const event = events.kinesis();
      const result = await answering(value).invoke(event);
      const sequenceNumber = event.Records[0]!.kinesis.sequenceNumber;
      // Neither "no failures" nor "this record failed": Lambda retries the whole batch.
      expect(() => expect(result).toReportBatchItemFailures([])).toThrow(/failure of the whole batch/);
      expect(() => expect(result).toReportBatchItemFailures([sequenceNumber])).toThrow(/failure of the whole batch/);
    },
  );

  it('sqs-batch-response-empty-object: takes {} from an SQS handler as full success', async () => {
    const result = await answering(recorded('sqs-batch-response-empty-object', 'attempt1', 'result')).invoke(events.sqs());
    expect(result).toReportBatchItemFailures([]);
  });

  it('sqs-batch-response-invalid-item: takes an entry without itemIdentifier as a failure of the whole batch', async () => {
    const event = events.sqs();
    const result = await answering(recorded('sqs-batch-response-invalid-item', 'attempt1', 'result')).invoke(event);
    expect(() => expect(result).toReportBatchItemFailures([event.Records[0]!.messageId])).toThrow(/failure of the whole batch/);
  });
});
