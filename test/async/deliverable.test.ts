import { describe, expect, it } from 'vitest';
import { isFifoQueue, isTargetOf } from '../../src/async/deliverable.js';
import { resolveStreamMapping } from '../../src/event-sources/stream-rules.js';
import { createBucket, createEventBus, createFunction, createQueue, createTopic, HarnessError, InvalidParameterValueError } from '../../src/index.js';

describe('isTargetOf and isFifoQueue', () => {
  it('recognise in-memory targets of the kinds asked for, and nothing that only looks like one', () => {
    expect(isTargetOf(createQueue('q'), ['queue', 'topic'])).toBe(true);
    expect(isTargetOf(createEventBus('bus'), ['queue', 'topic'])).toBe(false);
    expect(isTargetOf(createBucket('bucket'), ['bucket'])).toBe(true);
    for (const fake of [{ kind: 'queue' }, null, undefined, 'arn:aws:sqs:us-east-1:123456789012:q']) expect(isTargetOf(fake, ['queue'])).toBe(false);
    expect(isFifoQueue(createQueue('q.fifo'))).toBe(true);
    expect(isFifoQueue(createQueue('q'))).toBe(false);
    expect(isFifoQueue(createTopic('t'))).toBe(false);
    expect(isFifoQueue(undefined)).toBe(false);
  });

  it('back both rules, each of which refuses in its own words: a function’s asynchronous settings and a stream mapping’s on-failure destination', () => {
    const handler = async (): Promise<number> => 1;
    // createFunction: a thing that is no target is harness misuse; a FIFO queue is Lambda's refusal.
    expect(() => createFunction({ handler, deadLetterQueue: createEventBus('bus') as never })).toThrow(HarnessError);
    expect(() => createFunction({ handler, deadLetterQueue: createEventBus('bus') as never })).not.toThrow(InvalidParameterValueError);
    expect(() => createFunction({ handler, destinations: { onFailure: createEventBus('bus') } })).not.toThrow();
    expect(() => createFunction({ handler, destinations: { onFailure: createQueue('f.fifo') } })).toThrow(/FIFO queue; Lambda sends asynchronous failures and records to standard queues only/);
    // A stream mapping: both are Lambda's refusal, and an event bus is not among its destinations.
    expect(() => resolveStreamMapping({ startingPosition: 'LATEST', destinations: { onFailure: createEventBus('bus') as never } })).toThrow(InvalidParameterValueError);
    expect(() => resolveStreamMapping({ startingPosition: 'LATEST', destinations: { onFailure: createQueue('f.fifo') } })).toThrow(/a FIFO queue is not supported as an on-failure destination/);
  });
});
