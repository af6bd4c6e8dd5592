// Workloads shared by the single-purpose scripts and `npm run bench`, so that both measure exactly the same thing.
import { createFunction, createQueue } from '../../dist/index.js';

/**
 * One round of `events` asynchronous invocations of a handler that always throws, each failing its 3 attempts
 * (+1 min, +2 min) into a dead-letter queue, with default options. Resolves with the wall time and the virtual time
 * covered; throws if any event or attempt is missing.
 */
export async function dlqRound(events) {
  const dlq = createQueue('bench-dlq');
  const fn = createFunction({
    name: 'always-fails',
    handler: async () => {
      throw new Error('always');
    },
    deadLetterQueue: dlq,
  });
  const t = performance.now();
  for (let i = 0; i < events; i++) await fn.invokeAsync({ i });
  const summary = await fn.drain();
  const wall = performance.now() - t;
  if (dlq.messages.length !== events || summary.attempts !== 3 * events) throw new Error(`unexpected: ${JSON.stringify(summary)}`);
  await fn.dispose();
  return { wall, virtualMs: summary.virtualMs };
}
