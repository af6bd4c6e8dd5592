import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

interface CheckoutEvent {
  orderId: string;
  items: { sku: string; quantity: number }[];
  email: string;
}

// Created once per execution environment; region and credentials come from the environment Lambda provides.
const lambda = new LambdaClient({});

const decoder = new TextDecoder();

/**
 * Prices an order by invoking the `pricing` function synchronously, then hands the receipt to the `send-receipt`
 * function asynchronously (fire and forget: Lambda answers 202 and retries on its own).
 */
export const handler = async (event: CheckoutEvent) => {
  const priced = await lambda.send(
    new InvokeCommand({ FunctionName: 'pricing', Payload: JSON.stringify({ items: event.items }) }),
  );
  const pricing = JSON.parse(decoder.decode(priced.Payload)) as { total?: number; errorType?: string; errorMessage?: string };
  if (priced.FunctionError) throw new Error(`pricing failed: ${pricing.errorType}: ${pricing.errorMessage}`);

  const queued = await lambda.send(
    new InvokeCommand({
      FunctionName: 'send-receipt',
      InvocationType: 'Event',
      Payload: JSON.stringify({ orderId: event.orderId, email: event.email, total: pricing.total }),
    }),
  );
  return { orderId: event.orderId, total: pricing.total, receipt: queued.StatusCode === 202 ? 'queued' : 'not sent' };
};
