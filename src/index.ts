/**
 * lambda-harness: test Node.js Lambda handlers the way AWS Lambda runs them.
 * @packageDocumentation
 */
export { createFunction, type LambdaFunction, type InvokeOptions } from './function/lambda-function.js';
export type { FunctionOptions, FunctionUpdate, HandlerFunction, HandlerSource, LambdaCallback } from './function/options.js';
export type { AliasInfo, AliasOptions, AliasRouting, PublishedVersion } from './function/versions.js';
export type { InvocationResult, InvocationSuccess, InvocationFailure, DryRunResult, EventAccepted } from './function/result.js';
export type { EnvironmentInfo } from './function/environment.js';
export { createClock, type Clock, type ClockOptions } from './clock/virtual-clock.js';
export { parseDuration, type Duration } from './clock/duration.js';
export { createContext, type CreateContextOptions, type LambdaContext } from './context/context.js';
export { HarnessError, InvalidParameterValueError, LambdaServiceError } from './errors.js';
export type { HarnessErrorCode, LambdaServiceExceptionName, ThrottleReason } from './errors.js';
export type { ErrorPayload } from './runtime/error-payload.js';
export { streamifyResponse, HttpResponseStream, type ResponseStream, type StreamedResponse, type StreamingHandlerFunction } from './runtime/response-stream.js';
export type { RuntimeName } from './runtime/profiles.js';
export type { LogFormat, LogLevel } from './logs/format.js';
export { LIMITS } from './limits/limits.js';
export { events, eventKinds, type EventOptions, type EventKind, type DeepPartial } from './events/index.js';
/**
 * The event and input types of every factory of {@link events} (corrected where real payloads disagree with
 * `@types/aws-lambda`), so that code can name them.
 * @example
 * import { events, type EventTypes } from 'lambda-harness';
 * const trigger: EventTypes.CognitoPostConfirmationEvent = events.cognitoPostConfirmation();
 */
export type * as EventTypes from './events/types.js';
export { startServer, type ServerOptions, type RunningServer } from './server/start-server.js';
export { startFunctionUrl, type FunctionUrlOptions } from './server/function-url-server.js';
export type { InvokeMode } from './function-url/http-response.js';
export type { InvokeTarget } from './invoke-api/registry.js';
export { createTopic, createEventBus, createBucket } from './async/targets.js';
export type { Topic, TopicMessage, EventBus, BusEvent, Bucket, BucketObject, TargetOptions } from './async/targets.js';
export { createQueue } from './event-sources/sqs-queue.js';
export type { Queue, QueueMessage, QueueOptions, SendMessageOptions } from './event-sources/sqs-queue.js';
export { createEventSourceMapping } from './event-sources/create-mapping.js';
export type { EventSourceMapping } from './event-sources/create-mapping.js';
export type { SqsEventSourceMapping, SqsBatch, SqsBatchFate, SqsDrainSummary } from './event-sources/sqs-mapping.js';
export type { SqsMappingOptions } from './event-sources/sqs-rules.js';
export type { FilterCriteria } from './event-sources/filter-criteria.js';
export type { CommonMappingOptions } from './event-sources/mapping-options.js';
export { createKinesisStream } from './event-sources/kinesis-stream.js';
export type { KinesisStream, KinesisStreamOptions, KinesisStoredRecord } from './event-sources/kinesis-stream.js';
export { createDynamoDbTable } from './event-sources/dynamodb-table.js';
export type { DynamoDbTable, DynamoDbTableOptions } from './event-sources/dynamodb-table.js';
export type { PlainItem, PlainAttribute } from './events/messaging/_marshal.js';
export type { StreamData } from './events/messaging/_encoding.js';
export type { StreamEventSourceMapping, StreamBatch, StreamBatchFate, StreamSkip, StreamDrainSummary, StreamEvent } from './event-sources/stream-mapping.js';
export type { StreamMappingOptions, StreamFailureCondition } from './event-sources/stream-rules.js';
export type { AsyncEventRecord, AsyncAttempt, AsyncFate, DrainSummary } from './async/event-queue.js';
export type { InvocationRecord, DestinationCondition, MessageAttribute } from './async/records.js';
export type { Destination } from './function/options.js';
