import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkConformance,
  ConformanceUsageError,
  formatConformance,
  numberEncodings,
  stringEncodings,
} from '../../src/events/conformance.js';

const messages = (value: unknown, samples: unknown[], options = {}): string[] => {
  const r = checkConformance(value, samples, options);
  return r.ok ? [] : r.mismatches.map((m) => m.message);
};

describe('checkConformance', () => {
  it('accepts a value identical to its only sample', () => {
    const sample = { a: 1, b: ['x'], c: { d: null } };
    expect(checkConformance(sample, [sample])).toEqual({ ok: true, samples: 1 });
  });

  it('reports a key every sample has as missing, with its path', () => {
    expect(messages({ Records: [{}] }, [{ Records: [{ messageAttributes: {} }] }])).toEqual([
      'missing key Records[0].messageAttributes',
    ]);
  });

  it('reports a key no sample has as unexpected', () => {
    expect(messages({ a: 1, z: 2 }, [{ a: 1 }])).toEqual(['unexpected key z (in no sample)']);
  });

  it('allows a key only some samples have, either way', () => {
    const samples = [{ a: 1, opt: 'x' }, { a: 2 }];
    expect(messages({ a: 3 }, samples)).toEqual([]);
    expect(messages({ a: 3, opt: 'y' }, samples)).toEqual([]);
  });

  it('reports a value kind no sample shows at that path', () => {
    expect(messages({ Records: [{ attributes: { SentTimestamp: 1 } }] }, [{ Records: [{ attributes: { SentTimestamp: '1545082649183' } }] }])).toEqual([
      'Records[0].attributes.SentTimestamp: expected string, got number',
    ]);
  });

  it('allows null only where some sample has null', () => {
    const samples = [{ body: null }, { body: 'x' }];
    expect(messages({ body: null }, samples)).toEqual([]);
    expect(messages({ body: null }, [{ body: 'x' }])).toEqual(['body: expected string, got null']);
  });

  it('compares array elements with the union of every sample element', () => {
    const samples = [{ r: [{ a: 1 }, { a: 2, b: true }] }];
    expect(messages({ r: [{ a: 3, b: false }, { a: 4 }] }, samples)).toEqual([]);
    expect(messages({ r: [{ b: true }] }, samples)).toEqual(['missing key r[0].a']);
  });

  it('accepts any elements where every sample array is empty', () => {
    expect(messages({ r: [{ anything: 1 }] }, [{ r: [] }])).toEqual([]);
  });

  it('treats headers as a map: any names, values compared with the union of sample values', () => {
    const samples = [{ headers: { accept: '*/*', host: 'x' } }];
    expect(messages({ headers: { 'x-custom': 'v' } }, samples)).toEqual([]);
    expect(messages({ headers: { 'x-custom': 1 } }, samples)).toEqual(['headers["x-custom"]: expected string, got number']);
  });

  it('requires lowercase header names when every sample header name is lowercase', () => {
    expect(messages({ headers: { Accept: 'x' } }, [{ headers: { accept: 'y' } }])).toEqual([
      'headers.Accept: expected a lowercase key (as in every sample), got "Accept"',
    ]);
    expect(messages({ headers: { Accept: 'x' } }, [{ headers: { accept: 'y', Host: 'z' } }])).toEqual([]);
  });

  it('treats extra paths named in options as maps', () => {
    const samples = [{ requestContext: { authorizer: { lambda: { key: 'v' } } } }];
    expect(messages({ requestContext: { authorizer: { lambda: { other: 'v' } } } }, samples)).toEqual([
      'missing key requestContext.authorizer.lambda.key',
      'unexpected key requestContext.authorizer.lambda.other (in no sample)',
    ]);
    expect(
      messages({ requestContext: { authorizer: { lambda: { other: 'v' } } } }, samples, { dictionaries: ['requestContext.authorizer.lambda'] }),
    ).toEqual([]);
  });

  it('skips ignored paths entirely', () => {
    expect(messages({ a: 1 }, [{ a: 1, cert: {} }], { ignore: ['cert'] })).toEqual([]);
  });

  it('keeps the encoding every sample shares: ISO vs API Gateway timestamps, epoch ms vs s', () => {
    expect(messages({ t: '2024-01-01T00:00:00Z' }, [{ t: '17/Jun/2024:15:52:39 +0000' }])).toEqual([
      't: expected clf-timestamp (as in every sample), got "2024-01-01T00:00:00Z"',
    ]);
    expect(messages({ e: 1718639559 }, [{ e: 1718639559080 }])).toEqual([
      'e: expected epoch-milliseconds (as in every sample), got 1718639559',
    ]);
  });

  it('keeps base64 where every sample is base64, accepting short valid base64', () => {
    const samples = [{ data: 'eyJ0ZXN0IjoiYm9keSJ9' }];
    expect(messages({ data: 'IA==' }, samples)).toEqual([]);
    expect(messages({ data: 'not base64!' }, samples)).toEqual(['data: expected base64 (as in every sample), got "not base64!"']);
  });

  it('enforces no encoding the samples disagree on', () => {
    expect(messages({ t: 'whenever' }, [{ t: '2024-01-01T00:00:00Z' }, { t: 'yesterday' }])).toEqual([]);
  });

  it('throws a usage error without samples', () => {
    expect(() => checkConformance({}, [])).toThrow(ConformanceUsageError);
  });

  it('formats a conforming result as the empty string and mismatches one per line', () => {
    expect(formatConformance(checkConformance(1, [2]))).toBe('');
    expect(formatConformance(checkConformance({ b: 1 }, [{ a: 1 }]))).toBe('missing key a\nunexpected key b (in no sample)');
  });
});

describe('encodings', () => {
  it('detects the timestamp formats AWS uses', () => {
    expect(stringEncodings('2024-06-17T15:52:39.080Z').has('iso-timestamp')).toBe(true);
    expect(stringEncodings('17/Jun/2024:15:52:39 +0000').has('clf-timestamp')).toBe(true);
    expect(numberEncodings(1718639559080).has('epoch-milliseconds')).toBe(true);
    expect(numberEncodings(1718639559.08).has('epoch-seconds')).toBe(true);
  });

  it('does not mistake words or hex ids for base64', () => {
    expect(stringEncodings('POST').has('base64')).toBe(false);
    expect(stringEncodings('c80e8021a3a6d3a5').has('base64')).toBe(false);
  });
});

describe('checkConformance properties', () => {
  it('accepts every JSON value compared with itself', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => checkConformance(v, [v]).ok));
  });

  it('accepts every sample of a set compared with the whole set', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }), fc.nat(), (samples, i) => {
        const pick = samples[i % samples.length];
        expect(formatConformance(checkConformance(pick, samples))).toBe('');
      }),
    );
  });

  it('reports an added key on any object as unexpected, at its path', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1 }), fc.jsonValue({ maxDepth: 1 })), (obj) => {
        const result = checkConformance({ ...obj, zzz_extra: 1 }, [obj]);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.mismatches).toContainEqual(expect.objectContaining({ type: 'unexpected-key', path: 'zzz_extra' }));
      }),
    );
  });

  it('reports a removed key as missing', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1 }),
        (obj) => {
          const [key] = Object.keys(obj);
          const copy: Record<string, unknown> = { ...obj };
          delete copy[key!];
          const result = checkConformance(copy, [obj]);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
