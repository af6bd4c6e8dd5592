import { describe, expectTypeOf, it } from 'vitest';
import { events, type EventTypes } from '../../src/index.js';

type ApiGatewayV1Input = EventTypes.ApiGatewayV1Input;
type CognitoPostConfirmationEvent<S extends string> = EventTypes.CognitoPostConfirmationEvent<S & EventTypes.CognitoPostConfirmationEvent['triggerSource']>;
type HttpApiAuthorizerV1Event = EventTypes.HttpApiAuthorizerV1Event;
type RestApiProxyEvent = EventTypes.RestApiProxyEvent;
type S3EventCorrected = EventTypes.S3EventCorrected;
type SqsEventInput = EventTypes.SqsEventInput;

describe('event types, importable from the package root as EventTypes', () => {
  it('names what factories return and take', () => {
    expectTypeOf(events.apiGatewayV1()).toEqualTypeOf<RestApiProxyEvent>();
    expectTypeOf(events.httpApiAuthorizerV1()).toEqualTypeOf<HttpApiAuthorizerV1Event>();
    expectTypeOf(events.cognitoPostConfirmation()).toEqualTypeOf<CognitoPostConfirmationEvent<'PostConfirmation_ConfirmSignUp'>>();
    expectTypeOf(events.s3Delete()).toMatchTypeOf<S3EventCorrected>();
    expectTypeOf<ApiGatewayV1Input>().toMatchTypeOf<NonNullable<Parameters<typeof events.apiGatewayV1>[0]>>();
    expectTypeOf<SqsEventInput>().toMatchTypeOf<NonNullable<Parameters<typeof events.sqs>[0]>>();
  });
});
