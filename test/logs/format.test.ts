import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatErrorForLog, formatJsonLine, formatTextLine, reportLine, startLine, endLine, timeoutLine, jsonReportLine } from '../../src/logs/format.js';

const T = Date.UTC(2025, 0, 1, 12, 0, 0, 5);

describe('log formatting', () => {
  it('prints console lines as <ISO time>\\t<requestId>\\t<LEVEL>\\t<message>', () => {
    expect(formatTextLine(T, 'abc', 'INFO', ['hello %s', 'world', { a: 1 }])).toBe('2025-01-01T12:00:00.005Z\tabc\tINFO\thello world { a: 1 }\n');
    expect(formatTextLine(T, undefined, 'WARN', ['during init'])).toBe('2025-01-01T12:00:00.005Z\tundefined\tWARN\tduring init\n');
  });

  it('prints platform lines exactly as recorded, with the trailing tab on REPORT', () => {
    expect(startLine('id', '$LATEST')).toBe('START RequestId: id Version: $LATEST\n');
    expect(endLine('id')).toBe('END RequestId: id\n');
    const figures = { requestId: 'id', version: '$LATEST', durationMs: 12.345, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 70, initDurationMs: 150.12, status: undefined, errorType: undefined };
    expect(reportLine(figures)).toBe(
      'REPORT RequestId: id\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.12 ms\t\n',
    );
    expect(reportLine({ ...figures, initDurationMs: undefined, status: 'timeout' })).toContain('\tStatus: timeout\t\n');
    expect(reportLine({ ...figures, initDurationMs: undefined, status: 'error', errorType: 'Runtime.ExitError' })).toContain(
      'Status: error\tError Type: Runtime.ExitError\t\n',
    );
    expect(timeoutLine(T, 'id', 3000)).toBe('2025-01-01T12:00:00.005Z id Task timed out after 3.00 seconds\n');
    expect(JSON.parse(jsonReportLine(T, figures))).toEqual({
      time: '2025-01-01T12:00:00.005Z',
      type: 'platform.report',
      record: { requestId: 'id', metrics: { durationMs: 12.35, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 70, initDurationMs: 150.12 }, status: 'success' },
    });
  });

  it('logs JSON lines with raw values, errors by constructor name, and no requestId during init', () => {
    class MyError extends Error {}
    expect(JSON.parse(formatJsonLine(T, 'id', 'INFO', [{ a: 1 }]))).toEqual({ timestamp: '2025-01-01T12:00:00.005Z', level: 'INFO', requestId: 'id', message: { a: 1 } });
    const err = JSON.parse(formatJsonLine(T, undefined, 'ERROR', [new MyError('bad')]));
    expect(err).not.toHaveProperty('requestId');
    expect(err.message.errorType).toBe('MyError');
    const mixed = JSON.parse(formatJsonLine(T, 'id', 'ERROR', ['failed:', new TypeError('t')]));
    expect(mixed).toMatchObject({ errorType: 'TypeError', errorMessage: 't' });
    expect(mixed.message).toMatch(/^failed: TypeError: t/);
  });

  it('formats error objects for "Invoke Error" lines with stack as an array', () => {
    const e = Object.assign(new RangeError('r'), { code: 'E_R', extra: 1 });
    const parsed = JSON.parse(formatErrorForLog(e).slice(1));
    expect(formatErrorForLog(e).startsWith('\t')).toBe(true);
    expect(parsed).toMatchObject({ errorType: 'RangeError', errorMessage: 'r', code: 'E_R', extra: 1 });
    expect(Array.isArray(parsed.stack)).toBe(true);
  });

  it('keeps every text line on the documented four-field layout', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean())), fc.constantFrom('INFO', 'WARN', 'ERROR', 'DEBUG', 'TRACE', 'FATAL' as const), (args, level) => {
        const line = formatTextLine(T, 'rid', level, args);
        expect(line.endsWith('\n')).toBe(true);
        const [time, rid, lvl] = line.split('\t');
        expect(time).toBe('2025-01-01T12:00:00.005Z');
        expect(rid).toBe('rid');
        expect(lvl).toBe(level);
      }),
    );
  });
});
