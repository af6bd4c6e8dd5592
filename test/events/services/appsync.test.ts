import { describe, expect, it } from 'vitest';
import { events } from '../../../src/events/index.js';

describe('AppSync factories', () => {
  it('replaces arguments and source whole', () => {
    const e = events.appSyncResolver<{ id: string }, { name: string }>({ arguments: { id: '1' }, source: { name: 'n' } });
    expect(e.arguments).toEqual({ id: '1' });
    expect(e.source).toEqual({ name: 'n' });
  });

  it('prints the selection set from the selection list', () => {
    const e = events.appSyncResolver({ info: { selectionSetList: ['id', 'title'] } });
    expect(e.info.selectionSetGraphQL).toBe('{\n  id\n  title\n}');
  });

  it('issues identity claims at the event time', () => {
    const e = events.appSyncResolver({}, { now: '2025-06-01T00:00:00Z' });
    const claims = (e.identity as { claims: { iat: number; exp: number } }).claims;
    expect(claims.iat).toBe(Date.parse('2025-06-01T00:00:00Z') / 1000);
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('builds one batch event per item sharing the caller', () => {
    const batch = events.appSyncBatchResolver([{ source: { id: 1 } }, { source: { id: 2 } }, { source: { id: 3 } }]);
    expect(batch).toHaveLength(3);
    expect(new Set(batch.map((b) => JSON.stringify(b.identity))).size).toBe(1);
  });

  it('is identical for the same seed', () => {
    expect(events.appSyncAuthorizer({}, { seed: 8 })).toEqual(events.appSyncAuthorizer({}, { seed: 8 }));
  });
});
