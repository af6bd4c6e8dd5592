import { describe, expect, it } from 'vitest';
import { batchReady } from '../../src/event-sources/batch-ready.js';

describe('batchReady', () => {
  it('sends a batch at once without a batching window, full or not', () => {
    expect(batchReady(0, 0, 0, () => false)).toBe(true);
  });

  it('holds a batch that is not full until its window closes', () => {
    expect(batchReady(4999, 5000, 0, () => false)).toBe(false);
    expect(batchReady(5000, 5000, 0, () => false)).toBe(true);
  });

  it('sends a full batch before its window closes', () => {
    expect(batchReady(1, 5000, 0, () => true)).toBe(true);
  });

  it('weighs the batch only while its window is open', () => {
    let asked = 0;
    const full = (): boolean => {
      asked++;
      return false;
    };
    batchReady(0, 0, 0, full);
    batchReady(5000, 5000, 0, full);
    expect(asked).toBe(0);
    batchReady(1, 5000, 0, full);
    expect(asked).toBe(1);
  });
});
