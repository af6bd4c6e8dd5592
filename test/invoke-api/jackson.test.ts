import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jacksonSyntaxError } from '../../src/invoke-api/jackson.js';
import { parseEventBody } from '../../src/invoke-api/event-body.js';

const at = (line: number, column: number): string => `\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: ${line}, column: ${column}]`;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

describe('jacksonSyntaxError on the recorded vectors (2025-11-24)', () => {
  it('explains garbage whose second byte is not UTF-8 as AWS did', () => {
    expect(jacksonSyntaxError(Buffer.from('6e87729ee9b5d749ee9b6d74', 'hex'))).toBe(`Invalid UTF-8 start byte 0x87${at(1, 3)}`);
  });

  it('explains a leading C1 control byte as AWS did', () => {
    expect(jacksonSyntaxError(Buffer.from('99eb2c6a07a17a5968', 'hex'))).toBe(`Unexpected character ((CTRL-CHAR, code 153)): expected a valid value ${VALUES}${at(1, 1)}`);
  });
});

describe('jacksonSyntaxError messages', () => {
  it.each([
    ['{"name": "Aws lambda}', `Unexpected end-of-input in VALUE_STRING${at(1, 22)}`],
    ['{"a":1', `Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: 1])${at(1, 7)}`],
    ['{"a" 1}', `Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value${at(1, 6)}`],
    ['{"a":1 "b":2}', `Unexpected character ('"' (code 34)): was expecting comma to separate Object entries${at(1, 8)}`],
    ['[1 2]', `Unexpected character ('2' (code 50)): was expecting comma to separate Array entries${at(1, 4)}`],
    ['{"a":1,}', `Unexpected character ('}' (code 125)): was expecting double-quote to start field name${at(1, 8)}`],
    ['[1,]', `Unexpected character (']' (code 93)): expected a value${at(1, 4)}`],
    ["{'a':1}", `Unexpected character (''' (code 39)): was expecting double-quote to start field name${at(1, 2)}`],
    ['nul', `Unrecognized token 'nul': was expecting ${VALUES}${at(1, 4)}`],
    ['hello world', `Unrecognized token 'hello': was expecting ${VALUES}${at(1, 7)}`],
    ['[1}', `Unexpected close marker '}': expected ']' (for Array starting at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: 1])${at(1, 4)}`],
    ['"a\nb"', `Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value${at(1, 4)}`],
    ['"\\x"', `Unrecognized character escape 'x' (code 120)${at(1, 4)}`],
    ['01', `Invalid numeric value: Leading zeroes not allowed${at(1, 3)}`],
    ['-a', `Unexpected character ('a' (code 97)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value${at(1, 3)}`],
    ['NaN', `Non-standard token 'NaN': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 4)}`],
    ['{\n  "a": tru\n}', `Unrecognized token 'tru': was expecting ${VALUES}${at(2, 12)}`],
    ['// c\n{}', `Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)${at(1, 1)}`],
  ])('explains %j', (text, message) => {
    expect(jacksonSyntaxError(bytes(text))).toBe(message);
  });

  it('refuses trailing content after the value [UNCERTAIN on AWS: see docs]', () => {
    expect(jacksonSyntaxError(bytes('{} {}'))).toMatch(/^Trailing token \(of type START_OBJECT\) found after value/);
    expect(jacksonSyntaxError(bytes('{} x'))).toMatch(/^Unrecognized token 'x'/);
  });

  it('accepts every JSON value JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom('', ' ', '\n', '\r\n\t'), (json, ws) => {
        expect(jacksonSyntaxError(bytes(`${ws}${json}${ws}`))).toBeUndefined();
      }),
    );
  });

  it('refuses exactly what JSON.parse refuses (white space alone aside), without throwing', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'a', 'true', 'null', '1', '-', '.', 'e', ' ', '\n', '"k"', '0', 'é', '\u0001');
    const text = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([json, at, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1))),
    );
    fc.assert(
      fc.property(text, (value) => {
        if (value.trim() === '' && /^[ \t\r\n]*$/.test(value)) return;
        let parses = true;
        try {
          JSON.parse(value);
        } catch {
          parses = false;
        }
        const explained = jacksonSyntaxError(bytes(value));
        expect(explained === undefined).toBe(parses);
        if (explained !== undefined) expect(explained).toMatch(/\n at \[Source: REDACTED .*; line: \d+, column: \d+\]$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseEventBody', () => {
  it('delivers no body, or white space, as the event {}', () => {
    expect(parseEventBody(new Uint8Array())).toEqual({ ok: true, event: {}, text: '{}' });
    expect(parseEventBody(bytes(' \n'))).toEqual({ ok: true, event: {}, text: '{}' });
  });

  it('accepts any JSON value as the event, as AWS does (true, null, [1,2], 1, strings)', () => {
    for (const value of [true, false, null, [1, 2], 1, 'x', { hello: "'\" quotes 🥳 {[}}" }]) {
      expect(parseEventBody(bytes(JSON.stringify(value)))).toEqual({ ok: true, event: value, text: JSON.stringify(value) });
    }
  });

  it('answers anything else with InvalidRequestContentException and the lowercase message key', () => {
    const result = parseEventBody(bytes('{"name": "Aws lambda}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('InvalidRequestContentException');
    expect(result.error.statusCode).toBe(400);
    expect(result.error.body).toEqual({
      Type: 'User',
      message: `Could not parse request body into json: Could not parse payload into json: Unexpected end-of-input in VALUE_STRING${at(1, 22)}`,
    });
  });
});
