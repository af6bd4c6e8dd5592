/**
 * Internal invoke option (a symbol, so no user passes it by accident): the JSON text of an `Event` invocation as its
 * caller sent it. The Invoke API hands it over so that the event is queued, and dead-lettered, byte for byte.
 * @example
 * fn.invoke(event, { invocationType: 'Event', [EVENT_TEXT]: '{"raise_error": 1}' });
 */
export const EVENT_TEXT = Symbol('lambda-harness.eventText');
