import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClock, createContext, HarnessError } from '../../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createContext (for tests that call a handler directly)', () => {
  it('has every member of the real context with real formats', () => {
    const c = createContext({ functionName: 'orders', memorySize: 512, runtime: 'nodejs22.x', seed: 3 });
    expect(c.functionName).toBe('orders');
    expect(c.functionVersion).toBe('$LATEST');
    expect(c.memoryLimitInMB).toBe('512');
    expect(c.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:orders');
    expect(c.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c.logGroupName).toBe('/aws/lambda/orders');
    expect(c.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(c.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(typeof c.succeed).toBe('function');
    expect(createContext({ runtime: 'nodejs24.x' }).succeed).toBeUndefined();
    expect(createContext({ qualifier: 'live' }).invokedFunctionArn).toMatch(/:function:test-function:live$/);
  });

  it('really counts down, and follows vi.useFakeTimers() when installed', () => {
    vi.useFakeTimers();
    const c = createContext({ timeout: 10 });
    expect(c.getRemainingTimeInMillis()).toBe(10_000);
    vi.advanceTimersByTime(4_000);
    expect(c.getRemainingTimeInMillis()).toBe(6_000);
    vi.advanceTimersByTime(7_000);
    expect(c.getRemainingTimeInMillis()).toBe(-1_000);
  });

  it('counts down on a harness clock when given one', async () => {
    const clock = createClock();
    const c = createContext({ timeout: 60, clock });
    await clock.advance('45s');
    expect(c.getRemainingTimeInMillis()).toBe(15_000);
    await clock.dispose();
  });

  it('rejects unknown options', () => {
    expect(() => createContext({ memory: 1 } as never)).toThrow(HarnessError);
  });
});
