import { describe, expect, it } from 'vitest';
import { createClock, createFunction, HarnessError, InvalidParameterValueError } from '../../src/index.js';

const handler = async () => 'ok';
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('createFunction options', () => {
  it('rejects unknown keys, naming the valid ones (typos fail loudly)', () => {
    const e = thrown(() => createFunction({ handler, timout: 3 } as never)) as HarnessError;
    expect(e).toBeInstanceOf(HarnessError);
    expect(e.code).toBe('UNKNOWN_OPTION');
    expect(e.message).toContain('"timout"');
    expect(e.message).toContain('timeout');
  });

  it('rejects values outside Lambda’s ranges with InvalidParameterValueException naming the range', () => {
    for (const [options, text] of [
      [{ timeout: 0 }, 'between 1 and 900 seconds'],
      [{ timeout: 901 }, 'between 1 and 900 seconds'],
      [{ timeout: 1.5 }, 'between 1 and 900 seconds'],
      [{ memorySize: 64 }, 'between 128 and 10240 MB'],
      [{ memorySize: 10_241 }, 'between 128 and 10240 MB'],
      [{ ephemeralStorage: 511 }, 'between 512 and 10240 MB'],
      [{ maximumRetryAttempts: 3 }, 'between 0 and 2 retries'],
      [{ maximumRetryAttempts: -1 }, 'between 0 and 2 retries'],
      [{ maximumEventAge: 59 }, 'between 60 and 21600 seconds'],
      [{ maximumEventAge: 21_601 }, 'between 60 and 21600 seconds'],
      [{ reservedConcurrency: -1 }, 'reservedConcurrency must be a non-negative integer'],
      [{ provisionedConcurrency: 1.5 }, 'provisionedConcurrency must be a non-negative integer'],
    ] as const) {
      const e = thrown(() => createFunction({ handler, ...options })) as InvalidParameterValueError;
      expect(e).toBeInstanceOf(InvalidParameterValueError);
      expect(e.name).toBe('InvalidParameterValueException');
      expect(e.code).toBe('INVALID_PARAMETER_VALUE');
      expect(e.message).toContain(text);
    }
  });

  it("takes a function's provisioned concurrency out of the account's unreserved pool for the next function's settings", async () => {
    // (Each setting's own AWS message is replayed from the recordings in test/conformance/concurrency-and-async.)
    const clock = createClock({ accountConcurrency: 1000 });
    const a = createFunction({ handler, clock, name: 'a', provisionedConcurrency: 800 });
    const below = "decreases account's UnreservedConcurrentExecution below its minimum value of [100]";
    expect(() => createFunction({ handler, clock, name: 'b', reservedConcurrency: 800 })).toThrow(below);
    expect(() => createFunction({ handler, clock, name: 'c', provisionedConcurrency: 800 })).toThrow("greater than account's unreserved concurrency [200]");
    const b = createFunction({ handler, clock, name: 'b', reservedConcurrency: 100 });
    await a.dispose(); // gives its provisioned concurrency back
    const c = createFunction({ handler, clock, name: 'c', provisionedConcurrency: 800 });
    await Promise.all([b.dispose(), c.dispose()]);
    await clock.dispose();
  });

  it('measures the 4 KB environment limit on the JSON of the map, as AWS does', () => {
    const exactly = { LARGE_VAR: 'x'.repeat(4096 - '{"LARGE_VAR":""}'.length) };
    expect(() => createFunction({ handler, environment: exactly })).not.toThrow();
    const over = { LARGE_VAR: 'x'.repeat(4081) };
    const e = thrown(() => createFunction({ handler, environment: over })) as Error;
    expect(e.message).toBe(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(over)}`,
    );
  });

  it('rejects a bad handler, runtime, name or non-string environment value with what to do', () => {
    expect((thrown(() => createFunction({ handler: 42 } as never)) as HarnessError).message).toContain("'path/file.export' string");
    expect((thrown(() => createFunction({ handler, runtime: 'nodejs18.x' as never })) as HarnessError).message).toContain('nodejs20.x, nodejs22.x, nodejs24.x');
    expect((thrown(() => createFunction({ handler, name: 'has space' })) as Error).name).toBe('InvalidParameterValueException');
    expect((thrown(() => createFunction({ handler, environment: { N: 1 as never } })) as HarnessError).code).toBe('INVALID_OPTION');
  });

  it('derives the name from the handler', () => {
    async function orders() {
      return 1;
    }
    expect(createFunction({ handler: orders }).name).toBe('orders');
    expect(createFunction({ handler: 'examples/hello/index.handler' }).name).toBe('index');
  });

  it('rejects unknown invoke options', async () => {
    const fn = createFunction({ handler });
    await expect(fn.invoke({}, { logtype: 'Tail' } as never)).rejects.toMatchObject({ code: 'UNKNOWN_OPTION' });
    await fn.dispose();
    await expect(fn.invoke({})).rejects.toMatchObject({ code: 'DISPOSED' });
  });
});
