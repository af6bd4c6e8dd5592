/**
 * The event and input types of every factory of `events` (corrected where real payloads disagree with
 * `@types/aws-lambda`), so that code can name them: `EventTypes.CognitoPostConfirmationEvent`.
 * @example
 * import { events, type EventTypes } from 'lambda-harness';
 * const trigger: EventTypes.CognitoPostConfirmationEvent = events.cognitoPostConfirmation();
 */
export type * from './http/alb.js';
export type * from './http/api-gateway-v1.js';
export type * from './http/api-gateway-v2.js';
export type * from './http/authorizers.js';
export type * from './http/function-url.js';
export type * from './http/results.js';
export type * from './http/websocket.js';
export type * from './messaging/autoscaling.js';
export type * from './messaging/cloudwatch-alarm-sns.js';
export type * from './messaging/cloudwatch-alarm.js';
export type * from './messaging/cloudwatch-logs.js';
export type * from './messaging/codebuild.js';
export type * from './messaging/codedeploy.js';
export type * from './messaging/codepipeline-events.js';
export type * from './messaging/dynamodb.js';
export type * from './messaging/ecr.js';
export type * from './messaging/ecs.js';
export type * from './messaging/eventbridge.js';
export type * from './messaging/firehose.js';
export type * from './messaging/kafka.js';
export type * from './messaging/kinesis-analytics.js';
export type * from './messaging/kinesis.js';
export type * from './messaging/s3-batch.js';
export type * from './messaging/s3-eventbridge.js';
export type * from './messaging/s3.js';
export type * from './messaging/ses.js';
export type * from './messaging/sns.js';
export type * from './messaging/sqs.js';
export type * from './services/alexa.js';
export type * from './services/appsync.js';
export type * from './services/batch.js';
export type * from './services/cdk.js';
export type * from './services/cloudformation.js';
export type * from './services/cloudfront.js';
export type * from './services/cognito.js';
export type * from './services/config.js';
export type * from './services/iot.js';
export type * from './services/sagemaker.js';
export type * from './services/secrets-manager.js';
export type * from './services/step-functions.js';
export type * from './services/workmail.js';
