import { formatJsonLine, formatTextLine, levelEnabled, type LogFormat, type LogLevel } from './format.js';

/** Where the console lines of one init or one invocation are collected, already formatted as Lambda prints them. */
export class LogSink {
  readonly lines: string[] = [];
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
    this.lines.push(line);
    this.echo?.(line);
  }
}
