/**
 * Structural conformance: does a value look like the real AWS payloads it claims to be?
 *
 * The samples are merged into one "shape" (which keys appear, in how many samples, with which value kinds and
 * encodings), then the value is walked against it. The rules, chosen so that a factory can neither invent fields
 * nor forget ones AWS always sends:
 * - a key the value has that no sample has is a mismatch (`unexpected key`);
 * - a key every sample has (where its parent exists) that the value lacks is a mismatch (`missing key`);
 * - a key only some samples have is optional;
 * - a value's kind (string, number, boolean, null, object, array) must be one the samples show at that path,
 *   so `null` is only allowed where some sample has `null`;
 * - array elements are compared with the union of every sample element at that path;
 * - map-like objects (headers, query parameters, message attributes...: see {@link DEFAULT_DICTIONARY_KEYS})
 *   have data as keys, so only their values are compared, plus, for header maps, key casing when every sample
 *   header name is lowercase;
 * - an encoding every sample string (or number) at a path shares must be kept: ISO-8601 vs API Gateway's
 *   `09/Apr/2015:12:34:56 +0000` timestamps, numeric strings, UUIDs, base64, epoch seconds vs milliseconds.
 *
 * Pure: no I/O, no globals. Loading sample files is the caller's job.
 */

/** The JSON value kinds the checker distinguishes. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** Encodings detected on strings and numbers. A path's encoding is enforced only when every sample shares it. */
export type Encoding =
  | 'iso-timestamp'
  | 'clf-timestamp'
  | 'numeric-string'
  | 'uuid'
  | 'base64'
  | 'integer'
  | 'epoch-seconds'
  | 'epoch-milliseconds'
  | 'lowercase-keys';

/** One way a value differs from its samples. `message` is ready to print. */
export type Mismatch =
  | { readonly type: 'missing-key'; readonly path: string; readonly message: string }
  | { readonly type: 'unexpected-key'; readonly path: string; readonly message: string }
  | {
      readonly type: 'value-kind';
      readonly path: string;
      readonly expected: readonly ValueKind[];
      readonly actual: ValueKind;
      readonly message: string;
    }
  | { readonly type: 'encoding'; readonly path: string; readonly expected: Encoding; readonly message: string };

/** The outcome of {@link checkConformance}: narrow on `ok`. */
export type ConformanceResult =
  | { readonly ok: true; readonly samples: number }
  | { readonly ok: false; readonly samples: number; readonly mismatches: readonly Mismatch[] };

/** Tuning for {@link checkConformance}. */
export interface ConformanceOptions {
  /**
   * Extra map-like objects whose keys are data: a key name (`detail`) matches that key anywhere, a path
   * (`Records[].messageAttributes`, `requestContext.authorizer.lambda`) matches exactly. Added to
   * {@link DEFAULT_DICTIONARY_KEYS}.
   * @defaultValue `[]`
   */
  readonly dictionaries?: readonly string[];
  /**
   * Paths (same syntax as `dictionaries`) not compared at all, for payloads that are free-form by nature.
   * @defaultValue `[]`
   */
  readonly ignore?: readonly string[];
}

/**
 * Keys whose object values are maps with data as keys, in every AWS payload the harness knows.
 * @example
 * DEFAULT_DICTIONARY_KEYS.includes('headers'); // true
 */
export const DEFAULT_DICTIONARY_KEYS: readonly string[] = [
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'claims',
  'messageAttributes',
  'MessageAttributes',
  'userAttributes',
  'clientMetadata',
  'validationData',
];

/** A usage error: the checker was called in a way that cannot give an answer. */
export class ConformanceUsageError extends Error {
  readonly code = 'ERR_CONFORMANCE_USAGE';
  override readonly name = 'ConformanceUsageError';
}

interface Shape {
  /** How many sample values reached this node. */
  count: number;
  kinds: Set<ValueKind>;
  /** Encodings shared by every string / number seen here (undefined until the first one). */
  stringEncodings: Set<Encoding> | undefined;
  numberEncodings: Set<Encoding> | undefined;
  /** For objects: how many object values were seen, and each key's shape (its `count` = objects having it). */
  objects: number;
  properties: Map<string, Shape>;
  /** For dictionaries: the union of all values, and whether every key seen was lowercase. */
  dictionaryValues: Shape | undefined;
  keyEncodings: Set<Encoding> | undefined;
  /** For arrays: the union of all elements. */
  items: Shape | undefined;
}

function newShape(): Shape {
  return {
    count: 0,
    kinds: new Set(),
    stringEncodings: undefined,
    numberEncodings: undefined,
    objects: 0,
    properties: new Map(),
    dictionaryValues: undefined,
    keyEncodings: undefined,
    items: undefined,
  };
}

/**
 * The kind of a JSON value.
 * @example
 * kindOf(null); // 'null'
 */
export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      // undefined, functions and symbols never appear in JSON; treating them as objects would hide bugs, so
      // they are reported as the closest kind a JSON consumer would see: absent values are handled by callers.
      return 'object';
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const CLF = /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX = /^[0-9a-fA-F]+$/;

/**
 * The encodings a string exhibits. Base64 is only claimed for strings long and varied enough that it is
 * unlikely to be a coincidence (plain words and hex ids are not treated as base64).
 * @example
 * stringEncodings('2024-01-01T00:00:00Z'); // Set { 'iso-timestamp' }
 */
export function stringEncodings(value: string): Set<Encoding> {
  const out = new Set<Encoding>();
  if (ISO.test(value)) out.add('iso-timestamp');
  if (CLF.test(value)) out.add('clf-timestamp');
  if (NUMERIC.test(value)) out.add('numeric-string');
  if (UUID.test(value)) out.add('uuid');
  if (
    value.length >= 12 &&
    value.length % 4 === 0 &&
    BASE64.test(value) &&
    !HEX.test(value) &&
    !NUMERIC.test(value)
  ) {
    out.add('base64');
  }
  return out;
}

/**
 * The encodings a number exhibits: integer, and plausible epoch seconds / milliseconds (years 2001 to 2286).
 * @example
 * numberEncodings(1718639559080); // Set { 'integer', 'epoch-milliseconds' }
 */
export function numberEncodings(value: number): Set<Encoding> {
  const out = new Set<Encoding>();
  if (Number.isInteger(value)) out.add('integer');
  if (value >= 1e9 && value < 1e10) out.add('epoch-seconds');
  if (value >= 1e12 && value < 1e13 && Number.isInteger(value)) out.add('epoch-milliseconds');
  return out;
}

/** Any well-formed standard base64, including the empty string. */
function isValidBase64(value: string): boolean {
  return value === '' || (value.length % 4 === 0 && BASE64.test(value));
}

function intersect(current: Set<Encoding> | undefined, next: Set<Encoding>): Set<Encoding> {
  if (current === undefined) return new Set(next);
  for (const e of current) if (!next.has(e)) current.delete(e);
  return current;
}

function childPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Path patterns use `[]` for any array index and `.` between keys: `Records[].messageAttributes`. */
function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]').replace(/\["[^"]*"\]/g, '.*');
}

class Matcher {
  private readonly dictionaryKeys: Set<string>;
  private readonly dictionaryPaths: Set<string>;
  private readonly ignoreKeys: Set<string>;
  private readonly ignorePaths: Set<string>;

  constructor(options: ConformanceOptions) {
    const split = (list: readonly string[]): [Set<string>, Set<string>] => {
      const keys = new Set<string>();
      const paths = new Set<string>();
      for (const item of list) (/[.[\]]/.test(item) ? paths : keys).add(item);
      return [keys, paths];
    };
    [this.dictionaryKeys, this.dictionaryPaths] = split([...DEFAULT_DICTIONARY_KEYS, ...(options.dictionaries ?? [])]);
    [this.ignoreKeys, this.ignorePaths] = split(options.ignore ?? []);
  }

  private matches(keys: Set<string>, paths: Set<string>, path: string, key: string | undefined): boolean {
    if (key !== undefined && keys.has(key)) return true;
    return paths.has(patternOf(path));
  }

  isDictionary(path: string, key: string | undefined): boolean {
    return this.matches(this.dictionaryKeys, this.dictionaryPaths, path, key);
  }

  isIgnored(path: string, key: string | undefined): boolean {
    return this.matches(this.ignoreKeys, this.ignorePaths, path, key);
  }
}

function addSample(shape: Shape, value: unknown, path: string, key: string | undefined, m: Matcher): void {
  shape.count++;
  const kind = kindOf(value);
  shape.kinds.add(kind);
  if (kind === 'string') shape.stringEncodings = intersect(shape.stringEncodings, stringEncodings(value as string));
  else if (kind === 'number') shape.numberEncodings = intersect(shape.numberEncodings, numberEncodings(value as number));
  else if (kind === 'array') {
    shape.items ??= newShape();
    (value as unknown[]).forEach((item, i) => addSample(shape.items!, item, `${path}[${i}]`, undefined, m));
  } else if (kind === 'object') {
    shape.objects++;
    const entries = Object.entries(value as Record<string, unknown>);
    if (m.isDictionary(path, key)) {
      shape.dictionaryValues ??= newShape();
      for (const [k, v] of entries) {
        const lower = new Set<Encoding>(k === k.toLowerCase() ? ['lowercase-keys'] : []);
        shape.keyEncodings = intersect(shape.keyEncodings, lower);
        addSample(shape.dictionaryValues, v, childPath(path, k), undefined, m);
      }
    } else {
      for (const [k, v] of entries) {
        let child = shape.properties.get(k);
        if (child === undefined) {
          child = newShape();
          shape.properties.set(k, child);
        }
        addSample(child, v, childPath(path, k), k, m);
      }
    }
  }
}

function compare(shape: Shape, value: unknown, path: string, key: string | undefined, m: Matcher, out: Mismatch[]): void {
  const shown = path === '' ? '(root)' : path;
  const kind = kindOf(value);
  if (!shape.kinds.has(kind)) {
    const expected = [...shape.kinds].sort();
    out.push({
      type: 'value-kind',
      path: shown,
      expected,
      actual: kind,
      message: `${shown}: expected ${expected.join(' | ')}, got ${kind}`,
    });
    return;
  }
  const encodings = kind === 'string' ? shape.stringEncodings : kind === 'number' ? shape.numberEncodings : undefined;
  if (encodings !== undefined && encodings.size > 0) {
    const actual = kind === 'string' ? stringEncodings(value as string) : numberEncodings(value as number);
    for (const e of encodings) {
      // Base64 is *detected* in samples strictly (to avoid coincidences) but *accepted* leniently: any valid
      // base64, however short ('IA==' is one space), keeps the encoding.
      const kept = e === 'base64' ? isValidBase64(value as string) : actual.has(e);
      if (!kept) {
        out.push({
          type: 'encoding',
          path: shown,
          expected: e,
          message: `${shown}: expected ${e} (as in every sample), got ${JSON.stringify(value)}`,
        });
      }
    }
  }
  if (kind === 'array') {
    // An empty array in every sample says nothing about element shape: accept any elements.
    if (shape.items === undefined || shape.items.count === 0) return;
    (value as unknown[]).forEach((item, i) => compare(shape.items!, item, `${path}[${i}]`, undefined, m, out));
    return;
  }
  if (kind !== 'object') return;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (m.isDictionary(path, key)) {
    // Key casing only means something for header maps (HTTP API and function URLs lowercase them); other maps'
    // keys are user data whose casing in a handful of samples is a coincidence.
    const lowercase = shape.keyEncodings?.has('lowercase-keys') === true && /headers$/i.test(key ?? '');
    for (const [k, v] of entries) {
      const p = childPath(path, k);
      if (lowercase && k !== k.toLowerCase()) {
        out.push({
          type: 'encoding',
          path: p,
          expected: 'lowercase-keys',
          message: `${p}: expected a lowercase key (as in every sample), got ${JSON.stringify(k)}`,
        });
      }
      if (shape.dictionaryValues !== undefined && shape.dictionaryValues.count > 0 && !m.isIgnored(p, undefined)) {
        compare(shape.dictionaryValues, v, p, undefined, m, out);
      }
    }
    return;
  }
  const present = new Set(entries.map(([k]) => k));
  for (const [k, child] of shape.properties) {
    const p = childPath(path, k);
    if (child.count === shape.objects && !present.has(k) && !m.isIgnored(p, k)) {
      out.push({ type: 'missing-key', path: p, message: `missing key ${p}` });
    }
  }
  for (const [k, v] of entries) {
    const p = childPath(path, k);
    if (m.isIgnored(p, k)) continue;
    const child = shape.properties.get(k);
    if (child === undefined) {
      out.push({ type: 'unexpected-key', path: p, message: `unexpected key ${p} (in no sample)` });
      continue;
    }
    compare(child, v, p, k, m, out);
  }
}

/**
 * Checks that `value` is structurally what AWS sends, judged by one or more real `samples` of the same kind.
 * @throws ConformanceUsageError when `samples` is empty.
 * @example
 * const result = checkConformance(events.sqs(), [JSON.parse(readFileSync('sqs-event.json', 'utf8'))]);
 * if (!result.ok) console.log(result.mismatches.map((m) => m.message).join('\n'));
 */
export function checkConformance(
  value: unknown,
  samples: readonly unknown[],
  options: ConformanceOptions = {},
): ConformanceResult {
  if (samples.length === 0) {
    throw new ConformanceUsageError('checkConformance needs at least one sample to compare with; pass the parsed sample payloads.');
  }
  const m = new Matcher(options);
  const shape = newShape();
  for (const sample of samples) addSample(shape, sample, '', undefined, m);
  const mismatches: Mismatch[] = [];
  compare(shape, value, '', undefined, m, mismatches);
  return mismatches.length === 0
    ? { ok: true, samples: samples.length }
    : { ok: false, samples: samples.length, mismatches };
}

/**
 * Renders a result as text, one mismatch per line (empty for a conforming value).
 * @example
 * expect(formatConformance(checkConformance(event, samples))).toBe('');
 */
export function formatConformance(result: ConformanceResult): string {
  return result.ok ? '' : result.mismatches.map((mm) => mm.message).join('\n');
}
