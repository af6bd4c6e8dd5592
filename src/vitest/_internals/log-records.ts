import { LOG_LEVELS, type LogLevel } from '../../logs/format.js';

/** One log record of an invocation: its level (when the line carries one) and its full text. */
export interface LogRecord {
  readonly level: LogLevel | undefined;
  readonly text: string;
}

// `<ISO time>\t<request id>\t<LEVEL>\t<message>`: the Text format of console lines.
const TEXT_LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t[^\t]*\t([A-Z]+)\t/;

function levelOf(value: unknown): LogLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return (LOG_LEVELS as readonly string[]).includes(upper) ? (upper as LogLevel) : undefined;
}

/**
 * Splits an invocation's log text into records. A Text-format console line starts a record and takes the lines
 * that follow it (a multi-line message or a pretty-printed object) until the next record; a JSON line (the JSON
 * log format, or a structured logger such as Powertools) is one record whose level is its `level` field;
 * START/END/REPORT and other runtime lines are records without a level.
 */
export function logRecords(logs: string): LogRecord[] {
  const records: { level: LogLevel | undefined; lines: string[] }[] = [];
  let open: { level: LogLevel | undefined; lines: string[] } | undefined;
  for (const line of logs.split('\n')) {
    const text = TEXT_LINE.exec(line);
    if (text) {
      open = { level: levelOf(text[1]), lines: [line] };
      records.push(open);
      continue;
    }
    if (line.startsWith('{')) {
      const level = jsonLevel(line);
      if (level !== null) {
        open = undefined;
        records.push({ level, lines: [line] });
        continue;
      }
    }
    if (/^(START|END|REPORT|INIT_START|INIT_REPORT) /.test(line) || line === '') {
      open = undefined;
      if (line !== '') records.push({ level: undefined, lines: [line] });
      continue;
    }
    if (open) open.lines.push(line);
    else records.push({ level: undefined, lines: [line] });
  }
  return records.map((r) => ({ level: r.level, text: r.lines.join('\n') }));
}

/** The level of a JSON log line, `undefined` for a JSON line without one, `null` when the line is not JSON. */
function jsonLevel(line: string): LogLevel | undefined | null {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (parsed === null || typeof parsed !== 'object') return null;
    return levelOf((parsed as { level?: unknown }).level);
  } catch {
    return null;
  }
}
