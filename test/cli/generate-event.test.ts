import { describe, expect, it } from 'vitest';
import { generateEventCommand, samPairs } from '../../src/cli/generate-event.js';
import { readSamManifest } from '../events/_samples.js';

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = generateEventCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('generate-event', () => {
  it('covers every service/event pair of sam local generate-event', () => {
    const covered = new Set(samPairs().map((p) => `${p.service} ${p.event}`));
    const missing = readSamManifest()
      .map((m) => `${m.service} ${m.event}`)
      .filter((pair) => !covered.has(pair));
    expect(missing, `uncovered sam pairs: ${missing.join(', ')}`).toEqual([]);
  });

  it('prints a valid JSON event and exits 0', () => {
    const { code, stdout } = run(['apigateway', 'http-api-proxy']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { version: string }).version).toBe('2.0');
  });

  it('sets a path, parsing the value as JSON when it parses', () => {
    const { stdout } = run(['apigateway', 'aws-proxy', '--set', 'body=hello', '--set', 'requestContext.requestTimeEpoch=5', '--set=headers.X-Test=[1]']);
    const event = JSON.parse(stdout) as { body: string; requestContext: { requestTimeEpoch: number }; headers: Record<string, unknown> };
    expect(event.body).toBe('hello');
    expect(event.requestContext.requestTimeEpoch).toBe(5);
    expect(event.headers['X-Test']).toEqual([1]);
  });

  it('is identical for the same seed and differs for another', () => {
    expect(run(['alb', 'request', '--seed', '3']).stdout).toBe(run(['alb', 'request', '--seed', '3']).stdout);
    expect(run(['alb', 'request', '--seed', '3']).stdout).not.toBe(run(['alb', 'request', '--seed', '4']).stdout);
  });

  it('lists the pairs with --list', () => {
    const { code, stdout } = run(['--list']);
    expect(code).toBe(0);
    expect(stdout).toContain('apigateway aws-proxy');
  });

  it('fails with the list of valid names for an unknown service or event', () => {
    const service = run(['nope', 'x']);
    expect(service.code).toBe(2);
    expect(service.stderr).toContain('apigateway http-api-proxy');
    const event = run(['apigateway', 'nope']);
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('apigateway aws-proxy');
  });

  it('exits 2 on usage errors', () => {
    expect(run([]).code).toBe(2);
    expect(run(['alb', 'request', '--seed', 'x']).code).toBe(2);
    expect(run(['alb', 'request', '--set', 'novalue']).code).toBe(2);
    expect(run(['alb', 'request', '--bogus']).code).toBe(2);
  });
});
