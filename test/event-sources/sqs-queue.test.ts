import { describe, expect, it } from 'vitest';
import { createBucket, createClock, createFunction, createQueue, HarnessError, InvalidParameterValueError } from '../../src/index.js';

describe('createQueue', () => {
  it('keeps what is sent, as a ReceiveMessage would show it: a string body as it is, anything else as JSON', () => {
    const queue = createQueue('orders');
    const id = queue.send({ orderId: 7 }, { messageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } } });
    queue.send('plain text');
    expect(queue.messages.map((m) => [m.messageId === id, m.body, m.attributes.ApproximateReceiveCount])).toEqual([
      [true, '{"orderId":7}', '1'],
      [false, 'plain text', '1'],
    ]);
    expect(queue.messages[0]!.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(queue.messages[1]!.md5OfMessageAttributes).toBeUndefined();
    queue.clear();
    expect(queue.messages).toEqual([]);
  });

  it('makes a FIFO queue of a name ending in .fifo: a message group is required, and a duplicate within 5 minutes is not queued again', async () => {
    const clock = createClock();
    const queue = createQueue('orders.fifo', { contentBasedDeduplication: true, clock });
    expect(queue.fifo).toBe(true);
    expect(() => queue.send('x')).toThrow(/needs a messageGroupId/);
    const first = queue.send('created', { messageGroupId: 'order-1' });
    expect(queue.send('created', { messageGroupId: 'order-1' })).toBe(first);
    queue.send('created', { messageGroupId: 'order-1', messageDeduplicationId: 'again' });
    expect(queue.messages.map((m) => m.attributes.MessageGroupId)).toEqual(['order-1', 'order-1']);
    const [a, b] = queue.messages.map((m) => BigInt(m.attributes.SequenceNumber!));
    expect(b! > a!).toBe(true);
    expect(() => queue.send('x', { messageGroupId: 'g', delaySeconds: 5 })).toThrow(/no per-message delaySeconds/);
    // Deleted or not, a repeat is dropped for 5 minutes from the first send.
    queue.clear();
    expect(queue.send('created', { messageGroupId: 'order-1' })).toBe(first);
    expect(queue.messages).toEqual([]);
    await clock.advance('5m');
    expect(queue.send('created', { messageGroupId: 'order-1' })).not.toBe(first);
    expect(queue.messages).toHaveLength(1);
    await clock.dispose();
  });

  it('refuses a FIFO send without a deduplication id unless the queue deduplicates by content, as SQS does', () => {
    const queue = createQueue('explicit.fifo');
    expect(() => queue.send('x', { messageGroupId: 'g' })).toThrow(/ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly/);
    queue.send('x', { messageGroupId: 'g', messageDeduplicationId: 'x-1' });
    expect(queue.messages[0]!.attributes.MessageDeduplicationId).toBe('x-1');
    expect(() => createQueue('plain', { contentBasedDeduplication: true })).toThrow(/for FIFO queues/);
  });

  it('counts message attributes in the 1 MiB, and reads a text body as text', () => {
    const queue = createQueue('sized');
    expect(() => queue.send('x'.repeat(1_048_000), { messageAttributes: { big: { DataType: 'String', StringValue: 'y'.repeat(1000) } } })).toThrow(/with its attributes; SQS accepts at most 1048576/);
    queue.send('plain text');
    queue.send({ json: true });
    expect(queue.bodies).toEqual(['plain text', { json: true }]);
  });

  it('refuses FIFO parameters on a standard queue, bodies SQS would refuse, and malformed attributes', () => {
    const queue = createQueue('plain');
    expect(() => queue.send('x', { messageGroupId: 'g' })).toThrow(/for FIFO queues/);
    expect(() => queue.send('x'.repeat(1_048_577))).toThrow(/at most 1048576/);
    expect(() => queue.send(() => 1)).toThrow(/a string or a JSON value/);
    expect(() => queue.send('x', { messageAttributes: { a: { DataType: 'Text', StringValue: '1' } as never } })).toThrow(/DataType: 'String' \| 'Number' \| 'Binary'/);
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String' as const, StringValue: 'v' }]));
    expect(() => queue.send('x', { messageAttributes: eleven })).toThrow(/at most 10/);
    expect(queue.messages).toEqual([]);
  });

  it('checks its attributes and redrive policy as CreateQueue does', () => {
    const dlq = createQueue('dlq');
    expect(() => createQueue('q', { visibilityTimeout: 43_201 })).toThrow(InvalidParameterValueError);
    expect(() => createQueue('q', { redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 0 } })).toThrow(/maxReceiveCount must be an integer between 1 and 1000/);
    expect(() => createQueue('q.fifo', { redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 3 } })).toThrow(/must be a FIFO queue too/);
    expect(() => createQueue('q', { redrivePolicy: { deadLetterQueue: { name: 'fake' } as never, maxReceiveCount: 3 } })).toThrow(/a queue from createQueue/);
    expect(() => createQueue('q', { visibilty: 30 } as never)).toThrow(/unknown option "visibilty"/);
    expect(() => createQueue('bad name')).toThrow(HarnessError);
  });

  it('cannot be a function’s dead-letter queue or destination when FIFO: Lambda sends those to standard queues only', () => {
    const fifo = createQueue('failures.fifo');
    expect(() => createFunction({ handler: async () => 1, deadLetterQueue: fifo })).toThrow(/FIFO queue; Lambda sends asynchronous failures and records to standard queues only/);
    expect(() => createFunction({ handler: async () => 1, destinations: { onFailure: fifo } })).toThrow(InvalidParameterValueError);
  });
});

describe('createBucket', () => {
  it('is refused as an asynchronous on-success destination (failures only, as on AWS), and with a bad name', () => {
    expect(() => createFunction({ handler: async () => 1, destinations: { onSuccess: createBucket('done-events') as never } })).toThrow(InvalidParameterValueError);
    expect(() => createBucket('Bad_Name')).toThrow(/not a bucket name/);
  });
});
