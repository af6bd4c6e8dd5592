import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test helpers that read the shared sample collection. CI clones the repository with `shared/` as a sibling,
 * so `../shared/aws-sample-events` relative to the repository root holds there and in the workspace.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const samplesRoot = path.resolve(repoRoot, '../shared/aws-sample-events');

const cache = new Map<string, unknown>();

/** Parses a sample file (path relative to `aws-sample-events/`), once per test file. */
export function loadSample(relative: string): unknown {
  let value = cache.get(relative);
  if (value === undefined) {
    value = JSON.parse(readFileSync(path.join(samplesRoot, relative), 'utf8')) as unknown;
    cache.set(relative, value);
  }
  return value;
}

/** One row of `index.tsv`. */
export interface IndexRow {
  readonly sourceDir: string;
  readonly file: string;
  readonly originalPath: string;
  readonly kindId: string;
  readonly kind: string;
  readonly types: string;
  readonly note: string;
}

/** The rows of `index.tsv`. */
export function readIndex(): IndexRow[] {
  const lines = readFileSync(path.join(samplesRoot, 'index.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [sourceDir = '', file = '', originalPath = '', kindId = '', kind = '', types = '', note = ''] = line.split('\t');
      return { sourceDir, file, originalPath, kindId, kind, types, note };
    });
}

/** The `sam local generate-event` pairs of `aws-sam-cli-rendered/MANIFEST.tsv`, with their rendered file. */
export function readSamManifest(): { service: string; event: string; file: string }[] {
  const lines = readFileSync(path.join(samplesRoot, 'aws-sam-cli-rendered/MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [file = '', , command = ''] = line.split('\t');
      const [, , , service = '', event = ''] = command.split(' ');
      return { service, event, file: `aws-sam-cli-rendered/${file}` };
    });
}

/** The attribute order of the captured SQS FIFO record (powertools' snsSqsFifoEvent), which the harness reproduces. */
export function capturedFifoAttributeOrder(): string[] {
  const event = loadSample('powertools-lambda-python/snsSqsFifoEvent.json') as { Records: { attributes: Record<string, string> }[] };
  return Object.keys(event.Records[0]!.attributes);
}
