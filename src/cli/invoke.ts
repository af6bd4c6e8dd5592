import { readFileSync } from 'node:fs';
import { createFunction } from '../function/lambda-function.js';
import { HarnessError, LambdaServiceError } from '../errors.js';
import type { RuntimeName } from '../runtime/profiles.js';
import { parseEventBody } from '../invoke-api/event-body.js';
import type { CommandIo } from './generate-event.js';

const USAGE =
  'usage: lambda-harness invoke <path/file.export> [--event <json> | --event-file <path> | -] [--timeout s] [--memory mb] ' +
  '[--runtime nodejs20.x|nodejs22.x|nodejs24.x] [--log-type None|Tail] [--root dir] [--name name]';

/** Reads standard input fully (for `-`). Injected in tests. */
export type ReadStdin = () => Promise<string>;

function usage(io: CommandIo, reason: string): number {
  io.stderr(`lambda-harness invoke: ${reason}\n${USAGE}\n`);
  return 2;
}

/**
 * `lambda-harness invoke`: runs a handler once, like `sam local invoke` but without Docker and on the virtual
 * clock. The payload goes to stdout, the logs (START/END/REPORT) to stderr. Exit code 0 on success, 1 on a
 * function error, 2 on usage or service errors, with a one-line reason.
 * @example
 * await invokeCommand(['src/app.handler', '--event', '{"a":1}'], io, readStdin);
 */
export async function invokeCommand(argv: readonly string[], io: CommandIo, readStdin: ReadStdin): Promise<number> {
  let handler: string | undefined;
  let eventText: string | undefined;
  let fromStdin = false;
  const options: { timeout?: number; memorySize?: number; runtime?: RuntimeName; root?: string; name?: string } = {};
  let logType: 'None' | 'Tail' = 'None';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => argv[++i];
    switch (arg) {
      case '--event': {
        const v = value();
        if (v === undefined) return usage(io, '--event needs a JSON value');
        eventText = v;
        break;
      }
      case '--event-file': {
        const v = value();
        if (v === undefined) return usage(io, '--event-file needs a path');
        try {
          eventText = readFileSync(v, 'utf8');
        } catch (error) {
          return usage(io, `cannot read ${v}: ${(error as Error).message}`);
        }
        break;
      }
      case '-':
        fromStdin = true;
        break;
      case '--timeout':
        options.timeout = Number(value());
        break;
      case '--memory':
        options.memorySize = Number(value());
        break;
      case '--runtime':
        options.runtime = value() as RuntimeName;
        break;
      case '--root': {
        const v = value();
        if (v === undefined) return usage(io, '--root needs a directory');
        options.root = v;
        break;
      }
      case '--name': {
        const v = value();
        if (v === undefined) return usage(io, '--name needs a function name');
        options.name = v;
        break;
      }
      case '--log-type': {
        const v = value();
        if (v !== 'None' && v !== 'Tail') return usage(io, "--log-type must be 'None' or 'Tail'");
        logType = v;
        break;
      }
      case '-h':
      case '--help':
        io.stdout(`${USAGE}\n`);
        return 0;
      default:
        if (arg.startsWith('-')) return usage(io, `unknown option ${arg}`);
        if (handler !== undefined) return usage(io, `unexpected argument ${arg}`);
        handler = arg;
    }
  }
  if (handler === undefined) return usage(io, 'missing handler');
  if (fromStdin) eventText = await readStdin();
  // Read as the Invoke API reads a request body: empty is {}, anything else must be JSON (AWS's 400 otherwise).
  let event: unknown = {};
  if (eventText !== undefined) {
    const parsed = parseEventBody(Buffer.from(eventText, 'utf8'));
    if (!parsed.ok) {
      io.stderr(`${parsed.error.name}: ${parsed.error.message}\n`);
      return 2;
    }
    event = parsed.event;
  }
  let fn;
  try {
    fn = createFunction({ handler, ...options });
  } catch (error) {
    if (error instanceof HarnessError) return usage(io, error.message);
    throw error;
  }
  try {
    const result = await fn.invoke(event, { logType });
    io.stderr(result.logs);
    io.stdout(`${result.rawPayload}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof LambdaServiceError) {
      io.stderr(`${error.name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await fn.dispose();
  }
}
