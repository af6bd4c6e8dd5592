import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, recordAttributes } from '../../src/event-sources/sqs-record.js';
import { md5OfMessageAttributes } from '../../src/events/messaging/_hash.js';

describe('javaHashMapOrder', () => {
  it('orders attribute names as the recorded delivery did', () => {
    expect(javaHashMapOrder(['Title', 'Author', 'WeeksOn'])).toEqual(['WeeksOn', 'Author', 'Title']);
  });

  it('is a permutation that does not depend on the order it is given', () => {
    const names = ['a', 'tenant', 'Z', 'retries', 'x-trace', 'b1', 'b2', 'ü', 'long-attribute-name', 'k'];
    const ordered = javaHashMapOrder(names);
    expect([...ordered].sort()).toEqual([...names].sort());
    expect(javaHashMapOrder([...names].reverse())).toEqual(ordered);
  });
});

describe('recordAttributes', () => {
  it('gives each attribute the record form, a Binary one as binaryValue', () => {
    expect(recordAttributes({ n: { DataType: 'Number', StringValue: '6' }, b: { DataType: 'Binary', StringValue: 'AAE=' } })).toEqual({
      b: { binaryValue: 'AAE=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      n: { stringValue: '6', stringListValues: [], binaryListValues: [], dataType: 'Number' },
    });
  });

  it('digests to the recorded md5OfMessageAttributes', () => {
    const attributes = recordAttributes({
      Title: { DataType: 'String', StringValue: 'The Whistler' },
      Author: { DataType: 'String', StringValue: 'John Grisham' },
      WeeksOn: { DataType: 'Number', StringValue: '6' },
    });
    // Verbatim in the recording sqs-esm-record-shape.
    expect(md5OfMessageAttributes(attributes)).toBe('d25a6aea97eb8f585bfa92d314504a92');
  });
});
