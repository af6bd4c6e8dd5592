/**
 * docs/recordings.md says, for every AWS recording, whether the harness replays it: this keeps it honest. A case
 * listed as replayed must have a test named after it; one listed as not replayed must have a reason and no test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../events/_samples.js';
import { allRecordings } from './_recordings.js';

interface Row {
  readonly id: string;
  readonly area: string;
  readonly status: string;
  readonly notes: string;
}

const ledger: Row[] = readFileSync(path.join(repoRoot, 'docs/recordings.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| (.*) \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ id: m[1]!, area: m[2]!.trim(), status: m[3]!.trim(), notes: m[4]!.trim() }));

const conformance = path.join(repoRoot, 'test/conformance');
const tests = readdirSync(conformance)
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => readFileSync(path.join(conformance, file), 'utf8'));

/** Whether some conformance test is named after the case: `'<id>: …'`, or `'%s: …'` over a list holding `'<id>'`. */
function hasTest(id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A title opens a call: `it('<id>: …'` or `it.each(…)('<id>: …'`.
  const title = new RegExp(`\\(\\s*['"\`]${escaped}: `);
  const listed = new RegExp(`\\bit\\.each\\(\\[[^\\]]*['"]${escaped}['"]`);
  return tests.some((source) => title.test(source) || listed.test(source));
}

describe('the ledger of replayed AWS recordings (docs/recordings.md)', () => {
  it('lists every recorded case exactly once, under its area, and nothing else', () => {
    const recordings = allRecordings();
    expect(ledger.map((r) => r.id).sort()).toEqual([...recordings.keys()].sort());
    for (const row of ledger) expect(row.area, row.id).toBe(recordings.get(row.id)!.area);
  });

  it('has a test named after every case it calls replayed, and a reason for every case it does not replay', () => {
    for (const row of ledger) {
      expect(['replayed', 'partly replayed', 'not replayed'], row.id).toContain(row.status);
      if (row.status === 'not replayed') {
        expect(row.notes, `${row.id} needs a reason`).not.toBe('');
        expect(hasTest(row.id), `${row.id} is listed as not replayed but has a test`).toBe(false);
      } else {
        expect(hasTest(row.id), `${row.id} is listed as ${row.status} but no test is named after it`).toBe(true);
      }
      if (row.status === 'partly replayed') expect(row.notes, `${row.id}: say what is not compared`).not.toBe('');
    }
  });

  it('counts the cases in its summary as the table does', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/recordings.md'), 'utf8');
    const count = (status: string): number => ledger.filter((r) => r.status === status).length;
    expect(doc).toContain(`**${count('replayed')} replayed, ${count('partly replayed')} partly replayed, ${count('not replayed')} not replayed.**`);
  });
});
