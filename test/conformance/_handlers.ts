import type { LambdaContext } from '../../src/index.js';

/**
 * The recordings' functions/lambda_integration.py: prints a line and logs one through the logging module (Python's
 * print and logging.info: a bare stdout line, then Node's INFO line), raises when the event has `raise_error`, else
 * returns the event and the context in Python's names.
 */
export const integration = async (event: Record<string, unknown>, context: LambdaContext): Promise<unknown> => {
  process.stdout.write('Lambda log message - print function\n');
  console.info('Lambda log message - logging module');
  if ('raise_error' in event) throw new Error('Test exception (this is intentional)');
  return {
    event,
    context: {
      invoked_function_arn: context.invokedFunctionArn,
      function_version: context.functionVersion,
      function_name: context.functionName,
      memory_limit_in_mb: context.memoryLimitInMB,
      aws_request_id: context.awsRequestId,
      log_group_name: context.logGroupName,
      log_stream_name: context.logStreamName,
      // Python's `context.client_context` is None when there is none; Node's is undefined (dropped by JSON).
      client_context: context.clientContext ?? null,
    },
  };
};
