/**
 * The serverless notes' two commands, run with the real AWS CLI against `lambda-harness serve`. CI installs
 * Debian's `awscli`; where no `aws` binary exists the suite reports itself skipped with the reason.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/index.js';

function findAws(): string | undefined {
  // Debian's awscli v2 lives in /usr/bin; a v1 shim (pyenv) may come first on PATH.
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'aws');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const aws = findAws();
const skipReason = aws ? undefined : 'no aws binary (install Debian awscli, as .ci/run does)';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.skipIf(aws === undefined)(`the real AWS CLI against lambda-harness serve${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let stop: AbortController;
  let finished: Promise<number>;
  let dir: string;
  const out: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lh-aws-cli-'));
    stop = new AbortController();
    const listening = new Promise<RunningServer>((resolve) => {
      finished = serveCommand(
        ['--function', 'hello-world=test/server/fixtures/hello.handler', '--port', '0', '--quiet'],
        { stdout: (s) => void out.push(s), stderr: (s) => void out.push(s) },
        { signal: stop.signal, onListening: resolve },
      );
    });
    server = await listening;
  });

  afterAll(async () => {
    stop?.abort();
    expect(await finished).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[]): Promise<CliResult> =>
    new Promise((resolve) => {
      execFile(
        aws!,
        [...args, '--endpoint-url', server.url, '--cli-binary-format', 'raw-in-base64-out'],
        {
          cwd: dir,
          timeout: 60_000,
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: dir,
            AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
            AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
            AWS_DEFAULT_REGION: 'us-east-1',
            AWS_DEFAULT_OUTPUT: 'json',
            AWS_PAGER: '',
            AWS_MAX_ATTEMPTS: '1',
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_CONFIG_FILE: path.join(dir, 'no-config'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('prints the URL it listens on', () => {
    expect(out.join('')).toContain(`listening on ${server.url}`);
  });

  it('answers the notes\' malformed payload with InvalidRequestContentException', async () => {
    const result = await run([
      'lambda', 'invoke', '--function-name', 'hello-world', '--invocation-type', 'RequestResponse', '--log-type', 'Tail',
      '--payload', '{"name": "Aws lambda}', 'result.txt',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('InvalidRequestContentException');
    expect(result.stderr).toContain('Could not parse request body into json');
  });

  it('invokes synchronously with a valid payload: 200 and a log tail of START, END and REPORT', async () => {
    const result = await run([
      'lambda', 'invoke', '--function-name', 'hello-world', '--invocation-type', 'RequestResponse', '--log-type', 'Tail',
      '--payload', '{"name": "Aws lambda"}', 'result.txt',
    ]);
    expect(result.stderr).toBe('');
    const response = JSON.parse(result.stdout) as { StatusCode: number; LogResult: string; ExecutedVersion: string };
    expect(response.StatusCode).toBe(200);
    expect(response.ExecutedVersion).toBe('$LATEST');
    const log = Buffer.from(response.LogResult, 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    expect(log).toContain('\tINFO\thello Aws lambda\n');
    expect(log).toMatch(/\nEND RequestId: [0-9a-f-]{36}\n/);
    expect(log).toMatch(/\nREPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms/);
    expect(JSON.parse(readFileSync(path.join(dir, 'result.txt'), 'utf8')).greeting).toBe('Hello, Aws lambda!');
  });

  it('accepts the Event invoke with 202', async () => {
    const result = await run([
      'lambda', 'invoke', '--function-name', 'hello-world', '--invocation-type', 'Event', '--log-type', 'Tail',
      '--payload', '{"name": "Aws lambda"}', 'result.txt',
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).StatusCode).toBe(202);
  });

  it('publishes a version, points an alias at it and invokes through it', async () => {
    const published = await run(['lambda', 'publish-version', '--function-name', 'hello-world']);
    expect(published.stderr).toBe('');
    expect(JSON.parse(published.stdout)).toMatchObject({ FunctionName: 'hello-world', Version: '1', Handler: 'test/server/fixtures/hello.handler' });
    const alias = await run(['lambda', 'create-alias', '--function-name', 'hello-world', '--name', 'live', '--function-version', '1']);
    expect(alias.stderr).toBe('');
    expect(JSON.parse(alias.stdout)).toMatchObject({ Name: 'live', FunctionVersion: '1', AliasArn: expect.stringMatching(/:function:hello-world:live$/) });
    const invoked = await run(['lambda', 'invoke', '--function-name', 'hello-world', '--qualifier', 'live', '--payload', '{"name": "alias"}', 'alias.txt']);
    expect(JSON.parse(invoked.stdout)).toMatchObject({ StatusCode: 200, ExecutedVersion: '1' });
    expect(JSON.parse(readFileSync(path.join(dir, 'alias.txt'), 'utf8')).invokedFunctionArn).toMatch(/:function:hello-world:live$/);
    const listed = await run(['lambda', 'list-aliases', '--function-name', 'hello-world', '--query', 'Aliases[].Name']);
    expect(JSON.parse(listed.stdout)).toEqual(['live']);
    const functions = await run(['lambda', 'list-functions', '--query', 'Functions[].[FunctionName, Runtime]']);
    expect(JSON.parse(functions.stdout)).toEqual([['hello-world', expect.stringMatching(/^nodejs/)]]);
  });

  it('sets reserved concurrency 0, which throttles invokes, and deletes it again', async () => {
    const put = await run(['lambda', 'put-function-concurrency', '--function-name', 'hello-world', '--reserved-concurrent-executions', '0']);
    expect(JSON.parse(put.stdout)).toEqual({ ReservedConcurrentExecutions: 0 });
    const throttled = await run(['lambda', 'invoke', '--function-name', 'hello-world', '--payload', '{}', 'throttled.txt']);
    expect(throttled.code).not.toBe(0);
    expect(throttled.stderr).toContain('TooManyRequestsException');
    expect((await run(['lambda', 'delete-function-concurrency', '--function-name', 'hello-world'])).code).toBe(0);
    const read = await run(['lambda', 'get-function-concurrency', '--function-name', 'hello-world']);
    expect(read.stdout.trim() === '' ? {} : JSON.parse(read.stdout)).toEqual({});
    const ran = await run(['lambda', 'invoke', '--function-name', 'hello-world', '--payload', '{}', 'ran.txt']);
    expect(JSON.parse(ran.stdout).StatusCode).toBe(200);
  });
});

if (skipReason !== undefined) {
  describe('the real AWS CLI', () => {
    it.skip(`is skipped: ${skipReason}`, () => {});
  });
}
