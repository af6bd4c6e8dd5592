import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Timeline } from '../../src/clock/timeline.js';

describe('the harness timeline', () => {
  it('runs events due by the target in time order, ties in scheduling order, skipping cancelled ones', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(1000), cancel: fc.boolean() }), { maxLength: 60 }), fc.nat(1000), (events, target) => {
        const timeline = new Timeline();
        const ran: number[] = [];
        events.forEach((e, i) => {
          const cancel = timeline.schedule(e.at, () => ran.push(i));
          if (e.cancel) cancel();
        });
        timeline.runUntil(target);
        const expected = events
          .map((e, i) => ({ ...e, i }))
          .filter((e) => !e.cancel && e.at <= target)
          .sort((a, b) => a.at - b.at || a.i - b.i)
          .map((e) => e.i);
        expect(ran).toEqual(expected);
        const rest = events.filter((e) => !e.cancel && e.at > target).map((e) => e.at);
        expect(timeline.nextDue()).toBe(rest.length ? Math.min(...rest) : undefined);
      }),
    );
  });

  it('also runs events that due events schedule within the range', () => {
    const timeline = new Timeline();
    const ran: string[] = [];
    timeline.schedule(10, () => {
      ran.push('a');
      timeline.schedule(15, () => ran.push('b'));
      timeline.schedule(30, () => ran.push('c'));
    });
    expect(timeline.runUntil(20)).toBe(true);
    expect(ran).toEqual(['a', 'b']);
    expect(timeline.nextDue()).toBe(30);
  });
});
