import { format } from 'node:util';
import { trimHarnessFrames } from '../runtime/error-payload.js';
import { real } from '../clock/real.js';

/**
 * Application log levels of the Node runtime (spec §7.1): console.log/info → INFO, warn → WARN, ...
 * @example
 * createFunction({ handler, logFormat: 'JSON', logLevel: 'WARN' });
 */
export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/**
 * `LoggingConfig.LogFormat`.
 * @example
 * createFunction({ handler, logFormat: 'JSON' });
 */
export type LogFormat = 'Text' | 'JSON';

const LEVEL_RANK: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, FATAL: 5 };

/**
 * The application log levels, lowest first.
 * @example
 * LOG_LEVELS.includes('WARN'); // true
 */
export const LOG_LEVELS = Object.keys(LEVEL_RANK) as readonly LogLevel[];

/** True when a line of `level` passes the `AWS_LAMBDA_LOG_LEVEL` filter `min` (JSON format only, as on Lambda). */
export function levelEnabled(level: LogLevel, min: LogLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[min];
}

/** ISO-8601 with milliseconds, UTC, as the runtime prints it. */
export function isoTime(epochMs: number): string {
  // The real Date: this runs inside simulated environments, where the global Date is the harness's shim.
  return new real.Date(Math.floor(epochMs)).toISOString();
}

/**
 * One `console.*` line in the Text format: `<ISO time>\t<requestId>\t<LEVEL>\t<util.format(args)>\n`. During init
 * there is no request id and the runtime prints the literal `undefined`.
 * @example
 * formatTextLine(0, 'id', 'INFO', ['hi %s', 'there']); // '1970-01-01T00:00:00.000Z\tid\tINFO\thi there\n'
 */
export function formatTextLine(epochMs: number, requestId: string | undefined, level: LogLevel, args: readonly unknown[]): string {
  return `${isoTime(epochMs)}\t${requestId ?? 'undefined'}\t${level}\t${format(...args)}\n`;
}

function errorToJson(err: Error): Record<string, unknown> {
  return {
    errorType: err.constructor?.name ?? err.name,
    errorMessage: err.message,
    stackTrace: typeof err.stack === 'string' ? err.stack.split('\n') : [],
    ...Object.fromEntries(Object.entries(err)),
  };
}

/**
 * One `console.*` line in the JSON format (spec §7.2): `{"timestamp","level","requestId","message"}`; a single
 * non-string argument is logged as a raw JSON value, an Error as `{errorType: constructor.name, errorMessage,
 * stackTrace}`; `requestId` is omitted during init.
 * @example
 * formatJsonLine(0, 'id', 'INFO', [{ a: 1 }]);
 */
export function formatJsonLine(epochMs: number, requestId: string | undefined, level: LogLevel, args: readonly unknown[], tenantId?: string): string {
  const record: Record<string, unknown> = { timestamp: isoTime(epochMs), level };
  if (requestId !== undefined) record['requestId'] = requestId;
  if (args.length === 1 && typeof args[0] !== 'string') {
    const only = args[0];
    record['message'] = only instanceof Error ? errorToJson(only) : only;
  } else {
    record['message'] = format(...args);
    const firstError = args.find((a): a is Error => a instanceof Error);
    if (firstError) {
      const e = errorToJson(firstError);
      record['errorType'] = e['errorType'];
      record['errorMessage'] = e['errorMessage'];
      record['stackTrace'] = e['stackTrace'];
    }
  }
  if (tenantId !== undefined) record['tenantId'] = tenantId;
  try {
    return `${JSON.stringify(record)}\n`;
  } catch {
    record['message'] = format(...args);
    return `${JSON.stringify(record)}\n`;
  }
}

/**
 * The error object the runtime prints after `Invoke Error`, `Uncaught Exception` and `Unhandled Promise Rejection`
 * (RIC `Errors.toFormatted`): a tab, then JSON with errorType/errorMessage/code, own enumerable properties and the
 * stack as an array of lines.
 * @example
 * formatErrorForLog(new TypeError('x')); // '\t{"errorType":"TypeError","errorMessage":"x","stack":[...]}'
 */
export function formatErrorForLog(error: unknown): string {
  try {
    return `\t${JSON.stringify(error, (_k, v: unknown) => {
      if (v instanceof Error) {
        const out: Record<string, unknown> = {
          errorType: v.name,
          errorMessage: v.message,
          code: (v as Error & { code?: unknown }).code,
          ...Object.fromEntries(Object.entries(v)),
        };
        if (typeof v.stack === 'string') out['stack'] = trimHarnessFrames(v.stack.split('\n'));
        return out;
      }
      return v;
    })}`;
  } catch {
    return `\t${JSON.stringify({ errorType: typeof error, errorMessage: String(error) })}`;
  }
}

/** Figures of one invocation that the platform lines report. */
export interface ReportFigures {
  requestId: string;
  version: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs: number | undefined;
  /** `undefined` on success. */
  status: 'timeout' | 'error' | undefined;
  /** With status `error`, the platform error type (`Runtime.ExitError`, `Runtime.OutOfMemory`...). */
  errorType: string | undefined;
}

/**
 * `INIT_START`, the first line of a cold start's log stream, naming the runtime version
 * (recorded: cloudwatch-events-multiline-print, `INIT_START Runtime Version: python:3.13.v<N>\tRuntime Version ARN: …`).
 * @example
 * initStartLine('nodejs:22.v40', 'arn:aws:lambda:us-east-1::runtime:0a1b…'); // 'INIT_START Runtime Version: nodejs:22.v40\tRuntime…\n'
 */
export function initStartLine(runtimeVersion: string, runtimeVersionArn: string): string {
  return `INIT_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: ${runtimeVersionArn}\n`;
}

/**
 * `platform.initStart` in the JSON format (the Telemetry API's record).
 * @example
 * jsonInitStartLine(0, { initializationType: 'on-demand', phase: 'init', runtimeVersion: 'nodejs:22.v40', runtimeVersionArn: 'arn:…', functionName: 'fn', functionVersion: '$LATEST' });
 */
export function jsonInitStartLine(
  epochMs: number,
  record: { initializationType: string; phase: 'init'; runtimeVersion: string; runtimeVersionArn: string; functionName: string; functionVersion: string },
): string {
  return `${JSON.stringify({ time: isoTime(epochMs), type: 'platform.initStart', record })}\n`;
}

/**
 * `INIT_REPORT` of an init that timed out: a text line, or `platform.initReport` in the JSON format.
 * @example
 * initTimeoutReport(10_000, false, 0, 'on-demand'); // 'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout\n'
 */
export function initTimeoutReport(durationMs: number, json: boolean, epochMs: number, initializationType: string): string {
  if (!json) return `INIT_REPORT Init Duration: ${durationMs.toFixed(2)} ms\tPhase: init\tStatus: timeout\n`;
  const record = { initializationType, phase: 'init', status: 'timeout', metrics: { durationMs: Number(durationMs.toFixed(2)) } };
  return `${JSON.stringify({ time: isoTime(epochMs), type: 'platform.initReport', record })}\n`;
}

/** `START RequestId: <id> Version: $LATEST` */
export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

/** `END RequestId: <id>` */
export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}\n`;
}

/**
 * The REPORT line, fields separated and terminated by tabs as AWS prints them (spec §7.1).
 * @example
 * reportLine({ requestId: 'id', version: '$LATEST', durationMs: 1.5, billedDurationMs: 2, memorySizeMB: 128,
 *   maxMemoryUsedMB: 60, initDurationMs: undefined, status: undefined, errorType: undefined });
 */
export function reportLine(f: ReportFigures): string {
  let line =
    `REPORT RequestId: ${f.requestId}\tDuration: ${f.durationMs.toFixed(2)} ms\tBilled Duration: ${f.billedDurationMs} ms\t` +
    `Memory Size: ${f.memorySizeMB} MB\tMax Memory Used: ${f.maxMemoryUsedMB} MB\t`;
  if (f.initDurationMs !== undefined) line += `Init Duration: ${f.initDurationMs.toFixed(2)} ms\t`;
  if (f.status === 'timeout') line += 'Status: timeout\t';
  else if (f.status === 'error') line += `Status: error\tError Type: ${f.errorType ?? 'Runtime.Unknown'}\t`;
  return `${line}\n`;
}

/** The platform's timeout line: `<ISO time> <id> Task timed out after 3.00 seconds`. */
export function timeoutLine(epochMs: number, requestId: string, elapsedMs: number): string {
  return `${isoTime(epochMs)} ${requestId} Task timed out after ${(elapsedMs / 1000).toFixed(2)} seconds\n`;
}

/** Platform lines in the JSON format: telemetry-style events (spec §7.2, field set [UNCERTAIN]). */
export function jsonStartLine(epochMs: number, requestId: string, version: string): string {
  return `${JSON.stringify({ time: isoTime(epochMs), type: 'platform.start', record: { requestId, version } })}\n`;
}

/** `platform.report` in the JSON format. */
export function jsonReportLine(epochMs: number, f: ReportFigures): string {
  const metrics: Record<string, number> = {
    durationMs: Number(f.durationMs.toFixed(2)),
    billedDurationMs: f.billedDurationMs,
    memorySizeMB: f.memorySizeMB,
    maxMemoryUsedMB: f.maxMemoryUsedMB,
  };
  if (f.initDurationMs !== undefined) metrics['initDurationMs'] = Number(f.initDurationMs.toFixed(2));
  const record: Record<string, unknown> = { requestId: f.requestId, metrics, status: f.status === undefined ? 'success' : f.status };
  if (f.errorType !== undefined && f.status === 'error') record['errorType'] = f.errorType;
  return `${JSON.stringify({ time: isoTime(epochMs), type: 'platform.report', record })}\n`;
}
