import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

interface OrderLine {
  sku: string;
  quantity: number;
}

/** Reserves stock for one order line; throws for a message that can never succeed. */
async function reserve(record: SQSRecord): Promise<void> {
  const line = JSON.parse(record.body) as OrderLine;
  if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`invalid quantity for ${line.sku}: ${line.quantity}`);
  console.log('reserved %d x %s', line.quantity, line.sku);
}

/**
 * An SQS consumer with `ReportBatchItemFailures` on its event source mapping: a bad message fails alone, and only
 * the failed messages become visible again on the queue.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await reserve(record);
    } catch (error) {
      console.error('message %s failed: %s', record.messageId, (error as Error).message);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
