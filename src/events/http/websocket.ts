import type { APIGatewayEventWebsocketRequestContextV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { apiGatewayId, clfTime, shortRequestId, toBase64, traceId } from '../_internals/format.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { lastValues, multiValues, toPairs, type MultiMap } from './_request.js';

/**
 * A WebSocket API event as AWS sends it. `@types/aws-lambda`'s `APIGatewayProxyWebsocketEventV2` differs:
 * `$connect` and `$disconnect` events carry `headers` and `multiValueHeaders`; every event carries
 * `requestContext.identity` (`sourceIp`, and `userAgent`/`apiKey`/`apiKeyId` when known); `messageId` is only sent
 * with messages; `$disconnect` adds `disconnectStatusCode` and `disconnectReason`
 * (aws-lambda-go/apigw-websocket-request-disconnect.json, aws-lambda-rust-runtime/example-apigw-websocket-request-without-method.json).
 */
export type ApiGatewayWebSocketEvent = Omit<APIGatewayProxyWebsocketEventV2, 'requestContext'> & {
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  requestContext: Omit<APIGatewayEventWebsocketRequestContextV2, 'messageId'> & {
    messageId?: string;
    identity: { sourceIp: string; userAgent?: string; apiKey?: string; apiKeyId?: string };
    disconnectStatusCode?: number;
    disconnectReason?: string;
  };
};

/** Intent for a WebSocket API event. */
export interface ApiGatewayWebSocketInput {
  /** `'$connect'`, `'$disconnect'`, `'$default'` or a custom route key; the event type follows. @defaultValue `'$default'` */
  readonly route?: string;
  /** The message body (messages only). Bytes arrive base64-encoded. @defaultValue `'{"action":"message"}'` */
  readonly body?: string | Uint8Array;
  /** A value serialised as the message body. */
  readonly json?: unknown;
  /** Headers of the `$connect` / `$disconnect` upgrade request. */
  readonly headers?: MultiMap;
  /** The connection id (the same across one connection's events). @defaultValue seeded */
  readonly connectionId?: string;
  /** When the connection was opened (epoch ms). @defaultValue one second before the event */
  readonly connectedAt?: number;
  /** The close code of a `$disconnect`. @defaultValue `1001` */
  readonly disconnectStatusCode?: number;
  readonly stage?: string;
  /** Verbatim deep-partial overrides, applied last. */
  readonly overrides?: DeepPartial<ApiGatewayWebSocketEvent>;
}

/**
 * The canonical base of `apiGatewayWebSocket` (a message), from aws-lambda-go/apigw-websocket-request-send-message.json.
 * Equal to `fixtures/events/apigw-websocket.json`.
 */
export const apiGatewayWebSocketFixture: ApiGatewayWebSocketEvent = {
  requestContext: {
    routeKey: '$default',
    messageId: 'R1knPc2ntjMCFIA=',
    eventType: 'MESSAGE',
    extendedRequestId: 'R1knPH17NjMFftw=',
    requestTime: '20/Jan/2024:11:55:00 +0000',
    messageDirection: 'IN',
    stage: 'prod',
    connectedAt: 1705751697419,
    requestTimeEpoch: 1705751700453,
    identity: {
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36',
      sourceIp: '49.105.91.154',
    },
    requestId: 'R1knPH17NjMFftw=',
    domainName: 'dl7ptocha9.execute-api.ap-northeast-1.amazonaws.com',
    connectionId: 'R1kmxc2VNjMCFIA=',
    apiId: 'gy415nuibc',
  },
  body: '{\r\n\t"a": 1\r\n}',
  isBase64Encoded: false,
};

const KIND_ID = 'apigw-websocket';

/**
 * An API Gateway WebSocket API event: `$connect`, a message, or `$disconnect` (chosen by `route`). The connection
 * id is seeded, so events built with the same seed belong to the same connection.
 * @example
 * const connect = events.apiGatewayWebSocket({ route: '$connect' });
 * const message = events.apiGatewayWebSocket({ json: { action: 'send', text: 'hi' } });
 * connect.requestContext.connectionId === message.requestContext.connectionId; // true
 */
export function apiGatewayWebSocket(input: ApiGatewayWebSocketInput = {}, options?: EventOptions): ApiGatewayWebSocketEvent {
  const { random, now } = buildContext(KIND_ID, options);
  // Connection-scoped values come from their own stream so they do not depend on the route.
  const connection = random.fork('connection');
  const apiId = apiGatewayId(connection);
  const connectionId = input.connectionId ?? shortRequestId(connection);
  const domainName = `${apiId}.execute-api.us-east-1.amazonaws.com`;
  const route = input.route ?? '$default';
  const eventType = route === '$connect' ? 'CONNECT' : route === '$disconnect' ? 'DISCONNECT' : 'MESSAGE';
  const base = apiGatewayWebSocketFixture.requestContext;
  const requestId = shortRequestId(random);
  // $connect carries only the source IP (the user agent is in the upgrade request's headers).
  const identity: ApiGatewayWebSocketEvent['requestContext']['identity'] =
    eventType === 'CONNECT' ? { sourceIp: base.identity.sourceIp } : { sourceIp: base.identity.sourceIp, userAgent: base.identity.userAgent! };

  const requestContext: ApiGatewayWebSocketEvent['requestContext'] = {
    routeKey: route,
    ...(eventType === 'MESSAGE' ? { messageId: shortRequestId(random) } : {}),
    ...(eventType === 'DISCONNECT' ? { disconnectStatusCode: input.disconnectStatusCode ?? 1001 } : {}),
    eventType,
    extendedRequestId: requestId,
    requestTime: clfTime(now),
    messageDirection: 'IN',
    ...(eventType === 'DISCONNECT' ? { disconnectReason: '' } : {}),
    stage: input.stage ?? 'prod',
    // The $connect request is the connection: both samples have it 1 ms before requestTimeEpoch.
    connectedAt: input.connectedAt ?? (eventType === 'CONNECT' ? now - 1 : now - 1000),
    requestTimeEpoch: now,
    identity,
    requestId,
    domainName,
    connectionId,
    apiId,
  };
  const event: ApiGatewayWebSocketEvent = { requestContext, isBase64Encoded: false };
  if (eventType !== 'MESSAGE') {
    // The upgrade request's headers, as API Gateway forwards them (case as the client sent them).
    const pairs: (readonly [string, string])[] = [
      ['Host', domainName],
      ['Sec-WebSocket-Key', toBase64(random.hex(16)).slice(0, 22) + '=='],
      ['Sec-WebSocket-Version', '13'],
      ['X-Amzn-Trace-Id', traceId(random, now)],
      ['X-Forwarded-For', identity.sourceIp],
      ['X-Forwarded-Port', '443'],
      ['X-Forwarded-Proto', 'https'],
    ];
    pairs.push(...toPairs(input.headers));
    event.headers = lastValues(pairs);
    event.multiValueHeaders = multiValues(pairs);
  } else {
    const raw = input.json !== undefined ? JSON.stringify(input.json) : (input.body ?? '{"action":"message"}');
    event.body = typeof raw === 'string' ? raw : toBase64(raw);
    event.isBase64Encoded = typeof raw !== 'string';
  }
  // Key order as AWS sends it: body before isBase64Encoded.
  const ordered: ApiGatewayWebSocketEvent = {
    ...(event.headers !== undefined ? { headers: event.headers, multiValueHeaders: event.multiValueHeaders! } : {}),
    requestContext: event.requestContext,
    ...(event.body !== undefined ? { body: event.body } : {}),
    isBase64Encoded: event.isBase64Encoded,
  };
  return input.overrides === undefined ? ordered : deepMerge<ApiGatewayWebSocketEvent>(ordered, input.overrides);
}

/** Registry entry for `apiGatewayWebSocket`. */
export const apiGatewayWebSocketKind: EventKind = {
  id: KIND_ID,
  factory: 'apiGatewayWebSocket',
  title: 'API Gateway WebSocket API message/connect/disconnect',
  type: 'APIGatewayProxyWebsocketEventV2 (corrected: ApiGatewayWebSocketEvent)',
  build: (options) => apiGatewayWebSocket({}, options),
  samples: ['aws-lambda-go/apigw-websocket-request-send-message.json'],
  fixture: apiGatewayWebSocketFixture,
  examples: [
    {
      name: 'for $connect',
      build: (options) => apiGatewayWebSocket({ route: '$connect' }, options),
      samples: [
        'aws-lambda-rust-runtime/example-apigw-websocket-request-without-method.json',
        'powertools-lambda-typescript/parser__apigw-websocket__connectEvent.json',
      ],
    },
    {
      name: 'for $disconnect',
      build: (options) => apiGatewayWebSocket({ route: '$disconnect' }, options),
      samples: [
        'aws-lambda-go/apigw-websocket-request-disconnect.json',
        'aws-lambda-rust-runtime/example-apigw-websocket-request-disconnect-route.json',
      ],
    },
    {
      name: 'for a JSON message on a custom route',
      build: (options) => apiGatewayWebSocket({ route: 'sendMessage', json: { action: 'sendMessage', text: 'héllo' } }, options),
    },
  ],
};
