import path from 'node:path';
import { createFunction } from '../function/lambda-function.js';
import { createEventSourceMapping } from '../event-sources/create-mapping.js';
import { createQueue } from '../event-sources/sqs-queue.js';
import { LambdaServiceError } from '../errors.js';
import type { CommandIo } from './generate-event.js';

function section(io: CommandIo, title: string): void {
  io.stdout(`\n\x1b[1m== ${title}\x1b[0m\n`);
}

/**
 * `lambda-harness demo [examples-dir]`: runs the bundled examples and prints what the harness reports — a cold then
 * a warm invoke with their platform lines, a handler error with its exact payload, and a 15-minute timeout reported
 * in milliseconds of wall time.
 * @example
 * await demoCommand(['examples'], io);
 */
export async function demoCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const root = path.resolve(argv[0] ?? 'examples');

  section(io, 'Cold start, then a warm invoke of the same environment (hello/index.handler)');
  const hello = createFunction({ handler: 'hello/index.handler', root, name: 'hello' });
  for (const name of ['Ada', 'Grace']) {
    const r = await hello.invoke({ name });
    io.stdout(r.logs);
    io.stdout(`-> coldStart: ${r.coldStart}, environment: ${r.environmentId.slice(0, 8)}…, payload: ${r.rawPayload}\n`);
  }
  section(io, 'The environment expires after 15 idle minutes of virtual time: the next invoke is cold again');
  await hello.clock.advance('15m');
  const expired = await hello.invoke({ name: 'Katherine' });
  io.stdout(`-> coldStart: ${expired.coldStart}, environment: ${expired.environmentId.slice(0, 8)}…, payload: ${expired.rawPayload}\n`);
  io.stdout(`-> environments: ${hello.environments.map((e) => `${e.id.slice(0, 8)}… ${e.state}${e.endReason ? ` (${e.endReason})` : ''}`).join(', ')}\n`);
  await hello.dispose();

  section(io, 'Throttling: reserved concurrency 1, two concurrent invokes');
  const single = createFunction({ handler: 'slow/index.handler', root, name: 'single', timeout: 1, reservedConcurrency: 1 });
  const [first, second] = await Promise.allSettled([single.invoke({}), single.invoke({})]);
  io.stdout(`-> first: ${first.status === 'fulfilled' ? `ran (${first.value.outcome})` : 'throttled'}\n`);
  if (second.status === 'rejected' && second.reason instanceof LambdaServiceError) {
    io.stdout(`-> second: ${second.reason.name} (${second.reason.statusCode}) ${JSON.stringify(second.reason.body)}\n`);
  }
  await single.dispose();

  section(io, 'A handler error, with the exact payload AWS returns (number-increment/index.handler)');
  const numbers = createFunction({ handler: 'number-increment/index.handler', root, name: 'number-increment' });
  const failed = await numbers.invoke({ number: 1 });
  io.stdout(failed.logs);
  io.stdout(`-> functionError: ${failed.functionError}\n-> payload: ${JSON.stringify(failed.payload, null, 2)}\n`);
  await numbers.dispose();

  section(io, 'A 15-minute timeout on the virtual clock (slow/index.handler, timeout 900 s)');
  const slow = createFunction({ handler: 'slow/index.handler', root, name: 'slow', timeout: 900 });
  const started = performance.now();
  const timedOut = await slow.invoke({});
  const wall = performance.now() - started;
  io.stdout(timedOut.logs);
  io.stdout(`-> payload: ${timedOut.rawPayload}\n`);
  io.stdout(`-> ${(timedOut.durationMs / 1000).toFixed(0)} s of virtual time reported in ${wall.toFixed(1)} ms of wall time\n`);
  await slow.dispose();

  section(io, 'Response streaming: a server-sent events handler writing a word every 200 ms (streaming-sse/index.handler)');
  const answers = createFunction({ handler: 'streaming-sse/index.handler', root, name: 'answers' });
  const streamStarted = performance.now();
  const streamed = await answers.invoke({ queryStringParameters: { q: 'hello' } });
  const streamWall = performance.now() - streamStarted;
  const chunks = streamed.responseStream?.chunks ?? [];
  io.stdout(`-> ${chunks.length} chunks as written: the prelude ${String(chunks[0])}, 8 NUL bytes, then ${JSON.stringify(String(chunks[2]))}, ${JSON.stringify(String(chunks[3]))}, …\n`);
  io.stdout(`-> ${(streamed.durationMs / 1000).toFixed(1)} s of virtual time in ${streamWall.toFixed(1)} ms of wall time\n`);
  await answers.dispose();

  section(io, 'An async invoke of a failing handler: retries at +60 s and +180 s, then the dead-letter queue');
  const dlq = createQueue('number-increment-dlq');
  const failing = createFunction({ handler: 'number-increment/index.handler', root, name: 'number-increment-async', deadLetterQueue: dlq });
  const accepted = await failing.invoke({ number: 1 }, { invocationType: 'Event' });
  io.stdout(`-> accepted: ${JSON.stringify(accepted)}\n`);
  const drainStarted = performance.now();
  const summary = await failing.drain();
  const drainWall = performance.now() - drainStarted;
  const [record] = failing.asyncEvents;
  if (record) {
    io.stdout(`-> attempts at: ${record.attempts.map((a) => `+${(a.at - record.acceptedAt) / 1000} s`).join(', ')} (virtual), all with request id ${record.requestId}\n`);
  }
  io.stdout(`-> ${summary.attempts} attempts over ${summary.virtualMs / 1000} s of virtual time in ${drainWall.toFixed(1)} ms of wall time\n`);
  io.stdout(`-> dead letter: ${JSON.stringify(dlq.messages[0]?.body)} with attributes ${JSON.stringify(dlq.messages[0]?.messageAttributes, null, 2)}\n`);
  await failing.dispose();

  section(io, 'An SQS queue and event source mapping: a poison message retried after the visibility timeout, then redriven');
  const ordersDlq = createQueue('orders-dlq');
  const orders = createQueue('orders', { visibilityTimeout: 60, redrivePolicy: { deadLetterQueue: ordersDlq, maxReceiveCount: 3 } });
  // A consumer with ReportBatchItemFailures: a message whose quantity is not positive fails alone.
  const consumer = createFunction({
    name: 'reserve-stock',
    timeout: 10,
    handler: async (event: { Records: { messageId: string; body: string }[] }) => ({
      batchItemFailures: event.Records.filter((r) => !((JSON.parse(r.body) as { quantity: number }).quantity > 0)).map((r) => ({ itemIdentifier: r.messageId })),
    }),
  });
  const mapping = createEventSourceMapping(consumer, orders, { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] });
  orders.send({ sku: 'apple', quantity: 2 });
  orders.send({ sku: 'plum', quantity: -1 });
  const sqsStarted = performance.now();
  const sqsSummary = await mapping.drain();
  const sqsWall = performance.now() - sqsStarted;
  const t0 = mapping.batches[0]?.at ?? 0;
  for (const batch of mapping.batches) {
    const counts = batch.event.Records.map((r) => `${JSON.parse(r.body).sku} (receive ${r.attributes.ApproximateReceiveCount})`).join(', ');
    io.stdout(`-> +${(batch.at - t0) / 1000} s: ${counts} -> ${batch.fate.kind}\n`);
  }
  io.stdout(`-> ${sqsSummary.deleted} deleted, ${sqsSummary.deadLettered} moved to ${ordersDlq.name}: ${ordersDlq.messages[0]?.body}, in ${sqsWall.toFixed(1)} ms of wall time\n`);
  await consumer.dispose();

  section(io, 'Versions and a canary alias: 10 % of the traffic of alias live to version 2, then all of it');
  const greeter = createFunction({ handler: 'hello/index.handler', root, name: 'greeter', environment: { RELEASE: 'blue' } });
  greeter.publishVersion();
  greeter.update({ environment: { RELEASE: 'green' } });
  greeter.publishVersion();
  greeter.createAlias({ name: 'live', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.1 } } });
  const share = async (): Promise<string> => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const version = (await greeter.invoke({ name: 'canary' }, { qualifier: 'live' })).executedVersion;
      counts.set(version, (counts.get(version) ?? 0) + 1);
    }
    return [...counts].sort().map(([version, n]) => `version ${version}: ${n}`).join(', ');
  };
  io.stdout(`-> 200 invokes of live: ${await share()}
`);
  greeter.updateAlias({ name: 'live', functionVersion: '2', routingConfig: null });
  io.stdout(`-> promoted, 200 more: ${await share()}
`);
  const unknown = await greeter.invoke({}, { qualifier: 'staging' }).catch((e: LambdaServiceError) => e);
  if (unknown instanceof LambdaServiceError) io.stdout(`-> qualifier staging: ${unknown.name} (${unknown.statusCode}) ${unknown.message}
`);
  io.stdout(`-> environments: ${greeter.environments.map((e) => `[${e.version}] ${e.id.slice(0, 8)}…`).join(', ')}
`);
  await greeter.dispose();
  return 0;
}
