import { fileURLToPath } from 'node:url';
import { types } from 'node:util';
import type { RuntimeProfile } from './profiles.js';

/**
 * The JSON a failed invocation returns (and the on-failure destination records): `errorType`, `errorMessage` and,
 * for errors raised by the Node runtime, `trace`. Platform errors (timeouts, exits) have no `trace`.
 * @example
 * const r = await fn.invoke({});
 * if (!r.ok) console.log(r.error.errorType, r.error.errorMessage, r.error.trace);
 */
export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

function duckError(v: unknown): v is { name: string; message: string; stack: string } {
  const o = v as { name?: unknown; message?: unknown; stack?: unknown } | null;
  return (
    !!o &&
    !!o.name &&
    !!o.message &&
    !!o.stack &&
    typeof o.name === 'string' &&
    typeof o.message === 'string' &&
    typeof o.stack === 'string'
  );
}

/**
 * Formats what a handler failed with exactly as the Node runtime does (spec §2.1). v3 (nodejs20.x/22.x) treats
 * native errors and anything with string name/message/stack as errors; v4 (nodejs24.x) only `instanceof Error`.
 * Non-errors give `{errorType: typeof v, errorMessage: String(v), trace: []}`. Note `errorType` is `err.name`, so a
 * subclass that does not set `name` reports `"Error"`.
 * @example
 * toErrorPayload('boom', profile); // { errorType: 'string', errorMessage: 'boom', trace: [] }
 */
export function toErrorPayload(error: unknown, profile: RuntimeProfile): ErrorPayload {
  try {
    const isError = profile.ric === 4 ? error instanceof Error : types.isNativeError(error) || duckError(error);
    if (isError) {
      const e = error as Error;
      const errorType = e.name;
      const errorMessage = e.message;
      // The trace is rendered on first read: formatting a stack is the dearest part of a failure, and most
      // failures (retried async attempts, say) are never looked at. JSON.stringify reads it in key order.
      let trace: string[] | undefined;
      return {
        errorType,
        errorMessage,
        get trace(): string[] {
          trace ??= trimHarnessFrames((e.stack ?? '').split('\n'));
          return trace;
        },
      };
    }
    if (profile.ric === 4) return { errorType: typeof error, errorMessage: String(error), trace: [] };
    return { errorType: typeof error, errorMessage: (error as { toString(): string }).toString(), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

/** The harness's own code directory (`dist/` or `src/`): frames from there are the simulated runtime's. */
const HARNESS_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Cuts a stack at the first frame of the harness itself (or of the fake timers it fires timer callbacks with). On
 * Lambda the frames below the handler are the runtime's (`/var/runtime/index.mjs`); here they would be the harness
 * and the test runner, which only add noise.
 * @example
 * trimHarnessFrames(['Error: x', '    at handler (/app/index.js:1:1)', '    at callHandler (/…/lambda-harness/dist/…)']);
 */
export function trimHarnessFrames(lines: string[], harnessDir: string = HARNESS_DIR): string[] {
  const index = lines.findIndex(
    (line, i) =>
      i > 0 && line.trimStart().startsWith('at ') && (line.includes(harnessDir) || line.includes(`${'@sinonjs'}/fake-timers`)),
  );
  return index === -1 ? lines : lines.slice(0, index);
}

/** `Sandbox.Timedout` with the seconds to two decimals. */
export function timeoutPayload(requestId: string, timeoutMs: number): ErrorPayload {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
  };
}

/** `Runtime.ExitError` for a process that exited (code 0: "without providing a reason"). */
export function exitPayload(requestId: string, exitCode: number): ErrorPayload {
  return {
    errorType: 'Runtime.ExitError',
    errorMessage:
      exitCode === 0
        ? `RequestId: ${requestId} Error: Runtime exited without providing a reason`
        : `RequestId: ${requestId} Error: Runtime exited with error: exit status ${exitCode}`,
  };
}

/**
 * `Function.ResponseSizeTooLarge`; key order as recorded on AWS (message first). `limitBytes` is the buffered limit
 * unless a streamed response overran the streamed one.
 */
export function responseTooLargePayload(limitBytes: number): ErrorPayload {
  return {
    errorMessage: `Response payload size exceeded maximum allowed payload size (${limitBytes} bytes).`,
    errorType: 'Function.ResponseSizeTooLarge',
  } as ErrorPayload;
}

/**
 * Errors the runtime itself raises, with the names the real runtime gives them (`Runtime.ImportModuleError`, ...).
 * Like the real classes, the name lives on the prototype so stacks start with it.
 */
export class RuntimeError extends Error {}
function runtimeErrorClass(name: string): new (message?: string) => RuntimeError {
  const cls = class extends RuntimeError {};
  Object.defineProperty(cls.prototype, 'name', { value: `Runtime.${name}`, writable: true, configurable: true });
  return cls;
}
export const ImportModuleError = runtimeErrorClass('ImportModuleError');
export const HandlerNotFound = runtimeErrorClass('HandlerNotFound');
export const MalformedHandlerName = runtimeErrorClass('MalformedHandlerName');
export const UserCodeSyntaxError = runtimeErrorClass('UserCodeSyntaxError');
export const UnhandledPromiseRejection = runtimeErrorClass('UnhandledPromiseRejection');
export const CallbackHandlerDeprecated = runtimeErrorClass('CallbackHandlerDeprecated');
export const NodeJsExit = runtimeErrorClass('NodeJsExit');
export const JSONStringifyError = runtimeErrorClass('JSONStringifyError');
export const MalformedStreamingHandler = runtimeErrorClass('MalformedStreamingHandler');
export const InvalidStreamingOperation = runtimeErrorClass('InvalidStreamingOperation');

/** The message of `Runtime.CallbackHandlerDeprecated` on nodejs24.x (spec §2.4). */
export const CALLBACK_DEPRECATED_MESSAGE =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/** The message of `Runtime.NodeJsExit` (RIC ≥ 3.3; the text after the first two sentences is [UNCERTAIN]). */
export const NODEJS_EXIT_MESSAGE =
  'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';
