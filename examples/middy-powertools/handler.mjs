// An orders handler as a Powertools + middy user writes it: a module-scope Logger, the context injected by
// middleware, and middy's early timeout answering before Lambda would kill the invocation.
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

const logger = new Logger({ serviceName: 'orders' });

const processOrder = async (event) => {
  logger.info('processing order', { orderId: event.orderId });
  // Stands in for a slow downstream call (a payment provider, a cold database connection).
  await new Promise((resolve) => setTimeout(resolve, event.downstreamMs ?? 0));
  logger.info('order processed', { orderId: event.orderId });
  return { orderId: event.orderId, status: 'processed' };
};

export const handler = middy({
  // Answer 500 ms before the function's timeout, while there is still time to say something useful.
  timeoutEarlyInMillis: 500,
  timeoutEarlyResponse: () => ({ statusCode: 503, body: JSON.stringify({ message: 'try again later' }) }),
})
  .use(injectLambdaContext(logger))
  .handler(processOrder);
