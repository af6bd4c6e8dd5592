/**
 * Data a test hands to a stream: text (UTF-8), bytes, or any other value (JSON-encoded, as producers usually do).
 * @example
 * stream.putRecord({ orderId: 7 } satisfies StreamData, { partitionKey: 'order-7' });
 */
export type StreamData = string | Uint8Array | object | number | boolean | null;

/**
 * Encodes stream data as the base64 Kinesis, Firehose and Kafka deliver it.
 * @example
 * toBase64Data({ a: 1 }); // 'eyJhIjoxfQ=='
 */
export function toBase64Data(data: StreamData): string {
  if (typeof data === 'string') return Buffer.from(data, 'utf8').toString('base64');
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64');
}

/** Kinesis-style sequence numbers: 56 digits, increasing within a shard. */
export function kinesisSequence(start: bigint, index: number): string {
  return (start + BigInt(index) * 10_000_000_000n).toString();
}
