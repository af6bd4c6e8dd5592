/**
 * Local time as Lambda's runtime sees it: the zone named by the function's `TZ` variable (`:UTC` unless the function
 * sets another), whatever the zone of the machine running the tests. Pure functions of a zone name and a time value;
 * the Date and Intl shims (globals.ts) call them only inside an environment whose zone differs from the host's.
 */

import { real } from './real.js';

// The native constructors: the shims this module serves replace the globals while simulated code runs.
const NativeDate = real.Date;
const NativeDTF = real.DateTimeFormat;
const UTC = 'UTC';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Canonical IANA name of a zone (`Etc/UTC` → `UTC`), or undefined when the runtime does not know it. */
function canonicalZone(zone: string): string | undefined {
  try {
    return new NativeDTF('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The zone a `TZ` value selects, as glibc reads it on Lambda: an optional leading `:`, then an IANA name; unset, empty
 * or unknown means UTC (Lambda's `/etc/localtime`).
 * @example
 * zoneOfTz(':UTC'); // 'UTC'
 * zoneOfTz('America/New_York'); // 'America/New_York'
 */
export function zoneOfTz(tz: string | undefined): string {
  const name = tz?.startsWith(':') ? tz.slice(1) : tz;
  if (!name) return UTC;
  return canonicalZone(name) ?? UTC;
}

/** The zone of this process (what Date's local methods use), canonical. */
export function hostZone(): string {
  return new NativeDTF().resolvedOptions().timeZone;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Milliseconds to add to a UTC time value to get the wall clock of `zone` at that instant (the negated
 * `getTimezoneOffset()`, in ms).
 * @example
 * offsetMs('Asia/Kolkata', 0); // 19800000
 */
export function offsetMs(zone: string, t: number): number {
  if (zone === UTC || !Number.isFinite(t)) return 0;
  let f = partsFormatters.get(zone);
  if (f === undefined) {
    f = new NativeDTF('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(t)) p[part.type] = part.value;
  const year = p['era'] === 'BC' || p['era'] === 'B' ? 1 - Number(p['year']) : Number(p['year']);
  const wall = NativeDate.UTC(year, Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  // Date.UTC maps years 0-99 to 1900-1999; the wall clock never needs that.
  const fixed = year >= 0 && year < 100 ? new NativeDate(wall).setUTCFullYear(year) : wall;
  const second = t - (((t % 1000) + 1000) % 1000);
  return fixed - second;
}

/**
 * The UTC time value of a wall-clock time in `zone` (as `new Date(y, m, …)` computes local time): in a gap the clock
 * moves forward, in an overlap the earlier instant wins, as V8 does.
 * @example
 * utcOfWall('Asia/Kolkata', Date.UTC(2024, 0, 1, 5, 30)); // Date.UTC(2024, 0, 1)
 */
export function utcOfWall(zone: string, wall: number): number {
  if (zone === UTC || !Number.isFinite(wall)) return wall;
  const first = wall - offsetMs(zone, wall);
  const second = wall - offsetMs(zone, first);
  if (first === second) return first;
  // Two candidates: the one whose wall clock matches (an overlap: the earlier), else the later (a gap).
  const matches = [Math.min(first, second), Math.max(first, second)].filter((c) => c + offsetMs(zone, c) === wall);
  return matches[0] ?? Math.max(first, second);
}

interface ZoneNames {
  format: Intl.DateTimeFormat;
  standard: string;
  daylight: string | undefined;
}
const zoneNames = new Map<string, ZoneNames>();

function longName(format: Intl.DateTimeFormat, t: number): string {
  return format.formatToParts(t).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * The name in V8's `Date.prototype.toString`: the zone's current standard or daylight name (ICU's display name, not
 * the one of the date's era), daylight when the date is on the larger of its year's two offsets.
 */
function zoneName(zone: string, t: number): string {
  let names = zoneNames.get(zone);
  if (names === undefined) {
    const format = new NativeDTF('en-US', { timeZone: zone, timeZoneName: 'long' });
    const year = new NativeDate(NativeDate.now()).getUTCFullYear();
    const jan = NativeDate.UTC(year, 0, 1);
    const jul = NativeDate.UTC(year, 6, 1);
    const [std, dst] = offsetMs(zone, jan) <= offsetMs(zone, jul) ? [jan, jul] : [jul, jan];
    names = { format, standard: longName(format, std), daylight: offsetMs(zone, dst) === offsetMs(zone, std) ? undefined : longName(format, dst) };
    zoneNames.set(zone, names);
  }
  const year = new NativeDate(t + offsetMs(zone, t)).getUTCFullYear();
  const jan = NativeDate.UTC(year, 0, 1);
  const jul = new NativeDate(jan).setUTCMonth(6);
  const daylight = offsetMs(zone, t) > Math.min(offsetMs(zone, jan), offsetMs(zone, jul));
  return daylight ? (names.daylight ?? longName(names.format, t)) : names.standard;
}

/** The `GMT+hhmm (Zone Name)` tail of V8's `Date.prototype.toString` and `toTimeString`. */
function zoneSuffix(zone: string, t: number): string {
  const minutes = Math.round(offsetMs(zone, t) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')} (${zoneName(zone, t)})`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function yearText(y: number): string {
  return y < 0 ? `-${pad(-y, 6)}` : pad(y, 4);
}

/**
 * V8's `Date.prototype.toString`, `toDateString` and `toTimeString` of `t` in `zone`.
 * @example
 * dateText('UTC', 0, 'full'); // 'Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)'
 */
export function dateText(zone: string, t: number, part: 'full' | 'date' | 'time'): string {
  if (!Number.isFinite(t)) return 'Invalid Date';
  const w = new NativeDate(t + offsetMs(zone, t));
  const date = `${DAYS[w.getUTCDay()]} ${MONTHS[w.getUTCMonth()]} ${pad(w.getUTCDate())} ${yearText(w.getUTCFullYear())}`;
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} ${zoneSuffix(zone, t)}`;
  return part === 'date' ? date : part === 'time' ? time : `${date} ${time}`;
}

/**
 * Whether V8 reads a date string as local time: no zone designator (`Z`, `±hh:mm`, `GMT`, `UTC`, a US zone
 * abbreviation) and not an ISO date-only form (those are UTC).
 * @example
 * isLocalDateString('2024-01-01T10:00:00'); // true
 * isLocalDateString('2024-01-01'); // false
 */
export function isLocalDateString(text: string): boolean {
  const s = text.trim();
  if (/^[+-]?\d{4,6}(-\d{2}(-\d{2})?)?$/.test(s)) return false;
  if (/(?:\d|\s)(?:z|[+-]\d{2}:?\d{2})(?:\s*\(.*\))?$/i.test(s)) return false;
  if (/(?:^|[^a-z])(?:gmt|utc|ut|[ecmp][sd]t)(?:[^a-z]|$)/i.test(s)) return false;
  return true;
}
