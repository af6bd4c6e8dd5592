import fc from 'fast-check';
import type { ALBEvent, APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { alb as albFactory } from '../../events/http/alb.js';
import { apiGatewayV1 as apiGatewayV1Factory, type RestApiProxyEvent } from '../../events/http/api-gateway-v1.js';
import { apiGatewayV2 as apiGatewayV2Factory } from '../../events/http/api-gateway-v2.js';
import { functionUrl as functionUrlFactory } from '../../events/http/function-url.js';
import { eventArbitrary, type EventArbitraryConstraints } from '../_internals/event-arbitrary.js';
import { bodyArbitrary, headersArbitrary, METHODS, pathArbitrary, queryArbitrary } from '../_internals/http.js';

/**
 * Constraints shared by the HTTP event arbitraries.
 * @example
 * arbitraries.apiGatewayV2({ maxBodyLength: 16 });
 */
export interface HttpEventConstraints extends EventArbitraryConstraints {
  /**
   * Longest generated text or binary body.
   * @defaultValue `64`
   */
  readonly maxBodyLength?: number;
  /**
   * Methods to draw from.
   * @defaultValue all of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS
   */
  readonly methods?: readonly string[];
}

function intent(constraints: HttpEventConstraints) {
  return fc
    .record({
      method: fc.constantFrom(...(constraints.methods ?? METHODS)),
      path: pathArbitrary(),
      query: queryArbitrary(),
      headers: headersArbitrary(),
      body: bodyArbitrary(constraints.maxBodyLength ?? 64),
    })
    .map(({ body, ...rest }) => ({ ...rest, ...body }));
}

/**
 * HTTP API (payload 2.0) events with varied methods, paths needing encoding, repeated query parameters, odd but
 * legal headers and unicode, JSON or binary bodies. Shrinks towards `GET /` with no query, headers or body.
 * @example
 * fc.assert(fc.property(arbitraries.apiGatewayV2(), (event) => handler(event).statusCode < 500));
 */
export function apiGatewayV2(constraints: HttpEventConstraints = {}): fc.Arbitrary<APIGatewayProxyEventV2> {
  return eventArbitrary(intent(constraints), (input, options) => apiGatewayV2Factory(input, options), constraints);
}

/**
 * REST API (payload v1) proxy events; see {@link apiGatewayV2} for what varies.
 * @example
 * fc.assert(fc.property(arbitraries.apiGatewayV1({ methods: ['GET'] }), (event) => { handler(event); }));
 */
export function apiGatewayV1(constraints: HttpEventConstraints = {}): fc.Arbitrary<RestApiProxyEvent> {
  return eventArbitrary(intent(constraints), (input, options) => apiGatewayV1Factory(input, options), constraints);
}

/**
 * ALB events, with and without multi-value headers.
 * @example
 * fc.assert(fc.property(arbitraries.alb(), (event) => typeof event.body === 'string'));
 */
export function alb(constraints: HttpEventConstraints = {}): fc.Arbitrary<ALBEvent> {
  return eventArbitrary(
    fc.tuple(intent(constraints), fc.boolean()).map(([input, multiValue]) => ({ ...input, multiValue })),
    (input, options) => albFactory(input, options),
    constraints,
  );
}

/**
 * Lambda function URL events.
 * @example
 * fc.assert(fc.property(arbitraries.functionUrl(), (event) => event.version === '2.0'));
 */
export function functionUrl(constraints: HttpEventConstraints = {}): fc.Arbitrary<LambdaFunctionURLEvent> {
  return eventArbitrary(intent(constraints), (input, options) => functionUrlFactory(input, options), constraints);
}
