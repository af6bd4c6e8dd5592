import { afterAll, describe, expect, it } from 'vitest';
import { createFunction } from 'lambda-harness';
import 'lambda-harness/vitest';

// The handler from this project's origins, loaded from its file as Lambda loads `index.handler`.
const fn = createFunction({ handler: 'index.handler', root: import.meta.dirname, name: 'number-increment' });
afterAll(() => fn.dispose());

describe('the number++ handler', () => {
  it('fails with the TypeError Lambda reports, byte for byte', async () => {
    const result = await fn.invoke({ number: 1 });

    expect(result).toFailWith('TypeError', 'Assignment to constant variable.');
    expect(result.payload).toEqual({
      errorType: 'TypeError',
      errorMessage: 'Assignment to constant variable.',
      trace: ['TypeError: Assignment to constant variable.', expect.stringMatching(/^ {4}at exports\.handler \(.*\/examples\/number-increment\/index\.js:5:28\)$/)],
    });
  });

  it('logs the error the way the runtime does, and starts cold only once', async () => {
    const result = await fn.invoke({ number: 2 });

    expect(result).toBeWarmStart();
    expect(result).toHaveLogged(/"errorType":"TypeError"/, 'ERROR');
  });
});
