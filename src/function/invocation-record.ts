import type { ErrorPayload } from '../runtime/error-payload.js';
import type { InvocationResultBase } from './result.js';
import { LIMITS } from '../limits/limits.js';
import { endLine, jsonReportLine, jsonStartLine, reportLine, startLine, type ReportFigures } from '../logs/format.js';
import type { LogSink } from '../logs/sink.js';
import { streamedResponseJson, type StreamedResponse } from '../runtime/response-stream.js';

/** What an invocation's log text is made of, rendered only when someone reads `logs`. */
export interface LogParts {
  /** A cold start's `INIT_START` line, or ''. */
  readonly initStart: string;
  /** Init output (cold starts), already text. */
  readonly initText: string;
  readonly sink: LogSink;
  readonly json: boolean;
  readonly figures: ReportFigures;
  readonly start: number;
  readonly end: number;
}

/**
 * One invocation's result (the runtime shape of `InvocationResult`). A class rather than an object literal: the
 * data fields are plain own properties, while `logs` and a failure's `rawPayload` are getters on the prototype that
 * render on first read — no per-result closures, on the path every invocation takes. `implements` keeps the shared
 * fields in step with the public `InvocationResult` type.
 */
export class InvocationRecord implements InvocationResultBase {
  readonly ok: boolean;
  readonly outcome: 'success' | 'error' | 'timeout' | 'crash';
  readonly payload: unknown;
  readonly functionError: 'Unhandled' | undefined;
  readonly error: ErrorPayload | undefined;
  readonly requestId: string;
  readonly statusCode = 200 as const;
  readonly executedVersion: string;
  readonly logResult: string | undefined;
  readonly coldStart: boolean;
  readonly environmentId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly initDurationMs: number | undefined;
  readonly maxMemoryUsedMB: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly responseStream: StreamedResponse | undefined;
  #parts: LogParts;
  #logs: string | undefined;
  #raw: string | undefined;

  constructor(
    outcome: 'success' | 'error' | 'timeout' | 'crash',
    payload: unknown,
    error: ErrorPayload | undefined,
    raw: string | undefined,
    parts: LogParts,
    environmentId: string,
    coldStart: boolean,
    logTail: boolean,
    responseStream: StreamedResponse | undefined,
  ) {
    const ok = outcome === 'success';
    const f = parts.figures;
    this.ok = ok;
    this.outcome = outcome;
    this.payload = payload;
    this.functionError = ok ? undefined : 'Unhandled';
    this.error = error;
    this.requestId = f.requestId;
    this.executedVersion = f.version;
    this.#parts = parts;
    this.#raw = raw;
    // The tail is the invocation's log: AWS leaves the log stream's INIT_START out of it (recorded: node-logtype-tail).
    this.logResult = logTail ? tail(this.logs.slice(parts.initStart.length)) : undefined;
    this.coldStart = coldStart;
    this.environmentId = environmentId;
    this.durationMs = f.durationMs;
    this.billedDurationMs = f.billedDurationMs;
    this.initDurationMs = f.initDurationMs;
    this.maxMemoryUsedMB = f.maxMemoryUsedMB;
    this.startedAt = parts.start;
    this.endedAt = parts.end;
    this.responseStream = responseStream;
  }

  /** The exact body AWS returns (a failure's is rendered on first read: its trace is the dearest part). */
  get rawPayload(): string {
    this.#raw ??= JSON.stringify(this.error);
    return this.#raw;
  }

  /** The invocation's full log text: INIT_START and init output (cold starts), START, console lines, END, REPORT. */
  get logs(): string {
    if (this.#logs === undefined) {
      const p = this.#parts;
      const id = p.figures.requestId;
      const version = p.figures.version;
      this.#logs =
        p.initStart +
        p.initText +
        (p.json ? jsonStartLine(p.start, id, version) : startLine(id, version)) +
        p.sink.text() +
        (p.json ? '' : endLine(id)) +
        (p.json ? jsonReportLine(p.end, p.figures) : reportLine(p.figures));
    }
    return this.#logs;
  }

  /** Plain data with `logs` and `rawPayload` included, without `responseStream` (bytes travel apart: see toJSON). */
  plainData(): Record<string, unknown> {
    const { responseStream: _bytes, ...data } = this as unknown as Record<string, unknown>;
    return { ...data, rawPayload: this.rawPayload, logs: this.logs };
  }

  /**
   * Plain data for JSON and snapshots: `logs` and `rawPayload` included, a streamed response as its content type, its
   * body in base64 and the length of each chunk (not as arrays of numbers).
   */
  toJSON(): Record<string, unknown> {
    const data = this.plainData();
    const stream = this.responseStream;
    if (stream === undefined) return data;
    return { ...data, responseStream: streamedResponseJson(stream) };
  }
}

/** `X-Amz-Log-Result`: base64 of the last 4 KB of the log. */
function tail(logs: string): string {
  const bytes = Buffer.from(logs, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LIMITS.logTailBytes)).toString('base64');
}
