/**
 * Internal invoke option (a symbol, so no user passes it by accident): the payload's JSON text as the caller sent it.
 * The Invoke API, which has just parsed that text to validate it, hands it over with that parse as the event (a fresh
 * object nobody else holds): the invocation neither serialises nor parses again, and an asynchronous event is queued,
 * and dead-lettered, byte for byte.
 * @example
 * fn.invoke(event, { invocationType: 'Event', [PAYLOAD_TEXT]: '{"raise_error": 1}' });
 */
export const PAYLOAD_TEXT = Symbol('lambda-harness.payloadText');
