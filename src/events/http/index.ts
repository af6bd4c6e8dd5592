import type { EventKind } from '../_internals/kind.js';
import { apiGatewayProxy, apiGatewayV1, apiGatewayV1Kind } from './api-gateway-v1.js';
import { apiGatewayV2, apiGatewayV2Kind } from './api-gateway-v2.js';

/** Factories of the http family. */
export const factories = { apiGatewayV1, apiGatewayProxy, apiGatewayV2 } as const;

/** Registry entries of the http family: drives conformance tests and `generate-event`. */
export const kinds: readonly EventKind[] = [apiGatewayV1Kind, apiGatewayV2Kind];
