import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConformance, formatConformance } from '../../src/events/conformance.js';
import { eventKinds } from '../../src/events/index.js';
import { arbitraries, toHandler } from '../../src/fast-check/index.js';
import { loadSample } from '../events/_samples.js';

function samplesOf(id: string, extra: readonly string[] = []): { samples: unknown[]; options: object } {
  const kind = eventKinds.find((k) => k.id === id)!;
  const files = new Set([...kind.samples, ...(kind.examples ?? []).flatMap((e) => e.samples ?? []), ...extra]);
  return { samples: [...files].map(loadSample), options: kind.conformance ?? {} };
}

describe.each([
  ['apiGatewayV2', 'apigw-http-v2', arbitraries.apiGatewayV2()],
  ['apiGatewayV1', 'apigw-rest', arbitraries.apiGatewayV1()],
  ['alb', 'alb', arbitraries.alb()],
  ['functionUrl', 'furl', arbitraries.functionUrl()],
] as const)('arbitraries.%s', (_name, id, arbitrary) => {
  it('generates only events that pass the conformance checker', () => {
    // Generated events vary in shape (with and without bodies, queries, cookies): compare with every sample the
    // kind names for its default and examples, so each optional field has a sample that shows it.
    const { samples, options } = samplesOf(id);
    fc.assert(
      fc.property(arbitrary, (event) => {
        expect(formatConformance(checkConformance(event, samples, options))).toBe('');
      }),
      { numRuns: 150 },
    );
  });
});

describe('arbitraries.functionConfig', () => {
  it('stays within the given constraints', () => {
    fc.assert(
      fc.property(arbitraries.functionConfig({ timeout: { max: 30 } }), (config) => {
        expect(config.timeout).toBeGreaterThanOrEqual(1);
        expect(config.timeout).toBeLessThanOrEqual(30);
        expect(config.memorySize).toBeGreaterThanOrEqual(128);
        expect(config.maximumRetryAttempts).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('rejects out-of-quota and unknown constraints with the valid range', () => {
    expect(() => arbitraries.functionConfig({ memorySize: { max: 20000 } })).toThrow(/128\.\.10240/);
    expect(() => arbitraries.functionConfig({ memory: {} } as never)).toThrow(/unknown constraint "memory"/);
  });
});

describe('toHandler', () => {
  it('returns the value for succeed and throws the named error for throw', async () => {
    await expect(toHandler({ kind: 'succeed', value: { a: 1 } })({})).resolves.toEqual({ a: 1 });
    await expect(toHandler({ kind: 'throw', errorType: 'ValidationError', message: 'bad' })({})).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'bad',
    });
  });

  it('generates every behaviour kind', () => {
    const kinds = new Set(fc.sample(arbitraries.handlerBehaviour(), { numRuns: 200, seed: 1 }).map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['crash', 'succeed', 'throw', 'timeout']);
  });
});
