import { formatJsonLine, formatTextLine, levelEnabled, type LogFormat, type LogLevel } from './format.js';

/**
 * Where the log lines of one init or one invocation are collected, formatted as Lambda prints them. A line may be
 * deferred (a function) when formatting it is dear and nobody may read it — the runtime's `Invoke Error` line for an
 * asynchronous attempt, say; `text()` renders everything.
 */
export class LogSink {
  /** Made on the first line: most invocations of a test's handler log nothing, and a sink is made for each one. */
  private lines: (string | (() => string))[] | undefined;
  constructor(
    /** `undefined` during init (printed as the literal `undefined` in Text format). */
    readonly requestId: string | undefined,
    private readonly format: LogFormat,
    private readonly minLevel: LogLevel,
    private readonly echo: ((line: string) => void) | undefined,
    readonly tenantId: string | undefined = undefined,
  ) {}

  /** Records a console call at virtual time `now`. */
  console(now: number, level: LogLevel, args: readonly unknown[]): void {
    let line: string;
    if (this.format === 'JSON') {
      // Lambda filters application logs by level only in the JSON format.
      if (!levelEnabled(level, this.minLevel)) return;
      line = formatJsonLine(now, this.requestId, level, args, this.tenantId);
    } else {
      line = formatTextLine(now, this.requestId, level, args);
    }
    this.push(line);
  }

  /** Appends an already formatted line (platform or runtime line). */
  push(line: string): void {
    (this.lines ??= []).push(line);
    this.echo?.(line);
  }

  /** Appends a console line of the runtime whose arguments are formatted only when the log is read. */
  deferConsole(now: number, level: LogLevel, args: () => readonly unknown[]): void {
    if (this.echo) {
      this.console(now, level, args());
      return;
    }
    let line: string | undefined;
    const lines = (this.lines ??= []);
    lines.push(() => {
      if (line === undefined) {
        const before = lines.length;
        this.console(now, level, args());
        // console() appended the formatted line: take it back out and keep it here.
        line = lines.splice(before, 1)[0] as string;
      }
      return line;
    });
  }

  /** The collected lines as text. */
  text(): string {
    let out = '';
    if (this.lines === undefined) return out;
    for (const line of this.lines) out += typeof line === 'string' ? line : line();
    return out;
  }
}
