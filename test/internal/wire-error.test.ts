import { describe, expect, it } from 'vitest';
import { HarnessError, InvalidParameterValueError, LambdaServiceError } from '../../src/errors.js';
import { refusedAs, untypedInvalidParameter, wireErrorOf } from '../../src/internal/wire-error.js';

describe('wire forms of refused configuration calls', () => {
  it('throws harness misuse with AWS’s message, and keeps how AWS’s API answers it', () => {
    const wire = new LambdaServiceError({ name: 'ResourceConflictException', statusCode: 409, message: 'Alias already exists: arn:…:live' });
    const error = refusedAs(wire);
    expect(error).toBeInstanceOf(HarnessError);
    expect([error.code, error.message]).toEqual(['INVALID_ARGUMENT', 'Alias already exists: arn:…:live']);
    expect(wireErrorOf(error)).toBe(wire);
  });

  it('answers the account-concurrency refusals without Type, as AWS sends them, and other bad values with it', () => {
    const untyped = untypedInvalidParameter('Specified ReservedConcurrentExecutions for function decreases …');
    expect(untyped).toBeInstanceOf(InvalidParameterValueError);
    expect(wireErrorOf(untyped)?.body).toEqual({ message: 'Specified ReservedConcurrentExecutions for function decreases …' });
    const typed = wireErrorOf(new InvalidParameterValueError('timeout must be an integer between 1 and 900 seconds'));
    expect([typed?.statusCode, typed?.body]).toEqual([400, { Type: 'User', message: 'timeout must be an integer between 1 and 900 seconds' }]);
  });

  it('passes a service error through, and has no wire form for anything else (a failure of the harness)', () => {
    const throttle = new LambdaServiceError({ name: 'TooManyRequestsException', statusCode: 429, message: 'Rate Exceeded.' });
    expect(wireErrorOf(throttle)).toBe(throttle);
    expect(wireErrorOf(new HarnessError('DISPOSED', 'gone'))).toBeUndefined();
    expect(wireErrorOf(new TypeError('bug'))).toBeUndefined();
    expect(wireErrorOf('not an error')).toBeUndefined();
  });
});
