import { describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { inspect } from 'node:util';
import { LambdaServiceError } from '../../src/index.js';
import { disposableFunctions } from '../_support/functions.js';

const make = disposableFunctions();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fn.invoke', () => {
  it('hands the handler a JSON round-trip copy of the event, never the caller’s object', async () => {
    const event = { when: new Date(Date.UTC(2020, 0, 1)), gone: undefined, nested: { n: 1 } };
    const fn = make({
      handler: async (e: Record<string, unknown>) => {
        (e['nested'] as { n: number }).n = 99;
        return e;
      },
    });
    const r = await fn.invoke(event);
    expect(r.ok && r.payload).toEqual({ when: '2020-01-01T00:00:00.000Z', nested: { n: 99 } });
    expect(event.nested.n).toBe(1);
  });

  it('delivers {} for a missing event and any JSON value as an event', async () => {
    const fn = make({ handler: async (e: unknown) => e });
    expect((await fn.invoke()).rawPayload).toBe('{}');
    for (const value of [true, false, null, [1, 2], 1, 'text']) expect((await fn.invoke(value)).payload).toEqual(value);
  });

  it('rejects an event that cannot be serialised with InvalidRequestContentException', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const fn = make({ handler: async () => 'never' });
    const error = await fn.invoke(circular).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaServiceError);
    expect(error).toMatchObject({ name: 'InvalidRequestContentException', statusCode: 400 });
    expect((error as LambdaServiceError).message).toMatch(/^Could not parse request body into json: Could not parse payload into json: /);
    await expect(fn.invoke(10n as unknown)).rejects.toMatchObject({ name: 'InvalidRequestContentException' });
    expect(fn.invocations).toHaveLength(0);
  });

  it('rejects a request over 6291456 bytes with RequestEntityTooLargeException (413), and accepts one just under', async () => {
    const fn = make({ handler: async () => 'ran' });
    const overhead = '{"data":""}'.length;
    const error = await fn.invoke({ data: 'x'.repeat(6_291_456 - overhead + 1) }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'RequestEntityTooLargeException',
      statusCode: 413,
      message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    });
    expect((error as LambdaServiceError).body).toEqual({ Type: 'User', message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation' });
    const ok = await fn.invoke({ data: 'x'.repeat(6_291_456 - overhead) });
    expect(ok.ok && ok.payload).toBe('ran');
  });

  it('fails a response over 6291556 bytes with Function.ResponseSizeTooLarge and keeps the environment', async () => {
    const fn = make({ handler: async (e: { n: number }) => 'a'.repeat(e.n) });
    const big = await fn.invoke({ n: 7_340_032 });
    expect(big.functionError).toBe('Unhandled');
    expect(big.rawPayload).toBe('{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}');
    const again = await fn.invoke({ n: 7_340_032 });
    expect(again.environmentId).toBe(big.environmentId);
    expect(again.coldStart).toBe(false);
    const exact = await fn.invoke({ n: 6 * 1024 * 1024 });
    expect(exact.ok).toBe(true);
  });

  it('returns a function error as a resolved result with the exact payload, status 200 and Unhandled', async () => {
    const fn = make({
      handler: (event: { number: number }) => {
        const number = event.number;
        // @ts-expect-error -- the project's origin story: this really throws at run time.
        const updatedNum = number++;
        return { result: updatedNum };
      },
    });
    const r = await fn.invoke({ number: 1 });
    expect(r.ok).toBe(false);
    expect(r.statusCode).toBe(200);
    expect(r.functionError).toBe('Unhandled');
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' });
    expect(r.error?.trace?.[0]).toBe('TypeError: Assignment to constant variable.');
    expect(JSON.parse(r.rawPayload)).toEqual(r.error);
    expect(Object.keys(JSON.parse(r.rawPayload))).toEqual(['errorType', 'errorMessage', 'trace']);
  });

  it('logs a function error as the runtime does: an ERROR "Invoke Error" line whose JSON has the stack, not the trace', async () => {
    const r = await make({ runtime: 'nodejs22.x', handler: async () => { throw new TypeError('x'); } }).invoke({});
    const line = r.logs.split('\n')[2]!; // after INIT_START and START
    const [time, id, level, prefix, json] = line.split('\t');
    expect([id, level, prefix]).toEqual([r.requestId, 'ERROR', 'Invoke Error ']);
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const logged = JSON.parse(json!) as Record<string, unknown>;
    expect(Object.keys(logged)).toEqual(['errorType', 'errorMessage', 'stack']);
    expect(logged).toMatchObject({ errorType: 'TypeError', errorMessage: 'x' });
    expect((logged['stack'] as string[])[0]).toBe('TypeError: x');
  });

  it('writes INIT_START, START, console lines, END and REPORT with Init Duration on the cold start only', async () => {
    const fn = make({
      name: 'orders',
      memorySize: 256,
      handler: async (e: { id: number }) => {
        console.log('processing', e.id);
        console.warn('careful');
        console.error('bad');
        console.debug('dbg');
        console.info('info');
        console.trace('traced');
        return e.id;
      },
    });
    const cold = await fn.invoke({ id: 7 });
    const [initStart, ...lines] = cold.logs.split('\n');
    // As the recorded CloudWatch stream of a cold start begins (cloudwatch-events-multiline-print).
    expect(initStart).toMatch(/^INIT_START Runtime Version: nodejs:\d+\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(lines[0]).toBe(`START RequestId: ${cold.requestId} Version: $LATEST`);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t${cold.requestId}\\tINFO\\tprocessing 7$`));
    expect(lines.slice(2, 7).map((l) => l.split('\t')[2])).toEqual(['WARN', 'ERROR', 'DEBUG', 'INFO', 'TRACE']);
    expect(lines[6]).toMatch(/\tTRACE\ttraced$/); // console.trace prints no stack on Lambda
    expect(lines[7]).toBe(`END RequestId: ${cold.requestId}`);
    expect(lines[8]).toMatch(
      new RegExp(`^REPORT RequestId: ${cold.requestId}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 256 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms\\t$`),
    );
    const warm = await fn.invoke({ id: 8 });
    expect(warm.coldStart).toBe(false);
    expect(warm.initDurationMs).toBeUndefined();
    expect(warm.logs).not.toContain('Init Duration');
    expect(warm.maxMemoryUsedMB).toBeLessThanOrEqual(256);
  });

  it('attributes console lines to the right request even when invocations interleave', async () => {
    const fn = make({
      timeout: 60,
      handler: async (e: { id: string; wait: number }) => {
        console.log('begin', e.id);
        await new Promise((r) => setTimeout(r, e.wait));
        console.log('end', e.id);
        return e.id;
      },
    });
    const [a, b] = await Promise.all([fn.invoke({ id: 'A', wait: 5000 }), fn.invoke({ id: 'B', wait: 1000 })]);
    for (const [r, id] of [[a, 'A'], [b, 'B']] as const) {
      const mine = r.logs.split('\n').filter((l) => l.includes('\tINFO\t'));
      expect(mine).toHaveLength(2);
      for (const line of mine) {
        expect(line).toContain(`\t${r.requestId}\tINFO\t`);
        expect(line).toMatch(new RegExp(` ${id}$`));
      }
    }
    expect(a.environmentId).not.toBe(b.environmentId);
  });

  it('returns the base64 of the last 4 KB of logs as logResult with logType Tail', async () => {
    const fn = make({
      handler: async () => {
        for (let i = 0; i < 200; i++) console.log(`line ${i} ${'x'.repeat(40)}`);
        return 'ok';
      },
    });
    const r = await fn.invoke({}, { logType: 'Tail' });
    const tail = Buffer.from(r.logResult!, 'base64');
    expect(tail.length).toBe(4096);
    expect(Buffer.from(r.logs).subarray(-4096).equals(tail)).toBe(true);
    expect(tail.toString()).toContain(`REPORT RequestId: ${r.requestId}`);
    expect((await fn.invoke({})).logResult).toBeUndefined();
  });

  it('tails a cold start as the recorded LogResult shows it: START, output, END, REPORT with Init Duration, no INIT_START', async () => {
    // aws-recordings node-logtype-tail: INIT_START is in the log stream (and in `logs`), never in the invocation's tail.
    const fn = make({ handler: async () => console.log('hi') });
    const r = await fn.invoke({}, { logType: 'Tail' });
    const lines = Buffer.from(r.logResult!, 'base64').toString().split('\n');
    expect(lines[0]).toBe(`START RequestId: ${r.requestId} Version: $LATEST`);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${r.requestId}\\tINFO\\thi$`));
    expect(lines[2]).toBe(`END RequestId: ${r.requestId}`);
    expect(lines[3]).toMatch(/^REPORT RequestId: .*\tInit Duration: [\d.]+ ms\t$/);
    expect(lines).toHaveLength(5);
    expect(r.logs).toMatch(/^INIT_START /);
  });

  it('gives the handler Lambda’s environment variables and restores the host’s afterwards', async () => {
    process.env['HOST_ONLY'] = 'host';
    const fn = make({
      name: 'env-check',
      runtime: 'nodejs22.x',
      environment: { TABLE: 'orders' },
      handler: async () => {
        process.env['WRITTEN_BY_HANDLER'] = 'yes';
        return { ...process.env };
      },
    });
    const r = await fn.invoke({});
    const env = r.payload as Record<string, string>;
    expect(env).toMatchObject({
      TABLE: 'orders',
      AWS_LAMBDA_FUNCTION_NAME: 'env-check',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/env-check',
      AWS_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      _HANDLER: 'index.handler',
      TZ: ':UTC',
      WRITTEN_BY_HANDLER: 'yes',
      // As recorded (node-context-and-env):
      AWS_DEFAULT_REGION: 'us-east-1',
      LANG: 'en_US.UTF-8',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    });
    expect(env['AWS_LAMBDA_RUNTIME_API']).toMatch(/^[\d.]+:9001$/);
    expect(env['LAMBDA_TASK_ROOT']).toBeTruthy();
    expect(env['AWS_LAMBDA_LOG_STREAM_NAME']).toMatch(/^2025\/01\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env['_X_AMZN_TRACE_ID']).toMatch(/^Root=1-/);
    expect(process.env['AWS_LAMBDA_FUNCTION_NAME']).toBeUndefined();
    expect(process.env['WRITTEN_BY_HANDLER']).toBeUndefined();
    expect(process.env['HOST_ONLY']).toBe('host');
    delete process.env['HOST_ONLY'];
  });

  it('builds a context with real formats and the recorded JSON shape', async () => {
    const fn = make({
      name: 'ctx',
      runtime: 'nodejs22.x',
      region: 'eu-west-1',
      accountId: '111111111111',
      handler: (_e: unknown, context: Context, callback: (e: null, r: unknown) => void) => callback(null, { context }),
    });
    const r = await fn.invoke({}, { clientContext: Buffer.from(JSON.stringify({ custom: { foo: 'bar' }, client: { snap: ['crackle'] }, env: { fizz: 'buzz' } })).toString('base64') });
    const ctx = (r.payload as { context: Record<string, unknown> }).context;
    expect(Object.keys(ctx)).toEqual([
      'callbackWaitsForEmptyEventLoop', 'functionVersion', 'functionName', 'memoryLimitInMB', 'logGroupName', 'logStreamName', 'clientContext', 'invokedFunctionArn', 'awsRequestId',
    ]);
    expect(ctx).toMatchObject({
      callbackWaitsForEmptyEventLoop: true,
      functionVersion: '$LATEST',
      functionName: 'ctx',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/ctx',
      clientContext: { custom: { foo: 'bar' }, client: { snap: ['crackle'] }, env: { fizz: 'buzz' } },
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:ctx',
      awsRequestId: r.requestId,
    });
    expect(r.requestId).toMatch(UUID);
    const qualified = await fn.invoke({}, { qualifier: '$LATEST' });
    expect((qualified.payload as { context: { invokedFunctionArn: string } }).context.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-1:111111111111:function:ctx:$LATEST');
  });

  it('hands the handler a plain object as context, as the runtime does (console.log(context) prints no class name)', async () => {
    for (const runtime of ['nodejs22.x', 'nodejs24.x'] as const) {
      let seen: object | undefined;
      const fn = make({ runtime, handler: async (_e: unknown, context: Context) => void (seen = context) });
      await fn.invoke({});
      expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
      expect(inspect(seen)).toMatch(/^\{\n  (callbackWaitsForEmptyEventLoop: true|functionVersion: '\$LATEST'),/);
    }
  });

  it('is deterministic for a seed: same ids and log streams on every run', async () => {
    const run = async (seed: number) => {
      const fn = make({ seed, handler: async () => 'x' });
      const a = await fn.invoke({});
      return [a.requestId, a.environmentId, a.logs.split('\n')[0]];
    };
    expect(await run(7)).toEqual(await run(7));
    expect(await run(7)).not.toEqual(await run(8));
  });

  it('bounds the history', async () => {
    const fn = make({ historyLimit: 3, handler: async (e: { i: number }) => e.i });
    for (let i = 0; i < 10; i++) await fn.invoke({ i });
    expect(fn.invocations.map((r) => r.payload)).toEqual([7, 8, 9]);
    fn.clearHistory();
    expect(fn.invocations).toHaveLength(0);
  });

  it('answers DryRun with 204 and runs nothing', async () => {
    let ran = false;
    const fn = make({ handler: async () => (ran = true) });
    const r = await fn.invoke({}, { invocationType: 'DryRun' });
    expect(r).toEqual({ statusCode: 204, requestId: expect.stringMatching(UUID) });
    expect(ran).toBe(false);
  });
});

describe('crashes and resets', () => {
  it('resets the runtime after a timeout: fresh module state on the next invoke, same environment', async () => {
    const fn = make({
      timeout: 1,
      handler: {
        init: () => {
          let count = 0;
          return async (e: { hang?: boolean }) => {
            count++;
            if (e.hang) await new Promise((r) => setTimeout(r, 60_000));
            return count;
          };
        },
      },
    });
    expect((await fn.invoke({})).payload).toBe(1);
    expect((await fn.invoke({})).payload).toBe(2);
    const timedOut = await fn.invoke({ hang: true });
    expect(timedOut.outcome).toBe('timeout');
    expect(timedOut.logs).toMatch(/Task timed out after 1\.00 seconds\n/);
    expect(timedOut.logs).toContain('\tStatus: timeout\t');
    const after = await fn.invoke({});
    expect(after.payload).toBe(1);
    expect(after.coldStart).toBe(true);
    expect(after.environmentId).toBe(timedOut.environmentId);
  });

  it('does not reset after a plain handler error', async () => {
    const fn = make({
      handler: {
        init: () => {
          let count = 0;
          return async (e: { fail?: boolean }) => {
            count++;
            if (e.fail) throw new Error('nope');
            return count;
          };
        },
      },
    });
    await fn.invoke({});
    await fn.invoke({ fail: true });
    expect((await fn.invoke({})).payload).toBe(3);
  });

  it('reports an uncaught exception from work the invocation started, then resets', async () => {
    const fn = make({
      runtime: 'nodejs22.x',
      handler: {
        init: () => {
          let count = 0;
          return async (e: { crash?: boolean }) => {
            count++;
            if (e.crash) {
              setTimeout(() => {
                throw new RangeError('from a timer');
              }, 10);
            }
            await new Promise((r) => setTimeout(r, 1000));
            return count;
          };
        },
      },
    });
    expect((await fn.invoke({})).payload).toBe(1);
    const r = await fn.invoke({ crash: true });
    expect(r.outcome).toBe('crash');
    expect(r.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'from a timer' });
    expect(r.error?.trace?.some((line) => line.includes('fake-timers'))).toBe(false);
    expect(r.logs).toContain('\tERROR\tUncaught Exception \t{"errorType":"RangeError","errorMessage":"from a timer"');
    expect((await fn.invoke({})).payload).toBe(1);
  });

  it('reports an unhandled rejection as Runtime.UnhandledPromiseRejection, then resets', async () => {
    const fn = make({
      runtime: 'nodejs22.x',
      handler: async () => {
        void Promise.reject(new Error('yikes'));
        await new Promise((r) => setTimeout(r, 1000));
        return 'unreachable';
      },
    });
    const r = await fn.invoke({});
    expect(r.outcome).toBe('crash');
    expect(r.error?.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(r.error?.errorMessage).toBe('Error: yikes');
    expect(r.error?.trace?.[0]).toBe('Runtime.UnhandledPromiseRejection: Error: yikes');
    expect(r.logs).toContain('Unhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection"');
  });

  it('turns process.exit() into Runtime.ExitError without ending the test process', async () => {
    const fn = make({
      handler: async (e: { code?: number }) => {
        process.exit(e.code);
      },
    });
    const zero = await fn.invoke({});
    expect(zero.outcome).toBe('crash');
    expect(zero.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${zero.requestId} Error: Runtime exited without providing a reason` });
    expect(zero.logs).toContain('Status: error\tError Type: Runtime.ExitError\t');
    const two = await fn.invoke({ code: 2 });
    expect(two.error?.errorMessage).toBe(`RequestId: ${two.requestId} Error: Runtime exited with error: exit status 2`);
    expect(two.coldStart).toBe(true);
    // The log shows what the runtime printed before the REPORT: the message, then the error type on its own line.
    expect(two.logs).toContain(`RequestId: ${two.requestId} Error: Runtime exited with error: exit status 2\nRuntime.ExitError\n`);
  });

  it('re-initialises after a reset inside the invocation, counting init against its timeout', async () => {
    let inits = 0;
    const fn = make({
      timeout: 3,
      handler: {
        init: async () => {
          inits++;
          await new Promise((r) => setTimeout(r, 2_000));
          return async (e: { hang?: boolean }) => {
            if (e.hang) await new Promise((r) => setTimeout(r, 10_000));
            return 'ok';
          };
        },
      },
    });
    const cold = await fn.invoke({});
    expect(cold.initDurationMs).toBeGreaterThanOrEqual(2_000);
    expect(cold.durationMs).toBeLessThan(100);
    await fn.invoke({ hang: true });
    const suppressed = await fn.invoke({});
    expect(inits).toBe(2);
    expect(suppressed.ok).toBe(true);
    expect(suppressed.initDurationMs).toBeUndefined();
    expect(suppressed.durationMs).toBeGreaterThanOrEqual(2_000);
  });
});

describe('what handlers write', () => {
  it('logs raw process.stdout and process.stderr writes as they are, without touching the real streams', async () => {
    const fn = make({
      handler: async () => {
        process.stdout.write('{"level":"INFO","message":"structured"}\n');
        process.stderr.write(Buffer.from('raw error text\n'));
        return 'ok';
      },
    });
    const r = await fn.invoke({});
    const lines = r.logs.split('\n');
    expect(lines[2]).toBe('{"level":"INFO","message":"structured"}');
    expect(lines[3]).toBe('raw error text');
  });

  it('logs console.fatal at level FATAL, a method the runtime adds to console', async () => {
    const r = await make({
      handler: async () => {
        (console as unknown as { fatal(...args: unknown[]): void }).fatal('disk %s', 'full');
        return 'ok';
      },
    }).invoke({});
    expect(r.logs.split('\n')[2]).toMatch(new RegExp(`^\\S+\\t${r.requestId}\\tFATAL\\tdisk full$`));
  });

  it('gives handlers fake AWS credentials unless the host has some', async () => {
    const saved = process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_ACCESS_KEY_ID'];
    try {
      const r = await make({ handler: async () => [process.env['AWS_ACCESS_KEY_ID'], process.env['AWS_SESSION_TOKEN']] }).invoke({});
      expect(r.payload).toEqual(['ASIALAMBDAHARNESSFAKE', 'lambda-harness-fake-session-token']);
    } finally {
      if (saved !== undefined) process.env['AWS_ACCESS_KEY_ID'] = saved;
    }
  });
});

describe("logFormat: 'JSON'", () => {
  it('writes application logs as JSON records and platform lines as telemetry events, filtered by logLevel', async () => {
    const fn = make({
      logFormat: 'JSON',
      logLevel: 'INFO',
      handler: async () => {
        console.debug('dropped below INFO');
        console.info({ order: 1 });
        console.error('failed:', new TypeError('bad'));
        return process.env['AWS_LAMBDA_LOG_FORMAT'];
      },
    });
    const r = await fn.invoke({});
    expect(r.payload).toBe('JSON');
    const records = r.logs.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      type: 'platform.initStart',
      record: { initializationType: 'on-demand', phase: 'init', runtimeVersion: expect.stringMatching(/^nodejs:\d+\.v\d+$/), functionVersion: '$LATEST' },
    });
    expect(records[1]).toMatchObject({ type: 'platform.start', record: { requestId: r.requestId, version: '$LATEST' } });
    expect(records[2]).toMatchObject({ level: 'INFO', requestId: r.requestId, message: { order: 1 } });
    expect(records[3]).toMatchObject({ level: 'ERROR', errorType: 'TypeError', errorMessage: 'bad' });
    expect(records.some((x) => x['message'] === 'dropped below INFO')).toBe(false);
    expect(records.at(-1)).toMatchObject({ type: 'platform.report', record: { requestId: r.requestId, status: 'success', metrics: { memorySizeMB: 128 } } });
  });

  it('reports a timeout and a runtime exit in platform.report, with the error type only for the exit', async () => {
    const fn = make({
      logFormat: 'JSON',
      timeout: 1,
      handler: async (e: { exit?: boolean }) => {
        if (e.exit) process.exit(3);
        await new Promise((r) => setTimeout(r, 5_000));
      },
    });
    const report = (logs: string) => JSON.parse(logs.trim().split('\n').at(-1)!) as { type: string; record: Record<string, unknown> };
    const timedOut = await fn.invoke({});
    expect(timedOut.outcome).toBe('timeout');
    expect(report(timedOut.logs)).toMatchObject({ type: 'platform.report', record: { status: 'timeout' } });
    expect(report(timedOut.logs).record).not.toHaveProperty('errorType');
    const exited = await fn.invoke({ exit: true });
    expect(report(exited.logs)).toMatchObject({ type: 'platform.report', record: { status: 'error', errorType: 'Runtime.ExitError' } });
  });

  it('writes an init timeout as platform.initReport, every line of a cold start being JSON', async () => {
    const fn = make({
      logFormat: 'JSON',
      timeout: 30,
      handler: {
        init: async () => {
          await new Promise((r) => setTimeout(r, 12_000));
          return async () => 'ready';
        },
      },
    });
    const r = await fn.invoke({});
    const records = r.logs.trim().split('\n').map((line) => JSON.parse(line) as { type?: string; record?: unknown });
    expect(records.map((x) => x.type).slice(0, 3)).toEqual(['platform.initStart', 'platform.initReport', 'platform.start']);
    expect(records[1]).toMatchObject({ record: { initializationType: 'on-demand', phase: 'init', status: 'timeout', metrics: { durationMs: 10_000 } } });
  });

  it('adds the tenant id to application log records of a tenant-isolated invocation', async () => {
    const fn = make({ logFormat: 'JSON', handler: async () => console.log('hello') });
    const r = await fn.invoke({}, { tenantId: 'tenant-a' });
    const line = r.logs.split('\n').find((l) => l.includes('"hello"'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'INFO', message: 'hello', requestId: r.requestId, tenantId: 'tenant-a' });
  });
});

describe('REPORT billing', () => {
  it('bills the duration rounded up to the millisecond, and a cold start its init too (since Aug 2025)', async () => {
    const fn = make({
      handler: {
        init: async () => {
          await new Promise((r) => setTimeout(r, 150));
          return async () => {
            await new Promise((r) => setTimeout(r, 40));
          };
        },
      },
    });
    const cold = await fn.invoke({});
    expect(cold.initDurationMs).toBeGreaterThanOrEqual(150);
    // Init and handler both counted: at least 190 ms, however the fractions fall.
    expect(cold.billedDurationMs).toBe(Math.ceil(cold.durationMs + cold.initDurationMs!));
    expect(cold.billedDurationMs).toBeGreaterThanOrEqual(190);
    expect(cold.logs).toContain(`Billed Duration: ${cold.billedDurationMs} ms\t`);
    const warm = await fn.invoke({});
    expect(warm.initDurationMs).toBeUndefined();
    expect(warm.billedDurationMs).toBe(Math.ceil(warm.durationMs));
    expect(warm.billedDurationMs).toBeGreaterThanOrEqual(40);
    expect(warm.billedDurationMs).toBeLessThan(150);
  });

  it('bills at least 1 ms for an invocation that takes no virtual time', async () => {
    const fn = make({ handler: async () => 'instant' });
    await fn.invoke({});
    const warm = await fn.invoke({});
    expect(warm.billedDurationMs).toBe(Math.max(1, Math.ceil(warm.durationMs)));
    expect(warm.billedDurationMs).toBeGreaterThanOrEqual(1);
  });
});
