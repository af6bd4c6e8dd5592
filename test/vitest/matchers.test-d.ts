import { describe, expect, expectTypeOf, it } from 'vitest';
import '../../src/vitest/index.js';
import { createFunction, createQueue, type InvocationResult } from '../../src/index.js';
import { matchers, type LambdaMatchers, type PayloadOf } from '../../src/vitest/index.js';

describe('the vitest augmentation', () => {
  it('puts every matcher on expect(value), returning what vitest’s own matchers return', () => {
    const fn = createFunction({ handler: async (e: { n: number }) => ({ n: e.n + 1 }) });
    const result = {} as InvocationResult<{ n: number }>;
    expectTypeOf(expect(result).toSucceed).toBeFunction();
    expect(result).toSucceedWith({ n: 2 });
    expect(result).toSucceedWith({ n: expect.any(Number) });
    expect(result).toFailWith('TypeError', /constant/);
    expect(result).not.toTimeOut();
    expect(result).toHaveLogged('text', 'ERROR');
    expect(fn).toHaveAttempts(3, 'request-id');
    expect(fn.asyncEvents[0]).toLandInDeadLetterQueue(createQueue('dlq'));
    expect(createQueue('q')).toHaveDestinationRecord('RetriesExhausted');
    expect(createQueue('q')).toHaveDestinationRecord({ requestContext: { approximateInvokeCount: 3 } });
    expect(result).toReportBatchItemFailures(['id', { messageId: 'other' }]);
  });

  it('types the payload of toSucceedWith from the result, and leaves it open when unknown', () => {
    const result = {} as InvocationResult<{ n: number }>;
    // @ts-expect-error the handler returns { n: number }, so a string payload can never match
    expect(result).toSucceedWith('two');
    expect({} as unknown).toSucceedWith('anything');
    expectTypeOf<PayloadOf<InvocationResult<{ n: number }>>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<PayloadOf<Promise<InvocationResult<string>>>>().toEqualTypeOf<string>();
    expectTypeOf<PayloadOf<number>>().toEqualTypeOf<unknown>();
  });

  it('rejects arguments of the wrong kind', () => {
    const result = {} as InvocationResult;
    // @ts-expect-error a log level is one of Lambda's six, in capitals
    expect(result).toHaveLogged('text', 'info');
    // @ts-expect-error the condition is one of Lambda's four
    expect(createQueue('q')).toHaveDestinationRecord('Failure');
    // @ts-expect-error attempts are counted with a number
    expect(result).toHaveAttempts('3');
  });

  it('exports the matchers as plain functions for any runner’s expect.extend', () => {
    expectTypeOf(matchers).toHaveProperty('toSucceedWith');
    expectTypeOf<keyof typeof matchers>().toEqualTypeOf<keyof LambdaMatchers>();
  });
});
