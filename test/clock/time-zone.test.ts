import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dateText, isLocalDateString, offsetMs, utcOfWall, zoneOfTz } from '../../src/clock/time-zone.js';

const probe = fileURLToPath(new URL('../fixtures/time-zone/probe.mjs', import.meta.url));
/** Runs the probe in a Node process whose zone is `tz`: plain (the truth for that zone) or as a handler of the built package. */
const probeIn = (tz: string, ...args: string[]): unknown =>
  JSON.parse(execFileSync(process.execPath, [probe, ...args], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }));

describe('local time in an environment', () => {
  it.each([
    ["Lambda's UTC", 'a host in Asia/Kolkata', 'Asia/Kolkata', undefined, 'UTC'],
    ["Lambda's UTC", 'a host in America/New_York', 'America/New_York', undefined, 'UTC'],
    ['a function TZ of America/New_York', 'a UTC host', 'UTC', 'America/New_York', 'America/New_York'],
    ['a function TZ of :Asia/Kolkata', 'a host in Europe/London', 'Europe/London', ':Asia/Kolkata', 'Asia/Kolkata'],
  ])('is %s on %s: Date and Intl behave as Node does in that zone', (_zone, _host, hostTz, functionTz, truthTz) => {
    const truth = probeIn(truthTz, 'plain');
    const inHandler = probeIn(hostTz, 'harness', ...(functionTz === undefined ? [] : [functionTz]));
    expect(inHandler).toEqual(truth);
  });
});

describe('the zone arithmetic', () => {
  it('reads TZ as glibc does on Lambda: a leading colon, and UTC when unset, empty or unknown', () => {
    expect(zoneOfTz(':UTC')).toBe('UTC');
    expect(zoneOfTz('Etc/UTC')).toBe('UTC');
    expect(zoneOfTz(':America/New_York')).toBe('America/New_York');
    expect(zoneOfTz(undefined)).toBe('UTC');
    expect(zoneOfTz('')).toBe('UTC');
    expect(zoneOfTz('Mars/Olympus_Mons')).toBe('UTC');
  });

  it('gives each instant its offset, daylight saving included', () => {
    expect(offsetMs('Asia/Kolkata', 0)).toBe(5.5 * 3_600_000);
    expect(offsetMs('America/New_York', Date.UTC(2024, 0, 15))).toBe(-5 * 3_600_000);
    expect(offsetMs('America/New_York', Date.UTC(2024, 6, 15))).toBe(-4 * 3_600_000);
    expect(offsetMs('UTC', Date.UTC(2024, 6, 15))).toBe(0);
  });

  it('maps wall-clock times to instants as V8 does: forward out of a gap, the earlier of an overlap', () => {
    expect(utcOfWall('America/New_York', Date.UTC(2024, 2, 10, 2, 30))).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(utcOfWall('America/New_York', Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(utcOfWall('Asia/Kolkata', Date.UTC(2024, 0, 1, 5, 30))).toBe(Date.UTC(2024, 0, 1));
  });

  it("tells strings V8 reads as local time from those that carry a zone or are ISO dates", () => {
    for (const local of ['2024-01-01T10:00:00', '2024-01-01 10:00', 'Jan 1 2024 10:00', '2024/01/01']) expect(isLocalDateString(local)).toBe(true);
    for (const zoned of ['2024-01-01', '2024-01', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00+05:30', 'Mon, 01 Jan 2024 10:00:00 GMT', 'Jan 1 2024 10:00 EST']) {
      expect(isLocalDateString(zoned)).toBe(false);
    }
  });

  it("writes V8's Date strings", () => {
    expect(dateText('UTC', 0, 'full')).toBe('Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)');
    expect(dateText('Asia/Kolkata', 0, 'time')).toBe('05:30:00 GMT+0530 (India Standard Time)');
    expect(dateText('America/New_York', Date.UTC(2024, 6, 4, 16), 'date')).toBe('Thu Jul 04 2024');
    expect(dateText('UTC', Number.NaN, 'full')).toBe('Invalid Date');
  });
});
