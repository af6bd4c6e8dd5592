/**
 * Internal invoke option (a symbol, so no user passes it by accident): the caller reads the response as a stream
 * (`InvokeWithResponseStream`, a `RESPONSE_STREAM` function URL). Its value, a `StreamListener`, is told of each chunk a
 * streaming handler writes, as it writes it (a transport sends it on live); and a streamed response may reach the
 * streamed limit (200 MB) rather than the buffered one (6 MB).
 * @example
 * fn.invoke(event, { [STREAM_LISTENER]: (chunk) => res.write(chunk) });
 */
export const STREAM_LISTENER = Symbol('lambda-harness.streamListener');
