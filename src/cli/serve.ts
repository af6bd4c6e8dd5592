import type { InvokeMode } from '../function-url/http-response.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFunction, type LambdaFunction } from '../function/lambda-function.js';
import type { FunctionOptions } from '../function/options.js';
import { HarnessError } from '../errors.js';
import type { RuntimeName } from '../runtime/profiles.js';
import { startFunctionUrl } from '../server/function-url-server.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import type { CommandIo } from './generate-event.js';

const USAGE =
  'usage: lambda-harness serve --function <name>=<path/file.export> [--function ...] [--config file.json]\n' +
  '         [--port 0] [--host 127.0.0.1] [--region us-east-1] [--timeout s] [--memory mb] [--runtime nodejs20.x|nodejs22.x|nodejs24.x]\n' +
  '         [--root dir] [--url <name>[=RESPONSE_STREAM] ...] [--quiet]\n' +
  '  --url <name>: also serve that function at a function URL of its own (a free port on the same host);\n' +
  '                <name>=RESPONSE_STREAM streams a streaming handler\'s response as it is written\n' +
  '  config file: { "port": 0, "host": "127.0.0.1", "region": "us-east-1",\n' +
  '                 "functions": { "<name>": "path/file.export" | { "handler": "path/file.export", "timeout": 3, "memorySize": 128, "runtime": "nodejs22.x", "environment": {} } } }';

/** How a test (or an embedding program) controls the command; by default SIGINT/SIGTERM stop it. */
export interface ServeControl {
  /** Stops the server when aborted, instead of waiting for SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  /** Called once the server listens. */
  readonly onListening?: (server: RunningServer) => void;
}

type FunctionSettings = Pick<FunctionOptions, 'timeout' | 'memorySize' | 'runtime' | 'environment' | 'root'>;
interface FunctionSpec extends FunctionSettings {
  name: string;
  handler: string;
}
interface ServeSettings {
  port?: number;
  host?: string;
  region?: string;
  functions: FunctionSpec[];
  /** The functions also served at a function URL, and the URL's invoke mode. */
  urls?: { name: string; invokeMode: InvokeMode }[];
}

const CONFIG_KEYS = ['port', 'host', 'region', 'functions'];
const FUNCTION_KEYS = ['handler', 'timeout', 'memorySize', 'runtime', 'environment'];

class UsageError extends Error {}

function readConfig(file: string): ServeSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`config ${file} must be a JSON object`);
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) throw new UsageError(`config ${file}: unknown key ${JSON.stringify(key)} (valid: ${CONFIG_KEYS.join(', ')})`);
  }
  const settings: ServeSettings = { functions: [] };
  if (config['port'] !== undefined) settings.port = config['port'] as number;
  if (config['host'] !== undefined) settings.host = config['host'] as string;
  if (config['region'] !== undefined) settings.region = config['region'] as string;
  const functions = config['functions'] ?? {};
  if (functions === null || typeof functions !== 'object' || Array.isArray(functions)) {
    throw new UsageError(`config ${file}: "functions" must map names to handlers`);
  }
  // Handler paths in a config file are relative to the file, so the config works from any directory.
  const root = path.dirname(path.resolve(file));
  for (const [name, value] of Object.entries(functions)) {
    if (typeof value === 'string') {
      settings.functions.push({ name, handler: value, root });
      continue;
    }
    if (value === null || typeof value !== 'object') throw new UsageError(`config ${file}: function ${name} must be a handler string or an object`);
    for (const key of Object.keys(value)) {
      if (!FUNCTION_KEYS.includes(key)) throw new UsageError(`config ${file}: function ${name}: unknown key ${JSON.stringify(key)} (valid: ${FUNCTION_KEYS.join(', ')})`);
    }
    const spec = value as Partial<FunctionSpec>;
    if (typeof spec.handler !== 'string') throw new UsageError(`config ${file}: function ${name} needs "handler": "path/file.export"`);
    settings.functions.push({ ...spec, name, handler: spec.handler, root });
  }
  return settings;
}

function parseArgs(argv: readonly string[]): { settings: ServeSettings; defaults: FunctionSettings; quiet: boolean; help: boolean } {
  const settings: ServeSettings = { functions: [] };
  const fromFlags: FunctionSpec[] = [];
  const urls: { name: string; invokeMode: InvokeMode }[] = [];
  const defaults: FunctionSettings = {};
  let config: ServeSettings | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const integer = (): number => {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n)) throw new UsageError(`${arg} must be an integer (got ${JSON.stringify(text)})`);
      return n;
    };
    switch (arg) {
      case '--function': {
        const spec = value();
        const eq = spec.indexOf('=');
        if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--function takes name=path/file.export (got ${JSON.stringify(spec)})`);
        fromFlags.push({ name: spec.slice(0, eq), handler: spec.slice(eq + 1) });
        break;
      }
      case '--url': {
        const spec = value();
        const eq = spec.indexOf('=');
        const name = eq < 0 ? spec : spec.slice(0, eq);
        const invokeMode = eq < 0 ? 'BUFFERED' : spec.slice(eq + 1);
        if (invokeMode !== 'BUFFERED' && invokeMode !== 'RESPONSE_STREAM') {
          throw new UsageError(`--url takes <name> or <name>=RESPONSE_STREAM (or =BUFFERED, the default; got ${JSON.stringify(spec)})`);
        }
        urls.push({ name, invokeMode });
        break;
      }
      case '--config':
        config = readConfig(value());
        break;
      case '--port':
        settings.port = integer();
        break;
      case '--host':
        settings.host = value();
        break;
      case '--region':
        settings.region = value();
        break;
      case '--timeout':
        defaults.timeout = integer();
        break;
      case '--memory':
        defaults.memorySize = integer();
        break;
      case '--runtime':
        defaults.runtime = value() as RuntimeName;
        break;
      case '--root':
        defaults.root = value();
        break;
      case '--quiet':
        quiet = true;
        break;
      case '-h':
      case '--help':
        return { settings, defaults, quiet, help: true };
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  // Flags win over the config file; functions from both are served.
  const merged: ServeSettings = {
    ...config,
    ...settings,
    functions: [...(config?.functions ?? []), ...fromFlags],
    urls,
  };
  if (merged.functions.length === 0) throw new UsageError('give at least one --function name=path/file.export (or a --config file)');
  for (const { name } of urls) {
    if (!merged.functions.some((f) => f.name === name)) throw new UsageError(`--url ${name}: no function of that name (give it with --function ${name}=path/file.export)`);
  }
  return { settings: merged, defaults, quiet, help: false };
}

function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  if (signal) {
    return new Promise((resolve) => {
      if (signal.aborted) resolve('abort');
      else signal.addEventListener('abort', () => resolve('abort'), { once: true });
    });
  }
  return new Promise((resolve) => {
    const stop = (name: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/**
 * `lambda-harness serve`: serves the Lambda Invoke API on loopback for the functions given, so the AWS CLI or an
 * SDK in another process can invoke them (`--endpoint-url`), and with `--url <name>` that function at a function
 * URL too. Prints the URL, logs invocations to stderr (unless
 * `--quiet`), and shuts down gracefully on SIGINT/SIGTERM. Exit code 0 after a clean shutdown, 2 on usage errors.
 * @example
 * await serveCommand(['--function', 'hello-world=src/hello.handler', '--port', '3001'], io);
 */
export async function serveCommand(argv: readonly string[], io: CommandIo, control: ServeControl = {}): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`lambda-harness serve: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { settings, defaults, quiet } = parsed;
  const functions: LambdaFunction[] = [];
  const disposeAll = async (): Promise<void> => {
    await Promise.all(functions.map((fn) => fn.dispose()));
  };
  let server: RunningServer;
  const urls: { name: string; server: RunningServer }[] = [];
  /** Every server started so far, closed again if a later one cannot start. */
  const opened: RunningServer[] = [];
  try {
    for (const spec of settings.functions) {
      const region = settings.region;
      functions.push(
        createFunction({ ...defaults, ...spec, ...(region === undefined ? {} : { region }), printLogs: !quiet }) as LambdaFunction,
      );
    }
    server = await startServer({
      functions,
      ...(settings.port === undefined ? {} : { port: settings.port }),
      ...(settings.host === undefined ? {} : { host: settings.host }),
      onError: (error) => io.stderr(`lambda-harness serve: internal error: ${error instanceof Error ? error.stack : String(error)}\n`),
    });
    opened.push(server);
    for (const { name, invokeMode } of settings.urls ?? []) {
      const fn = functions.find((f) => f.name === name)!;
      const url = await startFunctionUrl(fn, { invokeMode, ...(settings.host === undefined ? {} : { host: settings.host }) });
      opened.push(url);
      urls.push({ name, server: url });
    }
  } catch (error) {
    await Promise.all(opened.map((s) => s.close()));
    await disposeAll();
    if (error instanceof HarnessError) {
      io.stderr(`lambda-harness serve: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(`lambda-harness serve: listening on ${server.url}\n`);
  for (const fn of functions) io.stdout(`  ${fn.name}\t${fn.arn}\n`);
  for (const u of urls) io.stdout(`  ${u.name}\tfunction URL ${u.server.url}/\n`);
  io.stdout(`try: aws lambda invoke --endpoint-url ${server.url} --function-name ${functions[0]!.name} --cli-binary-format raw-in-base64-out --payload '{}' out.json\n`);
  control.onListening?.(server);
  const reason = await waitForStop(control.signal);
  io.stderr(`lambda-harness serve: ${reason}, finishing running invocations and shutting down\n`);
  await Promise.all([server.close(), ...urls.map((u) => u.server.close())]);
  await disposeAll();
  return 0;
}
