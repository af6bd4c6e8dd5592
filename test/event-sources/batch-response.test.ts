import { describe, expect, it } from 'vitest';
import { batchItemFailureIds, judgeBatch } from '../../src/event-sources/batch-response.js';

describe('batchItemFailureIds', () => {
  it.each([null, undefined, '', [], {}, { batchItemFailures: [] }, { batchItemFailures: null }])('reads %j as no failures', (response) => {
    expect(batchItemFailureIds(response)).toEqual([]);
  });

  it.each([
    { batchItemFailures: [{ itemIdentifier: 123 }] },
    { batchItemFailures: [{ itemIdentifier: '' }] },
    { batchItemFailures: [{ itemIdentifier: null }] },
    { batchItemFailures: [{ foo: 'a' }] },
    { batchItemFailures: 'a' },
    { other: 1 },
    'ok',
    7,
  ])('reads %j as malformed', (response) => {
    expect(batchItemFailureIds(response)).toBeUndefined();
  });

  it('reads the identifiers in order', () => {
    expect(batchItemFailureIds({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'a' }] })).toEqual(['b', 'a']);
  });
});

describe('judgeBatch', () => {
  const ids = ['a', 'b', 'c'];

  it('fails the whole batch on a function error, whatever the response types', () => {
    expect(judgeBatch({ ok: false, payload: { batchItemFailures: [] } }, ids, true)).toEqual({ kind: 'failed', reason: 'function-error' });
    expect(judgeBatch({ ok: false, payload: null }, ids, false)).toEqual({ kind: 'failed', reason: 'function-error' });
  });

  it('takes any response as success without ReportBatchItemFailures, even one naming failures', () => {
    expect(judgeBatch({ ok: true, payload: { batchItemFailures: [{ itemIdentifier: 'a' }] } }, ids, false)).toEqual({ kind: 'succeeded' });
  });

  it('fails only the named items with ReportBatchItemFailures, each once', () => {
    expect(judgeBatch({ ok: true, payload: { batchItemFailures: [{ itemIdentifier: 'c' }, { itemIdentifier: 'a' }, { itemIdentifier: 'c' }] } }, ids, true)).toEqual({
      kind: 'partial',
      failed: ['c', 'a'],
    });
  });

  it('fails the whole batch when the response names an item that is not in it, or is malformed', () => {
    expect(judgeBatch({ ok: true, payload: { batchItemFailures: [{ itemIdentifier: 'z' }] } }, ids, true)).toEqual({ kind: 'failed', reason: 'invalid-batch-response' });
    expect(judgeBatch({ ok: true, payload: 'done' }, ids, true)).toEqual({ kind: 'failed', reason: 'invalid-batch-response' });
  });
});
