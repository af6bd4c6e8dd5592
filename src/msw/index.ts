/**
 * lambda-harness/msw: the Lambda Invoke API as msw request handlers, for code under test that invokes functions
 * through `@aws-sdk/client-lambda`. msw is an optional peer dependency; the core entry never imports it.
 * @packageDocumentation
 */
export { lambdaHandlers, type LambdaHandlersOptions } from './lambda-handlers.js';
export type { InvokeTarget } from '../invoke-api/registry.js';
