import { describe, expect, it } from 'vitest';
import { compileFilterCriteria, kinesisFilterView, sqsFilterView } from '../../src/event-sources/filter-criteria.js';
import { InvalidParameterValueError } from '../../src/index.js';

const keep = (...patterns: (string | object)[]) => compileFilterCriteria({ filters: patterns.map((pattern) => ({ pattern })) })!;
const body = (value: unknown) => sqsFilterView(typeof value === 'string' ? value : JSON.stringify(value));

describe('compileFilterCriteria', () => {
  it.each([
    ['equals', { body: { type: ['order'] } }, { type: 'order' }, { type: 'refund' }],
    ['null', { body: { user: [null] } }, { user: null }, { user: 'ann' }],
    ['the empty string', { body: { name: [''] } }, { name: '' }, { name: 'x' }],
    ['any of several values (or)', { body: { pay: ['credit', 'debit'] } }, { pay: 'debit' }, { pay: 'cash' }],
    ['every key (and)', { body: { a: ['x'], b: ['y'] } }, { a: 'x', b: 'y' }, { a: 'x', b: 'z' }],
    ['anything-but a value', { body: { w: [{ 'anything-but': ['rain'] }] } }, { w: 'sun' }, { w: 'rain' }],
    ['anything-but a prefix', { body: { w: [{ 'anything-but': { prefix: 'ra' } }] } }, { w: 'sun' }, { w: 'rain' }],
    ['a number', { body: { n: [{ numeric: ['=', 100] }] } }, { n: 100 }, { n: 101 }],
    ['a numeric range', { body: { n: [{ numeric: ['>', 10, '<=', 20] }] } }, { n: 20 }, { n: 10 }],
    ['a key that exists', { body: { k: [{ exists: true }] } }, { k: 0 }, { j: 0 }],
    ['a key that exists, null', { body: { k: [{ exists: true }] } }, { k: null }, { k: {} }],
    ['a key that does not exist', { body: { k: [{ exists: false }] } }, { j: 0 }, { k: 0 }],
    ['a key that does not exist, nor its parent', { body: { a: { b: [{ exists: false }] } } }, { c: 1 }, { a: { b: 1 } }],
    ['any object of an array of them', { body: { items: { sku: ['b'] } } }, { items: [{ sku: 'a' }, { sku: 'b' }] }, { items: [{ sku: 'a' }] }],
    ['anything-but, on values only', { body: { w: [{ 'anything-but': 'rain' }] } }, { w: 'sun' }, { w: { sky: 'sun' } }],
    ['a prefix', { body: { region: [{ prefix: 'us-' }] } }, { region: 'us-east-1' }, { region: 'eu-west-1' }],
    ['a suffix', { body: { file: [{ suffix: '.png' }] } }, { file: 'a.png' }, { file: 'a.jpg' }],
    ['a value in any case', { body: { s: [{ 'equals-ignore-case': 'ok' }] } }, { s: 'OK' }, { s: 'no' }],
    ['any element of an array', { body: { tags: ['b'] } }, { tags: ['a', 'b'] }, { tags: ['a', 'c'] }],
    ['nested keys', { body: { order: { total: [{ numeric: ['>', 5] }] } } }, { order: { total: 6 } }, { order: { total: 5 } }],
    ['either of two patterns ($or)', { body: { $or: [{ a: ['1'] }, { b: ['2'] }] } }, { b: '2' }, { a: '2' }],
  ])('matches %s', (_what, pattern, matching, other) => {
    const test = keep(pattern);
    expect(test(body(matching))).toBe(true);
    expect(test(body(other))).toBe(false);
  });

  it('passes a record that matches any of the filters, and takes patterns as JSON text or objects', () => {
    const test = keep('{"body":{"a":["1"]}}', { body: { a: ['2'] } });
    expect([test(body({ a: '1' })), test(body({ a: '2' })), test(body({ a: '3' }))]).toEqual([true, true, false]);
  });

  it('matches an SQS text body with a string pattern, never with an object pattern; a JSON body the other way round', () => {
    expect(keep({ body: ['hello'] })(body('hello'))).toBe(true);
    expect(keep({ body: [{ prefix: 'hel' }] })(body('hello'))).toBe(true);
    expect(keep({ body: { a: ['1'] } })(body('hello'))).toBe(false);
    expect(keep({ body: ['{"a":"1"}'] })(body({ a: '1' }))).toBe(false);
  });

  it('matches a Kinesis record on its data, decoded from base64', () => {
    const data = (value: unknown) => kinesisFilterView(Buffer.from(JSON.stringify(value)).toString('base64'));
    const test = keep({ data: { event_type: ['function_1'] } });
    expect([test(data({ event_type: 'function_1', message: 'foo' })), test(data({ event_type: 'function_2' }))]).toEqual([true, false]);
  });

  it('refuses what AWS refuses with its message (recorded: test_sqs_invalid_event_filter), and more than 5 filters', () => {
    const invalid = [
      // The four AWS answered so.
      'null',
      'simple string',
      '{"eventSource":"aws:sqs"}',
      '{"eventSource":[]}',
      // Malformed matchers.
      '{"a":[{"numeric":[">"]}]}',
      '{"a":[{"numeric":["<",5,">",1]}]}',
      '{"a":[{"anything-but":[]}]}',
      '{"a":[{"anything-but":null}]}',
      '{"a":[{"regex":"x"}]}',
      '{"$or":[{"a":["1"]}]}',
      '{"$or":{"a":["1"]}}',
      '{}',
    ];
    for (const pattern of invalid) {
      let error: unknown;
      try {
        keep(pattern);
      } catch (e) {
        error = e;
      }
      expect(error, pattern).toBeInstanceOf(InvalidParameterValueError);
      expect((error as Error).message, pattern).toBe('Invalid filter pattern definition.');
    }
    expect(() => keep(...Array.from({ length: 6 }, () => ({ a: ['1'] })))).toThrow(/at most 5 filters/);
    expect(compileFilterCriteria({ filters: [] })).toBeUndefined();
  });

  // The SQS vectors LocalStack recorded against AWS (test_lambda_integration_sqs.snapshot.json,
  // TestSQSEventSourceMapping::test_sqs_event_filter[filterN-…]): exactly the first body of each reached the function.
  it.each([
    [{ body: { testItem: ['test24'] } }, { testItem: 'test24' }, { testItem: 'tesWER' }],
    [{ body: { testItem: ['test24', 'test45'] } }, { testItem: 'test45' }, { testItem: 'WERTD' }],
    [{ body: { testItem: ['test24', 'test45'], test2: ['go'] } }, { testItem: 'test45', test2: 'go' }, { testItem: 'test67', test2: 'go' }],
    [{ body: { test2: [{ exists: true }] } }, { test2: '7411' }, { test5: '74545' }],
    [{ body: { testItem: [{ numeric: ['>', 100] }] } }, { testItem: 105 }, 'this is a test string'],
    [{ body: { testItem: [{ numeric: ['<', 100] }] } }, { testItem: 93 }, { testItem: 105 }],
    [{ body: { testItem: [{ numeric: ['>=', 100, '<', 200] }] } }, { testItem: 105 }, { testItem: 200 }],
    [{ body: { testItem: [{ prefix: 'us-1' }] } }, { testItem: 'us-1-48454' }, { testItem: 'eu-wert' }],
  ])('keeps what AWS kept for %j', (pattern, matching, other) => {
    const test = keep(pattern);
    expect([test(body(matching)), test(body(other))]).toEqual([true, false]);
  });
});
