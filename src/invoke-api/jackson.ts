/**
 * Explains why a request body is not JSON, in the words of the Jackson parser behind the Lambda front end
 * (`UTF8StreamJsonParser`, 2.16+), so `InvalidRequestContentException` messages match AWS's:
 * `Unexpected character ((CTRL-CHAR, code 153)): expected a valid value (...)\n at [Source: REDACTED (...); line: 1, column: 1]`.
 *
 * Only runs on bodies `JSON.parse` (or strict UTF-8 decoding) already refused, so it favours fidelity over speed.
 * Locations count bytes, as Jackson does on byte input; "unexpected character" errors point at the character,
 * the others just past what was consumed (both conventions are visible in the 2025 recordings).
 */

const SOURCE = '[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';
const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const MAX_ERROR_TOKEN = 256;

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

type Container = { readonly kind: 'Array' | 'Object'; readonly line: number; readonly column: number };

/** `Character.isISOControl`. */
const isIsoControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
/** Close enough to `Character.isJavaIdentifierStart` / `isJavaIdentifierPart` for error text. */
const isIdentifierStart = (c: number): boolean => /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u.test(String.fromCodePoint(c));
const isIdentifierPart = (c: number): boolean =>
  isIdentifierStart(c) ||
  /[\p{Nd}\p{Mn}\p{Mc}]/u.test(String.fromCodePoint(c)) ||
  (c <= 0x08) || (c >= 0x0e && c <= 0x1b) || (c >= 0x7f && c <= 0x9f);

/** Jackson's `_getCharDesc`. */
function charDesc(c: number): string {
  if (isIsoControl(c)) return `(CTRL-CHAR, code ${c})`;
  const ch = String.fromCodePoint(c);
  if (c > 255) return `'${ch}' (code ${c} / 0x${c.toString(16)})`;
  return `'${ch}' (code ${c})`;
}

class Scanner {
  private i = 0;
  private line = 1;
  private rowStart = 0;
  private readonly stack: Container[] = [];

  constructor(private readonly b: Uint8Array) {}

  /** Formats a failure as Jackson's `getMessage()` does. */
  describe(f: SyntaxFailure): string {
    return `${f.message}\n at ${SOURCE}; line: ${this.line}, column: ${f.offset - this.rowStart + 1}]`;
  }

  private fail(message: string, offset = this.i): never {
    throw new SyntaxFailure(message, offset);
  }

  /** `_reportUnexpectedChar`: points at the offending character. */
  private unexpected(c: number, comment: string, at = this.i - 1): never {
    this.fail(`Unexpected character (${charDesc(c)}): ${comment}`, at);
  }

  private eof(suffix: string): never {
    this.fail(`Unexpected end-of-input${suffix}`);
  }

  private nextByte(eofSuffix: string): number {
    if (this.i >= this.b.length) this.eof(eofSuffix);
    return this.b[this.i++]!;
  }

  /** `_decodeCharForError`: decodes one (possibly multi-byte) character whose first byte was consumed. */
  private decodeForError(first: number): number {
    if (first <= 0x7f) return first;
    let needed: number;
    let c: number;
    if ((first & 0xe0) === 0xc0) [c, needed] = [first & 0x1f, 1];
    else if ((first & 0xf0) === 0xe0) [c, needed] = [first & 0x0f, 2];
    else if ((first & 0xf8) === 0xf0) [c, needed] = [first & 0x07, 3];
    else this.fail(`Invalid UTF-8 start byte 0x${first.toString(16)}`);
    for (; needed > 0; needed--) {
      const d = this.nextByte('');
      if ((d & 0xc0) !== 0x80) this.fail(`Invalid UTF-8 middle byte 0x${d.toString(16)}`);
      c = (c << 6) | (d & 0x3f);
    }
    return c;
  }

  /** `_reportInvalidToken`: gathers the rest of an identifier-like run for the message. */
  private invalidToken(matched: string): never {
    let text = matched;
    while (this.i < this.b.length) {
      const c = this.decodeForError(this.b[this.i++]!);
      if (!isIdentifierPart(c)) break;
      text += String.fromCodePoint(c);
      if (text.length >= MAX_ERROR_TOKEN) {
        text += '...';
        break;
      }
    }
    this.fail(`Unrecognized token '${text}': was expecting ${VALID_VALUES}`);
  }

  private newline(c: number): void {
    // "\r\n" counts once, as Jackson's _skipCR does.
    if (c === 0x0d && this.b[this.i] === 0x0a) this.i++;
    this.line++;
    this.rowStart = this.i;
  }

  /** Skips white space; returns the next byte (consumed) or -1 at the end. */
  private skipWs(): number {
    while (this.i < this.b.length) {
      const c = this.b[this.i++]!;
      if (c === 0x20 || c === 0x09) continue;
      if (c === 0x0a || c === 0x0d) {
        this.newline(c);
        continue;
      }
      if (c === 0x2f) {
        this.unexpected(c, "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
      }
      if (c < 0x20) this.fail(`Illegal character (${charDesc(c)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`);
      return c;
    }
    return -1;
  }

  private matchToken(token: string): void {
    for (let k = 1; k < token.length; k++) {
      if (this.i >= this.b.length || this.b[this.i] !== token.charCodeAt(k)) this.invalidToken(token.slice(0, k));
      this.i++;
    }
    const next = this.b[this.i];
    if (next !== undefined && next >= 0x30 && next !== 0x5d && next !== 0x7d) {
      const save = this.i;
      const c = this.decodeForError(this.b[this.i++]!);
      this.i = save;
      if (isIdentifierPart(c)) this.invalidToken(token);
    }
  }

  private string(what: 'VALUE_STRING' | 'name'): void {
    for (;;) {
      if (this.i >= this.b.length) this.eof(what === 'name' ? ": was expecting closing '\"' for name" : ' in VALUE_STRING');
      const c = this.b[this.i++]!;
      if (c === 0x22) return;
      if (c === 0x5c) {
        const e = this.nextByte(' in character escape sequence');
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            const h = this.nextByte(' in character escape sequence');
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(h))) this.unexpected(h, 'expected a hex-digit for character escape sequence');
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
          this.fail(`Unrecognized character escape ${charDesc(this.decodeForError(e))}`);
        }
        continue;
      }
      if (c < 0x20) this.fail(`Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in ${what === 'name' ? 'name' : 'string value'}`);
      if (c >= 0x80) this.decodeForError(c);
    }
  }

  private digits(): number {
    let n = 0;
    while (this.i < this.b.length && this.b[this.i]! >= 0x30 && this.b[this.i]! <= 0x39) {
      this.i++;
      n++;
    }
    return n;
  }

  private number(first: number): void {
    let c = first;
    if (c === 0x2d) {
      if (this.i >= this.b.length) this.eof(' in a Number value');
      c = this.b[this.i++]!;
      if (c < 0x30 || c > 0x39) {
        this.fail(`Unexpected character (${charDesc(this.decodeForError(c))}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`);
      }
    }
    if (c === 0x30 && this.b[this.i] !== undefined && this.b[this.i]! >= 0x30 && this.b[this.i]! <= 0x39) {
      this.i++;
      this.fail('Invalid numeric value: Leading zeroes not allowed');
    }
    this.digits();
    if (this.b[this.i] === 0x2e) {
      this.i++;
      if (this.digits() === 0) {
        if (this.i >= this.b.length) this.eof(' in a Number value');
        this.fail(`Unexpected character (${charDesc(this.decodeForError(this.b[this.i++]!))}) in numeric value: Decimal point not followed by a digit`);
      }
    }
    if (this.b[this.i] === 0x65 || this.b[this.i] === 0x45) {
      this.i++;
      if (this.b[this.i] === 0x2b || this.b[this.i] === 0x2d) this.i++;
      if (this.digits() === 0) {
        if (this.i >= this.b.length) this.eof(' in a Number value');
        this.fail(`Unexpected character (${charDesc(this.decodeForError(this.b[this.i++]!))}) in numeric value: Exponent indicator not followed by a digit`);
      }
    }
    if (this.stack.length === 0 && this.i < this.b.length) {
      const next = this.b[this.i]!;
      if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
        this.i++;
        this.unexpected(next, 'Expected space separating root-level values');
      }
    }
  }

  /** Reads one value starting with byte `c` (already consumed); containers are pushed, not recursed into. */
  private valueStart(c: number): 'open' | 'scalar' {
    switch (c) {
      case 0x22:
        this.string('VALUE_STRING');
        return 'scalar';
      case 0x7b:
      case 0x5b:
        this.stack.push({ kind: c === 0x7b ? 'Object' : 'Array', line: this.line, column: this.i - this.rowStart });
        return 'open';
      case 0x74:
        this.matchToken('true');
        return 'scalar';
      case 0x66:
        this.matchToken('false');
        return 'scalar';
      case 0x6e:
        this.matchToken('null');
        return 'scalar';
      case 0x2d:
        this.number(c);
        return 'scalar';
      default:
        if (c >= 0x30 && c <= 0x39) {
          this.number(c);
          return 'scalar';
        }
    }
    // A closer or comma where a value belongs (`[1,]`, `{"a":}`); a ']' outside an array is just unexpected.
    if (c === 0x2c || c === 0x7d || (c === 0x5d && this.stack.at(-1)?.kind === 'Array')) this.unexpected(c, 'expected a value');
    if (c === 0x4e || c === 0x49) {
      const word = c === 0x4e ? 'NaN' : 'Infinity';
      this.matchToken(word);
      this.fail(`Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`);
    }
    // Jackson looks at the raw byte here (Latin-1), only decoding what follows.
    if (isIdentifierStart(c)) this.invalidToken(String.fromCharCode(c));
    this.unexpected(c, `expected a valid value ${VALID_VALUES}`);
  }

  private startMarker(top: Container): string {
    return `${SOURCE}; line: ${top.line}, column: ${top.column}]`;
  }

  /** Returns the failure message, or undefined when Jackson would accept the bytes. */
  run(): string | undefined {
    try {
      let rootValues = 0;
      let trailing: string | undefined;
      for (;;) {
        // Expecting a value (at the root, after '[' or ',' in an array, or after ':' in an object).
        let c = this.skipWs();
        if (c === -1) {
          if (this.stack.length === 0) break;
          const top = this.stack.at(-1)!;
          this.eof(`: expected close marker for ${top.kind} (start marker at ${this.startMarker(top)})`);
        }
        if (this.stack.length === 0 && rootValues === 1) trailing = tokenType(c);
        let kind = this.valueStart(c);
        // After a value (or an opening marker): close, comma, or a name in an object.
        for (;;) {
          const top = this.stack.at(-1);
          if (!top) {
            rootValues++;
            break;
          }
          c = this.skipWs();
          if (c === -1) this.eof(`: expected close marker for ${top.kind} (start marker at ${this.startMarker(top)})`);
          const closer = top.kind === 'Array' ? 0x5d : 0x7d;
          if (c === 0x5d || c === 0x7d) {
            if (c !== closer) {
              this.fail(`Unexpected close marker '${String.fromCharCode(c)}': expected '${String.fromCharCode(closer)}' (for ${top.kind} starting at ${this.startMarker(top)})`);
            }
            this.stack.pop();
            kind = 'scalar';
            continue;
          }
          if (kind !== 'open') {
            if (c !== 0x2c) this.unexpected(c, `was expecting comma to separate ${top.kind} entries`);
            c = this.skipWs();
            if (c === -1) this.eof(` within/between ${top.kind} entries`);
          }
          if (top.kind === 'Object') {
            if (c !== 0x22) this.unexpected(this.decodeForError(c), 'was expecting double-quote to start field name');
            this.string('name');
            const colon = this.skipWs();
            if (colon === -1) this.eof(' within/between Object entries');
            if (colon !== 0x3a) this.unexpected(colon, 'was expecting a colon to separate field name and value');
            c = this.skipWs();
            if (c === -1) this.eof(' within/between Object entries');
          }
          kind = this.valueStart(c);
        }
      }
      if (trailing !== undefined) {
        return `Trailing token (of type ${trailing}) found after value (bound as \`com.fasterxml.jackson.databind.JsonNode\`): ` +
          'not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`\n at ' +
          `${SOURCE}; line: ${this.line}, column: ${this.i - this.rowStart + 1}]`;
      }
      return undefined;
    } catch (error) {
      if (error instanceof SyntaxFailure) return this.describe(error);
      throw error;
    }
  }
}

function tokenType(c: number): string {
  if (c === 0x7b) return 'START_OBJECT';
  if (c === 0x5b) return 'START_ARRAY';
  if (c === 0x22) return 'VALUE_STRING';
  if (c === 0x74) return 'VALUE_TRUE';
  if (c === 0x66) return 'VALUE_FALSE';
  if (c === 0x6e) return 'VALUE_NULL';
  return 'VALUE_NUMBER_INT';
}

/**
 * Jackson's explanation of why `bytes` is not one JSON value, or `undefined` if Jackson would accept them.
 * The text is what follows `Could not parse payload into json: ` in Lambda's message.
 * @example
 * jacksonSyntaxError(Buffer.from('{"name": "Aws lambda}'));
 * // 'Unexpected end-of-input in VALUE_STRING\n at [Source: REDACTED (...); line: 1, column: 22]'
 */
export function jacksonSyntaxError(bytes: Uint8Array): string | undefined {
  return new Scanner(bytes).run();
}
