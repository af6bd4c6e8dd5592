import { afterEach, describe, expect, it } from 'vitest';
import { createFunction, type LambdaFunction } from 'lambda-harness';
import 'lambda-harness/vitest';

let fn: LambdaFunction;
afterEach(() => fn.dispose());

const orders = () =>
  createFunction({
    handler: 'handler.handler',
    root: import.meta.dirname,
    name: 'orders',
    timeout: 3,
    // Powertools writes to the process's stdout unless in dev mode, where it uses `console` (see README.md).
    environment: { POWERTOOLS_DEV: 'true' },
  });

describe('a middy handler with the Powertools logger', () => {
  it('flags the cold start on the first invoke only', async () => {
    fn = orders();

    const first = await fn.invoke({ orderId: 'o-1' });
    const second = await fn.invoke({ orderId: 'o-2' });

    expect(first).toBeColdStart();
    expect(first).toHaveLogged('"cold_start": true', 'INFO');
    expect(second).toBeWarmStart();
    expect(second).toHaveLogged('"cold_start": false', 'INFO');
  });

  it('logs with the invocation’s request id', async () => {
    fn = orders();

    const result = await fn.invoke({ orderId: 'o-1' });

    expect(result).toSucceedWith({ orderId: 'o-1', status: 'processed' });
    expect(result).toHaveLogged(`"function_request_id": "${result.requestId}"`, 'INFO');
    expect(result).toHaveLogged('"message": "order processed"', 'INFO');
  });

  it('answers early when the remaining time runs out, on the virtual clock', async () => {
    fn = orders();

    // The downstream call would take 10 s; the function has 3 s. Middy reads getRemainingTimeInMillis(), which
    // really counts down, and answers at 2.5 s of virtual time: no real waiting.
    const started = performance.now();
    const result = await fn.invoke({ orderId: 'o-3', downstreamMs: 10_000 });

    expect(result).toSucceedWith({ statusCode: 503, body: JSON.stringify({ message: 'try again later' }) });
    expect(result.durationMs).toBe(2_500);
    expect(result).not.toHaveLogged('order processed');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
