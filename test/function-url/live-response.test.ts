import { describe, expect, it } from 'vitest';
import { LiveResponse } from '../../src/function-url/live-response.js';

const integration = 'application/vnd.awslambda.http-integration-response';

function recorder(): { live: LiveResponse; events: unknown[] } {
  const events: unknown[] = [];
  const live = new LiveResponse({ head: (status, headers) => events.push(['head', status, headers]), write: (body) => events.push(['write', body.toString()]) });
  return { live, events };
}

describe('a live function URL response', () => {
  it('waits for the whole prelude, even split across writes, then sends status, headers and the rest', () => {
    const { live, events } = recorder();
    const prelude = Buffer.from(JSON.stringify({ statusCode: 201, headers: { 'X-A': '1' } }));
    live.chunk(prelude.subarray(0, 5), integration, 'id-1');
    expect(events).toEqual([]);
    live.chunk(Buffer.concat([prelude.subarray(5), Buffer.alloc(4)]), integration, 'id-1');
    live.chunk(Buffer.concat([Buffer.alloc(4), Buffer.from('body')]), integration, 'id-1');
    live.chunk(Buffer.from(' more'), integration, 'id-1');
    expect(events).toEqual([
      ['head', 201, [['X-A', '1'], ['Content-Type', 'application/octet-stream'], ['x-amzn-RequestId', 'id-1']]],
      ['write', 'body'],
      ['write', ' more'],
    ]);
    expect(live.started).toBe(true);
  });

  it('starts any other stream at its first chunk, with its content type', () => {
    const { live, events } = recorder();
    live.chunk(Buffer.from('a,b'), 'text/csv', 'id-2');
    expect(events).toEqual([['head', 200, [['Content-Type', 'text/csv'], ['x-amzn-RequestId', 'id-2']]], ['write', 'a,b']]);
  });

  it('sends nothing for a prelude that is not a JSON object with an HTTP status, leaving the answer to the end', () => {
    const { live, events } = recorder();
    live.chunk(Buffer.concat([Buffer.from('{"statusCode":42}'), Buffer.alloc(8), Buffer.from('x')]), integration, 'id-3');
    expect(events).toEqual([]);
    expect(live.started).toBe(false);
    live.chunk(Buffer.from('more'), integration, 'id-3');
    expect(events).toEqual([]);
  });
});
