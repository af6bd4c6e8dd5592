import { generateEventCommand, type CommandIo } from './generate-event.js';
import { invokeCommand, type ReadStdin } from './invoke.js';
import { demoCommand } from './demo.js';
import { serveCommand } from './serve.js';

const USAGE = `usage: lambda-harness <command> [options]

commands:
  invoke <path/file.export> [--event json | --event-file path | -]   run a handler once (payload on stdout, logs on stderr)
  generate-event <service> <event> [--set path=value] [--seed n]    print a sample event (--list for all)
  serve --function name=path/file.export [--port 0]                 serve the Lambda Invoke API on loopback (for the AWS CLI and SDKs)
  demo [examples-dir]                                              show what the harness does, on the bundled examples
`;

/**
 * The CLI entry: dispatches to a command and returns the exit code (0 ok, 1 function error, 2 usage/service error).
 * @example
 * process.exitCode = await main(process.argv.slice(2), io, readStdin);
 */
export async function main(argv: readonly string[], io: CommandIo, readStdin: ReadStdin): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'invoke':
      return invokeCommand(rest, io, readStdin);
    case 'generate-event':
      return generateEventCommand([...rest], io);
    case 'serve':
      return serveCommand(rest, io);
    case 'demo':
      return demoCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`lambda-harness: unknown command ${JSON.stringify(command)}\n${USAGE}`);
      return 2;
  }
}
