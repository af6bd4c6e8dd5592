import type {
  ALBEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayTokenAuthorizerEvent,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { events } from '../../../src/events/index.js';
import type { RestApiProxyEvent } from '../../../src/events/http/api-gateway-v1.js';
import type { ApiGatewayWebSocketEvent } from '../../../src/events/http/websocket.js';

describe('http factory types', () => {
  it('return the @types/aws-lambda types, or the corrected ones', () => {
    expectTypeOf(events.apiGatewayV2()).toEqualTypeOf<APIGatewayProxyEventV2>();
    expectTypeOf(events.apiGatewayV1()).toEqualTypeOf<RestApiProxyEvent>();
    expectTypeOf(events.alb()).toEqualTypeOf<ALBEvent>();
    expectTypeOf(events.functionUrl()).toEqualTypeOf<LambdaFunctionURLEvent>();
    expectTypeOf(events.apiGatewayTokenAuthorizer()).toEqualTypeOf<APIGatewayTokenAuthorizerEvent>();
    expectTypeOf(events.apiGatewayWebSocket()).toEqualTypeOf<ApiGatewayWebSocketEvent>();
  });

  it('follow the authorizer in the return type', () => {
    expectTypeOf(events.apiGatewayV2({ authorizer: { jwt: {} } })).toEqualTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
    expectTypeOf(events.apiGatewayV2({ authorizer: { lambda: { tenant: 't' } } })).toEqualTypeOf<
      APIGatewayProxyEventV2WithLambdaAuthorizer<{ tenant: string }>
    >();
  });

  it('type-check deep-partial overrides', () => {
    events.apiGatewayV2({ overrides: { requestContext: { http: { sourceIp: '10.0.0.1' } } } });
    // @ts-expect-error timeEpoch is a number, so a string override must not compile
    events.apiGatewayV2({ overrides: { requestContext: { timeEpoch: 'soon' } } });
    // @ts-expect-error `methd` is a typo of `method`: unknown intent fields must not compile
    events.apiGatewayV2({ methd: 'GET' });
  });
});
