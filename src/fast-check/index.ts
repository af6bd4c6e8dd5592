/**
 * `lambda-harness/fast-check`: arbitraries for Lambda events, function configurations and handler misbehaviour.
 * fast-check is an optional peer dependency: only this entry point imports it.
 * @example
 * import fc from 'fast-check';
 * import { arbitraries, toHandler } from 'lambda-harness/fast-check';
 * fc.assert(fc.property(arbitraries.apiGatewayV2(), (event) => handler(event) !== undefined));
 */
import * as http from './events/http.js';
import * as messaging from './events/messaging.js';
import * as services from './events/services.js';
import { functionConfig } from './function-config.js';
import { handlerBehaviour } from './handler-behaviour.js';

/**
 * Every arbitrary, one per event kind plus configurations and behaviours.
 * @example
 * fc.sample(arbitraries.functionConfig(), 1);
 */
export const arbitraries = {
  ...http,
  ...messaging,
  ...services,
  functionConfig,
  handlerBehaviour,
};

export { eventArbitrary, type EventArbitraryConstraints } from './_internals/event-arbitrary.js';
export type { HttpEventConstraints } from './events/http.js';
export { FUNCTION_QUOTAS, type FunctionConfig, type FunctionConfigConstraints } from './function-config.js';
export { toHandler, type HandlerBehaviour, type HandlerBehaviourConstraints } from './handler-behaviour.js';
