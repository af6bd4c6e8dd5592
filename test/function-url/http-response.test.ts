import { describe, expect, it } from 'vitest';
import { httpResponseOf } from '../../src/function-url/http-response.js';

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
