/**
 * Recorded concurrency, asynchronous-invocation and dead-letter behaviour (areas `concurrency`, `async-destinations`
 * and `dlq` of the AWS recordings), replayed through the real loopback server.
 *
 * Most of these cases were recorded with Python handlers. What is replayed is the Lambda *service*'s behaviour
 * (throttling, retries, records, dead letters); where a recording contains what the Python runtime itself produced
 * (an error payload `{errorMessage, errorType, requestId, stackTrace}`, a traceback in the logs), the Node runtime's
 * equivalent is compared instead and the comment says so.
 *
 * Queue messages are compared as botocore's `ReceiveMessage` returns them (PascalCase envelope, sorted; the `Body`
 * parsed, keeping AWS's key order). The in-memory queue does not model `AWSTraceHeader` (X-Ray), so that attribute is
 * left out of the comparison.
 *
 * The control-plane calls (PutFunctionConcurrency, PutProvisionedConcurrencyConfig, PublishVersion) are made on the
 * function (`fn.putFunctionConcurrency`, …): their own HTTP responses are not replayed.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createClock,
  createEventBus,
  createFunction,
  createQueue,
  InvalidParameterValueError,
  type FunctionOptions,
  type LambdaContext,
  type LambdaFunction,
} from '../../src/index.js';
import { expectDistinct, expectRecordedMessage, pythonJson } from './_messages.js';
import { expectRecorded, recorded, RECORDED_ACCOUNT, recording, replays, type Bindings } from './_recordings.js';
import { integration } from './_handlers.js';

const { serve, release } = replays();

/** Creates a function in the recordings' account, disposed after the test. */
function make<E, R>(options: FunctionOptions<E, R>): LambdaFunction {
  return release(createFunction({ accountId: RECORDED_ACCOUNT, ...options }) as unknown as LambdaFunction);
}

/** The Python handler's error payload, as recorded. */
interface PythonError {
  errorMessage: string;
  errorType: string;
}

/**
 * The error payload a Node handler throwing `new Error(message)` produces where the Python recording shows its
 * `Exception` (runtime-specific: Node reports `{errorType, errorMessage, trace}`, with no `requestId`; the trace
 * itself is not compared).
 */
function asNodeError(python: PythonError): Record<string, unknown> {
  return { errorType: python.errorType === 'Exception' ? 'Error' : python.errorType, errorMessage: python.errorMessage, trace: '<stack-trace>' };
}

/** A recorded invocation record whose `responsePayload` is the Python error, with the Node runtime's instead. */
function withNodeError(record: Record<string, unknown>): Record<string, unknown> {
  return { ...record, responsePayload: asNodeError(record['responsePayload'] as PythonError) };
}

/** The InvalidParameterValueException `createFunction` throws for `options` (fails the test if it accepts them). */
function creationError<E, R>(options: FunctionOptions<E, R>): { Code: string; Message: string } {
  try {
    make(options);
  } catch (error) {
    if (error instanceof InvalidParameterValueError) return { Code: error.exception, Message: error.message };
    throw error;
  }
  return expect.fail(`createFunction accepted ${JSON.stringify(options, (k, v: unknown) => (k === 'handler' || k === 'clock' ? undefined : v))}`);
}

/** The `Error` part of a recorded botocore error. */
function recordedError(id: string, key: string): { Code: string; Message: string } {
  return recorded<{ Code: string; Message: string }>(id, key, 'Error');
}

/** A handler that echoes its event (functions/lambda_echo.py). */
const echo = async (event: unknown): Promise<unknown> => event;

/** functions/lambda_echofail.py: prints the event and request id, then raises. */
const echofail = async (event: unknown, context: LambdaContext): Promise<never> => {
  console.log(JSON.stringify({ event, aws_request_id: context.awsRequestId }));
  throw new Error('intentional failure');
};

/**
 * A loopback stand-in for the SQS queue the notifier handler sends to (functions/lambda_notifier.py): it keeps every
 * notification and can hold the answer to the next one, which keeps that invocation busy in real time (virtual time
 * would otherwise jump over its sleep before the test's next HTTP request arrives).
 */
async function notifyQueue(): Promise<{
  url: string;
  notes: { request_id: string; timestamp: number }[];
  holdNext(): Promise<void>;
  release(): void;
}> {
  const notes: { request_id: string; timestamp: number }[] = [];
  let arrived: (() => void) | undefined;
  let held: ServerResponse | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      notes.push(JSON.parse(body) as { request_id: string; timestamp: number });
      if (arrived !== undefined) {
        held = res;
        const signal = arrived;
        arrived = undefined;
        signal();
      } else {
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const answerHeld = (): void => {
    held?.end('{}');
    held = undefined;
  };
  release({
    close: () =>
      new Promise<void>((resolve) => {
        answerHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    notes,
    holdNext: () => new Promise<void>((resolve) => (arrived = resolve)),
    release: answerHeld,
  };
}

describe('concurrency, as recorded on AWS', () => {
  it('reserved-zero-sync-429: PutFunctionConcurrency(0) answers 200, then a sync invoke is throttled with 429 and the recorded body', async () => {
    const id = 'reserved-zero-sync-429';
    const fn = make({ name: 'reserved-zero', timeout: 20, handler: async (event: unknown, context: LambdaContext) => ({ event, functionName: context.functionName }) });
    const server = await serve(fn);
    expectRecorded((await server.reserve(fn.name, 0)).view, recorded(id, 'putFunctionConcurrency'));
    const { view } = await server.invoke(fn.name, { Payload: '{}' });
    expectRecorded(view, recorded(id, 'exception'));
    expect(fn.invocations).toHaveLength(0);
  });

  it('reserved-zero-async-failure-destination: accepts an Event invoke with reserved concurrency 0 and sends a ZeroReservedConcurrency record without response to the on-failure queue', async () => {
    const id = 'reserved-zero-async-failure-destination';
    // PutFunctionEventInvokeConfig's response (putEventInvokeConfig) is not replayable: retries and destinations are
    // createFunction options.
    const failures = createQueue('zero-failures', { accountId: RECORDED_ACCOUNT });
    const fn = make({
      name: 'reserved-zero-async',
      reservedConcurrency: 0,
      maximumRetryAttempts: 0,
      destinations: { onFailure: failures },
      handler: async (event: unknown) => event,
    });
    const server = await serve(fn);
    const { view, requestId } = await server.invoke(fn.name, { InvocationType: 'Event' });
    expectRecorded(view, recorded(id, 'invoke'));
    await fn.drain();
    expect(failures.messages).toHaveLength(1);
    const bindings: Bindings = new Map([
      ['<function-name:1>', fn.name],
      ['<uuid:2>', requestId!],
    ]);
    expectRecordedMessage(failures.messages[0]!, recorded(id, 'onFailureSqsMessage'), { bindings });
    expectDistinct(bindings);
    // Never ran: no invocation, no attempt.
    expect(fn.invocations).toHaveLength(0);
    expect(fn.asyncEvents[0]?.attempts).toEqual([]);
  });

  it('reserved-equals-provisioned-blocks-latest: throttles $LATEST for good once provisioned concurrency on version 1 takes the reserved concurrency, while version 1 runs', async () => {
    const id = 'reserved-equals-provisioned-blocks-latest';
    const fn = make({ name: 'concurrency-block', handler: echo });
    const server = await serve(fn);
    const invoke = async (key: string, qualifier?: string): Promise<void> => {
      const options = { Payload: pythonJson(recording(id).request['payload']), ...(qualifier === undefined ? {} : { Qualifier: qualifier }) };
      expectRecorded((await server.invoke(fn.name, options)).view, recorded(id, key));
    };
    expect((await server.publish(fn.name)).view).toMatchObject({ httpStatus: 201, Version: '1' });
    expectRecorded((await server.reserve(fn.name, 1)).view, recorded(id, 'reserved'));
    await invoke('invokeLatestBefore');
    const put = await server.provision(fn.name, '1', 1);
    expectRecorded(put.view, recorded(id, 'putProvisioned'));
    await invoke('invokeLatestAfter');
    await invoke('invokeV1', '1');
    await invoke('invokeLatestAgain');
  });

  it('reserved-one-sync-throttled-async-queued: throttles a sync invoke with 429 while an async invoke holds reserved concurrency 1, queues a second async invoke (202), and runs both it and a sync invoke once reserved concurrency is raised to 3', async () => {
    const id = 'reserved-one-sync-throttled-async-queued';
    const queue = await notifyQueue();
    const fn = make({
      name: 'notifier',
      timeout: 30,
      handler: async (event: { notify: string; wait: number }, context: LambdaContext) => {
        await fetch(event.notify, { method: 'POST', body: JSON.stringify({ request_id: context.awsRequestId, timestamp: Date.now() / 1000 }) });
        await new Promise((resolve) => setTimeout(resolve, event.wait * 1000));
      },
    });
    const server = await serve(fn);
    const event = (wait: number): string => pythonJson({ notify: queue.url, wait });
    expectRecorded((await server.reserve(fn.name, 1)).view, recorded(id, 'putFunctionConcurrency'));

    const warmUp = await server.invoke(fn.name, { Payload: event(0) });
    expect(warmUp.view).toMatchObject({ httpStatus: 200, StatusCode: 200 });
    expect(warmUp.view.FunctionError).toBeUndefined();

    const running = queue.holdNext();
    const first = await server.invoke(fn.name, { InvocationType: 'Event', Payload: event(15) });
    await running; // async #1 is running (it has notified) and holds the one reserved execution
    const second = await server.invoke(fn.name, { InvocationType: 'Event', Payload: event(0) });
    // Accepted although concurrency is exhausted: async invokes never surface throttling to the caller.
    expect([first.view, second.view]).toEqual([
      { httpStatus: 202, StatusCode: 202, Payload: '' },
      { httpStatus: 202, StatusCode: 202, Payload: '' },
    ]);
    const sync = await server.invoke(fn.name, { Payload: event(0) });
    expectRecorded(sync.view, recorded(id, 'syncInvokeWhileAsyncRunning'));
    // Raised to 3 while async #1 still runs: a new sync invoke runs at once.
    expect((await server.reserve(fn.name, 3)).view).toEqual({ httpStatus: 200, ReservedConcurrentExecutions: 3 });
    expect((await server.invoke(fn.name, { Payload: event(0) })).view).toMatchObject({ httpStatus: 200, StatusCode: 200 });
    queue.release();
    await fn.drain();

    // Async #2 was retried internally and eventually ran.
    const [one, two] = fn.asyncEvents;
    expect(one?.attempts.map((a) => a.outcome)).toEqual(['success']);
    expect(two?.attempts.some((a) => a.outcome === 'throttled')).toBe(true);
    expect(two?.attempts.at(-1)?.outcome).toBe('success');
    expect(two?.fate.kind).toBe('succeeded');
    // The request id seen inside the function is the x-amzn-RequestId of the 202 response.
    const seen = queue.notes.map((n) => n.request_id);
    expect(seen).toContain(first.requestId);
    expect(seen).toContain(second.requestId);
  });

  it('provisioned-init-failure: answers the put IN_PROGRESS, serves invokes on-demand while the provisioned environment fails to initialise, then reports FAILED', async () => {
    // Not replayed: getImmediately's IN_PROGRESS (provisioning here takes no time: by the next request the init has
    // failed), AWS's six provisioning attempts, and the CloudWatch "[ERROR] Exception: ..." line (Python's).
    const id = 'provisioned-init-failure';
    const fn = make({
      name: 'provisioned-init-failure',
      handler: {
        init: () => {
          if (process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] === 'provisioned-concurrency') {
            throw new Error('Intentional failure upon provisioned concurrency initialization');
          }
          return async () => process.env['AWS_LAMBDA_INITIALIZATION_TYPE'];
        },
      },
    });
    const server = await serve(fn);
    const config = `/2019-09-30/functions/${fn.name}/provisioned-concurrency?Qualifier=1`;
    await server.publish(fn.name);
    expectRecorded((await server.send('PUT', config, recording(id).request['config'])).view, recorded(id, 'put'));
    for (let i = 0; i < 2; i++) {
      const { view } = await server.invoke(fn.name, { Qualifier: '1', Payload: '{}' });
      expect([view.ExecutedVersion, view.Payload]).toEqual(['1', '"on-demand"']);
    }
    expectRecorded((await server.send('GET', config)).view, recorded(id, 'getAfterWait'));
    // The provisioned environment was tried, failed its init and was dropped.
    expect(fn.environments.map((e) => [e.initializationType, e.state, e.endReason])[0]).toEqual(['provisioned-concurrency', 'shutdown', 'provisioning-failed']);
  });

  it('concurrency-config-errors: refuses reserved concurrency below the provisioned, throttles the unqualified invoke when they are equal, and refuses provisioned concurrency beyond the reserved, on either version', async () => {
    const id = 'concurrency-config-errors';
    const fn = make({ name: 'overlap', handler: async () => process.env['AWS_LAMBDA_INITIALIZATION_TYPE'] });
    const server = await serve(fn);
    await server.publish(fn.name);
    expect((await server.provision(fn.name, '1', 2)).view.httpStatus).toBe(202);
    expectRecorded((await server.reserve(fn.name, 1)).view, recorded(id, 'reservedLowerThanProvisioned'));
    expect((await server.reserve(fn.name, 2)).view.httpStatus).toBe(200);
    expectRecorded((await server.invoke(fn.name, { Payload: '{}' })).view, recorded(id, 'invokeUnqualifiedWhenReservedEqualsProvisioned'));
    // Version 1 runs on its provisioned environments.
    const v1 = await server.invoke(fn.name, { Qualifier: '1', Payload: '{}' });
    expect([v1.view.ExecutedVersion, v1.view.Payload]).toEqual(['1', '"provisioned-concurrency"']);
    fn.update({ environment: { CHANGED: 'yes' } });
    expect((await server.publish(fn.name)).view).toMatchObject({ httpStatus: 201, Version: '2' });
    expectRecorded((await server.provision(fn.name, '2', 1)).view, recorded(id, 'provisionedExceedsReserved_otherVersion'));
    expectRecorded((await server.provision(fn.name, '1', 3)).view, recorded(id, 'provisionedExceedsReserved_sameVersion'));
  });

  it('concurrency-config-errors: refuses PutFunctionConcurrency on a qualified ARN, and answers 404 for a function that does not exist', async () => {
    const id = 'concurrency-config-errors';
    const fn = make({ name: 'overlap', handler: echo });
    const server = await serve(fn);
    await server.publish(fn.name);
    expectRecorded((await server.reserve(`${fn.arn}:1`, 1)).view, recorded(id, 'putFunctionConcurrencyOnQualifiedArn (test_function_concurrency_exceptions)'));
    expectRecorded((await server.reserve('doesnotexist', 1)).view, recorded(id, 'putFunctionConcurrencyUnknownFunction'));
    expect(fn.invocations).toHaveLength(0);
  });

  it('concurrency-config-errors: rejects provisioned concurrency above the reserved concurrency at creation too', () => {
    const error = creationError({ name: 'overlap', reservedConcurrency: 2, provisionedConcurrency: 3, handler: echo });
    expectRecorded(error, recordedError('concurrency-config-errors', 'provisionedExceedsReserved_sameVersion'));
  });

  it('concurrency-config-errors: rejects reserved concurrency lower than the provisioned concurrency with InvalidParameterValueException', () => {
    const id = 'concurrency-config-errors';
    // Provisioned 2, then reserved 1 (reservedLowerThanProvisioned). createFunction sets both at once, and AWS words the
    // error after whichever was set last, so either recorded message is AWS's.
    const { Code, Message } = creationError({ name: 'overlap', reservedConcurrency: 1, provisionedConcurrency: 2, handler: echo });
    expect(Code).toBe(recordedError(id, 'reservedLowerThanProvisioned').Code);
    expect([recordedError(id, 'reservedLowerThanProvisioned').Message, recordedError(id, 'provisionedExceedsReserved_sameVersion').Message]).toContain(Message);
  });

  // An account of 1000 concurrent executions (the default), at least 100 of which must stay unreserved.
  it.each([
    ['reserved concurrency that leaves under 100 executions unreserved', { reservedConcurrency: 901 }, 'reservedLeavesTooLittleUnreserved'],
    ['reserved concurrency above the account limit', { reservedConcurrency: 1001 }, 'reservedAboveAccountLimit (test_function_concurrency_limits)'],
    ['provisioned concurrency that leaves under 100 executions unreserved', { provisionedConcurrency: 901 }, 'provisionedLeavesTooLittleUnreserved'],
    ['provisioned concurrency above the account’s unreserved concurrency', { provisionedConcurrency: 1001 }, 'provisionedAboveAccountUnreserved (test_provisioned_concurrency_limits)'],
  ] as const)('concurrency-config-errors: rejects %s with AWS’s message', (_what, settings, key) => {
    const clock = release(createClock({ accountConcurrency: 1000 }));
    const bindings: Bindings = new Map([
      ['<min_unreserved_concurrency>', '100'],
      ['<unreserved_concurrency>', '1000'],
    ]);
    const error = creationError({ name: 'too-much', clock, ...settings, handler: echo });
    expectRecorded(error, recordedError('concurrency-config-errors', key), { bindings });
  });

  it.each([
    ['reserved concurrency that leaves under 100 executions unreserved', 'reserved', 901, 'reservedLeavesTooLittleUnreserved'],
    ['reserved concurrency above the account limit', 'reserved', 1001, 'reservedAboveAccountLimit (test_function_concurrency_limits)'],
    ['provisioned concurrency that leaves under 100 executions unreserved', 'provisioned', 901, 'provisionedLeavesTooLittleUnreserved'],
    ['provisioned concurrency above the account’s unreserved concurrency', 'provisioned', 1001, 'provisionedAboveAccountUnreserved (test_provisioned_concurrency_limits)'],
  ] as const)('concurrency-config-errors: the API refuses %s with AWS’s status and body (no Type)', async (_what, setting, count, key) => {
    const fn = make({ name: 'too-much', clock: release(createClock({ accountConcurrency: 1000 })), handler: echo });
    const server = await serve(fn);
    await server.publish(fn.name);
    const { view } =
      setting === 'reserved'
        ? await server.reserve(fn.name, count)
        : await server.provision(fn.name, '1', count);
    const bindings: Bindings = new Map([
      ['<min_unreserved_concurrency>', '100'],
      ['<unreserved_concurrency>', '1000'],
    ]);
    expectRecorded(view, recorded('concurrency-config-errors', key), { bindings });
  });
});

describe('asynchronous invocation and destinations, as recorded on AWS', () => {
  it('async-queue-uses-updated-config: runs events queued before UpdateFunctionConfiguration with the new configuration', async () => {
    const id = 'async-queue-uses-updated-config';
    const written: string[] = [];
    let started!: () => void;
    const sleeping = new Promise<void>((resolve) => (started = resolve));
    const fn = make({
      name: 'updated',
      timeout: 30,
      reservedConcurrency: 1,
      environment: { FUNCTION_VARIANT: 'variant-1' },
      // The recorded handler writes the S3 object "<request_prefix>--<FUNCTION_VARIANT>", after sleeping if asked.
      handler: async (event: { request_prefix: string; sleep?: number }) => {
        if (event.sleep) {
          started();
          await new Promise((resolve) => setTimeout(resolve, event.sleep! * 1000));
        }
        written.push(`${event.request_prefix}--${process.env['FUNCTION_VARIANT']}`);
      },
    });
    // Called directly rather than over HTTP: the 22 virtual seconds of sleep would pass during the first round trip
    // (the function waits on nothing but a timer), where on AWS the test sent everything within them.
    const send = (prefix: string, sleep?: number) => fn.invokeAsync({ request_prefix: prefix, ...(sleep === undefined ? {} : { sleep }) });
    await send('01-sleep', 22);
    await sleeping; // holds the one reserved execution: the next events wait in the queue
    for (let i = 2; i <= 10; i++) await send(`${String(i).padStart(2, '0')}-before`);
    fn.update({ environment: { FUNCTION_VARIANT: 'variant-2' } });
    for (let i = 11; i <= 15; i++) await send(`${i}-after`);
    await fn.drain();
    // The running event finished with the configuration it started with (the recording forced this row to variant-1).
    expect(written.sort()).toEqual(recorded(id, 's3KeysSorted'));
  });

  /**
   * The destination recordings' setup: one queue as both destinations of the integration handler, an Event invoke
   * of `payload`, a drain, then the one record compared with the recorded message (`nodeError`: the recorded
   * Python error payload replaced by Node's).
   */
  async function replayDestination(id: string, settings: { maximumRetryAttempts?: number }, payload: string, nodeError: boolean): Promise<LambdaFunction> {
    const destination = createQueue('destination', { accountId: RECORDED_ACCOUNT });
    const fn = make({ name: 'destination-fn', ...settings, destinations: { onSuccess: destination, onFailure: destination }, handler: integration });
    const server = await serve(fn);
    const { requestId } = await server.invoke(fn.name, { InvocationType: 'Event', Payload: payload });
    await fn.drain();
    const expected = recorded<Record<string, unknown>[]>(id, 'sqsMessages');
    expect(destination.messages).toHaveLength(expected.length);
    const bindings: Bindings = new Map([
      ['<resource:2>', fn.name],
      ['<uuid:1>', requestId!],
      ['<log-stream-name:1>', fn.environments[0]!.logStreamName],
    ]);
    const message = expected[0]!;
    const body = nodeError ? withNodeError(message['Body'] as Record<string, unknown>) : undefined;
    expectRecordedMessage(destination.messages[0]!, message, body === undefined ? { bindings } : { bindings, body });
    expectDistinct(bindings);
    return fn;
  }

  it('dest-onsuccess-record: sends the Success record, with the parsed result, to the on-success queue', async () => {
    await replayDestination('dest-onsuccess-record', { maximumRetryAttempts: 0 }, '{}', false);
  });

  it('dest-onfailure-no-retries: sends a RetriesExhausted record after one attempt with MaximumRetryAttempts 0', async () => {
    const id = 'dest-onfailure-no-retries';
    const fn = await replayDestination(id, { maximumRetryAttempts: 0 }, pythonJson(recording(id).request['payload']), true);
    expect(fn.invocations).toHaveLength(1);
  });

  it('dest-onfailure-default-retries: sends a RetriesExhausted record with approximateInvokeCount 3 after the default two retries', async () => {
    // Destinations only, no retry setting: the default MaximumRetryAttempts applies. Not replayable: the
    // PutFunctionEventInvokeConfig response (putEventInvokeConfig).
    const id = 'dest-onfailure-default-retries';
    const fn = await replayDestination(id, {}, pythonJson(recording(id).request['payload']), true);
    expect(fn.invocations).toHaveLength(3);
  });

  it('async-retry-timing-and-record: retries a failing event 1 then 2 minutes later, in one environment under one request id, then sends the RetriesExhausted record', async () => {
    const id = 'async-retry-timing-and-record';
    const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
    const fn = make({ name: 'echofail', maximumRetryAttempts: 2, destinations: { onFailure: failures }, handler: echofail });
    const server = await serve(fn);
    const marker = 'msg-7f3c2a90';
    const { requestId } = await server.invoke(fn.name, { InvocationType: 'Event', Payload: pythonJson({ message: marker }) });
    await fn.drain();

    // Timing: 30.5 s after the invoke exactly 1 execution, at 91.5 s exactly 2, at 213.5 s exactly 3.
    const record = fn.asyncEvents[0]!;
    const startedBy = (seconds: number): number => record.attempts.filter((a) => a.at - record.acceptedAt <= seconds * 1000).length;
    expect([startedBy(30.5), startedBy(91.5), startedBy(213.5)]).toEqual([1, 2, 3]);
    expect(record.attempts).toHaveLength(3);
    // All three attempts in one environment (one log stream), each seeing the same aws_request_id.
    expect(new Set(record.attempts.map((a) => a.environmentId)).size).toBe(1);
    const printed = fn.invocations.map((r) => JSON.parse(/^.*\tINFO\t(\{.*\})$/m.exec(r.logs)![1]!) as { aws_request_id: string });
    expect(printed.map((p) => p.aws_request_id)).toEqual([requestId, requestId, requestId]);

    const expected = recorded<Record<string, unknown>[]>(id, 'sqsMessages(received twice, so ApproximateReceiveCount 2)');
    expect(failures.messages).toHaveLength(expected.length);
    const bindings: Bindings = new Map([
      ['<resource:1>', fn.name],
      ['<uuid:1>', requestId!],
      ['<test-msg-id>', marker],
    ]);
    const message = expected[0]!;
    // ApproximateReceiveCount "2" counts the recording test's own two ReceiveMessage calls, which nothing makes here.
    expectRecordedMessage(failures.messages[0]!, message, { bindings, body: withNodeError(message['Body'] as Record<string, unknown>), notCompared: ['ApproximateReceiveCount'] });
    expectDistinct(bindings);
  });

  it('async-max-event-age: gives up with EventAgeExceeded as soon as the next retry would pass the maximum age: one attempt at 60 s, two at 90 s', async () => {
    const id = 'async-max-event-age';
    const marker = 'msg-0b61e4d2';
    const bindings: Bindings = new Map([['<test-msg-id>', marker]]);
    const cases = [
      { age: 60, key: 'maxAge60', requestIdPlaceholder: '<uuid:1>', runs: 1, seed: 1 },
      // UpdateFunctionEventInvokeConfig(MaximumEventAgeInSeconds=90) is not replayable at run time: the same function,
      // created again with 90 s (another seed, so that its request id differs as AWS's did).
      { age: 90, key: 'maxAge90', requestIdPlaceholder: '<uuid:3>', runs: 2, seed: 2 },
    ];
    // One on-failure queue for both, as in the recording.
    const failures = createQueue('failures', { accountId: RECORDED_ACCOUNT });
    for (const [i, c] of cases.entries()) {
      const fn = make({ name: 'echofail', seed: c.seed, maximumRetryAttempts: 2, maximumEventAge: c.age, destinations: { onFailure: failures }, handler: echofail });
      bindings.set('<resource:1>', fn.name);
      const server = await serve(fn);
      const { requestId } = await server.invoke(fn.name, { InvocationType: 'Event', Payload: pythonJson({ message: marker }) });
      bindings.set(c.requestIdPlaceholder, requestId!);
      await fn.drain();
      expect(fn.invocations).toHaveLength(c.runs);
      expect(failures.messages).toHaveLength(i + 1);
      const message = recorded<Record<string, unknown>>(id, c.key);
      expectRecordedMessage(failures.messages[i]!, message, { bindings, body: withNodeError(message['Body'] as Record<string, unknown>) });
      // Given up at once after the last failed attempt, not when the age ran out.
      const record = fn.asyncEvents[0]!;
      expect(record.fate.kind === 'failed' && record.fate.at).toBe(fn.invocations.at(-1)!.endedAt);
    }
    expectDistinct(bindings);
  });

  it('dest-eventbridge-success-and-failure: puts Success and Failure records on the event bus as the detail of "Lambda Function Invocation Result" events', async () => {
    const id = 'dest-eventbridge-success-and-failure';
    const bus = createEventBus('destination-bus', { accountId: RECORDED_ACCOUNT });
    const fn = make({
      name: 'input-fn',
      maximumRetryAttempts: 0,
      destinations: { onSuccess: bus, onFailure: bus },
      handler: async (event: { mode?: string }) => {
        if (event.mode === 'failure') throw new Error('intentional failure!');
        return { hello: 'world', test: 'abc', val: 5, success: true };
      },
    });
    const server = await serve(fn);
    const [success, failure] = recording(id).request['payloads'] as unknown[];
    const ok = await server.invoke(fn.name, { InvocationType: 'Event', Payload: pythonJson(success) });
    const bad = await server.invoke(fn.name, { InvocationType: 'Event', Payload: pythonJson(failure) });
    await fn.drain();
    expect(bus.events).toHaveLength(2);
    const bindings: Bindings = new Map([
      ['<input-fn-name>', fn.name],
      ['<event-bus-name>', bus.name],
      ['<uuid:1>', ok.requestId!],
      ['<uuid:3>', bad.requestId!],
    ]);
    const eventOf = (requestId: string | null): unknown =>
      bus.events.find((e) => (e.detail as { requestContext: { requestId: string } }).requestContext.requestId === requestId);
    // The test parsed the events before the snapshot, so their keys were sorted: key order is not compared.
    expectRecorded(eventOf(ok.requestId), recorded(id, 'eventOnSuccess'), { bindings });
    const onFailure = recorded<Record<string, unknown>>(id, 'eventOnFailure');
    expectRecorded(eventOf(bad.requestId), { ...onFailure, detail: withNodeError(onFailure['detail'] as Record<string, unknown>) }, { bindings });
    expectDistinct(bindings);
  });

  it('async-error-retry-cloudwatch: accepts an Event invoke of a failing handler with 202 and retries it in the same warm environment under the same request id', async () => {
    const id = 'async-error-retry-cloudwatch';
    class CustomException extends Error {}
    const fn = make({
      name: 'unhandled-error',
      handler: async () => {
        throw new CustomException('some error occurred');
      },
    });
    const server = await serve(fn);
    const { view, requestId } = await server.invoke(fn.name, { InvocationType: 'Event', Payload: '{}' });
    expectRecorded(view, recorded(id, 'invoke'));
    await fn.drain();
    const [first, retry] = fn.invocations;
    // The START/END/REPORT lines of the first two attempts. Not compared: INIT_START (the harness models no CloudWatch
    // log stream, only each invocation's logs) and the "[ERROR] CustomException" traceback, which is Python's. This
    // older recording kept the REPORT figures: they are normalised as lambda_report_logs() does now.
    const platform = (logs: string): string[] => logs.split(/(?<=\n)/).filter((line) => /^(START|END|REPORT) /.test(line));
    const expected = recorded<string[]>(id, 'cloudwatchEvents')
      .filter((line) => /^(START|END|REPORT) /.test(line))
      .map((line) => line.replace(/(Duration: )\d+(?:\.\d+)?( ms)/g, '$1<duration>$2').replace(/Used: \d+ MB/, 'Used: <memory> MB'));
    expectRecorded([...platform(first!.logs), ...platform(retry!.logs)], expected, { bindings: new Map([['<request-id>', requestId!]]) });
    expect([first!.coldStart, retry!.coldStart, retry!.environmentId]).toEqual([true, false, first!.environmentId]);
  });
});

describe('dead-letter queue, as recorded on AWS', () => {
  it.each([
    ['after the default two retries', {}, 3, 'dlqMessages'],
    ['after a single attempt with MaximumRetryAttempts 0', { maximumRetryAttempts: 0 }, 1, 'variant_MaximumRetryAttempts0 (test_sqs_queue_as_lambda_dead_letter_queue)'],
  ] as const)('dlq-sqs-message: dead-letters the original payload byte for byte %s, with RequestID, ErrorCode 200 and ErrorMessage attributes', async (_when, retries, attempts, key) => {
    const id = 'dlq-sqs-message';
    const dlq = createQueue('dlq', { accountId: RECORDED_ACCOUNT });
    const fn = make({ name: 'dlq-fn', ...retries, deadLetterQueue: dlq, handler: integration });
    const server = await serve(fn);
    // As boto sent it: '{"raise_error": 1}', whose MD5 is the recorded MD5OfBody.
    const { requestId } = await server.invoke(fn.name, { InvocationType: 'Event', Payload: pythonJson(recording(id).request['payload']) });
    await fn.drain();
    expect(fn.asyncEvents[0]?.attempts).toHaveLength(attempts);
    const expected = recorded<Record<string, unknown>[]>(id, key);
    expect(dlq.messages).toHaveLength(expected.length);
    const bindings: Bindings = new Map([['<request-id:1>', requestId!]]);
    expectRecordedMessage(dlq.messages[0]!, expected[0]!, { bindings });
    expectDistinct(bindings);
  });

  it('dlq-sqs-message: answers a sync invoke of the failing function (no DLQ) with 200, FunctionError Unhandled and the error payload', async () => {
    const id = 'dlq-sqs-message';
    // Removing the DLQ with UpdateFunctionConfiguration is not replayable: a function created without one stands in.
    const fn = make({ name: 'dlq-fn', handler: integration });
    const server = await serve(fn);
    const { view, requestId } = await server.invoke(fn.name, { LogType: 'Tail', Payload: pythonJson(recording(id).request['payload']) });
    const expected = recorded<Record<string, unknown>>(id, 'afterRemovingDlq_syncInvoke');
    // The payload is the runtime's (Python's in the recording, with requestId <uuid:4>; Node's here).
    expectRecorded(view, { ...expected, Payload: asNodeError(expected['Payload'] as PythonError) });
    // Of the decoded log tail, START and END are the platform's; the lines between them are the Python runtime's.
    const lines = Buffer.from(view.LogResult!, 'base64').toString('utf8').split('\n');
    const recordedLines = recorded<string[]>(id, 'afterRemovingDlq_LogResult(decoded, no REPORT)');
    const bindings: Bindings = new Map([['<uuid:4>', requestId!]]);
    expectRecorded(lines.find((l) => l.startsWith('START ')), recordedLines[0], { bindings });
    expectRecorded(lines.find((l) => l.startsWith('END ')), recordedLines.at(-1), { bindings });
  });
});

describe('event invoke configuration errors, as recorded on AWS', () => {
  it("event-invoke-config-errors: rejects a function as its own destination with InvalidParameterValueException and AWS's message", () => {
    const id = 'event-invoke-config-errors';
    // The function's own ARN as its destination: a simulated function of the same name, region and account.
    const self = make({ name: 'self-destination', handler: echo });
    expectRecorded(creationError({ name: 'self-destination', destinations: { onFailure: self }, handler: echo }), recordedError(id, 'put_destination_recursive'));
  });
});
