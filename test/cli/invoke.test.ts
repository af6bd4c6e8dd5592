import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'dist/cli/bin.js');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repo, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lambda-harness invoke (the built CLI, in a real process)', () => {
  it('prints the payload on stdout and START/END/REPORT on stderr, exit 0', () => {
    const r = cli(['invoke', 'examples/hello/index.handler', '--event', '{"name":"Ada"}']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ greeting: 'Hello, Ada!', invocations: 1 });
    expect(r.stderr).toMatch(/^INIT_START Runtime Version: nodejs:\d+\.v\d+\t[^\n]+\n.*\tundefined\tINFO\tinitialising hello\nSTART RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    expect(r.stderr).toMatch(/REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\n$/);
  });

  it('exits 1 with the exact error payload for a function error (CommonJS handler)', () => {
    const r = cli(['invoke', 'examples/number-increment/index.handler', '--event', '{"number":1}']);
    expect(r.code).toBe(1);
    const payload = JSON.parse(r.stdout);
    expect(payload).toMatchObject({ errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' });
    expect(payload.trace[1]).toContain('examples/number-increment/index.js:5');
  });

  it('reads the event from a file or from stdin', () => {
    const fromFile = cli(['invoke', 'examples/hello/index.handler', '--event-file', 'examples/hello/event.json']);
    expect(JSON.parse(fromFile.stdout).greeting).toBe('Hello, from a file!');
    const fromStdin = cli(['invoke', 'examples/hello/index.handler', '-'], '{"name":"stdin"}');
    expect(JSON.parse(fromStdin.stdout).greeting).toBe('Hello, stdin!');
  });

  it('reports a 15-minute timeout quickly, with exit 1', () => {
    const started = Date.now();
    const r = cli(['invoke', 'examples/slow/index.handler', '--timeout', '900']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errorType).toBe('Sandbox.Timedout');
    expect(r.stderr).toContain('Task timed out after 900.00 seconds');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('exits 2 with a one-line reason on usage and service errors', () => {
    const missing = cli(['invoke', 'examples/nowhere.handler']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no module');
    const badJson = cli(['invoke', 'examples/hello/index.handler', '--event', '{nope']);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/^InvalidRequestContentException: /);
    const badTimeout = cli(['invoke', 'examples/hello/index.handler', '--timeout', '0']);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain('between 1 and 900 seconds');
    expect(cli(['frobnicate']).code).toBe(2);
  });
});
