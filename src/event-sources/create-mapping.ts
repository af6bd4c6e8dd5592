import { qualifiedArn } from '../function/versions.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import { HarnessError } from '../errors.js';
import { mappedFunctionOf, type LambdaFunction } from '../function/lambda-function.js';
import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { tableState, type DynamoDbTable } from './dynamodb-table.js';
import { streamState, type KinesisStream } from './kinesis-stream.js';
import { queueState, type Queue } from './sqs-queue.js';
import { SqsMapping, type SqsEventSourceMapping } from './sqs-mapping.js';
import { resolveSqsMapping, type SqsMappingOptions } from './sqs-rules.js';
import { StreamMapping, type StreamEventSourceMapping } from './stream-mapping.js';
import { resolveStreamMapping, type StreamMappingOptions } from './stream-rules.js';

/**
 * An event source mapping of either kind.
 * @example
 * const mappings: EventSourceMapping[] = [createEventSourceMapping(fn, queue), createEventSourceMapping(fn, stream, { startingPosition: 'LATEST' })];
 */
export type EventSourceMapping = SqsEventSourceMapping | StreamEventSourceMapping;

/**
 * Connects a source to a function, as `CreateEventSourceMapping` does: from now on the function's virtual clock polls
 * it. An SQS queue (from {@link createQueue}) is received in batches, deleted on success, redelivered after its
 * visibility timeout (spec §8.1); a Kinesis stream (from {@link createKinesisStream}) or a DynamoDB table's stream (from
 * {@link createDynamoDbTable}) is read shard by shard, in order, with checkpoints, retries and an on-failure
 * destination (spec §8.2). Options are validated as AWS does.
 * @example
 * const queue = createQueue('orders', { redrivePolicy: { deadLetterQueue: createQueue('orders-dlq'), maxReceiveCount: 3 } });
 * const mapping = createEventSourceMapping(fn, queue, { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] });
 * queue.send({ orderId: 7 });
 * await mapping.drain();
 */
export function createEventSourceMapping(fn: LambdaFunction, queue: Queue, options?: SqsMappingOptions): SqsEventSourceMapping;
export function createEventSourceMapping(fn: LambdaFunction, stream: KinesisStream, options: StreamMappingOptions): StreamEventSourceMapping<KinesisStreamEvent>;
export function createEventSourceMapping(fn: LambdaFunction, table: DynamoDbTable, options: StreamMappingOptions): StreamEventSourceMapping<DynamoDBStreamEvent>;
export function createEventSourceMapping(target: LambdaFunction, source: Queue | KinesisStream | DynamoDbTable, options?: SqsMappingOptions | StreamMappingOptions): EventSourceMapping {
  const fn = mappedFunctionOf(target);
  if (fn === undefined) {
    throw new HarnessError('INVALID_ARGUMENT', 'createEventSourceMapping: the first argument must be a function from createFunction().');
  }
  if (fn.runsOnRealTime) {
    throw new HarnessError('INVALID_ARGUMENT', "createEventSourceMapping: mappings poll on virtual time; create the function without clock: 'real'.");
  }
  const queue = queueState(source);
  const stream = queue === undefined ? (streamState(source) ?? tableState(source)) : undefined;
  if (queue === undefined && stream === undefined) {
    throw new HarnessError(
      'INVALID_ARGUMENT',
      'createEventSourceMapping: the event source must be a queue from createQueue(), a stream from createKinesisStream() or a table from createDynamoDbTable().',
    );
  }
  // Everything is checked before the source adopts the function's clock: a refused call changes nothing.
  const known = (qualifier: string | undefined): string | undefined => {
    // AWS: ResourceNotFoundException.
    if (qualifier !== undefined && !fn.hasQualifier(qualifier)) throw new HarnessError('INVALID_ARGUMENT', `Function not found: ${fn.arn}:${qualifier} (publish the version or create the alias first).`);
    return qualifier;
  };
  let create: () => SqsMapping | StreamMapping;
  let qualifier: string | undefined;
  if (queue !== undefined) {
    const config = resolveSqsMapping((options ?? {}) as SqsMappingOptions, queue, (q) => fn.configurationOf(known(q)).options.timeout);
    qualifier = config.qualifier;
    create = () => new SqsMapping(fn, queue, fn.clock as VirtualClock, config);
  } else {
    const config = resolveStreamMapping(options as StreamMappingOptions, stream!.label === 'DynamoDB' ? 'DynamoDB' : 'Kinesis');
    qualifier = known(config.qualifier);
    create = () => new StreamMapping(fn, stream!, fn.clock as VirtualClock, config);
  }
  const functionArn = qualifiedArn(fn.arn, qualifier);
  const mapped = live.get(source) ?? new Map<string, EventSourceMapping>();
  const existing = mapped.get(functionArn);
  if (existing !== undefined) {
    // AWS: ResourceConflictException.
    throw new HarnessError(
      'INVALID_ARGUMENT',
      `An event source mapping with ${queue ? 'SQS' : stream!.label} arn (" ${queue ? source.arn : stream!.arn} ") and function (" ${fn.name} ") already exists. Please update or delete the existing mapping with UUID ${existing.uuid}`,
    );
  }
  // Before anything is registered: a source on another clock is refused here.
  (queue ?? stream!).bind(fn.clock);
  const mapping = create();
  mapped.set(functionArn, mapping);
  live.set(source, mapped);
  mapping.onDeleted = () => mapped.delete(functionArn);
  return mapping;
}

/** Each source's live mappings, by function ARN (qualified for an alias or version): one per function and source, as on AWS. */
const live = new WeakMap<object, Map<string, EventSourceMapping>>();
