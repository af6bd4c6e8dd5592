import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { exactClockFunctions } from '../_support/functions.js';
import { capturedFifoAttributeOrder } from '../events/_samples.js';
import { createClock, createEventSourceMapping, createQueue, HarnessError } from '../../src/index.js';

const make = exactClockFunctions<SQSEvent>();

const bodies = (event: SQSEvent): string[] => event.Records.map((r) => r.body);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createEventSourceMapping (SQS)', () => {
  it('delivers messages sent before and after it in batches of batchSize, and deletes them once the function succeeds', async () => {
    const queue = createQueue('orders');
    queue.send('early');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 2 });
    for (const body of ['a', 'b', 'c']) queue.send(body);
    const summary = await mapping.drain();
    expect(mapping.batches.map((b) => bodies(b.event))).toEqual([['early', 'a'], ['b', 'c']]);
    expect(summary).toEqual({ batches: 2, deleted: 4, deadLettered: 0, expired: 0, filtered: 0, virtualMs: 0 });
    expect(queue.messages).toEqual([]);
    // The poller invokes synchronously: the invocations are the function's own.
    expect(fn.invocations.map((r) => (r.ok ? r.payload : r.outcome))).toEqual(['ok', 'ok']);
  });

  it('redelivers a failed batch after the visibility timeout, each time with a new receipt handle and the receive count up', async () => {
    const queue = createQueue('flaky', { visibilityTimeout: 30 });
    const fn = make(async (event) => {
      if (event.Records[0]!.attributes.ApproximateReceiveCount !== '3') throw new Error('not yet');
      return 'done';
    });
    const mapping = createEventSourceMapping(fn, queue);
    queue.send('x');
    await mapping.drain();
    const [first, ...rest] = mapping.batches;
    expect(mapping.batches.map((b) => [b.at - first!.at, b.event.Records[0]!.attributes.ApproximateReceiveCount, b.fate.kind])).toEqual([
      [0, '1', 'failed'],
      [30_000, '2', 'failed'],
      [60_000, '3', 'succeeded'],
    ]);
    expect(new Set(mapping.batches.map((b) => b.event.Records[0]!.receiptHandle)).size).toBe(3);
    expect(rest.every((b) => b.event.Records[0]!.messageId === first!.event.Records[0]!.messageId)).toBe(true);
    expect(first!.event.Records[0]!.attributes.ApproximateFirstReceiveTimestamp).toBe(rest[1]!.event.Records[0]!.attributes.ApproximateFirstReceiveTimestamp);
  });

  it('deletes what a partial batch response does not name, and redelivers only the named messages', async () => {
    const queue = createQueue('partial', { visibilityTimeout: 10 });
    const fn = make(async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.body === 'poison' && r.attributes.ApproximateReceiveCount === '1').map((r) => ({ itemIdentifier: r.messageId })),
    }));
    const mapping = createEventSourceMapping(fn, queue, { functionResponseTypes: ['ReportBatchItemFailures'] });
    const poison = queue.send('poison');
    queue.send('fine');
    await mapping.drain();
    expect(mapping.batches.map((b) => [bodies(b.event), b.fate])).toEqual([
      [['poison', 'fine'], { kind: 'partial', failed: [poison] }],
      [['poison'], { kind: 'succeeded' }],
    ]);
  });

  it('without ReportBatchItemFailures, takes a response naming failures as success', async () => {
    const queue = createQueue('unreported');
    const fn = make(async (event) => ({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] }));
    const mapping = createEventSourceMapping(fn, queue);
    queue.send('x');
    expect(await mapping.drain()).toMatchObject({ batches: 1, deleted: 1 });
  });

  it('gathers a batch for up to the batching window, and invokes at once when the batch is full', async () => {
    const queue = createQueue('windowed');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 50, maximumBatchingWindowInSeconds: 20 });
    for (let i = 0; i < 3; i++) queue.send(`m${i}`);
    const t0 = fn.clock.now();
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, b.event.Records.length])).toEqual([[20_000, 3]]);

    for (let i = 0; i < 120; i++) queue.send(`n${i}`);
    const t1 = fn.clock.now();
    await mapping.drain();
    expect(mapping.batches.slice(1).map((b) => [b.at - t1, b.event.Records.length])).toEqual([
      [0, 50],
      [0, 50],
      [20_000, 20],
    ]);
  });

  it('cuts a batch where its records would pass the 6 MB Invoke payload limit', async () => {
    const queue = createQueue('heavy');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 10 });
    for (let i = 0; i < 10; i++) queue.send(String(i).repeat(1_048_576));
    await mapping.drain();
    expect(mapping.batches.map((b) => b.event.Records.length)).toEqual([5, 5]);
  });

  it('holds a FIFO group behind its batch in flight, retries it before the group’s later messages, and keeps groups apart', async () => {
    const queue = createQueue('orders.fifo', { visibilityTimeout: 10, contentBasedDeduplication: true });
    const seen: string[] = [];
    const fn = make(async (event) => {
      const record = event.Records[0]!;
      seen.push(`${record.body}#${record.attributes.ApproximateReceiveCount}`);
      if (record.body === 'a1' && record.attributes.ApproximateReceiveCount === '1') throw new Error('first try fails');
      return 'ok';
    });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    queue.send('a1', { messageGroupId: 'a' });
    queue.send('a2', { messageGroupId: 'a' });
    queue.send('b1', { messageGroupId: 'b' });
    await mapping.drain();
    expect(seen).toEqual(['a1#1', 'b1#1', 'a1#2', 'a2#1']);
    const record = mapping.batches[0]!.event.Records[0]!;
    // The order of the captured FIFO event.
    expect(Object.keys(record.attributes)).toEqual(capturedFifoAttributeOrder());
  });

  it('does not hold a FIFO group behind a message that is only delayed', async () => {
    const queue = createQueue('delayed.fifo', { delaySeconds: 10, contentBasedDeduplication: true });
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 10 });
    const t0 = fn.clock.now();
    queue.send('a1', { messageGroupId: 'a' });
    await fn.clock.advance(5000);
    queue.send('a2', { messageGroupId: 'a' });
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, bodies(b.event)])).toEqual([
      [10_000, ['a1']],
      [15_000, ['a2']],
    ]);
  });

  it('invokes before the batching window closes once a batch weighs 6 MB, JSON escapes included', async () => {
    const queue = createQueue('weighty');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 100, maximumBatchingWindowInSeconds: 300 });
    // Each body escapes to 2 MB in the event's JSON: three make a batch.
    for (let i = 0; i < 4; i++) queue.send('"'.repeat(1_000_000));
    const t0 = fn.clock.now();
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, b.event.Records.length, b.fate.kind])).toEqual([
      [0, 3, 'succeeded'],
      [300_000, 1, 'succeeded'],
    ]);
  });

  it('deletes messages past their retention period even while they are hidden', async () => {
    const queue = createQueue('short-lived', { visibilityTimeout: 600, messageRetentionPeriod: 60 });
    const fn = make(async () => {
      throw new Error('fails');
    });
    const mapping = createEventSourceMapping(fn, queue);
    queue.send('x');
    expect(await mapping.drain()).toMatchObject({ batches: 1, expired: 1, virtualMs: 60_000 });
  });

  it('drains 10,001 messages sent at one instant by the test itself: only a handler feeding its queue is a loop', async () => {
    const queue = createQueue('bulk');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 10 });
    for (let i = 0; i < 10_001; i++) queue.send(String(i));
    expect(await mapping.drain()).toMatchObject({ batches: 1001, deleted: 10_001, virtualMs: 0 });
  });

  it('does not take another function’s sends for a loop, even while its own batch runs', async () => {
    const clock = createClock({ realTimeFlow: false });
    const jobs = createQueue('jobs');
    const results = createQueue('results');
    // A fans out 10,001 results at once; B reads them, its first batch still running when they arrive.
    const a = make(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        for (let i = 0; i < 10_001; i++) results.send(String(i));
      },
      { name: 'a', clock },
    );
    const b = make(async () => new Promise((resolve) => setTimeout(resolve, 5000)), { name: 'b', clock, timeout: 10 });
    const fanOut = createEventSourceMapping(a, jobs);
    const reader = createEventSourceMapping(b, results, { batchSize: 10 });
    results.send('first');
    jobs.send('go');
    await fanOut.drain();
    await reader.drain();
    expect(reader.state).toBe('Enabled');
    expect(results.messages).toEqual([]);
  });

  it('gives up a drain, and disables itself, when a handler keeps feeding its own queue', async () => {
    const queue = createQueue('echo');
    const fn = make(async () => {
      queue.send('again');
      return 'ok';
    });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    queue.send('first');
    await expect(mapping.drain()).rejects.toThrow(/the function sent 10000 records to the source it reads at one virtual instant, a loop/);
    expect(mapping.state).toBe('Disabled');
  });

  it('starts with 5 batches in flight and scales up by 300 a minute, or to maximumConcurrency', async () => {
    const slow = async (): Promise<string> => {
      await sleep(10_000);
      return 'ok';
    };
    // Hidden for longer than the function may run, as AWS requires.
    const queue = createQueue('backlog', { visibilityTimeout: 60 });
    const fn = make(slow, { timeout: 60 });
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    for (let i = 0; i < 12; i++) queue.send(String(i));
    const t0 = fn.clock.now();
    await mapping.drain();
    const starts = mapping.batches.map((b) => b.at - t0).sort((a, b) => a - b);
    expect(starts).toEqual([0, 0, 0, 0, 0, 10_000, 10_000, 10_000, 10_000, 10_000, 20_000, 20_000]);

    // A minute of waiting adds 300 pollers: what waits behind five 90 s batches starts at 60 s.
    const long = createQueue('long', { visibilityTimeout: 600 });
    const fn3 = make(
      async () => {
        await sleep(90_000);
        return 'ok';
      },
      { timeout: 120 },
    );
    const scaling = createEventSourceMapping(fn3, long, { batchSize: 1 });
    for (let i = 0; i < 8; i++) long.send(String(i));
    const t2 = fn3.clock.now();
    await scaling.drain();
    expect(scaling.batches.map((b) => b.at - t2).sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 60_000, 60_000, 60_000]);

    const capped = createQueue('capped', { visibilityTimeout: 60 });
    const fn2 = make(slow, { timeout: 60 });
    const limited = createEventSourceMapping(fn2, capped, { batchSize: 1, maximumConcurrency: 2 });
    for (let i = 0; i < 4; i++) capped.send(String(i));
    const t1 = fn2.clock.now();
    await limited.drain();
    expect(limited.batches.map((b) => b.at - t1).sort((a, b) => a - b)).toEqual([0, 0, 10_000, 10_000]);
  });

  it('refuses a queue whose visibility timeout is shorter than the function’s timeout, with AWS’s message', () => {
    const fn = make(async () => 'ok', { timeout: 300 });
    // A batch could otherwise come back while the function still processes it.
    expect(() => createEventSourceMapping(fn, createQueue('short'))).toThrow('Invalid request provided: Queue visibility timeout: 30 seconds is less than Function timeout: 300 seconds');
    expect(() => createEventSourceMapping(fn, createQueue('long-enough', { visibilityTimeout: 300 }))).not.toThrow();
  });

  it('leaves a throttled batch to come back after the visibility timeout: the receive counts', async () => {
    const queue = createQueue('throttled', { visibilityTimeout: 30 });
    const fn = make(
      async () => {
        await sleep(1000);
        return 'ok';
      },
      { reservedConcurrency: 1 },
    );
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 1 });
    queue.send('first');
    queue.send('second');
    await mapping.drain();
    const t0 = mapping.batches[0]!.at;
    expect(mapping.batches.map((b) => [b.at - t0, bodies(b.event)[0], b.event.Records[0]!.attributes.ApproximateReceiveCount, b.fate])).toEqual([
      [0, 'second', '1', { kind: 'failed', reason: 'throttled' }],
      [0, 'first', '1', { kind: 'succeeded' }],
      [30_000, 'second', '2', { kind: 'succeeded' }],
    ]);
    expect(mapping.batches[0]!.result).toBeUndefined();
  });

  it('delivers a delayed message once its delay is over', async () => {
    const queue = createQueue('delayed', { delaySeconds: 45 });
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue);
    const t0 = fn.clock.now();
    queue.send('later');
    queue.send('sooner', { delaySeconds: 0 });
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, bodies(b.event)])).toEqual([
      [0, ['sooner']],
      [45_000, ['later']],
    ]);
  });

  it('delays a message sent before the queue had a clock from when the mapping gave it one', async () => {
    const queue = createQueue('early-delayed', { delaySeconds: 30 });
    queue.send('early');
    const fn = make(async () => 'ok');
    const t0 = fn.clock.now();
    const mapping = createEventSourceMapping(fn, queue);
    await mapping.drain();
    expect(mapping.batches.map((b) => [b.at - t0, bodies(b.event)])).toEqual([[30_000, ['early']]]);
  });

  it('lets a message that always fails, with no redrive policy, expire at the end of the retention period', async () => {
    const queue = createQueue('doomed', { visibilityTimeout: 20, messageRetentionPeriod: 60 });
    const fn = make(async () => {
      throw new Error('never works');
    });
    const mapping = createEventSourceMapping(fn, queue);
    queue.send('x');
    const summary = await mapping.drain();
    expect(summary).toMatchObject({ batches: 3, deleted: 0, deadLettered: 0, expired: 1, virtualMs: 60_000 });
    expect(queue.messages).toEqual([]);
  });

  it('does not poll while disabled, and picks up where it left off once enabled', async () => {
    const queue = createQueue('paused');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue, { enabled: false });
    queue.send('x');
    expect(mapping.state).toBe('Disabled');
    expect(await mapping.drain()).toMatchObject({ batches: 0 });
    expect(queue.messages).toHaveLength(1);
    mapping.enable();
    expect(await mapping.drain()).toMatchObject({ batches: 1, deleted: 1 });
  });

  it('stops for good once deleted, or once its function is disposed', async () => {
    const queue = createQueue('gone');
    const fn = make(async () => 'ok');
    const mapping = createEventSourceMapping(fn, queue);
    mapping.delete();
    queue.send('x');
    expect(mapping.state).toBe('Deleted');
    await expect(mapping.drain()).rejects.toThrow(/was deleted/);
    expect(queue.messages).toHaveLength(1);

    const other = createEventSourceMapping(fn, queue);
    const clock = createClock({ realTimeFlow: false });
    const replacement = make(async () => 'ok', { name: 'replacement', clock });
    const disposing = fn.dispose();
    // Deleted at once: it receives nothing more, so another function's mapping gets the messages on its first receive.
    expect(other.state).toBe('Deleted');
    await disposing;
    queue.send('y');
    expect(() => createEventSourceMapping(replacement, queue)).toThrow(/on another clock/);
    const onFnClock = make(async () => 'ok', { name: 'successor', clock: fn.clock as never });
    const successor = createEventSourceMapping(onFnClock, queue);
    await successor.drain();
    expect(successor.batches.map((b) => b.event.Records.map((r) => [r.body, r.attributes.ApproximateReceiveCount]))).toEqual([
      [
        ['x', '1'],
        ['y', '1'],
      ],
    ]);
  });

  it('refuses what is not a function and a queue, a real-time function, and a queue read on two clocks', () => {
    const queue = createQueue('q');
    const fn = make(async () => 'ok');
    expect(() => createEventSourceMapping({} as never, queue)).toThrow(/a function from createFunction/);
    expect(() => createEventSourceMapping(fn, { arn: 'arn:aws:sqs:us-east-1:123456789012:q' } as never)).toThrow(/a queue from createQueue/);
    const real = make(async () => 'ok', { clock: 'real' });
    expect(() => createEventSourceMapping(real, createQueue('r'))).toThrow(/clock: 'real'/);
    createEventSourceMapping(fn, queue);
    const elsewhere = make(async () => 'ok', { name: 'elsewhere' });
    expect(() => createEventSourceMapping(elsewhere, queue)).toThrow(HarnessError);
    expect(() => createEventSourceMapping(elsewhere, queue)).toThrow(/on another clock than this function's/);
    // One mapping per function and source, as on AWS (ResourceConflictException).
    expect(() => createEventSourceMapping(fn, queue)).toThrow(/already exists. Please update or delete the existing mapping with UUID/);
  });

  it('invokes the alias it was created for, which may move while it polls; an alias that does not exist is refused', async () => {
    const fn = make(async () => 'v1');
    fn.publishVersion();
    fn.update({ handler: async () => 'v2' });
    fn.publishVersion();
    fn.createAlias({ name: 'live', functionVersion: '1' });
    const queue = createQueue('aliased');
    expect(() => createEventSourceMapping(fn, queue, { qualifier: 'staging' })).toThrow(`Function not found: ${fn.arn}:staging`);
    const mapping = createEventSourceMapping(fn, queue, { qualifier: 'live' });
    expect(mapping.functionArn).toBe(`${fn.arn}:live`);
    // The unqualified function is another FunctionName: it may have a mapping of its own on the same queue.
    expect(() => createEventSourceMapping(fn, queue).delete()).not.toThrow();
    queue.send('a');
    await mapping.drain();
    fn.updateAlias({ name: 'live', functionVersion: '2' });
    queue.send('b');
    await mapping.drain();
    expect(fn.invocations.map((r) => [r.executedVersion, r.payload])).toEqual([
      ['1', 'v1'],
      ['2', 'v2'],
    ]);
    // The visibility timeout (30 s) is held to the timeout of the version a mapping runs, not $LATEST's.
    fn.update({ timeout: 60 });
    fn.publishVersion();
    fn.createAlias({ name: 'slow', functionVersion: '3' });
    expect(() => createEventSourceMapping(fn, queue, { qualifier: 'slow' })).toThrow(/visibility timeout/i);
    expect(() => createEventSourceMapping(fn, queue, { qualifier: '2' }).delete()).not.toThrow();
  });

  it('deletes what its filter criteria turn away without invoking, and fills batches with what they keep', async () => {
    const fn = make(async () => 'ok');
    const queue = createQueue('filtered');
    const mapping = createEventSourceMapping(fn, queue, { batchSize: 2, filterCriteria: { filters: [{ pattern: { body: { kind: ['order'] } } }] } });
    for (const kind of ['order', 'ping', 'order', 'ping', 'order']) queue.send({ kind });
    queue.send('not json');
    const summary = await mapping.drain();
    expect(mapping.batches.map((b) => b.event.Records.length)).toEqual([2, 1]);
    expect(summary).toMatchObject({ batches: 2, deleted: 3, filtered: 3 });
    expect(queue.messages).toEqual([]);
    // Only pings: deleted, and nothing invoked.
    queue.send({ kind: 'ping' });
    expect(await mapping.drain()).toMatchObject({ batches: 0, filtered: 1 });
    expect(fn.invocations).toHaveLength(2);
  });

  it('turns messages away without closing its batching window', async () => {
    const fn = make(async () => 'ok');
    const queue = createQueue('windowed');
    const mapping = createEventSourceMapping(fn, queue, {
      maximumBatchingWindowInSeconds: 20,
      filterCriteria: { filters: [{ pattern: { body: { kind: ['order'] } } }] },
    });
    queue.send({ kind: 'order' });
    queue.send({ kind: 'ping' });
    const summary = await mapping.drain();
    expect([summary.filtered, mapping.batches.length, mapping.batches[0]!.at - fn.clock.now() + summary.virtualMs]).toEqual([1, 1, 20_000]);
  });

  it('has a deterministic UUID for a function and a queue', () => {
    const queue = createQueue('ids');
    const first = make(async () => 'ok', { name: 'f' });
    const a = createEventSourceMapping(first, queue);
    a.delete();
    const clock = first.clock;
    const b = createEventSourceMapping(make(async () => 'ok', { name: 'f', clock }), queue);
    expect(b.uuid).toBe(a.uuid);
    expect(a.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('createEventSourceMapping, refused', () => {
  it('leaves the queue as it was: a later mapping on another clock still works', () => {
    const queue = createQueue('untouched');
    const a = make(async () => 'ok', { name: 'a' });
    expect(() => createEventSourceMapping(a, queue, { batchSize: 0 })).toThrow(/batchSize must be an integer/);
    const b = make(async () => 'ok', { name: 'b' });
    expect(() => createEventSourceMapping(b, queue)).not.toThrow();
  });
});

describe('two mappings of one queue', () => {
  it('share its messages, as competing pollers do', async () => {
    const clock = createClock({ realTimeFlow: false });
    const a = make(async () => 'a', { name: 'a', clock });
    const b = make(async () => 'b', { name: 'b', clock });
    const queue = createQueue('shared');
    const first = createEventSourceMapping(a, queue, { batchSize: 1 });
    const second = createEventSourceMapping(b, queue, { batchSize: 1 });
    for (let i = 0; i < 10; i++) queue.send(String(i));
    await first.drain();
    expect(first.batches.length + second.batches.length).toBe(10);
    expect(Math.abs(first.batches.length - second.batches.length)).toBeLessThanOrEqual(1);
  });
});
