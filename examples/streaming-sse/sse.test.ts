import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunction, startFunctionUrl, type RunningServer } from 'lambda-harness';

const root = path.dirname(fileURLToPath(import.meta.url));
// The handler file as deployed: it reads the `awslambda` global at import, which every simulated environment has.
const fn = createFunction({ handler: 'index.handler', root, name: 'answers', timeout: 30 });
let url: RunningServer;
beforeAll(async () => {
  url = await startFunctionUrl(fn, { invokeMode: 'RESPONSE_STREAM' });
});
afterAll(async () => {
  await url.close();
  await fn.dispose();
});

/** The `data:` payloads of a server-sent events text. */
const dataOf = (text: string): unknown[] => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));

describe('a streaming SSE endpoint', () => {
  it('streams one event per word, each written as its own chunk, in virtual time', async () => {
    const started = performance.now();
    const r = await fn.invoke({ queryStringParameters: { q: 'why' } });
    const words = ['You', 'asked:', 'why.', 'Here', 'is', 'a', 'streamed', 'answer.'];

    expect(r.ok).toBe(true);
    expect(r.responseStream?.contentType).toBe('application/vnd.awslambda.http-integration-response');
    // The prelude and its 8 NUL bytes, then one chunk per event: what the function URL turns into a response.
    const events = r.responseStream!.chunks.slice(2).map(String);
    expect(events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)).word)).toEqual(words);
    expect(events.at(-1)).toBe('event: done\ndata: {}\n\n');
    expect(r.durationMs).toBeGreaterThanOrEqual(words.length * 200);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('answers fetch with the prelude’s status and headers, then the events', async () => {
    const res = await fetch(`${url.url}/ask?q=${encodeURIComponent('what is lambda')}`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const text = await res.text();
    expect(dataOf(text).slice(0, 4)).toEqual([{ word: 'You' }, { word: 'asked:' }, { word: 'what' }, { word: 'is' }]);
    expect(text.endsWith('event: done\ndata: {}\n\n')).toBe(true);
  });

  it('answers a missing question with the 400 its prelude sets', async () => {
    const res = await fetch(`${url.url}/ask`);

    expect(res.status).toBe(400);
    expect(await res.text()).toBe('missing ?q=');
  });
});
