/**
 * Recorded request ids, handler context and logs (`request-id`, `context` and `logs` areas of the AWS recordings),
 * replayed through the real loopback server.
 * (`reqid-function-url` is replayed in function-urls.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFunction, type LambdaContext, type LambdaFunction } from '../../src/index.js';
import { integration } from './_handlers.js';
import { expectRecorded, recorded, recording, RECORDED_ACCOUNT, replays, type Bindings } from './_recordings.js';

const { serve, release } = replays();

/** The request id of an exchange (every Invoke response carries one). */
function idOf(exchange: { requestId: string | null }): string {
  expect(exchange.requestId).toEqual(expect.any(String));
  return exchange.requestId!;
}

/** Splits log text into lines that keep their `\n` (Python's `splitlines(keepends=True)` on these logs). */
function linesKeepingEnds(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== '');
}

/** The request's JSON payload of a case, as the test sent it. */
function requestPayload(id: string): string {
  return JSON.stringify(recording(id).request['payload']);
}

describe('request ids, as recorded on AWS', () => {
  it('reqid-sync: uses the x-amzn-RequestId of the response as context.awsRequestId and in START, END and REPORT', async () => {
    const id = 'reqid-sync';
    const fn = createFunction({
      name: 'request-id',
      accountId: RECORDED_ACCOUNT,
      handler: async (_event: unknown, context: LambdaContext) => {
        // The recorded Python handler logs this at INFO through the logging module; console.info is Node's INFO.
        console.info('RequestId log message');
        return context.awsRequestId;
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const exchange = await server.invoke('request-id');
    const requestId = idOf(exchange);
    // test_request_id_format: request ids are lowercase UUIDs.
    expectRecorded(requestId, '<uuid>');
    const bindings: Bindings = new Map([['<request-id>', requestId]]);
    expectRecorded(exchange.view, recorded(id, 'invoke'), { bindings });

    // The test kept the CloudWatch messages containing "RequestId", right-stripped.
    const lines = fn.invocations.flatMap((r) => r.logs.split('\n')).filter((m) => m.includes('RequestId')).map((m) => m.trimEnd());
    // Python's logging line is `[INFO]\t<time>\t<id>\t<message>`; the Node runtime prints the same fields as
    // `<time>\t<id>\tINFO\t<message>` (recorded in node-logtype-tail), so the recorded line is compared in that order.
    const expected = recorded<string[]>(id, 'cloudwatchLogLines').map((line) => line.replace(/^\[([A-Z]+)\]\t([^\t]*)\t([^\t]*)\t/, '$2\t$3\t$1\t'));
    expectRecorded(lines, expected, { bindings });
  });

  it('reqid-async-retry: reuses the request id of the 202 response for the retry of a failed Event invoke', async () => {
    const id = 'reqid-async-retry';
    const config = recording(id).request['config'] as { MaximumRetryAttempts: number };
    const fn = createFunction({
      name: 'request-id-retry',
      accountId: RECORDED_ACCOUNT,
      maximumRetryAttempts: config.MaximumRetryAttempts,
      handler: async (event: { fail?: unknown }, context: LambdaContext) => {
        console.log(JSON.stringify(event));
        console.log(context.awsRequestId);
        if (event.fail) throw new Error('Intentional failure');
        return context.awsRequestId;
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const exchange = await server.invoke('request-id-retry', { InvocationType: 'Event', Payload: requestPayload(id) });
    const requestId = idOf(exchange);
    const bindings: Bindings = new Map([['<request-id>', requestId]]);
    expectRecorded(exchange.view, recorded(id, 'invoke'), { bindings });

    await fn.drain();
    const messages = fn.invocations.flatMap((r) => r.logs.split('\n'));
    // As the test filtered the log group: messages containing "END" (right-stripped), and the REPORT lines.
    expectRecorded(messages.filter((m) => m.includes('END')).map((m) => m.trimEnd()), recorded(id, 'cloudwatchEndLines'), { bindings });
    const reports = messages.filter((m) => m.includes('REPORT'));
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report).toContain(requestId);
    // The test read the logs 120 s after the invoke: the retry had run by then.
    const [event] = fn.asyncEvents;
    expect(event?.attempts).toHaveLength(2);
    expect(event!.attempts[1]!.at - event!.acceptedAt).toBeLessThanOrEqual(120_000);
  });
});

interface IntrospectionPayload {
  environment: Record<string, string>;
  ctx: Record<string, unknown>;
  packages: unknown[];
}

/** The recorded introspection function (`functions/common/introspection/nodejs`), by name and by `<ARN>:$LATEST`. */
async function introspectTwice(copyEnv = false): Promise<{ first: IntrospectionPayload; second: IntrospectionPayload; ids: [string, string] }> {
  const id = 'node-context-and-env';
  const config = recording(id).request['config'] as { MemorySize: number; Timeout: number; Environment: Record<string, string> };
  const fn = createFunction({
    name: 'introspection',
    accountId: RECORDED_ACCOUNT,
    runtime: 'nodejs22.x',
    memorySize: config.MemorySize,
    timeout: config.Timeout,
    environment: config.Environment,
    handler: async (_event: unknown, context: LambdaContext) => ({
      // As recorded, the handler returns process.env itself (serialised by the runtime); `copyEnv` copies it inside
      // the handler instead, which on AWS gives the same JSON.
      environment: copyEnv ? { ...process.env } : process.env,
      ctx: {
        aws_request_id: context.awsRequestId,
        function_name: context.functionName,
        function_version: context.functionVersion,
        invoked_function_arn: context.invokedFunctionArn,
        log_group_name: context.logGroupName,
        log_stream_name: context.logStreamName,
        // The recorded handler reads this wrong-case property (so the field is undefined and dropped on AWS too).
        memory_limit_in_mb: (context as unknown as Record<string, unknown>)['memoryLimitInMb'],
        remaining_time_in_millis: context.getRemainingTimeInMillis(),
      },
      packages: [],
    }),
  }) as LambdaFunction;
  const server = await serve(fn);
  const payload = requestPayload(id);
  const byName = await server.invoke('introspection', { Payload: payload });
  const byQualifiedArn = await server.invoke(`${fn.arn}:$LATEST`, { Payload: payload });
  expect(byName.view.httpStatus).toBe(200);
  expect(byQualifiedArn.view.httpStatus).toBe(200);
  return {
    first: byName.view.Payload as IntrospectionPayload,
    second: byQualifiedArn.view.Payload as IntrospectionPayload,
    ids: [idOf(byName), idOf(byQualifiedArn)],
  };
}

/**
 * Variables whose values are paths of the machine the code runs on: the harness runs handlers on the host, where
 * `/var/task`, `/var/lang/bin` and `/opt/nodejs` do not exist, so these are not compared.
 */
const HOST_PATH_VARIABLES = ['PATH', 'LD_LIBRARY_PATH', 'NODE_PATH', 'PWD', 'LAMBDA_TASK_ROOT'];

/**
 * Holds the environments of both introspection invokes to the recording: every recorded variable with its recorded
 * value (host paths aside), and no variable the simulation adds that AWS does not set.
 */
function expectRecordedEnvironment({ first, second, ids }: { first: IntrospectionPayload; second: IntrospectionPayload; ids: [string, string] }): void {
  const id = 'node-context-and-env';
  const bindings: Bindings = new Map([
    ['<uuid:2>', ids[0]],
    ['<uuid:3>', ids[1]],
  ]);
  const host = process.env;
  const actualAll: Record<string, unknown> = {};
  const expectedAll: Record<string, unknown> = {};
  for (const [payload, key] of [
    [first, 'payload_unqualified'],
    [second, 'payload_qualified_$LATEST'],
  ] as const) {
    const expected = { ...recorded<Record<string, string>>(id, key, 'environment') };
    for (const name of HOST_PATH_VARIABLES) delete expected[name];
    // Every recorded variable, with its recorded value...
    const actual = Object.fromEntries(Object.keys(expected).filter((k) => k in payload.environment).map((k) => [k, payload.environment[k]]));
    // ...and no variable AWS does not set. The harness layers Lambda's variables over the host's (which are the test
    // machine's, not the simulator's): only the variables the simulation adds or changes are held to the recording.
    const added = Object.keys(payload.environment).filter(
      (k) => !(k in expected) && !HOST_PATH_VARIABLES.includes(k) && host[k] !== payload.environment[k],
    );
    actualAll[key] = { recorded: actual, notRecorded: added };
    expectedAll[key] = { recorded: expected, notRecorded: [] };
  }
  expectRecorded(actualAll, expectedAll, { bindings });
}

describe('the context and environment handlers see, as recorded on AWS', () => {
  it('node-context-and-env: gives the context fields, with an unqualified invokedFunctionArn by name and a :$LATEST one by qualified ARN', async () => {
    const id = 'node-context-and-env';
    const { first, second, ids } = await introspectTwice();
    // <uuid:2>/<uuid:3> are the request ids of the two invokes; one log stream (one environment) serves both.
    const bindings: Bindings = new Map([
      ['<uuid:2>', ids[0]],
      ['<uuid:3>', ids[1]],
    ]);
    expectRecorded(first.ctx, recorded(id, 'payload_unqualified', 'ctx'), { bindings });
    expectRecorded(second.ctx, recorded(id, 'payload_qualified_$LATEST', 'ctx'), { bindings });
    expectRecorded(first.packages, recorded(id, 'payload_unqualified', 'packages'));
    expect(typeof first.ctx['remaining_time_in_millis']).toBe('number');
  });

  it('node-context-and-env: sets exactly the Lambda environment variables AWS sets, with their values (host paths aside)', async () => {
    // process.env copied inside the handler: the variables as the handler sees them.
    expectRecordedEnvironment(await introspectTwice(true));
  });

  it('node-context-and-env: serialises a returned process.env (as the recorded handler returns it) as the function\'s variables', async () => {
    expectRecordedEnvironment(await introspectTwice());
  });

  it('node-context-json-clientcontext: serialises the Node context with AWS key order, memoryLimitInMB as a string and the parsed client context', async () => {
    const id = 'node-context-json-clientcontext';
    // The recording was made on nodejs16.x with a callback handler; nodejs20.x runs the same runtime interface client (v3).
    const fn = createFunction({
      name: 'context-json',
      accountId: RECORDED_ACCOUNT,
      runtime: 'nodejs20.x',
      handler: (_event: unknown, context: LambdaContext, callback: (error: null, result: unknown) => void) => {
        console.log('Node.js Lambda handler executing.');
        callback(null, { context });
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const sent = String(recording(id).request['ClientContext']).replace(/^base64 of /, '');
    const exchange = await server.invoke('context-json', {
      Payload: requestPayload(id),
      ClientContext: Buffer.from(sent, 'utf8').toString('base64'),
    });
    const bindings: Bindings = new Map([['<uuid:2>', idOf(exchange)]]);
    const expected = recorded<Record<string, unknown>>(id, 'invoke');
    // The envelope was sorted by the snapshot; the body keeps AWS's key order (including the client context's).
    const { Payload: expectedPayload, ...expectedEnvelope } = expected;
    const { Payload: payload, ...envelope } = exchange.view;
    expectRecorded(envelope, expectedEnvelope, { bindings });
    expectRecorded(payload, expectedPayload, { bindings, ordered: true });
  });

  it('node-warm-module-state: keeps module-level state between two consecutive invokes of a warm environment', async () => {
    const id = 'node-warm-module-state';
    const fn = createFunction({
      name: 'cache',
      accountId: RECORDED_ACCOUNT,
      // init runs once per execution environment, like a module body: the counter is module state.
      handler: {
        init: () => {
          let counter = 0;
          return async () => ({ counter: counter++ });
        },
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const first = await server.invoke('cache');
    const second = await server.invoke('cache');
    expectRecorded(first.view, recorded(id, 'invoke_1'));
    expectRecorded(second.view, recorded(id, 'invoke_2'));
  });

  it('node-esm-mjs-handler: loads an exported handler from an .mjs file and returns its doubly encoded body', async () => {
    const id = 'node-esm-mjs-handler';
    const root = mkdtempSync(path.join(os.tmpdir(), 'lh-esm-'));
    release({ close: async () => rmSync(root, { recursive: true, force: true }) });
    writeFileSync(
      path.join(root, 'lambda_handler_es6.mjs'),
      [
        'export const handler = async (event) => {',
        '  console.log(event);',
        "  return { statusCode: 200, body: JSON.stringify('response from localstack lambda: ' + JSON.stringify(event)) };",
        '};',
        '',
      ].join('\n'),
    );
    const handler = String(recording(id).request['handler']);
    const fn = createFunction({ name: 'esm', accountId: RECORDED_ACCOUNT, handler, root }) as LambdaFunction;
    const server = await serve(fn);
    const { view } = await server.invoke('esm', { Payload: requestPayload(id) });
    expectRecorded(view, recorded(id, 'invoke'));
    // The handler's own key order (statusCode, body) is AWS's too.
    expectRecorded(view.Payload, recorded(id, 'invoke', 'Payload'), { ordered: true });
  });
});

describe('logs, as recorded on AWS', () => {
  it('node-logtype-tail: returns START, the console line, END and REPORT (with Init Duration, no INIT_START) as base64 LogResult', async () => {
    const id = 'node-logtype-tail';
    const fn = createFunction({
      name: 'echo',
      accountId: RECORDED_ACCOUNT,
      handler: async (event: unknown) => {
        console.log(event);
        return event;
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const exchange = await server.invoke('echo', { LogType: 'Tail', Payload: requestPayload(id) });
    const bindings: Bindings = new Map([['<request-id>', idOf(exchange)]]);
    expectRecorded(exchange.view, recorded(id, 'invoke'), { bindings });
    const tail = Buffer.from(String(exchange.view.LogResult), 'base64').toString('utf8');
    expectRecorded(linesKeepingEnds(tail), recorded(id, 'LogResult(decoded, split keeping line ends)'), { bindings });
  });

  it('cloudwatch-events-multiline-print: logs INIT_START, START, one event per stdout line (\\r kept), END and REPORT for a cold start', async () => {
    const id = 'cloudwatch-events-multiline-print';
    const runtime = 'nodejs20.x';
    const fn = createFunction({
      name: 'cw-logs',
      accountId: RECORDED_ACCOUNT,
      runtime,
      // Python's print writes the text and a newline to stdout as they are; process.stdout.write is Node's equivalent
      // (console.log would add the runtime's time/request-id/level prefix, which is not what was recorded).
      handler: async (event: { body: string }) => {
        process.stdout.write(`${event.body}\n`);
        return event;
      },
    }) as LambdaFunction;
    const server = await serve(fn);
    const exchange = await server.invoke('cw-logs', { Payload: requestPayload(id) });
    const bindings: Bindings = new Map([['<request-id>', idOf(exchange)]]);
    // CloudWatch stores one event per "\n"-terminated line and none for an empty line (this conversion is the test's:
    // the harness gives the log text); the harness's part is the text itself, its platform lines and their order.
    const events = linesKeepingEnds(fn.invocations.map((r) => r.logs).join('')).filter((line) => line !== '\n').map((message) => ({ message }));
    // INIT_START names the runtime: the recorded Python one becomes the Node runtime the replay ran on.
    const recordedRuntime = recording(id).runtime.replace(/^([a-z]+)/, '$1:');
    const nodeRuntime = runtime.replace(/^nodejs(\d+)\.x$/, 'nodejs:$1');
    const expected = recorded<{ message: string }[]>(id, 'cloudwatchEvents(filter_log_events)').map((e) => ({
      message: e.message.replace(recordedRuntime, nodeRuntime),
    }));
    expectRecorded(events, expected, { bindings });
  });
});

describe('versions and aliases, as recorded on AWS', () => {
  it('version-qualifier-invoke-logs: runs published version 1 for Qualifier=1: ExecutedVersion, the context, and START … Version: 1', async () => {
    const id = 'version-qualifier-invoke-logs';
    const fn = createFunction({
      name: 'qualified',
      accountId: RECORDED_ACCOUNT,
      timeout: (recording(id).request['config'] as { Timeout: number }).Timeout,
      handler: integration,
    }) as LambdaFunction;
    fn.publishVersion();
    const server = await serve(fn);
    const exchange = await server.invoke('qualified', { Qualifier: '1', LogType: 'Tail', Payload: requestPayload(id) });
    const bindings: Bindings = new Map([['<uuid:2>', idOf(exchange)]]);
    expectRecorded(exchange.view, recorded(id, 'invoke'), { bindings });
    expect(String((exchange.view.Payload as { context: { log_stream_name: string } }).context.log_stream_name)).toContain('/[1]');
    // The test removed REPORT; Node prints the logging line's fields in its own order (see reqid-sync).
    const lines = Buffer.from(String(exchange.view.LogResult), 'base64').toString('utf8').split('\n').filter((line) => line !== '' && !line.startsWith('REPORT'));
    const expected = recorded<string[]>(id, 'LogResult(decoded, REPORT line removed by the test)').map((line) => line.replace(/^\[([A-Z]+)\]\t([^\t]*)\t([^\t]*)\t/, '$2\t$3\t$1\t'));
    expectRecorded(lines, expected, { bindings });
  });

  it('alias-invoke-executed-version: runs the version an alias points to, by Qualifier or alias ARN, until the alias moves; 404 for an unknown alias', async () => {
    const id = 'alias-invoke-executed-version';
    const code = (label: string) => async (_event: unknown, context: LambdaContext) => ({
      version_id: label,
      invoked_arn: context.invokedFunctionArn,
      version_from_ctx: context.functionVersion,
    });
    const fn = createFunction({ name: 'aliased', accountId: RECORDED_ACCOUNT, handler: code('version1') }) as LambdaFunction;
    const server = await serve(fn);
    const aliasArn = `${fn.arn}:alias1`;
    const bindings: Bindings = new Map();
    const expectInvoke = async (key: string, ...args: Parameters<typeof server.invoke>) => {
      const exchange = await server.invoke(...args);
      expectRecorded(exchange.view, recorded(id, key), { bindings });
    };

    fn.publishVersion();
    fn.createAlias({ name: 'alias1', functionVersion: '1' });
    await expectInvoke('invocation_result_qualifier_v1', 'aliased', { Qualifier: 'alias1', Payload: '{}' });
    await expectInvoke('invocation_result_qualifier_v1_arn', aliasArn, { Payload: '{}' });
    fn.update({ handler: code('version2') });
    await expectInvoke('invocation_result_qualifier_v1_after_update', 'aliased', { Qualifier: 'alias1', Payload: '{}' });
    fn.publishVersion();
    await expectInvoke('invocation_result_qualifier_v1_after_publish', 'aliased', { Qualifier: 'alias1', Payload: '{}' });
    fn.updateAlias({ name: 'alias1', functionVersion: '2' });
    await expectInvoke('invocation_result_qualifier_v2', 'aliased', { Qualifier: 'alias1', Payload: '{}' });
    await expectInvoke('invocation_exc_not_existent', 'aliased', { Qualifier: 'non-existent-alias', Payload: '{}' });
  });
});
