import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBucket, createClock, createEventBus, createFunction, createQueue, createTopic, LambdaServiceError, type LambdaFunction } from '../../src/index.js';
import { trackedFunctions } from '../_support/functions.js';

const track = trackedFunctions();
const failing = async (e: { message?: string; [key: string]: unknown }) => {
  throw new Error(e.message ?? 'Test exception (this is intentional)');
};

describe('asynchronous invocation', () => {
  it('accepts with 202 and a request id, and runs the first attempt right away', async () => {
    const fn = track(createFunction({ handler: async (e: { n: number }) => e.n * 2 }));
    const accepted = await fn.invoke({ n: 2 }, { invocationType: 'Event' });
    expect(accepted).toEqual({ statusCode: 202, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const summary = await fn.drain();
    expect(summary).toMatchObject({ settled: 1, succeeded: 1, failed: 0, attempts: 1, virtualMs: 0 });
    expect(fn.invocations[0]?.requestId).toBe(accepted.requestId);
    expect(fn.invocations[0]?.payload).toBe(4);
  });

  it('gives every attempt the ARN as invoked and the tenant id, but no client context (sync only)', async () => {
    const fn = track(
      createFunction({
        name: 'tenants',
        logFormat: 'JSON',
        maximumRetryAttempts: 1,
        handler: async (_e: unknown, context: { invokedFunctionArn: string; tenantId?: string; clientContext?: unknown }) => {
          console.log('attempt');
          throw new Error(JSON.stringify([context.invokedFunctionArn, context.tenantId, context.clientContext ?? null]));
        },
      }),
    );
    fn.createAlias({ name: 'live', functionVersion: '$LATEST' });
    await fn.invoke({}, { invocationType: 'Event', qualifier: 'live', tenantId: 'blue', clientContext: { custom: { a: 1 } } as never });
    await fn.drain();
    expect(fn.invocations).toHaveLength(2);
    for (const r of fn.invocations) {
      expect(JSON.parse(r.error!.errorMessage)).toEqual([`${fn.arn}:live`, 'blue', null]);
      // Tenant-isolated invocations tag their JSON log records with the tenant.
      expect(r.logs).toContain('"tenantId":"blue"');
    }
  });

  it('lands a failing event in the DLQ after attempts at +0 s, +60 s and +180 s, with AWS’s message attributes', async () => {
    const dlq = createQueue('orders-dlq');
    const fn = track(createFunction({ name: 'orders', handler: failing, deadLetterQueue: dlq }));
    const { requestId } = await fn.invokeAsync({ raise_error: 1 });
    const wall = performance.now();
    const summary = await fn.drain();
    expect(performance.now() - wall).toBeLessThan(5_000);
    expect(summary).toMatchObject({ settled: 1, failed: 1, dropped: 0, attempts: 3, virtualMs: 180_000 });
    const [record] = fn.asyncEvents;
    expect(record!.attempts.map((a) => a.at - record!.acceptedAt)).toEqual([0, 60_000, 180_000]);
    expect(record!.fate).toMatchObject({ kind: 'failed', condition: 'RetriesExhausted', deadLettered: true });
    expect(fn.invocations.map((r) => r.requestId)).toEqual([requestId, requestId, requestId]);
    expect(dlq.messages).toHaveLength(1);
    const message = dlq.messages[0]!;
    expect(message.body).toBe('{"raise_error":1}');
    expect(message.md5OfBody).toBe(createHash('md5').update(message.body).digest('hex'));
    expect(message.messageAttributes).toEqual({
      RequestID: { DataType: 'String', StringValue: requestId },
      ErrorCode: { DataType: 'Number', StringValue: '200' },
      ErrorMessage: { DataType: 'String', StringValue: 'Test exception (this is intentional)' },
    });
  });

  it('sends destination records exactly as AWS does, to queues, topics and event buses', async () => {
    const failures = createQueue('failures');
    const successes = createTopic('successes');
    const fn = track(
      createFunction({
        name: 'dest',
        handler: async (e: { mode: string }) => {
          if (e.mode === 'failure') throw new Error('intentional failure!');
          return { hello: 'world' };
        },
        maximumRetryAttempts: 0,
        destinations: { onFailure: failures, onSuccess: successes },
      }),
    );
    const ok = await fn.invokeAsync({ mode: 'success' });
    const bad = await fn.invokeAsync({ mode: 'failure' });
    await fn.drain();
    const success = JSON.parse(successes.messages[0]!.Message);
    expect(success).toEqual({
      version: '1.0',
      timestamp: '2025-01-01T00:00:00.000Z',
      requestContext: { requestId: ok.requestId, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:dest:$LATEST', condition: 'Success', approximateInvokeCount: 1 },
      requestPayload: { mode: 'success' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { hello: 'world' },
    });
    expect(Object.keys(success)).toEqual(['version', 'timestamp', 'requestContext', 'requestPayload', 'responseContext', 'responsePayload']);
    const failure = failures.bodies[0] as Record<string, Record<string, unknown>>;
    expect(failure['requestContext']).toMatchObject({ requestId: bad.requestId, condition: 'RetriesExhausted', approximateInvokeCount: 1 });
    expect(failure['responseContext']).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(failure['responsePayload']).toMatchObject({ errorType: 'Error', errorMessage: 'intentional failure!' });

    const bus = createEventBus('bus');
    const viaBus = track(createFunction({ name: 'via-bus', handler: failing, maximumRetryAttempts: 0, destinations: { onFailure: bus } }));
    await viaBus.invokeAsync({});
    await viaBus.drain();
    expect(bus.events[0]).toMatchObject({
      source: 'lambda',
      'detail-type': 'Lambda Function Invocation Result - Failure',
      resources: [bus.arn, 'arn:aws:lambda:us-east-1:123456789012:function:via-bus:$LATEST'],
      detail: { requestContext: { condition: 'RetriesExhausted' } },
    });
  });

  it('writes a failure record to an S3 bucket under aws/lambda/async/<function>/ and the time, as AWS names it', async () => {
    const bucket = createBucket('failed-events');
    const fn = track(createFunction({ name: 'to-s3', handler: failing, maximumRetryAttempts: 0, destinations: { onFailure: bucket } }));
    const { requestId } = await fn.invokeAsync({ n: 1 });
    await fn.drain();
    const [object] = bucket.objects;
    const day = new Date(object!.lastModified).toISOString();
    expect(object!.key).toMatch(new RegExp(`^aws/lambda/async/to-s3/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 19).replace(/:/g, '\\.')}-[0-9a-f-]{36}$`));
    expect(JSON.parse(object!.body)).toMatchObject({ requestContext: { requestId, condition: 'RetriesExhausted' }, requestPayload: { n: 1 } });
    expect(fn.asyncEvents[0]!.fate).toMatchObject({ kind: 'failed', destination: true });
  });

  it('sends a success record to an event bus as recorded: the record is the detail, resources name bus and function', async () => {
    const bus = createEventBus('results');
    const fn = track(createFunction({ name: 'ok-bus', handler: async () => ({ hello: 'world' }), destinations: { onSuccess: bus } }));
    const { requestId } = await fn.invokeAsync({ mode: 'success' });
    await fn.drain();
    expect(bus.events).toHaveLength(1);
    const event = bus.events[0]!;
    expect(event).toMatchObject({
      version: '0',
      source: 'lambda',
      'detail-type': 'Lambda Function Invocation Result - Success',
      account: '123456789012',
      region: 'us-east-1',
      resources: [bus.arn, 'arn:aws:lambda:us-east-1:123456789012:function:ok-bus:$LATEST'],
    });
    expect(event.detail).toEqual({
      version: '1.0',
      timestamp: '2025-01-01T00:00:00.000Z',
      requestContext: { requestId, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ok-bus:$LATEST', condition: 'Success', approximateInvokeCount: 1 },
      requestPayload: { mode: 'success' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { hello: 'world' },
    });
  });

  it('dead-letters to an SNS topic too: the original event as the message, AWS’s attributes as SNS delivers them', async () => {
    const topic = createTopic('orders-dlq-topic');
    const fn = track(createFunction({ name: 'orders-sns', handler: failing, maximumRetryAttempts: 0, deadLetterQueue: topic }));
    const { requestId } = await fn.invokeAsync({ raise_error: 1 });
    await fn.drain();
    expect(topic.messages).toHaveLength(1);
    const message = topic.messages[0]!;
    expect(message.TopicArn).toBe(topic.arn);
    expect(message.Message).toBe('{"raise_error":1}');
    expect(message.MessageAttributes).toEqual({
      RequestID: { Type: 'String', Value: requestId },
      ErrorCode: { Type: 'Number', Value: '200' },
      ErrorMessage: { Type: 'String', Value: 'Test exception (this is intentional)' },
    });
  });

  it('delivers records to another simulated function as its (async) event', async () => {
    const seen: unknown[] = [];
    const auditor = track(createFunction({ name: 'auditor', handler: async (record: unknown) => {
      seen.push(record);
    } }));
    const fn = track(createFunction({ name: 'source', handler: async () => 'done', destinations: { onSuccess: auditor } }));
    await fn.invokeAsync({ a: 1 });
    await fn.clock.settle();
    await auditor.drain();
    expect(seen).toEqual([expect.objectContaining({ requestContext: expect.objectContaining({ condition: 'Success' }), responsePayload: 'done' })]);
  });

  it('applies the maximum event age as AWS does: 60 s → one attempt, 90 s → two, EventAgeExceeded', async () => {
    for (const [age, runs] of [[60, 1], [90, 2]] as const) {
      const q = createQueue(`age-${age}`);
      const fn = track(createFunction({ name: `age-${age}`, handler: failing, maximumEventAge: age, destinations: { onFailure: q } }));
      await fn.invokeAsync({});
      await fn.drain();
      const record = q.bodies[0] as { requestContext: { condition: string; approximateInvokeCount: number } };
      expect(record.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: runs });
      expect(fn.invocations).toHaveLength(runs);
    }
  });

  it('with reserved concurrency 0, accepts (202) and sends the event straight to failure handling', async () => {
    const q = createQueue('zero');
    const fn = track(createFunction({ name: 'zero', handler: async () => 'never', reservedConcurrency: 0, destinations: { onFailure: q } }));
    await expect(fn.invoke({})).rejects.toMatchObject({ name: 'TooManyRequestsException', statusCode: 429, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
    const accepted = await fn.invokeAsync(undefined);
    await fn.drain();
    expect(q.bodies[0]).toEqual({
      version: '1.0',
      timestamp: '2025-01-01T00:00:00.000Z',
      requestContext: { requestId: accepted.requestId, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:zero:$LATEST', condition: 'ZeroReservedConcurrency', approximateInvokeCount: 0 },
      requestPayload: {},
    });
    expect(fn.invocations).toHaveLength(0);
  });

  it('sends a retry to failure handling once reserved concurrency drops to 0, without the earlier attempt’s response', async () => {
    const q = createQueue('dropped-to-zero');
    // The first attempt fails and, meanwhile, the function's reserved concurrency is set to 0 (PutFunctionConcurrency).
    const fn: LambdaFunction = track(
      createFunction({
        name: 'to-zero',
        destinations: { onFailure: q },
        handler: async () => {
          fn.putFunctionConcurrency(0);
          throw new Error('fails');
        },
      }) as LambdaFunction,
    );
    await fn.invokeAsync({});
    await fn.drain();
    const record = q.bodies[0] as Record<string, unknown>;
    expect(record['requestContext']).toMatchObject({ condition: 'ZeroReservedConcurrency', approximateInvokeCount: 1 });
    expect(Object.keys(record)).toEqual(['version', 'timestamp', 'requestContext', 'requestPayload']);
  });

  it('throttles the 1,001st concurrent execution of the default account (1,000, with none reserved)', async () => {
    const fn = track(createFunction({ name: 'busy', timeout: 10, handler: async () => new Promise((resolve) => setTimeout(resolve, 1000)) }));
    const results = await Promise.allSettled(Array.from({ length: 1001 }, () => fn.invoke({})));
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as LambdaServiceError).reason)).toEqual(['ConcurrentInvocationLimitExceeded']);
  });

  it('retries throttled events with back-off without counting them as retries', async () => {
    const q = createQueue('throttled');
    const fn = track(
      createFunction({
        name: 'one-at-a-time',
        timeout: 30,
        reservedConcurrency: 1,
        maximumRetryAttempts: 0,
        destinations: { onSuccess: q },
        handler: async () => new Promise<string>((r) => setTimeout(() => r('ok'), 10_000)),
      }),
    );
    await Promise.all([fn.invokeAsync({ i: 1 }), fn.invokeAsync({ i: 2 }), fn.invokeAsync({ i: 3 })]);
    const summary = await fn.drain();
    expect(summary.succeeded).toBe(3);
    for (const record of fn.asyncEvents) {
      const ran = record.attempts.filter((a) => a.outcome !== 'throttled');
      expect(ran).toHaveLength(1);
      expect(record.fate.kind).toBe('succeeded');
    }
    expect(fn.asyncEvents.some((r) => r.attempts.some((a) => a.outcome === 'throttled'))).toBe(true);
    // Each throttle is retried after 1 s, 2 s, 4 s, ... (capped at 5 min), counted per event.
    for (const record of fn.asyncEvents) {
      const gaps = record.attempts.slice(1).map((a, k) => a.at - record.attempts[k]!.at);
      expect(gaps).toEqual(gaps.map((_, k) => Math.min(1000 * 2 ** k, 300_000)));
    }
    expect((q.bodies as { requestContext: { approximateInvokeCount: number } }[]).map((b) => b.requestContext.approximateInvokeCount)).toEqual([1, 1, 1]);
  });

  it('records a dropped event when neither a DLQ nor an on-failure destination exists', async () => {
    const fn = track(createFunction({ handler: failing, maximumRetryAttempts: 1 }));
    await fn.invokeAsync({});
    const summary = await fn.drain();
    expect(summary).toMatchObject({ failed: 1, dropped: 1, attempts: 2 });
    expect(fn.asyncEvents[0]!.fate).toMatchObject({ kind: 'failed', condition: 'RetriesExhausted', dropped: true, deadLettered: false });
  });

  it('delivers some events twice with duplicateDelivery, deterministically for a seed', async () => {
    const counts = async (seed: number) => {
      const fn = track(createFunction({ seed, handler: async () => 'ok', duplicateDelivery: { probability: 0.5 } }));
      for (let i = 0; i < 20; i++) await fn.invokeAsync({ i });
      await fn.drain();
      return fn.asyncEvents.map((r) => r.duplicate);
    };
    const a = await counts(3);
    expect(a.filter(Boolean).length).toBeGreaterThan(0);
    expect(a.length).toBeGreaterThan(20);
    expect(await counts(3)).toEqual(a);
  });

  it('rejects async payloads over 1 MB with AWS’s message, and never retries or dead-letters sync invokes', async () => {
    const dlq = createQueue('sync-dlq');
    const fn = track(createFunction({ handler: failing, deadLetterQueue: dlq }));
    const big = { data: 'x'.repeat(1_048_576) };
    const error = (await fn.invokeAsync(big).catch((e: unknown) => e)) as LambdaServiceError;
    expect(error.name).toBe('RequestEntityTooLargeException');
    expect(error.message).toBe(`${JSON.stringify(big).length} byte payload is too large for the Event invocation type (limit 1048576 bytes)`);
    const sync = await fn.invoke({});
    expect(sync.ok).toBe(false);
    await fn.clock.advance('10m');
    expect(fn.invocations).toHaveLength(1);
    expect(dlq.messages).toHaveLength(0);
  });

  it('steps through retries with clock.advance, sharing one clock between functions', async () => {
    const clock = createClock();
    const fn = track(createFunction({ handler: failing, clock }));
    await fn.invokeAsync({});
    await clock.advance('59s');
    expect(fn.invocations).toHaveLength(1);
    await clock.advance('1s');
    expect(fn.invocations).toHaveLength(2);
    await clock.advance('2m');
    expect(fn.invocations).toHaveLength(3);
    await clock.dispose();
  });

  it("rejects a function as its own destination with AWS's message", () => {
    const fn = track(createFunction({ name: 'self', handler: failing }));
    expect(() => createFunction({ name: 'self', handler: failing, destinations: { onFailure: fn } })).toThrow("You can't specify the function as a destination for itself.");
  });
});

describe('functions sharing a clock', () => {
  it('take turns starting their deliveries at one instant, in a deterministic order', async () => {
    const clock = createClock({ realTimeFlow: false });
    const order: string[] = [];
    // Handlers that wait: a delivery that finishes at once lets its function's next one start in the same turn.
    const handler = (name: string) => async (e: { i: number }) => {
      order.push(`${name}${e.i}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    };
    const a = track(createFunction({ name: 'a', clock, handler: handler('a') }));
    const b = track(createFunction({ name: 'b', clock, handler: handler('b') }));
    for (let i = 0; i < 3; i++) {
      await a.invokeAsync({ i });
      await b.invokeAsync({ i });
    }
    await clock.settle();
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
  });
});
