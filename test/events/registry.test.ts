import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConformance, formatConformance } from '../../src/events/conformance.js';
import { eventKinds, events } from '../../src/events/index.js';
import { loadSample, readIndex, repoRoot } from './_samples.js';

/**
 * Kinds of index.tsv that have an @types/aws-lambda type but need no trigger factory. Every other typed kind must
 * be registered. Kinds typed "— (no type)" (negative samples, sam-meta, sqs-api, ...) are never required.
 */
const NOT_TRIGGERS: Readonly<Record<string, string>> = {
  // Not typed, listed so the reason is written down if they ever gain a type.
  negative: 'deliberately malformed samples for negative tests',
  'sam-meta': "SAM CLI's placeholder metadata, not an event",
  'sqs-api': 'an SQS ReceiveMessage API response, not a Lambda event',
  // Results and responses: what a handler returns, covered by response builders where users need them.
  'alb-result': 'handler result (albResult builder)',
  'apigw-rest-result': 'handler result (apiGatewayResult builder)',
  'apigw-auth-result': 'authorizer result (authorizerPolicy builder)',
  'furl-result': 'handler result (functionUrlResult builder)',
  'appsync-auth-result': 'authorizer result',
  'cdk-provider-resp': 'custom resource provider response',
  'cfn-response': 'custom resource response PUT to the ResponseURL',
  'firehose-result': 'transformation result',
  'iot-auth-result': 'authorizer result',
  'iot-preprov-result': 'hook result',
  'lex-v1-result': 'code hook result',
  's3-batch-result': 'batch job result',
  'sqs-batch-resp': 'partial batch response (messaging response builder)',
  // Fragments of events, covered by the full event's factory.
  'appsync-identity': 'the identity block inside AppSync resolver/authorizer events',
  'ddb-record': 'a single DynamoDB Streams record, covered by the ddb factory',
};

const fixturePath = (id: string): string => path.join(repoRoot, 'fixtures/events', `${id}.json`);
const updating = process.env['UPDATE_FIXTURES'] === '1';
/**
 * Kinds whose events carry no AWS-generated id or token, so the seed has nothing to vary: handler responses built from
 * their input, and service payloads made only of what the caller configured (alarm data, job names, labels).
 */
const WITHOUT_GENERATED_IDS = new Set(['sqs-batch-resp', 'firehose-result', 'cdk-provider-resp', 'cw-alarm', 'batch-get-job', 'sagemaker-gt-pre-human', 'sagemaker-gt-consolidation', 'sfn-error']);

describe('event registry', () => {
  it('has one entry per kind id and per factory name', () => {
    const ids = eventKinds.map((k) => k.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const names = eventKinds.map((k) => k.factory);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('names a factory that exists on `events` for every kind', () => {
    const factories = events as Readonly<Record<string, unknown>>;
    expect(eventKinds.filter((k) => typeof factories[k.factory] !== 'function').map((k) => k.factory)).toEqual([]);
  });

  it('registers a factory for every index.tsv kind with an @types/aws-lambda type', () => {
    const typed = new Set(
      readIndex()
        .filter((row) => !row.types.startsWith('— (no type)'))
        .map((row) => row.kindId),
    );
    const registered = new Set(eventKinds.map((k) => k.id));
    const missing = [...typed].filter((id) => !registered.has(id) && NOT_TRIGGERS[id] === undefined).sort();
    expect(missing, `kinds without a registered factory: ${missing.join(', ')}`).toEqual([]);
  });
});

describe.each(eventKinds.map((k) => [k.id, k] as const))('event kind %s', (_id, kind) => {
  it('lists at least one sample', () => {
    expect(kind.samples.length).toBeGreaterThan(0);
  });

  it('builds a default event that conforms to its samples', () => {
    const samples = kind.samples.map(loadSample);
    expect(formatConformance(checkConformance(kind.build(), samples, kind.conformance))).toBe('');
  });

  it('builds the same event for the same seed and time, and another for another seed', () => {
    const build = (seed: number) => JSON.stringify(kind.build({ seed, now: 1_700_000_000_000 }));
    expect(build(9)).toBe(build(9));
    if (!WITHOUT_GENERATED_IDS.has(kind.id)) expect(build(10)).not.toBe(build(9));
  });

  for (const example of kind.examples ?? []) {
    it(`builds an event ${example.name} that conforms to its samples`, () => {
      const samples = (example.samples ?? kind.samples).map(loadSample);
      expect(formatConformance(checkConformance(example.build(), samples, kind.conformance))).toBe('');
    });
  }

  it('ships its base payload as fixtures/events/<id>.json', () => {
    expect(kind.fixture, 'set `fixture` on the registry entry (decision 0002)').toBeDefined();
    const file = fixturePath(kind.id);
    if (updating) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(kind.fixture, null, 2)}\n`);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_FIXTURES=1 npx vitest run test/events/registry.test.ts`).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(kind.fixture);
  });
});
