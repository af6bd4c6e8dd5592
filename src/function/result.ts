import type { ErrorPayload } from '../runtime/error-payload.js';
import type { StreamedResponse } from '../runtime/response-stream.js';

/** Fields every synchronous invocation result carries. */
export interface InvocationResultBase {
  /** The request id: `x-amzn-RequestId`, `context.awsRequestId`, and the id in START/END/REPORT. */
  readonly requestId: string;
  /** HTTP status of the Invoke call: 200, also for function errors (as on AWS). */
  readonly statusCode: 200;
  /** `X-Amz-Executed-Version`. */
  readonly executedVersion: string;
  /**
   * The exact body AWS would return (`null` for an undefined result; error JSON on failure). Like `logs`, a getter:
   * read it as a property (`toMatchObject` and `JSON.stringify(result)` include it; `toEqual` on a whole result
   * compares only the data fields).
   */
  readonly rawPayload: string;
  /** The invocation's full log text: INIT_START and init output (cold starts), START, console lines, END, REPORT. Rendered on read. */
  readonly logs: string;
  /** Base64 of the last 4 KB of `logs`, when invoked with `logType: 'Tail'` (`X-Amz-Log-Result`). */
  readonly logResult: string | undefined;
  /** This invocation started a new execution environment (or re-initialised a reset one). */
  readonly coldStart: boolean;
  /** The execution environment that ran it. */
  readonly environmentId: string;
  /** Virtual milliseconds from START to END. */
  readonly durationMs: number;
  /** Billed milliseconds: ceil of duration, plus init on cold starts (since Aug 2025). */
  readonly billedDurationMs: number;
  /** Init duration on cold starts, else undefined. */
  readonly initDurationMs: number | undefined;
  /** REPORT `Max Memory Used`. */
  readonly maxMemoryUsedMB: number;
  /** Virtual epoch ms when the invocation started and ended. */
  readonly startedAt: number;
  readonly endedAt: number;
  /**
   * A streaming handler's (`awslambda.streamifyResponse`) response: its content type and every byte written, in order
   * (on failure, what it wrote before failing). Undefined for other handlers. A success's `payload` and `rawPayload`
   * are then the body as text.
   */
  readonly responseStream: StreamedResponse | undefined;
}

/**
 * The function returned normally.
 * @example
 * const r = await fn.invoke({ n: 1 });
 * if (r.ok) console.log(r.payload); // r: InvocationSuccess
 */
export interface InvocationSuccess<TResult = unknown> extends InvocationResultBase {
  readonly ok: true;
  readonly outcome: 'success';
  /** The response, parsed back from `rawPayload` (`null` for undefined). */
  readonly payload: TResult;
  readonly functionError: undefined;
  readonly error: undefined;
}

/**
 * The function failed. `outcome` says how: `error` (the handler threw, rejected or failed at init), `timeout`
 * (`Sandbox.Timedout`), or `crash` (the runtime went down: uncaught exception, unhandled rejection, exit, out of
 * memory — the environment is reset).
 * @example
 * const r = await fn.invoke({});
 * if (!r.ok && r.outcome === 'timeout') r.error.errorType; // 'Sandbox.Timedout'
 */
export interface InvocationFailure extends InvocationResultBase {
  readonly ok: false;
  readonly outcome: 'error' | 'timeout' | 'crash';
  /** `X-Amz-Function-Error`: always `Unhandled` on current runtimes. */
  readonly functionError: 'Unhandled';
  /** The error JSON exactly as AWS returns it. */
  readonly error: ErrorPayload;
  readonly payload: ErrorPayload;
}

/**
 * The result of a synchronous (`RequestResponse`) invocation: narrow on `ok` or `outcome`.
 * @example
 * const r = await fn.invoke({});
 * if (!r.ok) console.log(r.error.errorType);
 */
export type InvocationResult<TResult = unknown> = InvocationSuccess<TResult> | InvocationFailure;

/**
 * `invocationType: 'DryRun'`: parameters checked, nothing ran.
 * @example
 * await fn.invoke({}, { invocationType: 'DryRun' }); // { statusCode: 204, requestId }
 */
export interface DryRunResult {
  readonly statusCode: 204;
  readonly requestId: string;
}

/**
 * `invocationType: 'Event'`: accepted into the function's asynchronous queue.
 * @example
 * const { statusCode, requestId } = await fn.invokeAsync({ id: 1 }); // statusCode === 202
 */
export interface EventAccepted {
  readonly statusCode: 202;
  readonly requestId: string;
}
