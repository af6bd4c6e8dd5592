import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDuration } from '../../src/clock/duration.js';
import { HarnessError } from '../../src/errors.js';

describe('parseDuration', () => {
  it('reads the units tests use', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration(42)).toBe(42);
  });

  it('rejects anything else with the accepted forms in the message', () => {
    for (const bad of ['', '15', '15 m', 'm', '-1s', -5, Number.NaN, '1x']) {
      const err = (() => {
        try {
          parseDuration(bad as string);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(HarnessError);
      expect((err as HarnessError).code).toBe('INVALID_DURATION');
      expect((err as HarnessError).message).toContain("'15m'");
    }
  });

  it('adds the parts of a compound duration', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (h, m, s) => {
        expect(parseDuration(`${h}h${m}m${s}s`)).toBe(h * 3_600_000 + m * 60_000 + s * 1000);
      }),
    );
  });
});
