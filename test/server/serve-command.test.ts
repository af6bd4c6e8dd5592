import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/index.js';

function capture(): { io: { stdout: (s: string) => void; stderr: (s: string) => void }; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

async function serveUntil(argv: string[], use: (server: RunningServer) => Promise<void>): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const stop = new AbortController();
  let ready!: (s: RunningServer) => void;
  const listening = new Promise<RunningServer>((r) => (ready = r));
  const finished = serveCommand(argv, c.io, { signal: stop.signal, onListening: ready });
  const outcome = await Promise.race([listening.then((s) => ({ s })), finished.then((code) => ({ code }))]);
  if ('s' in outcome) {
    try {
      await use(outcome.s);
    } finally {
      stop.abort();
    }
  }
  return { code: await finished, out: c.out(), err: c.err() };
}

describe('lambda-harness serve', () => {
  it('exits 2 with the usage when no function is given', async () => {
    const c = capture();
    expect(await serveCommand([], c.io)).toBe(2);
    expect(c.err()).toContain('give at least one --function name=path/file.export');
    expect(c.err()).toContain('usage: lambda-harness serve');
  });

  it('exits 2 for a malformed --function and an unknown flag', async () => {
    const c = capture();
    expect(await serveCommand(['--function', 'hello-world'], c.io)).toBe(2);
    expect(c.err()).toContain('--function takes name=path/file.export');
    expect(await serveCommand(['--function', 'a=b.handler', '--bogus'], c.io)).toBe(2);
    expect(c.err()).toContain('unknown argument --bogus');
  });

  it('exits 2 with a reason for a handler file that does not exist or an invalid timeout', async () => {
    const c = capture();
    expect(await serveCommand(['--function', 'nope=does/not/exist.handler', '--timeout', '901'], c.io)).toBe(2);
    expect(c.err()).toMatch(/timeout must be an integer between 1 and 900/);
  });

  it('also serves a function at a function URL with --url, closed on shutdown', async () => {
    const c = capture();
    const stop = new AbortController();
    let ready!: () => void;
    const listening = new Promise<void>((r) => (ready = r));
    const finished = serveCommand(['--function', 'hello-world=test/server/fixtures/hello.handler', '--url', 'hello-world', '--quiet'], c.io, {
      signal: stop.signal,
      onListening: () => ready(),
    });
    await listening;
    const url = /hello-world\tfunction URL (http:\/\/127\.0\.0\.1:\d+)\//.exec(c.out())?.[1];
    expect(url, c.out()).toBeDefined();
    // The fixture greets event.name: a function URL event has none, and answers the object as JSON.
    const res = await fetch(`${url!}/hi`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { greeting: string }).greeting).toBe('Hello, undefined!');
    stop.abort();
    expect(await finished).toBe(0);
    await expect(fetch(url!)).rejects.toThrow();
  });

  it('serves a streaming handler at a RESPONSE_STREAM URL with --url <name>=RESPONSE_STREAM', async () => {
    const c = capture();
    const stop = new AbortController();
    let ready!: () => void;
    const listening = new Promise<void>((r) => (ready = r));
    const finished = serveCommand(
      ['--function', 'feed=test/fixtures/handlers/streaming/gated.handler', '--url', 'feed=RESPONSE_STREAM', '--quiet'],
      c.io,
      { signal: stop.signal, onListening: () => ready() },
    );
    await listening;
    const url = /feed\tfunction URL (http:\/\/127\.0\.0\.1:\d+)\//.exec(c.out())?.[1];
    const api = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(c.out())?.[1];
    // The handler streams its status and a first event, then fails: a streaming URL has already sent the 200 and cuts
    // the body, where a BUFFERED one would answer 502.
    const res = await fetch(`${url!}/?fail=1&gate=${encodeURIComponent(`${api!}/`)}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    await expect(res.text()).rejects.toThrow();
    stop.abort();
    expect(await finished).toBe(0);
    expect(await serveCommand(['--function', 'a=b.handler', '--url', 'a=STREAMING'], c.io)).toBe(2);
    expect(c.err()).toContain('--url takes <name> or <name>=RESPONSE_STREAM');
  });

  it('exits 2 for --url naming a function it does not serve', async () => {
    const c = capture();
    expect(await serveCommand(['--function', 'a=b.handler', '--url', 'b'], c.io)).toBe(2);
    expect(c.err()).toContain('--url b: no function of that name');
  });

  it('serves functions from flags, prints the URL and shuts down cleanly', async () => {
    const result = await serveUntil(['--function', 'hello-world=test/server/fixtures/hello.handler', '--quiet', '--timeout', '5'], async (server) => {
      const res = await fetch(`${server.url}/2015-03-31/functions/hello-world/invocations`, { method: 'POST', body: '{"name":"cli"}' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { greeting: string }).greeting).toBe('Hello, cli!');
    });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^lambda-harness serve: listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(result.out).toContain('hello-world\tarn:aws:lambda:us-east-1:123456789012:function:hello-world');
    expect(result.err).toContain('shutting down');
  });

  it('reads functions from a config file, handler paths relative to it, rejecting unknown keys', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lh-serve-'));
    try {
      writeFileSync(path.join(dir, 'h.mjs'), 'export const handler = async (e) => ({ echoed: e });\n');
      writeFileSync(path.join(dir, 'serve.json'), JSON.stringify({ region: 'eu-west-1', functions: { echo: { handler: 'h.handler', timeout: 10 } } }));
      const result = await serveUntil(['--config', path.join(dir, 'serve.json'), '--quiet'], async (server) => {
        const res = await fetch(`${server.url}/2015-03-31/functions/echo/invocations`, { method: 'POST', body: '[1]' });
        expect(await res.json()).toEqual({ echoed: [1] });
      });
      expect(result.code).toBe(0);
      expect(result.out).toContain('arn:aws:lambda:eu-west-1:123456789012:function:echo');
      writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ functions: { echo: { handler: 'h.handler', timeot: 1 } } }));
      const c = capture();
      expect(await serveCommand(['--config', path.join(dir, 'bad.json')], c.io)).toBe(2);
      expect(c.err()).toContain('unknown key "timeot"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const bin = path.resolve('dist/cli/bin.js');
  const built = existsSync(path.resolve('dist/cli/serve.js'));
  it.skipIf(!built)(`stops gracefully on SIGTERM as a real process${built ? '' : ' (skipped: run npm run build first)'}`, async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--function', 'hello-world=test/server/fixtures/hello.handler', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const res = await fetch(`${url}/2015-03-31/functions/hello-world/invocations`, { method: 'POST', body: '{"name":"proc"}' });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM, finishing running invocations and shutting down');
  });
});
