import { describe, expect, it } from 'vitest';
import { httpResponseOf, httpResponseOfStream } from '../../src/function-url/http-response.js';

const of = (payload: unknown) => httpResponseOf(payload, JSON.stringify(payload), 'BUFFERED');

describe('how a function URL answers a result', () => {
  it('serialises an object body of an HTTP response, and sends none for a missing or null body', () => {
    expect(of({ statusCode: 200, body: { a: 1 } }).body.toString()).toBe('{"a":1}');
    expect(of({ statusCode: 204 }).body.byteLength).toBe(0);
    expect(of({ statusCode: 200, body: null }).body.byteLength).toBe(0);
  });

  it('keeps a Content-Type the function set, in whatever case, instead of adding application/json', () => {
    expect(of({ statusCode: 200, headers: { 'CONTENT-TYPE': 'text/html' }, body: '<p>' }).headers).toEqual([['CONTENT-TYPE', 'text/html']]);
  });

  it('treats a statusCode that is no HTTP status as a malformed response: 502', () => {
    for (const statusCode of ['abc', 99, 600, 200.5]) {
      const response = of({ statusCode, body: 'x' });
      expect([response.status, response.body.toString()]).toEqual([502, 'Internal Server Error']);
    }
  });

  it('answers null as the body null', () => {
    expect(of(null).body.toString()).toBe('null');
  });
});

describe('how a function URL answers a streamed response', () => {
  const integration = 'application/vnd.awslambda.http-integration-response';
  const framed = (prelude: unknown, body: string) => Buffer.concat([Buffer.from(JSON.stringify(prelude)), Buffer.alloc(8), Buffer.from(body)]);

  it('takes status, headers and cookies from the prelude, and the bytes after the 8 NULs as the body', () => {
    const r = httpResponseOfStream({ contentType: integration, body: framed({ statusCode: '201', headers: { 'X-Id': 7 }, cookies: ['a=1', 'b=2'] }, 'made') });
    expect(r.status).toBe(201);
    expect(r.headers).toEqual([
      ['X-Id', '7'],
      ['Content-Type', 'application/octet-stream'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    expect(r.body.toString()).toBe('made');
  });

  it('keeps NUL bytes that belong to the body, splitting at the first delimiter only', () => {
    const r = httpResponseOfStream({ contentType: integration, body: framed({ statusCode: 200 }, '\0'.repeat(9)) });
    expect(r.body).toEqual(Buffer.alloc(9));
  });

  it('answers an integration stream without its prelude as AWS does: 200 when empty, else 502 (RIC issue #97)', () => {
    expect(httpResponseOfStream({ contentType: integration, body: Buffer.alloc(0) }).status).toBe(200);
    expect(httpResponseOfStream({ contentType: integration, body: Buffer.from('Not Found') }).status).toBe(502);
  });

  it('sends any other stream as a 200 body with its own content type', () => {
    const r = httpResponseOfStream({ contentType: 'text/csv', body: Buffer.from('a,b') });
    expect(r).toEqual({ status: 200, headers: [['Content-Type', 'text/csv']], body: Buffer.from('a,b') });
  });

  it('answers a prelude that is not a JSON object, or no HTTP status, as a malformed response (502)', () => {
    expect(httpResponseOfStream({ contentType: integration, body: Buffer.concat([Buffer.from('{oops'), Buffer.alloc(8)]) }).status).toBe(502);
    expect(httpResponseOfStream({ contentType: integration, body: framed({ statusCode: 42 }, '') }).status).toBe(502);
  });
});
