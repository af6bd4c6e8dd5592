/** The comparison every replay relies on: placeholders bind consistently, and a real difference fails. */
import { describe, expect, it } from 'vitest';
import { expectRecorded } from './_recordings.js';

const id1 = '0b5fe3a7-8a52-4f37-9b41-1c1f0d6f4d1e';
const id2 = '6f1c2b7e-1d0a-4e47-8f7c-2b4a1e9d0c3f';

describe('comparing a harness value with an AWS recording', () => {
  it('binds a numbered placeholder on first sight and holds it to the same value after', () => {
    const bindings = expectRecorded({ a: id1, b: `x ${id1}` }, { a: '<uuid:2>', b: 'x <uuid:2>' });
    expect(bindings.get('<uuid:2>')).toBe(id1);
    expect(() => expectRecorded({ a: id1, b: id2 }, { a: '<uuid:2>', b: '<uuid:2>' })).toThrow(/b: got/);
  });

  it('lets an unnumbered placeholder stand for different values, unless the test binds it', () => {
    expectRecorded({ a: id1, b: id2 }, { a: '<uuid>', b: '<uuid>' });
    expect(() => expectRecorded({ a: 'not-an-id' }, { a: '<uuid>' })).toThrow(/a: got/);
    expect(() => expectRecorded({ a: id2 }, { a: '<uuid>' }, { bindings: new Map([['<uuid>', id1]]) })).toThrow(/a: got/);
  });

  it('reads `date` as an ISO-8601 timestamp and opaque placeholders as any present value', () => {
    expectRecorded({ t: '2026-11-28 2026-11-28T11:00:00.000Z', trace: ['TypeError: x'] }, { t: '2026-11-28 date', trace: '<stack-trace>' });
    expect(() => expectRecorded({ t: 'yesterday' }, { t: 'date' })).toThrow();
    expect(() => expectRecorded({}, { trace: '<stack-trace>' })).toThrow(/keys differ/);
  });

  it('fails on a different value, a missing or extra key, and (when asked) a different key order', () => {
    expect(() => expectRecorded({ errorType: 'Error' }, { errorType: 'TypeError' })).toThrow(/errorType: got "Error"/);
    expect(() => expectRecorded({ a: 1, b: 2 }, { a: 1 })).toThrow(/not recorded \["b"\]/);
    expect(() => expectRecorded({ b: 1, a: 2 }, { a: 2, b: 1 }, { ordered: true })).toThrow(/key order/);
    expectRecorded({ b: 1, a: 2 }, { a: 2, b: 1 });
  });
});
