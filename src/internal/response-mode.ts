/**
 * Internal invoke option (a symbol, so no user passes it by accident): the caller reads the response as a stream
 * (`InvokeWithResponseStream`, a `RESPONSE_STREAM` function URL), so a streaming handler's response may reach the
 * streamed limit (200 MB) rather than the buffered one (6 MB).
 * @example
 * fn.invoke(event, { [STREAMED_RESPONSE]: true });
 */
export const STREAMED_RESPONSE = Symbol('lambda-harness.streamedResponse');

/**
 * Internal invoke option: a `StreamListener` told of each chunk a streaming handler writes, as it writes it, so that a
 * `RESPONSE_STREAM` function URL sends the response to its client live.
 * @example
 * fn.invoke(event, { [STREAMED_RESPONSE]: true, [STREAM_LISTENER]: (chunk) => res.write(chunk) });
 */
export const STREAM_LISTENER = Symbol('lambda-harness.streamListener');
