/**
 * Whether a mapping invokes its function with the batch it has gathered, by the rule AWS states for queues and streams
 * alike (Lambda developer guide, "Batching behavior"): at once without a batching window; with one, once the window,
 * opened when the batch's first record became readable, closes, or before that once the batch is full (its batch
 * size, or the 6 MB an Invoke may carry). What counts as full is each source's own (how records are weighed, which
 * are readable): `full` is asked last, as weighing a batch means reading it and the scheduler asks every turn.
 * @example
 * batchReady(1000, 5000, 0, () => false); // false: the window closes at 5000
 * batchReady(1000, 5000, 0, () => true); // true: a full batch does not wait
 */
export function batchReady(now: number, windowMs: number, openedAt: number, full: () => boolean): boolean {
  return windowMs === 0 || now >= openedAt + windowMs || full();
}
