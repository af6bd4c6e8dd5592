import type { EventKind } from '../_internals/kind.js';
import { alb, albKind } from './alb.js';
import { functionUrl, functionUrlKind } from './function-url.js';
import { apiGatewayProxy, apiGatewayV1, apiGatewayV1Kind } from './api-gateway-v1.js';
import { apiGatewayV2, apiGatewayV2Kind } from './api-gateway-v2.js';
import {
  apiGatewayRequestAuthorizer,
  apiGatewayTokenAuthorizer,
  authorizerKinds,
  httpApiAuthorizerV1,
  httpApiAuthorizerV2,
  webSocketAuthorizer,
} from './authorizers.js';
import {
  albResult,
  apiGatewayResult,
  authorizerPolicy,
  functionUrlResult,
  httpApiResult,
  simpleAuthorizerResult,
} from './results.js';
import { apiGatewayWebSocket, apiGatewayWebSocketKind } from './websocket.js';

/** Factories of the http family. */
export const factories = {
  apiGatewayV1,
  apiGatewayProxy,
  apiGatewayV2,
  apiGatewayWebSocket,
  apiGatewayTokenAuthorizer,
  apiGatewayRequestAuthorizer,
  httpApiAuthorizerV1,
  httpApiAuthorizerV2,
  webSocketAuthorizer,
  alb,
  functionUrl,
  apiGatewayResult,
  httpApiResult,
  functionUrlResult,
  albResult,
  authorizerPolicy,
  simpleAuthorizerResult,
} as const;

/** Registry entries of the http family: drives conformance tests and `generate-event`. */
export const kinds: readonly EventKind[] = [apiGatewayV1Kind, apiGatewayV2Kind, apiGatewayWebSocketKind, ...authorizerKinds, albKind, functionUrlKind];
