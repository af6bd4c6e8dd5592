import type {
  AppSyncResolverEvent,
  BasePreSignUpTriggerEvent,
  CloudFormationCustomResourceUpdateEvent,
  CloudFrontRequestEvent,
  CodePipelineEvent,
  PreAuthenticationTriggerEvent,
} from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { events } from '../../../src/events/index.js';
import type { CognitoCustomMessageEvent } from '../../../src/events/services/cognito.js';

describe('services factory types', () => {
  it('returns the trigger type picked by triggerSource', () => {
    expectTypeOf(events.cognitoPreSignUp()).toEqualTypeOf<BasePreSignUpTriggerEvent<'PreSignUp_SignUp'>>();
    expectTypeOf(events.cognitoPreSignUp({ triggerSource: 'PreSignUp_AdminCreateUser' })).toEqualTypeOf<
      BasePreSignUpTriggerEvent<'PreSignUp_AdminCreateUser'>
    >();
    expectTypeOf(events.cognitoPreAuthentication()).toEqualTypeOf<PreAuthenticationTriggerEvent>();
    expectTypeOf(events.cognitoCustomMessage({ triggerSource: 'CustomMessage_ResendCode' })).toEqualTypeOf<
      CognitoCustomMessageEvent<'CustomMessage_ResendCode'>
    >();
    // @ts-expect-error a pre sign-up trigger cannot have a post-confirmation triggerSource
    events.cognitoPreSignUp({ triggerSource: 'PostConfirmation_ConfirmSignUp' });
    // @ts-expect-error autoConfirmUser is a boolean, not a string
    events.cognitoPreSignUp({ response: { autoConfirmUser: 'yes' } });
  });

  it('types custom message attributes as strings or booleans, as Cognito sends them', () => {
    expectTypeOf(events.cognitoCustomMessage().request.userAttributes['email_verified']).toEqualTypeOf<string | boolean | undefined>();
  });

  it('types AppSync arguments and source generically', () => {
    const e = events.appSyncResolver<{ id: string }, { postId: number }>({ arguments: { id: '1' }, source: { postId: 1 } });
    expectTypeOf(e).toEqualTypeOf<AppSyncResolverEvent<{ id: string }, { postId: number }>>();
    expectTypeOf(e.arguments.id).toEqualTypeOf<string>();
    // @ts-expect-error arguments must match the declared argument type
    events.appSyncResolver<{ id: string }>({ arguments: { id: 1 } });
    expectTypeOf(events.appSyncBatchResolver<{ id: string }>()).toEqualTypeOf<AppSyncResolverEvent<{ id: string }, Record<string, unknown> | null>[]>();
  });

  it('types CloudFormation resource properties generically', () => {
    const e = events.cloudFormationUpdate<{ ServiceToken: string; Size: string }>({ ResourceProperties: { Size: '2' } });
    expectTypeOf(e).toEqualTypeOf<CloudFormationCustomResourceUpdateEvent<{ ServiceToken: string; Size: string }>>();
    expectTypeOf(e.OldResourceProperties.Size).toEqualTypeOf<string>();
    // @ts-expect-error RequestType is fixed by the factory
    events.cloudFormationUpdate({ RequestType: 'Create' });
    expectTypeOf(events.cdkCustomResource({ RequestType: 'Delete' }).RequestType).toEqualTypeOf<'Delete'>();
  });

  it('returns the exact @types type for CloudFront and CodePipeline', () => {
    expectTypeOf(events.cloudFrontRequest()).toEqualTypeOf<CloudFrontRequestEvent>();
    expectTypeOf(events.codePipelineJob()).toEqualTypeOf<CodePipelineEvent>();
    // @ts-expect-error eventType of a request is viewer-request or origin-request
    events.cloudFrontRequest({ eventType: 'origin-response' });
  });
});
