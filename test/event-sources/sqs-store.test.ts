import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageStore } from '../../src/event-sources/sqs-store.js';

interface Message {
  readonly id: number;
  readonly visibleAt: number;
  readonly enqueuedAt: number | undefined;
}

const RETENTION = 50;

/** What the store answers, worked out by scanning every message, as the queue did before it had a store. */
class Model {
  messages: { id: number; visibleAt: number; enqueuedAt: number | undefined }[] = [];
  visible(now: number): number[] {
    return this.messages.filter((m) => m.visibleAt <= now).map((m) => m.id);
  }
  hidden(now: number): number[] {
    return this.messages.filter((m) => m.visibleAt > now).map((m) => m.id);
  }
  nextVisibleAfter(now: number): number | undefined {
    const times = this.messages.map((m) => m.visibleAt).filter((t) => t > now && t !== Infinity);
    return times.length === 0 ? undefined : Math.min(...times);
  }
  nextExpiry(): number | undefined {
    const times = this.messages.flatMap((m) => (m.enqueuedAt === undefined ? [] : [m.enqueuedAt + RETENTION]));
    return times.length === 0 ? undefined : Math.min(...times);
  }
  expire(now: number): number {
    const before = this.messages.length;
    this.messages = this.messages.filter((m) => m.enqueuedAt === undefined || now - m.enqueuedAt < RETENTION);
    return before - this.messages.length;
  }
}

const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), delay: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constant(Infinity)), unbound: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hide' as const), pick: fc.nat(), for: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bind' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), take: fc.integer({ min: 1, max: 5 }), hideFor: fc.integer({ min: 1, max: 30 }), removeEvery: fc.integer({ min: 2, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 15 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

describe('MessageStore', () => {
  it('answers what a scan of every message would, in arrival order, through removals, hiding, retention and compaction', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const store = new MessageStore<Message>(RETENTION);
        const model = new Model();
        const byId = new Map<number, Message>();
        let now = 0;
        let nextId = 0;
        const pick = (n: number): Message | undefined => {
          const ids = [...byId.keys()];
          return ids.length === 0 ? undefined : byId.get(ids[n % ids.length]!);
        };
        const modelOf = (m: Message) => model.messages.find((x) => x.id === m.id);
        for (const o of ops) {
          switch (o.kind) {
            case 'add': {
              const m = { id: nextId++, visibleAt: o.unbound ? Infinity : now + o.delay, enqueuedAt: o.unbound ? undefined : now };
              byId.set(m.id, m);
              store.add(m);
              model.messages.push({ ...m });
              break;
            }
            case 'remove': {
              // Sometimes a message already gone: removing it again changes nothing.
              const m = pick(o.pick);
              if (m === undefined) break;
              const present = modelOf(m) !== undefined;
              expect(store.remove(m)).toBe(present);
              model.messages = model.messages.filter((x) => x.id !== m.id);
              break;
            }
            case 'hide': {
              const m = pick(o.pick);
              if (m === undefined || m.visibleAt === Infinity) break;
              store.setVisibleAt(m, now + o.for);
              const x = modelOf(m);
              if (x) x.visibleAt = now + o.for;
              break;
            }
            case 'bind': {
              const m = pick(o.pick);
              const x = m && modelOf(m);
              if (m === undefined || x === undefined || m.enqueuedAt !== undefined) break;
              store.setEnqueuedAt(m, now);
              store.setVisibleAt(m, now);
              x.enqueuedAt = now;
              x.visibleAt = now;
              break;
            }
            case 'receive': {
              // As a receive does: walks the visible messages, hiding or removing each one taken as it goes.
              let taken = 0;
              for (const m of store.visible(now)) {
                if (taken++ >= o.take) break;
                if (taken % o.removeEvery === 0) {
                  store.remove(m);
                  model.messages = model.messages.filter((x) => x.id !== m.id);
                } else {
                  store.setVisibleAt(m, now + o.hideFor);
                  modelOf(m)!.visibleAt = now + o.hideFor;
                }
              }
              break;
            }
            case 'advance':
              now += o.by;
              break;
            case 'expire':
              expect(store.expire(now)).toBe(model.expire(now));
              break;
            case 'clear':
              store.clear();
              model.messages = [];
              break;
          }
          expect(store.size).toBe(model.messages.length);
          expect([...store].map((m) => m.id)).toEqual(model.messages.map((m) => m.id));
          expect([...store.visible(now)].map((m) => m.id)).toEqual(model.visible(now));
          expect([...store.hidden(now)].map((m) => m.id)).toEqual(model.hidden(now));
          expect(store.nextVisibleAfter(now)).toBe(model.nextVisibleAfter(now));
          expect(store.nextExpiry()).toBe(model.nextExpiry());
        }
      }),
      { numRuns: process.env['CI'] ? 1000 : 200 },
    );
  });

  it('refuses to go on with a walk once a message was added mid-way and the slots moved', () => {
    const store = new MessageStore<Message>(RETENTION);
    for (let id = 0; id < 16; id++) store.add({ id, visibleAt: 0, enqueuedAt: 0 });
    const walk = store.visible(0);
    walk.next();
    store.add({ id: 16, visibleAt: 0, enqueuedAt: 0 });
    expect(() => walk.next()).toThrow(/during a walk/);
  });
});
