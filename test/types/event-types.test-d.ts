import { describe, expectTypeOf, it } from 'vitest';
import {
  events,
  type ApiGatewayV1Input,
  type CognitoPostConfirmationEvent,
  type HttpApiAuthorizerV1Event,
  type RestApiProxyEvent,
  type S3EventCorrected,
  type SqsEventInput,
} from '../../src/index.js';

describe('event types, importable from the package root as the factories’ JSDoc names them', () => {
  it('names what factories return and take', () => {
    expectTypeOf(events.apiGatewayV1()).toEqualTypeOf<RestApiProxyEvent>();
    expectTypeOf(events.httpApiAuthorizerV1()).toEqualTypeOf<HttpApiAuthorizerV1Event>();
    expectTypeOf(events.cognitoPostConfirmation()).toEqualTypeOf<CognitoPostConfirmationEvent<'PostConfirmation_ConfirmSignUp'>>();
    expectTypeOf(events.s3Delete()).toMatchTypeOf<S3EventCorrected>();
    expectTypeOf<ApiGatewayV1Input>().toMatchTypeOf<NonNullable<Parameters<typeof events.apiGatewayV1>[0]>>();
    expectTypeOf<SqsEventInput>().toMatchTypeOf<NonNullable<Parameters<typeof events.sqs>[0]>>();
  });
});
