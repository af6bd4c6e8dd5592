/**
 * The item identifiers a partial batch response (`ReportBatchItemFailures`) reports as failed, or `undefined` when the
 * response is malformed, which AWS treats as a failure of the whole batch. An empty response means every record
 * succeeded: `null`, `""`, `[]`, `{}`, and `batchItemFailures` `[]` or `null` (recorded:
 * kinesis-batch-response-semantics, sqs-batch-response-empty-object). An entry whose `itemIdentifier` is missing,
 * empty, `null` or not a string is malformed (recorded: sqs-batch-response-invalid-item and the Kinesis scenarios).
 * @example
 * batchItemFailureIds({ batchItemFailures: [{ itemIdentifier: 'a' }] }); // ['a']
 * batchItemFailureIds({ batchItemFailures: [{ foo: 'a' }] }); // undefined
 */
export function batchItemFailureIds(payload: unknown): string[] | undefined {
  if (payload === null || payload === undefined || payload === '') return [];
  if (typeof payload !== 'object') return undefined;
  const failures = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined) return Object.keys(payload).length === 0 ? [] : undefined;
  if (failures === null) return [];
  if (!Array.isArray(failures)) return undefined;
  const ids: string[] = [];
  for (const item of failures as unknown[]) {
    const id = item !== null && typeof item === 'object' ? (item as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') return undefined;
    ids.push(id);
  }
  return ids;
}

/**
 * What an event source mapping makes of an invocation's result for its batch.
 * @example
 * const verdict: BatchVerdict = { kind: 'partial', failed: ['059f36b4-87a3-44ab-83d2-661975830a7d'] };
 */
export type BatchVerdict =
  | { readonly kind: 'succeeded' }
  /** Only these item identifiers failed (`ReportBatchItemFailures`). */
  | { readonly kind: 'partial'; readonly failed: readonly string[] }
  /** The whole batch failed: a function error, or a batch response Lambda could not use. */
  | { readonly kind: 'failed'; readonly reason: 'function-error' | 'invalid-batch-response' };

/**
 * Judges a batch as Lambda does (spec §8.1): a function error fails the whole batch; without
 * `ReportBatchItemFailures` any response succeeds; with it, the response names the failed items, and a malformed one
 * or an identifier not in the batch fails the whole batch.
 * @example
 * judgeBatch({ ok: true, payload: {} }, ['a', 'b'], true); // { kind: 'succeeded' }
 */
export function judgeBatch(result: { readonly ok: boolean; readonly payload: unknown }, ids: readonly string[], reportBatchItemFailures: boolean): BatchVerdict {
  if (!result.ok) return { kind: 'failed', reason: 'function-error' };
  if (!reportBatchItemFailures) return { kind: 'succeeded' };
  const failed = batchItemFailureIds(result.payload);
  if (failed === undefined) return { kind: 'failed', reason: 'invalid-batch-response' };
  if (failed.length === 0) return { kind: 'succeeded' };
  const known = new Set(ids);
  if (!failed.every((id) => known.has(id))) return { kind: 'failed', reason: 'invalid-batch-response' };
  return { kind: 'partial', failed: [...new Set(failed)] };
}
