import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterFailure, afterThrottle, retryDelayMs, throttleBackoffMs } from '../../src/async/schedule.js';
import { deadLetterAttributes, firstKilobyte, invocationRecord } from '../../src/async/records.js';

const defaults = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600 };

describe('the async retry schedule', () => {
  it('retries after 1 then 2 minutes, then gives up with RetriesExhausted', () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(2)).toBe(120_000);
    expect(afterFailure(defaults, 0, 1, 0)).toEqual({ kind: 'retry', at: 60_000 });
    expect(afterFailure(defaults, 0, 2, 60_000)).toEqual({ kind: 'retry', at: 180_000 });
    expect(afterFailure(defaults, 0, 3, 180_000)).toEqual({ kind: 'fail', condition: 'RetriesExhausted' });
    expect(afterFailure({ ...defaults, maximumRetryAttempts: 0 }, 0, 1, 0)).toEqual({ kind: 'fail', condition: 'RetriesExhausted' });
  });

  it('gives up with EventAgeExceeded as soon as the next retry would pass the maximum age (recorded: 60 s → 1 run, 90 s → 2 runs)', () => {
    expect(afterFailure({ ...defaults, maximumEventAgeSeconds: 60 }, 0, 1, 50)).toEqual({ kind: 'fail', condition: 'EventAgeExceeded' });
    expect(afterFailure({ ...defaults, maximumEventAgeSeconds: 90 }, 0, 1, 50)).toEqual({ kind: 'retry', at: 60_050 });
    expect(afterFailure({ ...defaults, maximumEventAgeSeconds: 90 }, 0, 2, 60_050)).toEqual({ kind: 'fail', condition: 'EventAgeExceeded' });
  });

  it('backs throttles off exponentially from 1 s to a 5-minute cap', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map(throttleBackoffMs)).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
    expect(afterThrottle({ ...defaults, maximumEventAgeSeconds: 60 }, 0, 1, 0)).toEqual({ kind: 'retry', at: 1000 });
    expect(afterThrottle({ ...defaults, maximumEventAgeSeconds: 60 }, 0, 6, 30_000)).toEqual({ kind: 'fail', condition: 'EventAgeExceeded' });
  });

  it('never schedules an attempt past the maximum age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 60, max: 21_600 }), fc.integer({ min: 1, max: 3 }), fc.nat(900_000), (retries, age, attempt, now) => {
        const next = afterFailure({ maximumRetryAttempts: retries, maximumEventAgeSeconds: age }, 0, attempt, now);
        if (next.kind === 'retry') {
          expect(next.at).toBeLessThan(age * 1000);
          expect(attempt).toBeLessThanOrEqual(retries);
        }
      }),
    );
  });
});

describe('records', () => {
  it('builds the destination record with AWS’s key order, omitting the response when the function never ran', () => {
    const ctx = { requestId: 'id', functionArn: 'arn:aws:lambda:us-east-1:1:function:f:$LATEST', condition: 'Success' as const, approximateInvokeCount: 1 };
    expect(Object.keys(invocationRecord(ctx, 0, {}, { executedVersion: '$LATEST', functionError: undefined, payload: 1, errorMessage: '' }))).toEqual([
      'version', 'timestamp', 'requestContext', 'requestPayload', 'responseContext', 'responsePayload',
    ]);
    const zero = invocationRecord({ ...ctx, condition: 'ZeroReservedConcurrency', approximateInvokeCount: 0 }, Date.UTC(2025, 0, 1), {}, undefined);
    expect(JSON.stringify(zero)).toBe(
      '{"version":"1.0","timestamp":"2025-01-01T00:00:00.000Z","requestContext":{"requestId":"id","functionArn":"arn:aws:lambda:us-east-1:1:function:f:$LATEST","condition":"ZeroReservedConcurrency","approximateInvokeCount":0},"requestPayload":{}}',
    );
  });

  it('gives dead letters RequestID, ErrorCode (a Number, "200") and the first 1 KB of ErrorMessage', () => {
    const attrs = deadLetterAttributes('rid', 200, 'é'.repeat(600));
    expect(attrs['ErrorCode']).toEqual({ DataType: 'Number', StringValue: '200' });
    expect(attrs['RequestID']).toEqual({ DataType: 'String', StringValue: 'rid' });
    expect(Buffer.byteLength(attrs['ErrorMessage']!.StringValue)).toBe(1024);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 800 }), (text) => {
        const cut = firstKilobyte(text);
        expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1024);
        expect(text.startsWith(cut)).toBe(true);
        // The longest such prefix: the next character would not fit.
        if (cut !== text) {
          const next = String.fromCodePoint(text.codePointAt(cut.length)!);
          expect(Buffer.byteLength(cut + next)).toBeGreaterThan(1024);
        }
      }),
    );
  });
});
