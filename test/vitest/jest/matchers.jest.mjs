// Run by test/vitest/jest-compat.test.ts with the real Jest (ESM mode): the matcher functions of
// dist/vitest/matchers.js through Jest's own expect.extend, passing and failing, plain and under .not.
import { expect, test } from '@jest/globals';
import { matchers } from '../../../dist/vitest/matchers.js';

expect.extend(matchers);

const success = { ok: true, outcome: 'success', requestId: 'r-1', payload: { id: 1 }, error: undefined, coldStart: true, logs: '' };
const failure = {
  ok: false,
  outcome: 'error',
  requestId: 'r-2',
  payload: { errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' },
  error: { errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' },
  coldStart: false,
  logs: '2025-01-01T00:00:00.000Z\tr-2\tERROR\tInvoke Error\n',
};

test('matchers pass through Jest expect.extend, asymmetric matchers included', () => {
  expect(success).toSucceedWith({ id: expect.any(Number) });
  expect(success).toBeColdStart();
  expect(failure).toFailWith('TypeError', /constant/);
  expect(failure).not.toSucceed();
  expect(failure).toHaveLogged('Invoke Error', 'ERROR');
  expect({ batchItemFailures: [{ itemIdentifier: 'm-2' }] }).toReportBatchItemFailures(['m-2']);
});

test('a failing matcher fails with its message', () => {
  expect(() => expect(failure).toSucceedWith({ id: 1 })).toThrow(/Expected the invocation to succeed with/);
  expect(() => expect(success).not.toSucceed()).toThrow(/Expected the invocation not to succeed/);
});
