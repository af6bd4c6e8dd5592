import { eventKinds } from '../events/index.js';
import type { EventKind, EventOptions } from '../events/_internals/kind.js';

/** Where the command writes. Injected so the command is testable without a process. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = 'usage: lambda-harness generate-event <service> <event> [--set path=value ...] [--seed n]\n       lambda-harness generate-event --list';

interface SamPair {
  readonly service: string;
  readonly event: string;
  readonly build: (options?: EventOptions) => unknown;
}

/** Every `sam local generate-event` pair the registry answers, sorted. */
export function samPairs(kinds: readonly EventKind[] = eventKinds): SamPair[] {
  const pairs: SamPair[] = [];
  for (const kind of kinds) {
    for (const sam of kind.sam ?? []) pairs.push({ service: sam.service, event: sam.event, build: sam.build ?? kind.build });
  }
  return pairs.sort((a, b) => (a.service + ' ' + a.event).localeCompare(b.service + ' ' + b.event));
}

/** Parses a `path` like `Records[0].body` or `headers.content-type` into keys and indexes. */
function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (const m of path.matchAll(re)) {
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
    consumed += m[0].length;
  }
  const separators = (path.match(/\./g) ?? []).length;
  return out.length === 0 || consumed + separators !== path.length ? undefined : out;
}

/** Sets `value` at `keys` in `target`, creating objects/arrays on the way. */
function setPath(target: unknown, keys: readonly (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

/**
 * `lambda-harness generate-event <service> <event> [--set path=value ...] [--seed n] [--list]`: prints a valid
 * event for every pair `sam local generate-event` offers. `--set` values are parsed as JSON when they parse,
 * else taken as strings. Returns the exit code: 0 ok, 2 usage error.
 * @example
 * generateEventCommand(['sqs', 'receive-message', '--set', 'Records[0].body=hello'], { stdout: console.log, stderr: console.error });
 */
export function generateEventCommand(argv: readonly string[], io: CommandIo): number {
  const positional: string[] = [];
  const sets: [(string | number)[], unknown][] = [];
  let seed: number | undefined;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--list') list = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const raw = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (raw === undefined || !/^\d+$/.test(raw)) {
        io.stderr(`--seed needs a non-negative integer, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}\n${USAGE}\n`);
        return 2;
      }
      seed = Number(raw);
    } else if (arg === '--set' || arg.startsWith('--set=')) {
      const raw = arg === '--set' ? argv[++i] : arg.slice('--set='.length);
      const eq = raw?.indexOf('=') ?? -1;
      const keys = raw !== undefined && eq > 0 ? parsePath(raw.slice(0, eq)) : undefined;
      if (raw === undefined || keys === undefined) {
        io.stderr(`--set needs path=value (e.g. Records[0].body=hello), got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}\n`);
        return 2;
      }
      const text = raw.slice(eq + 1);
      let value: unknown = text;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        // Not JSON: the value is the literal string, as a shell user expects for `--set body=hello`.
      }
      sets.push([keys, value]);
    } else if (arg.startsWith('-')) {
      io.stderr(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else positional.push(arg);
  }
  const pairs = samPairs();
  const listing = (filter?: string): string =>
    pairs
      .filter((p) => filter === undefined || p.service === filter)
      .map((p) => `${p.service} ${p.event}`)
      .join('\n');
  if (list) {
    io.stdout(`${listing(positional[0])}\n`);
    return 0;
  }
  const [service, event, ...extra] = positional;
  if (service === undefined || event === undefined || extra.length > 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const pair = pairs.find((p) => p.service === service && p.event === event);
  if (pair === undefined) {
    const known = pairs.some((p) => p.service === service);
    io.stderr(
      known
        ? `unknown event "${event}" for service "${service}"; valid events:\n${listing(service)}\n`
        : `unknown service "${service}"; valid service/event pairs:\n${listing()}\n`,
    );
    return 2;
  }
  const output = pair.build(seed === undefined ? {} : { seed });
  for (const [keys, value] of sets) setPath(output, keys, value);
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
