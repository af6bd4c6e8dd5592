import { afterAll, describe, expect, it } from 'vitest';
import { createFunction, events } from 'lambda-harness';
import 'lambda-harness/vitest';
import { handler } from './handler.js';

const fn = createFunction({ handler, name: 'reserve-stock' });
afterAll(() => fn.dispose());

const line = (sku: string, quantity: number) => ({ body: JSON.stringify({ sku, quantity }) });

describe('an SQS consumer with partial batch failures', () => {
  it('reports only the messages that failed', async () => {
    const event = events.sqs({ records: [line('apple', 2), { body: 'not json' }, line('pear', 1), line('plum', -1)] });
    const [, garbled, , negative] = event.Records;

    const result = await fn.invoke(event);

    expect(result).toReportBatchItemFailures([garbled!, negative!]);
    expect(result).toHaveLogged(`message ${negative!.messageId} failed: invalid quantity for plum: -1`, 'ERROR');
  });

  it('reports no failures when every message succeeds', async () => {
    const result = await fn.invoke(events.sqs({ records: [line('apple', 2), line('pear', 1)] }));

    expect(result).toReportBatchItemFailures([]);
    expect(result).toHaveLogged('reserved 2 x apple', 'INFO');
  });

  it('fails the whole batch when the handler itself fails', async () => {
    // A malformed event (no Records): the handler throws, so Lambda retries every message of the batch.
    const result = await fn.invoke({} as never);

    expect(result).toFailWith('TypeError', /event\.Records is not iterable/);
    expect(result).not.toReportBatchItemFailures([]);
  });
});
