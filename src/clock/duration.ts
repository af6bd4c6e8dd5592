import { HarnessError } from '../errors.js';

/**
 * A duration: milliseconds, or a string such as `'250ms'`, `'30s'`, `'15m'`, `'2h'`, `'1d'`, `'1h30m'`.
 * @example
 * await fn.clock.advance('1h30m'); // or 5_400_000
 */
export type Duration = number | string;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

/**
 * Converts a {@link Duration} to milliseconds; throws `INVALID_DURATION` with the accepted forms otherwise.
 * @example
 * parseDuration('15m'); // 900000
 */
export function parseDuration(value: Duration): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
  } else if (typeof value === 'string' && value.length > 0) {
    PART.lastIndex = 0;
    let total = 0;
    let consumed = 0;
    for (let m = PART.exec(value); m; m = PART.exec(value)) {
      total += Number(m[1]) * UNIT_MS[m[2]!]!;
      consumed = PART.lastIndex;
    }
    if (consumed === value.length) return total;
  }
  throw new HarnessError(
    'INVALID_DURATION',
    `Invalid duration ${JSON.stringify(value)}: pass milliseconds (a non-negative number) or a string such as '250ms', '30s', '15m', '2h' or '1h30m'.`,
  );
}
