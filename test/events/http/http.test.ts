import { describe, expect, it } from 'vitest';
import { events } from '../../../src/events/index.js';

describe('apiGatewayV2', () => {
  it('fills rawQueryString from query, encoding values and repeating names', () => {
    const event = events.apiGatewayV2({ query: { q: 'a b', tag: ['x', 'y'] } });
    expect(event.rawQueryString).toBe('q=a%20b&tag=x&tag=y');
    expect(event.queryStringParameters).toEqual({ q: 'a b', tag: 'x,y' });
  });

  it('encodes rawPath and copies it to requestContext.http.path', () => {
    const event = events.apiGatewayV2({ path: '/my path/ü' });
    expect(event.rawPath).toBe('/my%20path/%C3%BC');
    expect(event.requestContext.http.path).toBe(event.rawPath);
  });

  it('lowercases header names and joins repeated values with commas', () => {
    const event = events.apiGatewayV2({ headers: { 'X-Custom': ['a', 'b'] } });
    expect(event.headers['x-custom']).toBe('a,b');
    expect(event.headers['X-Custom']).toBeUndefined();
  });

  it('serialises json, sets content-type and content-length, and defaults the method to POST', () => {
    const event = events.apiGatewayV2({ json: { é: 1 } });
    expect(event.body).toBe('{"é":1}');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['content-length']).toBe('8');
    expect(event.requestContext.http.method).toBe('POST');
  });

  it('base64-encodes bytes and sets isBase64Encoded', () => {
    const event = events.apiGatewayV2({ body: new Uint8Array([1, 2, 3]) });
    expect(event).toMatchObject({ body: 'AQID', isBase64Encoded: true });
  });

  it('uses the route as routeKey and cookies as name=value strings', () => {
    const event = events.apiGatewayV2({ route: 'GET /items/{id}', cookies: { a: '1' } });
    expect(event.routeKey).toBe('GET /items/{id}');
    expect(event.requestContext.routeKey).toBe('GET /items/{id}');
    expect(event.cookies).toEqual(['a=1']);
  });

  it('stamps time and timeEpoch from now', () => {
    const event = events.apiGatewayV2({}, { now: '2015-04-09T12:34:56Z' });
    expect(event.requestContext.time).toBe('09/Apr/2015:12:34:56 +0000');
    expect(event.requestContext.timeEpoch).toBe(Date.UTC(2015, 3, 9, 12, 34, 56));
  });

  it('is identical for the same seed and differs for another', () => {
    expect(events.apiGatewayV2({}, { seed: 5 })).toEqual(events.apiGatewayV2({}, { seed: 5 }));
    expect(events.apiGatewayV2({}, { seed: 5 }).requestContext.requestId).not.toBe(
      events.apiGatewayV2({}, { seed: 6 }).requestContext.requestId,
    );
  });

  it('applies overrides last, verbatim', () => {
    expect(events.apiGatewayV2({ overrides: { requestContext: { stage: 'beta' } } }).requestContext.stage).toBe('beta');
  });
});

describe('functionUrl', () => {
  it('base64-encodes a string body whose media type is not text, as the captured event with content-type "idk" shows', () => {
    const event = events.functionUrl({ method: 'POST', headers: { 'Content-Type': 'idk' }, body: '<idk/>' });
    expect([event.isBase64Encoded, event.body]).toEqual([true, 'PGlkay8+']);
    expect(events.functionUrl({ method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }).isBase64Encoded).toBe(true);
    expect(events.functionUrl({ method: 'POST', body: 'no type' }).isBase64Encoded).toBe(true);
  });

  it('keeps text media types and JSON as text, and an explicit isBase64Encoded wins', () => {
    expect(events.functionUrl({ method: 'POST', body: 'hi', headers: { 'content-type': 'text/plain; charset=utf-8' } }).body).toBe('hi');
    expect(events.functionUrl({ json: { a: 1 } }).body).toBe('{"a":1}');
    expect(events.functionUrl({ method: 'POST', body: 'raw', isBase64Encoded: false }).body).toBe('raw');
  });
});

describe('apiGatewayV1', () => {
  it('sends null for empty maps and both single- and multi-value maps otherwise', () => {
    expect(events.apiGatewayV1()).toMatchObject({ queryStringParameters: null, multiValueQueryStringParameters: null, body: null });
    const event = events.apiGatewayV1({ query: { a: ['1', '2'] } });
    expect(event.queryStringParameters).toEqual({ a: '2' });
    expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '2'] });
  });

  it('prefixes requestContext.path with the stage and formats requestTime as API Gateway does', () => {
    const event = events.apiGatewayV1({ path: '/orders', stage: 'v1' }, { now: Date.UTC(2015, 3, 9, 12, 34, 56) });
    expect(event.requestContext.path).toBe('/v1/orders');
    expect(event.requestContext.requestTime).toBe('09/Apr/2015:12:34:56 +0000');
  });

  it('stringifies Lambda authorizer context values as API Gateway does', () => {
    const event = events.apiGatewayV1({ authorizer: { principalId: 'u', context: { n: 1, ok: true } } });
    expect(event.requestContext.authorizer).toMatchObject({ n: '1', ok: 'true', principalId: 'u' });
  });
});

describe('apiGatewayWebSocket', () => {
  it('keeps the connection id across events of one seed and sets the event type from the route', () => {
    const connect = events.apiGatewayWebSocket({ route: '$connect' });
    const message = events.apiGatewayWebSocket({ json: { a: 1 } });
    expect(connect.requestContext.connectionId).toBe(message.requestContext.connectionId);
    expect(connect.requestContext.eventType).toBe('CONNECT');
    expect(message.requestContext.eventType).toBe('MESSAGE');
    expect(events.apiGatewayWebSocket({ route: '$disconnect' }).requestContext.disconnectStatusCode).toBe(1001);
  });

  it('connects a $connect request at its own time (1 ms before requestTimeEpoch, as recorded), later events earlier', () => {
    const connect = events.apiGatewayWebSocket({ route: '$connect' }).requestContext;
    expect(connect.requestTimeEpoch - connect.connectedAt).toBe(1);
    const message = events.apiGatewayWebSocket({ json: { a: 1 } }).requestContext;
    expect(message.requestTimeEpoch - message.connectedAt).toBeGreaterThan(1);
  });
});

describe('alb', () => {
  it('keeps query parameters URL-encoded and sends an empty body string', () => {
    expect(events.alb({ query: { q: 'a b' } })).toMatchObject({ queryStringParameters: { q: 'a%20b' }, body: '' });
  });

  it('sends only multi-value maps when multiValue is set', () => {
    const event = events.alb({ multiValue: true, headers: { Accept: ['a', 'b'] } });
    expect(event.headers).toBeUndefined();
    expect(event.multiValueHeaders?.['accept']).toEqual(['a', 'b']);
  });
});

describe('authorizers and results', () => {
  it('builds the method ARN from method and path', () => {
    expect(events.apiGatewayTokenAuthorizer({ method: 'post', path: '/a/b' }).methodArn).toMatch(/^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/prod\/POST\/a\/b$/);
  });

  it('uses the Authorization header you give, whatever its case, and adds no second one (REST and HTTP v1)', () => {
    const rest = events.apiGatewayRequestAuthorizer({ headers: { authorization: 'Bearer mine' } });
    expect(Object.keys(rest.headers ?? {}).filter((n) => n.toLowerCase() === 'authorization')).toEqual(['authorization']);
    const v1 = events.httpApiAuthorizerV1({ headers: { authorization: 'Bearer mine' } });
    expect(v1.identitySource).toBe('Bearer mine');
    expect(v1.authorizationToken).toBe('Bearer mine');
    expect(Object.keys(v1.multiValueHeaders ?? {}).filter((n) => n.toLowerCase() === 'authorization')).toEqual(['authorization']);
  });

  it('gives an HTTP API v1 authorizer event the request path without stage in its context, as the samples show', () => {
    const event = events.httpApiAuthorizerV1({ path: '/request' });
    expect(event.requestContext.path).toBe('/request');
    expect(event.requestContext.stage).toBe('$default');
  });

  it('takes the HTTP API v2 identity source from the authorization header', () => {
    const event = events.httpApiAuthorizerV2({ headers: { Authorization: 'Bearer x' } });
    expect(event.identitySource).toEqual(['Bearer x']);
  });

  it('builds an IAM policy and results with derived fields', () => {
    expect(events.authorizerPolicy({ principalId: 'u', effect: 'Deny', resource: 'arn:x' }).policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: 'arn:x' },
    ]);
    expect(events.albResult({ status: 404 }).statusDescription).toBe('404 Not Found');
    expect(events.apiGatewayResult({ json: { a: 1 } })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      isBase64Encoded: false,
    });
  });
});
