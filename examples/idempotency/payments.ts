import type { EventBridgeEvent } from 'aws-lambda';

/** `PaymentRequested` as the billing service publishes it on EventBridge. */
export type PaymentRequested = EventBridgeEvent<string, { paymentId: string; amount: number }>;

/** The payment provider: charging twice charges the customer twice. */
export interface PaymentGateway {
  charge(paymentId: string, amount: number): Promise<void>;
}

/** A table with a conditional write (DynamoDB's `attribute_not_exists`): the first claim of a key wins. */
export interface ProcessedEvents {
  claim(eventId: string): Promise<boolean>;
}

/**
 * Charges a payment once per EventBridge event, however often the event is delivered. EventBridge invokes Lambda
 * asynchronously, and asynchronous delivery is at least once: the event id is the idempotency key.
 */
export const makeHandler = (payments: PaymentGateway, processed: ProcessedEvents) => async (event: PaymentRequested) => {
  if (!(await processed.claim(event.id))) {
    console.log('event %s already processed', event.id);
    return { status: 'duplicate' as const };
  }
  await payments.charge(event.detail.paymentId, event.detail.amount);
  return { status: 'charged' as const };
};

/** The first version, before anyone thought about duplicate deliveries. */
export const makeNaiveHandler = (payments: PaymentGateway) => async (event: PaymentRequested) => {
  await payments.charge(event.detail.paymentId, event.detail.amount);
  return { status: 'charged' as const };
};
