import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAME_PATTERN, functionNotFound, parseFunctionReference, QUALIFIER_PATTERN } from '../../src/invoke-api/function-name.js';
import { validationError } from '../../src/invoke-api/validation.js';
import { isRegionName } from '../../src/invoke-api/region.js';
import { createFunction } from '../../src/index.js';

const ACCOUNT = '111111111111';
const NAME_CONSTRAINT = `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}`;

/** What AWS answers for a parse outcome, as the recordings reduce it: { Code, Errors } or { Code, Message }. */
function reduce(functionName: string, qualifier?: string): { Code: string; Errors?: string[]; Message?: string } | 'ok' {
  const result = parseFunctionReference(functionName, qualifier);
  if (result.ok) return 'ok';
  if ('violations' in result) {
    return { Code: 'ValidationException', Errors: result.violations.map((v) => `Value '${v.value}' at '${v.member}' failed to satisfy constraint: ${v.constraint}`) };
  }
  return { Code: result.error.name, Message: result.error.message };
}

describe('parseFunctionReference against the recorded validation matrix (2025-11-25)', () => {
  it.each([
    ['*'],
    ['my-function!'],
    ['invalid-account:function:my-function'],
    [`arn:aws:lambda:invalid-region:${ACCOUNT}:function:my-function`],
    [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance:i-1234567890abcdef0`],
    [`arn:aws:lambda:invalid-region:${ACCOUNT}:function:my-function${'a'.repeat(170)}`],
    [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:my-function:1:2`],
    ['function:my-function:$LATEST:extra'],
    [`arn:aws:lambda::${ACCOUNT}:function:my-function`],
    ['arn:aws:lambda:us-east-1::function:my-function'],
    [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:my-function:$LATES`],
    ['arn:aws:lambda:us-east-1:123400000000@function:myfn'],
  ])('rejects %s at functionName with the pattern', (name) => {
    expect(reduce(name)).toEqual({ Code: 'ValidationException', Errors: [`Value '${name}' at 'functionName' failed to satisfy constraint: ${NAME_CONSTRAINT}`] });
  });

  it('rejects a qualifier with invalid characters, quoting its own pattern', () => {
    expect(reduce('my-function', 'invalid!')).toEqual({
      Code: 'ValidationException',
      Errors: [`Value 'invalid!' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}`],
    });
    expect(QUALIFIER_PATTERN).toBe('\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+');
  });

  it('rejects a qualifier over 128 characters', () => {
    expect(reduce('my-function', 'a'.repeat(129))).toEqual({
      Code: 'ValidationException',
      Errors: [`Value '${'a'.repeat(129)}' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128`],
    });
  });

  it('reports both members when name and qualifier are invalid', () => {
    const name = `arn:aws:lambda:invalid-region:${ACCOUNT}:function:my-function-${'a'.repeat(170)}`;
    const outcome = reduce(name, 'a'.repeat(129));
    expect(outcome).not.toBe('ok');
    expect((outcome as { Errors: string[] }).Errors).toHaveLength(2);
    expect(validationError([{ member: 'a', value: 'x', constraint: 'c' }, { member: 'b', value: 'y', constraint: 'd' }]).message).toBe(
      "2 validation errors detected: Value 'x' at 'a' failed to satisfy constraint: c; Value 'y' at 'b' failed to satisfy constraint: d",
    );
  });

  it('accepts what AWS then answers with 404: a 65-character name, $latest, and an ARN ending in :function', () => {
    expect(reduce('a'.repeat(65))).toBe('ok');
    expect(parseFunctionReference(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:my-function`, '$latest')).toMatchObject({ ok: true, reference: { qualifier: '$latest' } });
    expect(parseFunctionReference(`arn:aws:lambda:us-east-1:${ACCOUNT}:function`, undefined)).toMatchObject({ ok: true, reference: { name: 'function', account: ACCOUNT } });
  });

  it('rejects a name qualifier that disagrees with Qualifier before any lookup', () => {
    expect(reduce(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:my-function:$LATEST`, '1')).toEqual({
      Code: 'InvalidParameterValueException',
      Message: 'The derived qualifier from the function name does not match the specified qualifier.',
    });
  });

  it('formats the 404 like the 2025 recording, with :$LATEST for an unqualified call', () => {
    const error = functionNotFound({ partition: 'aws', region: 'us-east-1', account: ACCOUNT, name: 'doesnotexist', qualifier: undefined });
    expect(error.statusCode).toBe(404);
    expect(error.body).toEqual({ Message: `Function not found: arn:aws:lambda:us-east-1:${ACCOUNT}:function:doesnotexist:$LATEST`, Type: 'User' });
    expect(JSON.stringify(error.body)).toBe(`{"Message":"Function not found: arn:aws:lambda:us-east-1:${ACCOUNT}:function:doesnotexist:$LATEST","Type":"User"}`);
  });
});

describe('parseFunctionReference properties', () => {
  const name = fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/);
  const qualifier = fc.oneof(fc.constant('$LATEST'), fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/));
  const region = fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1');
  const account = fc.stringMatching(/^\d{12}$/);

  it('takes every spelling of a function apart into the same name, qualifier, region and account', () => {
    fc.assert(
      fc.property(name, fc.option(qualifier, { nil: undefined }), region, account, (n, q, r, a) => {
        const suffix = q === undefined ? '' : `:${q}`;
        const spellings: [string, string | undefined, string | undefined][] = [
          [`${n}${suffix}`, undefined, undefined],
          [`${a}:function:${n}${suffix}`, undefined, a],
          [`arn:aws:lambda:${r}:${a}:function:${n}${suffix}`, r, a],
        ];
        for (const [spelling, expectedRegion, expectedAccount] of spellings) {
          const result = parseFunctionReference(spelling, undefined);
          expect(result).toEqual({ ok: true, reference: { name: n, qualifier: q, region: expectedRegion, account: expectedAccount, partition: 'aws' } });
          // The Qualifier parameter says the same thing as the suffix.
          if (q !== undefined) expect(parseFunctionReference(`arn:aws:lambda:${r}:${a}:function:${n}`, q)).toMatchObject({ ok: true, reference: { qualifier: q } });
        }
      }),
    );
  });

  it('accepts exactly what the pattern AWS prints accepts (up to 256 characters), and never throws', () => {
    const aws = new RegExp(`^(?:${FUNCTION_NAME_PATTERN})$`);
    const alphabet = fc.constantFrom(...'arnwslmbdfuctio:-_.$LATEST0123456789!@* '.split(''));
    const text = fc.oneof(fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(text, (value) => {
        const result = parseFunctionReference(value, undefined);
        expect(result.ok).toBe(value.length >= 1 && value.length <= 256 && aws.test(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('region names', () => {
  it('accepts every region spelling of AWS’s FunctionName pattern, everywhere a region is an option', () => {
    for (const region of ['us-east-1', 'us-gov-west-1', 'us-isob-east-1', 'eusc-de-east-1', 'cn-north-1']) {
      expect(isRegionName(region)).toBe(true);
      expect(() => createFunction({ handler: async () => 1, region })).not.toThrow();
      const parsed = parseFunctionReference(`arn:aws:lambda:${region}:123456789012:function:f`, undefined);
      expect(parsed.ok && parsed.reference.region).toBe(region);
    }
    for (const region of ['us-east', 'US-EAST-1', 'us_east_1', 'useast-1', '']) expect(isRegionName(region)).toBe(false);
  });
});
