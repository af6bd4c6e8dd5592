import { describe, expect, it } from 'vitest';
import { InvalidParameterValueError } from '../../src/index.js';
import { pollerConcurrency, resolveSqsMapping } from '../../src/event-sources/sqs-rules.js';

const STANDARD = { fifo: false, visibilityTimeoutMs: 30_000 };
const FIFO = { fifo: true, visibilityTimeoutMs: 30_000 };

describe('resolveSqsMapping', () => {
  it('defaults to batches of 10, no window, whole-batch failures, enabled', () => {
    expect(resolveSqsMapping({}, STANDARD, () => 3)).toEqual({ batchSize: 10, windowMs: 0, reportBatchItemFailures: false, maximumConcurrency: 1000, enabled: true });
  });

  it('refuses a batch above 10 without a batching window, with AWS’s message', () => {
    expect(() => resolveSqsMapping({ batchSize: 11 }, STANDARD, () => 3)).toThrow('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
    expect(resolveSqsMapping({ batchSize: 10_000, maximumBatchingWindowInSeconds: 1 }, STANDARD, () => 3)).toMatchObject({ batchSize: 10_000, windowMs: 1000 });
  });

  it('holds FIFO queues to batches of 10 and no batching window', () => {
    expect(() => resolveSqsMapping({ batchSize: 11, maximumBatchingWindowInSeconds: 5 }, FIFO, () => 3)).toThrow(/between 1 and 10 for a FIFO queue/);
    expect(() => resolveSqsMapping({ maximumBatchingWindowInSeconds: 5 }, FIFO, () => 3)).toThrow(/not supported for FIFO queues/);
  });

  it.each([
    [{ batchSize: 0 }, /batchSize must be an integer between 1 and 10000/],
    [{ maximumBatchingWindowInSeconds: 301 }, /between 0 and 300 seconds/],
    [{ maximumConcurrency: 1 }, /maximumConcurrency must be an integer between 2 and 1000/],
    [{ functionResponseTypes: ['Everything'] }, /functionResponseTypes must be \[\] or \['ReportBatchItemFailures'\]/],
    [{ enabled: 'yes' }, /enabled must be true or false/],
  ])('refuses %j as CreateEventSourceMapping does', (options, message) => {
    expect(() => resolveSqsMapping(options as never, STANDARD, () => 3)).toThrow(InvalidParameterValueError);
    expect(() => resolveSqsMapping(options as never, STANDARD, () => 3)).toThrow(message);
  });

  it('refuses an unknown option, naming the valid ones', () => {
    expect(() => resolveSqsMapping({ batchsize: 5 } as never, STANDARD, () => 3)).toThrow(/unknown option "batchsize". Valid options: batchSize/);
  });
});

describe('pollerConcurrency', () => {
  it('starts at 5 batches and adds 300 a minute while messages wait, up to 1,000', () => {
    expect([0, 59_999, 60_000, 120_000, 180_000, 600_000].map((ms) => pollerConcurrency(ms, 1000))).toEqual([5, 5, 305, 605, 905, 1000]);
  });

  it('never passes maximumConcurrency', () => {
    expect(pollerConcurrency(0, 2)).toBe(2);
    expect(pollerConcurrency(3_600_000, 50)).toBe(50);
  });
});
