import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exitPayload, responseTooLargePayload, timeoutPayload, toErrorPayload, trimHarnessFrames } from '../../src/runtime/error-payload.js';
import { runtimeProfile } from '../../src/runtime/profiles.js';
import { LIMITS } from '../../src/limits/limits.js';

const v3 = runtimeProfile('nodejs22.x');
const v4 = runtimeProfile('nodejs24.x');

describe('toErrorPayload', () => {
  it('takes errorType from err.name, so an Error subclass without a name reports "Error"', () => {
    class MyError extends Error {}
    class NamedError extends Error {
      override name = 'NamedError';
    }
    expect(toErrorPayload(new MyError('x'), v3).errorType).toBe('Error');
    expect(toErrorPayload(new NamedError('x'), v3).errorType).toBe('NamedError');
    expect(toErrorPayload(new TypeError('x'), v4).errorType).toBe('TypeError');
  });

  it('formats thrown strings, numbers and objects by typeof, with an empty trace', () => {
    expect(toErrorPayload('boom', v3)).toEqual({ errorType: 'string', errorMessage: 'boom', trace: [] });
    expect(toErrorPayload({ a: 1 }, v3)).toEqual({ errorType: 'object', errorMessage: '[object Object]', trace: [] });
    expect(toErrorPayload(42, v4)).toEqual({ errorType: 'number', errorMessage: '42', trace: [] });
  });

  it('duck-types errors on v3 but not on v4', () => {
    const duck = { name: 'Duck', message: 'quack', stack: 'Duck: quack\n    at pond' };
    expect(toErrorPayload(duck, v3)).toEqual({ errorType: 'Duck', errorMessage: 'quack', trace: ['Duck: quack', '    at pond'] });
    expect(toErrorPayload(duck, v4)).toEqual({ errorType: 'object', errorMessage: '[object Object]', trace: [] });
  });

  it('falls back to "handled" when reading the error throws', () => {
    const hostile = new Proxy(new Error('x'), {
      get() {
        throw new Error('no');
      },
    });
    expect(toErrorPayload(hostile, v3)).toEqual({
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    });
  });

  it('never throws, always yields string errorType/errorMessage and keeps key order errorType, errorMessage, trace', () => {
    fc.assert(
      // Null-prototype values included: the runtime must report whatever a handler throws.
      fc.property(fc.anything({ withNullPrototype: true }), fc.constantFrom(v3, v4), (value, profile) => {
        const payload = toErrorPayload(value, profile);
        expect(typeof payload.errorType).toBe('string');
        expect(typeof payload.errorMessage).toBe('string');
        expect(Object.keys(payload).slice(0, 2)).toEqual(['errorType', 'errorMessage']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('platform error payloads', () => {
  it('reproduces the recorded timeout, exit and response-size messages', () => {
    expect(JSON.stringify(timeoutPayload('id-1', 1000))).toBe(
      '{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: id-1 Error: Task timed out after 1.00 seconds"}',
    );
    expect(exitPayload('id', 0).errorMessage).toBe('RequestId: id Error: Runtime exited without providing a reason');
    expect(exitPayload('id', 127).errorMessage).toBe('RequestId: id Error: Runtime exited with error: exit status 127');
    expect(JSON.stringify(responseTooLargePayload(LIMITS.responseBytes))).toBe(
      '{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}',
    );
  });

  it('cuts a stack at the first harness frame', () => {
    const lines = ['Error: x', '    at handler (/app/index.js:1:1)', '    at callHandler (/h/dist/runtime/call-handler.js:2:2)', '    at more'];
    expect(trimHarnessFrames(lines, '/h/dist/')).toEqual(lines.slice(0, 2));
    expect(trimHarnessFrames(lines, '/elsewhere/')).toEqual(lines);
  });
});
