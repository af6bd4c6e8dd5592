import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';
import { createEventBus, createFunction, createQueue, createTopic, events } from '../../src/index.js';
import { trackedFunctions } from '../_support/functions.js';

const track = trackedFunctions();

interface Failure {
  message: string;
  actual: unknown;
  expected: unknown;
}
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Runs an assertion that must fail and returns what the runner would show: the message and the diff's sides. */
async function failureOf(assertion: () => unknown): Promise<Failure> {
  try {
    await assertion();
  } catch (error) {
    const e = error as { message: string; actual?: unknown; expected?: unknown };
    return { message: plain(e.message), actual: e.actual, expected: e.expected };
  }
  throw new Error('the assertion passed but was expected to fail');
}

const ok = () => track(createFunction({ name: 'ok', handler: async (e: { n: number }) => ({ n: e.n + 1 }) }));
const broken = () =>
  track(
    createFunction({
      name: 'broken',
      handler: async () => {
        throw new TypeError('Assignment to constant variable.');
      },
    }),
  );
const slow = () => track(createFunction({ name: 'slow', timeout: 3, handler: () => new Promise((r) => setTimeout(r, 60_000)) }));

describe('toSucceed', () => {
  it('passes for a successful invocation and fails for a failed one, naming the error', async () => {
    expect(await ok().invoke({ n: 1 })).toSucceed();
    const failure = await failureOf(async () => expect(await broken().invoke({})).toSucceed());
    expect(failure.message).toContain('Expected the invocation to succeed, but it failed (error) with "TypeError: Assignment to constant variable."');
    expect(failure).toMatchObject({ actual: 'error', expected: 'success' });
  });

  it('inverts under .not with a message that shows the payload', async () => {
    expect(await broken().invoke({})).not.toSucceed();
    const failure = await failureOf(async () => expect(await ok().invoke({ n: 1 })).not.toSucceed());
    expect(failure.message).toContain('Expected the invocation not to succeed, but it succeeded with {"n":2}');
  });

  it('throws a usage error naming the fix when given a promise instead of a result', async () => {
    const fn = ok();
    const pending = fn.invoke({ n: 1 });
    expect(() => expect(pending).toSucceed()).toThrow('received a Promise (did you forget `await`?)');
    await pending;
  });
});

describe('toSucceedWith', () => {
  it('passes on deep equality, asymmetric matchers included', async () => {
    const result = await ok().invoke({ n: 1 });
    expect(result).toSucceedWith({ n: 2 });
    expect(result).toSucceedWith({ n: expect.any(Number) });
    expect(result).toSucceedWith(expect.objectContaining({ n: 2 }));
  });

  it('fails with both payloads as actual and expected, so the runner renders a diff', async () => {
    const failure = await failureOf(async () => expect(await ok().invoke({ n: 1 })).toSucceedWith({ n: 3 }));
    expect(failure.message).toMatch(/Expected payload: .*"n": 3.*\nReceived payload: .*"n": 2/s);
    expect(failure).toMatchObject({ actual: { n: 2 }, expected: { n: 3 } });
  });

  it('fails for a failed invocation, naming its error', async () => {
    const failure = await failureOf(async () => expect(await broken().invoke({})).toSucceedWith({ n: 2 }));
    expect(failure.message).toContain('Expected the invocation to succeed with {"n":2}, but it failed (error) with "TypeError: Assignment to constant variable."');
    expect(failure.actual).toMatchObject({ errorType: 'TypeError' });
  });

  it('inverts under .not', async () => {
    const result = await ok().invoke({ n: 1 });
    expect(result).not.toSucceedWith({ n: 3 });
    const failure = await failureOf(() => expect(result).not.toSucceedWith({ n: 2 }));
    expect(failure.message).toContain('Expected the invocation not to succeed with {"n":2}, but it did');
  });
});

describe('toFailWith', () => {
  it('passes on the error type alone, with an exact message, an asymmetric matcher or a RegExp', async () => {
    const result = await broken().invoke({});
    expect(result).toFailWith('TypeError');
    expect(result).toFailWith('TypeError', 'Assignment to constant variable.');
    expect(result).toFailWith('TypeError', expect.stringContaining('constant'));
    expect(result).toFailWith('TypeError', /constant variable/);
  });

  it('fails on another type or message, showing both', async () => {
    const result = await broken().invoke({});
    const failure = await failureOf(() => expect(result).toFailWith('RangeError', /too big/));
    expect(failure.message).toContain('Expected the invocation to fail with {"errorType":"RangeError","errorMessage":"/too big/"}');
    expect(failure.message).toContain('Received: it failed (error) with "TypeError: Assignment to constant variable."');
    expect(failure).toMatchObject({ actual: { errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' } });
  });

  it('fails for a success and inverts under .not', async () => {
    const success = await ok().invoke({ n: 1 });
    const failure = await failureOf(() => expect(success).toFailWith('TypeError'));
    expect(failure.message).toContain('Received: it succeeded with {"n":2}');
    expect(success).not.toFailWith('TypeError');
    const inverted = await failureOf(async () => expect(await broken().invoke({})).not.toFailWith('TypeError'));
    expect(inverted.message).toContain('Expected the invocation not to fail with {"errorType":"TypeError"}');
  });
});

describe('toTimeOut', () => {
  it('passes for a timeout on the virtual clock and fails for anything else', async () => {
    expect(await slow().invoke({})).toTimeOut();
    const failure = await failureOf(async () => expect(await ok().invoke({ n: 1 })).toTimeOut());
    expect(failure.message).toContain('Expected the invocation to time out, but it succeeded with {"n":2}');
    expect(failure).toMatchObject({ actual: 'success', expected: 'timeout' });
  });

  it('inverts under .not', async () => {
    expect(await ok().invoke({ n: 1 })).not.toTimeOut();
    const failure = await failureOf(async () => expect(await slow().invoke({})).not.toTimeOut());
    expect(failure.message).toMatch(/Expected the invocation not to time out, but it failed \(timeout\) with "Sandbox.Timedout: .*3\.00 seconds"/);
  });
});

describe('toBeColdStart and toBeWarmStart', () => {
  it('tell the first invoke of an environment from the next', async () => {
    const fn = ok();
    const first = await fn.invoke({ n: 1 });
    const second = await fn.invoke({ n: 1 });
    expect(first).toBeColdStart();
    expect(first).not.toBeWarmStart();
    expect(second).toBeWarmStart();
    expect(second).not.toBeColdStart();
    expect((await failureOf(() => expect(second).toBeColdStart())).message).toContain('Expected a cold start, but it was warm');
    expect((await failureOf(() => expect(first).toBeWarmStart())).message).toContain('Expected a warm start, but it was cold');
    expect((await failureOf(() => expect(first).not.toBeColdStart())).message).toContain('Expected a warm start, but it was cold');
  });

  it('read an asynchronous attempt too', async () => {
    const fn = ok();
    await fn.invokeAsync({ n: 1 });
    await fn.drain();
    expect(fn.asyncEvents[0]!.attempts[0]).toBeColdStart();
  });
});

describe('toHaveBeenThrottled', () => {
  const busy = () =>
    track(createFunction({ name: 'busy', reservedConcurrency: 1, timeout: 30, handler: () => new Promise((r) => setTimeout(() => r('done'), 1_000)) }));

  it('passes for the rejection of a throttled synchronous invoke, and fails for a run one', async () => {
    const fn = busy();
    const first = fn.invoke({});
    await expect(fn.invoke({})).rejects.toHaveBeenThrottled();
    const result = await first;
    expect(result).not.toHaveBeenThrottled();
    const failure = await failureOf(() => expect(result).toHaveBeenThrottled());
    expect(failure.message).toContain('Expected a throttle, but the invocation ran and succeeded with "done" (a throttled synchronous invoke rejects: use `.rejects`)');
  });

  it('fails for another rejection, naming it, and inverts under .not', async () => {
    const failure = await failureOf(() => expect(new RangeError('nope')).toHaveBeenThrottled());
    expect(failure.message).toContain('Expected a throttle, but received "RangeError: nope"');
    const fn = busy();
    const first = fn.invoke({});
    const inverted = await failureOf(() => expect(fn.invoke({})).rejects.not.toHaveBeenThrottled());
    expect(inverted.message).toContain('Expected no throttle, but received "TooManyRequestsException: Rate Exceeded." (Reason ReservedFunctionConcurrentInvocationLimitExceeded)');
    await first;
  });

  it('reads the throttles of asynchronous events, on a record or on the whole function', async () => {
    const fn = busy();
    await Promise.all([fn.invokeAsync({ i: 1 }), fn.invokeAsync({ i: 2 })]);
    await fn.drain();
    const [first, second] = fn.asyncEvents;
    expect(fn).toHaveBeenThrottled();
    expect(first).not.toHaveBeenThrottled();
    expect(second).toHaveBeenThrottled();
    const failure = await failureOf(() => expect(first).toHaveBeenThrottled());
    expect(failure.message).toContain(`Expected a throttle of event ${first!.requestId}, but none of its 1 asynchronous event(s) was throttled`);
    const inverted = await failureOf(() => expect(fn).not.toHaveBeenThrottled());
    expect(inverted.message).toMatch(/Expected no throttle of function busy, but event .* was: \+0 s throttled, \+1 s success/);
  });

  it('asks for .rejects when given the promise itself', async () => {
    const fn = ok();
    const pending = fn.invoke({ n: 1 });
    expect(() => expect(pending).toHaveBeenThrottled()).toThrow('use `await expect(fn.invoke(event)).rejects.toHaveBeenThrottled()`');
    await pending;
  });
});

describe('toHaveAttempts, toLandInDeadLetterQueue and toHaveDestinationRecord', () => {
  const failing = async () => {
    throw new Error('boom');
  };

  it('count the attempts of a record, or of a function and a request id, and show the schedule on failure', async () => {
    const dlq = createQueue('dlq');
    const fn = track(createFunction({ name: 'orders', handler: failing, deadLetterQueue: dlq }));
    const { requestId } = await fn.invokeAsync({ id: 1 });
    await fn.drain();
    expect(fn.asyncEvents[0]).toHaveAttempts(3);
    expect(fn).toHaveAttempts(3, requestId);
    expect(fn).toHaveAttempts(3);
    expect(fn).not.toHaveAttempts(1, requestId);
    const failure = await failureOf(() => expect(fn).toHaveAttempts(1, requestId));
    expect(failure.message).toContain(`Expected event ${requestId} of function orders to have 1 attempt(s), received 3: +0 s error, +60 s error, +180 s error`);
    expect(failure).toMatchObject({ actual: 3, expected: 1 });
    const unknown = await failureOf(() => expect(fn).toHaveAttempts(3, 'no-such-id'));
    expect(unknown.message).toContain(`accepted no asynchronous event with request id no-such-id (known: ${requestId})`);
  });

  it('ask for a request id when a function has several events', async () => {
    const fn = ok();
    await fn.invokeAsync({ n: 1 });
    await fn.invokeAsync({ n: 2 });
    await fn.drain();
    expect(() => expect(fn).toHaveAttempts(1)).toThrow('function ok has 2 asynchronous events; pass the request id');
  });

  it('find the dead letter by fate, or by request id in a queue', async () => {
    const dlq = createQueue('dlq');
    const fn = track(createFunction({ name: 'orders', handler: failing, deadLetterQueue: dlq, maximumRetryAttempts: 0 }));
    const accepted = await fn.invokeAsync({ id: 1 });
    await fn.drain();
    expect(fn.asyncEvents[0]).toLandInDeadLetterQueue();
    expect(accepted).toLandInDeadLetterQueue(dlq);
    expect(accepted.requestId).toLandInDeadLetterQueue(dlq);
    expect('another-id').not.toLandInDeadLetterQueue(dlq);
    const failure = await failureOf(() => expect(accepted).not.toLandInDeadLetterQueue(dlq));
    expect(failure.message).toContain(`Expected dlq not to hold a dead letter with RequestID "${accepted.requestId}"; it holds ["${accepted.requestId}"]`);
  });

  it('report the fate of an event that did not land in the dead-letter queue', async () => {
    const fn = ok();
    await fn.invokeAsync({ n: 1 });
    await fn.drain();
    const record = fn.asyncEvents[0]!;
    expect(record).not.toLandInDeadLetterQueue();
    const failure = await failureOf(() => expect(record).toLandInDeadLetterQueue());
    expect(failure.message).toContain(`Expected event ${record.requestId} to land in the dead-letter queue; its fate is {"kind":"succeeded",`);
    expect(failure.message).toContain('"destination":false} after +0 s success');
  });

  it('find destination records by condition or by partial record, in a queue, a topic or a bus', async () => {
    const queue = createQueue('failures');
    const topic = createTopic('failures');
    const bus = createEventBus('default');
    const onQueue = track(createFunction({ name: 'a', handler: failing, maximumRetryAttempts: 0, destinations: { onFailure: queue } }));
    const onTopic = track(createFunction({ name: 'b', handler: failing, maximumRetryAttempts: 1, destinations: { onFailure: topic } }));
    const onBus = track(createFunction({ name: 'c', handler: async () => 'fine', destinations: { onSuccess: bus } }));
    const { requestId } = await onTopic.invokeAsync({ id: 2 });
    await Promise.all([onQueue.invokeAsync({ id: 1 }), onBus.invokeAsync({ id: 3 })]);
    await Promise.all([onQueue.drain(), onTopic.drain(), onBus.drain()]);
    expect(queue).toHaveDestinationRecord('RetriesExhausted');
    expect(topic).toHaveDestinationRecord({ requestContext: { requestId, approximateInvokeCount: 2 }, requestPayload: { id: 2 } });
    expect(bus).toHaveDestinationRecord({ responsePayload: 'fine', requestContext: expect.objectContaining({ condition: 'Success' }) });
    expect(queue).not.toHaveDestinationRecord('Success');
    const failure = await failureOf(() => expect(queue).toHaveDestinationRecord('EventAgeExceeded'));
    expect(failure.message).toContain('Expected failures to hold a destination record with condition "EventAgeExceeded"\nReceived 1 record(s): ["RetriesExhausted"]');
    expect(failure).toMatchObject({ actual: ['RetriesExhausted'], expected: ['EventAgeExceeded'] });
    const inverted = await failureOf(() => expect(queue).not.toHaveDestinationRecord('RetriesExhausted'));
    expect(inverted.message).toContain('Expected failures not to hold a destination record with condition "RetriesExhausted"');
  });

  it('throw a usage error for a value that is not a target', () => {
    expect(() => expect({}).toHaveDestinationRecord('Success')).toThrow('expected a queue, topic or event bus');
  });
});

describe('toHaveLogged', () => {
  const chatty = (logFormat: 'Text' | 'JSON' = 'Text') =>
    track(
      createFunction({
        name: 'chatty',
        logFormat,
        handler: async () => {
          console.log('processing order %d', 42);
          console.error('order 42 failed:\n  card declined');
          return 'done';
        },
      }),
    );

  it('finds text or a pattern anywhere in the logs, START/REPORT included', async () => {
    const result = await chatty().invoke({});
    expect(result).toHaveLogged('processing order 42');
    expect(result).toHaveLogged(/REPORT RequestId: [0-9a-f-]{36}/);
    expect(result).not.toHaveLogged('nothing like this');
    const failure = await failureOf(() => expect(result).toHaveLogged('shipped'));
    expect(failure.message).toContain('Expected the logs to contain "shipped"\nReceived:\n');
    expect(failure.message).toContain('INFO\tprocessing order 42');
  });

  it('filters by level, with multi-line messages kept whole, in the Text and the JSON log formats', async () => {
    for (const format of ['Text', 'JSON'] as const) {
      const result = await chatty(format).invoke({});
      expect(result).toHaveLogged('processing order 42', 'INFO');
      expect(result).toHaveLogged(/card declined/, 'ERROR');
      expect(result).toHaveLogged(result.requestId, 'ERROR');
      expect(result).not.toHaveLogged('processing order 42', 'ERROR');
      const failure = await failureOf(() => expect(result).toHaveLogged('processing', 'WARN'));
      expect(failure.message).toContain('Expected the logs to contain "processing" at level WARN\nReceived WARN records:\n(none)');
    }
  });
});

describe('toReportBatchItemFailures', () => {
  const event = events.sqs({ records: [{ body: 'ok' }, { body: 'poison' }, { body: 'poison' }] });
  const [, second, third] = event.Records;
  const batch = () =>
    track(
      createFunction({
        name: 'batch',
        handler: async (e: typeof event) => events.sqsBatchResponse(e.Records.filter((r) => r.body === 'poison')),
      }),
    );

  it('passes for exactly the failed ids in any order, given as ids or records', async () => {
    const result = await batch().invoke(event);
    expect(result).toReportBatchItemFailures([third!.messageId, second!.messageId]);
    expect(result).toReportBatchItemFailures([second!, third!]);
    expect(result).not.toReportBatchItemFailures([second!.messageId]);
    expect({ batchItemFailures: [] }).toReportBatchItemFailures([]);
    expect(null).toReportBatchItemFailures([]);
  });

  it('fails with both id lists, sorted, as actual and expected', async () => {
    const result = await batch().invoke(event);
    const failure = await failureOf(() => expect(result).toReportBatchItemFailures([second!.messageId]));
    expect(failure.message).toContain(`Expected the batch item failures to be ["${second!.messageId}"]`);
    expect(failure).toMatchObject({ actual: [second!.messageId, third!.messageId].sort(), expected: [second!.messageId] });
    const inverted = await failureOf(() => expect(result).not.toReportBatchItemFailures([second!, third!]));
    expect(inverted.message).toContain('Expected the batch item failures not to be');
  });

  it('fails for a failed invocation or a malformed response, saying what AWS does then', async () => {
    const thrown = await failureOf(async () => expect(await broken().invoke({})).toReportBatchItemFailures([]));
    expect(thrown.message).toContain('but the invocation failed (error) with "TypeError: Assignment to constant variable." (Lambda retries the whole batch)');
    const malformed = await failureOf(() => expect({ batchItemFailures: [{ id: 'x' }] }).toReportBatchItemFailures([]));
    expect(malformed.message).toContain('(AWS treats a malformed response as a failure of the whole batch)');
  });
});
