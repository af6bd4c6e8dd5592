import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/demo.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');

describe('demo', () => {
  it('runs every section over the bundled examples and tells what the harness reported', async () => {
    let stdout = '';
    const code = await demoCommand([examples], { stdout: (s) => (stdout += s), stderr: () => undefined });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // A cold start then a warm one; an expiry; a throttle; a 15-minute timeout in milliseconds; retries into a DLQ; SQS.
    expect(lines.filter((l) => l.startsWith('-> coldStart:')).map((l) => l.split(',')[0])).toEqual(['-> coldStart: true', '-> coldStart: false', '-> coldStart: true']);
    expect(stdout).toContain('-> second: TooManyRequestsException (429)');
    expect(stdout).toMatch(/-> 900 s of virtual time reported in [\d.]+ ms of wall time/);
    expect(stdout).toContain('1 deleted, 1 moved to orders-dlq');
    // The canary: both versions take traffic, then only version 2 does; an unknown qualifier is a 404.
    expect(stdout).toMatch(/-> 200 invokes of live: version 1: \d+, version 2: \d+/);
    expect(stdout).toContain('-> promoted, 200 more: version 2: 200');
    expect(stdout).toContain('-> qualifier staging: ResourceNotFoundException (404)');
  });
});
