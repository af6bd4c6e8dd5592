/**
 * lambda-harness/msw: the Lambda Invoke API as msw request handlers, for code under test that invokes functions
 * through `@aws-sdk/client-lambda`, and function URLs, for code that calls a function over HTTP. msw is an optional
 * peer dependency; the core entry never imports it.
 * @packageDocumentation
 */
export { lambdaHandlers, type LambdaHandlersOptions } from './lambda-handlers.js';
export { functionUrlHandlers, unknownFunctionUrlHandler, type FunctionUrlHandlersOptions } from './function-url-handlers.js';
export type { InvokeTarget } from '../invoke-api/registry.js';
