import { parsedOrText } from '../internal/json-or-text.js';
import { HarnessError, InvalidParameterValueError } from '../errors.js';

/**
 * `FilterCriteria` of an event source mapping: a record reaches the function when it matches any of the patterns
 * (at most 5, each a JSON text of at most 4,096 characters, or the object itself). Patterns are EventBridge-style:
 * every key must match; an array lists the values (or matchers) one of which must; nested objects match nested
 * records. Matchers: a value (string, number, boolean, `null`), `{ prefix }`, `{ suffix }`, `{ 'equals-ignore-case' }`,
 * `{ 'anything-but': value | values | { prefix } }`, `{ numeric: [op, n, (op, n)] }` with `=`, `<`, `<=`, `>`, `>=`,
 * `{ exists: boolean }`, and `$or` to match any of several patterns.
 * @example
 * createEventSourceMapping(fn, queue, { filterCriteria: { filters: [{ pattern: { body: { type: ['order'], total: [{ numeric: ['>', 100] }] } } }] } });
 */
export interface FilterCriteria {
  readonly filters: readonly { readonly pattern: string | object }[];
}

/** Whether a record (as the filter sees it) matches the criteria (internal). */
export type RecordFilter = (record: unknown) => boolean;

/** Lambda's limits on `FilterCriteria` (the default quota of filters per mapping; a pattern's length). */
export const FILTER_LIMITS = { filters: 5, patternLength: 4096 } as const;

/** AWS's answer to a pattern it cannot read (recorded by LocalStack against AWS: test_sqs_invalid_event_filter). */
const INVALID = 'Invalid filter pattern definition.';

const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='];
const MATCHER_KEYS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists']);

type Pattern = { readonly [key: string]: unknown };

/**
 * Checks `FilterCriteria` as CreateEventSourceMapping does and compiles it to a test of one record; undefined when
 * there is nothing to filter.
 * @example
 * const keep = compileFilterCriteria({ filters: [{ pattern: '{"body":{"type":["order"]}}' }] })!;
 * keep({ body: { type: 'order' } }); // true
 */
export function compileFilterCriteria(criteria: FilterCriteria | undefined): RecordFilter | undefined {
  if (criteria === undefined) return undefined;
  const filters = (criteria as Partial<FilterCriteria> | null)?.filters;
  if (!Array.isArray(filters)) throw new HarnessError('INVALID_ARGUMENT', "filterCriteria must be { filters: [{ pattern }] }, each pattern a JSON text or an object.");
  if (filters.length > FILTER_LIMITS.filters) {
    throw new InvalidParameterValueError(`filterCriteria: at most ${FILTER_LIMITS.filters} filters per event source mapping (got ${filters.length}); AWS raises the quota to 10 on request.`);
  }
  if (filters.length === 0) return undefined;
  const patterns = filters.map((filter) => {
    const given = (filter as { pattern?: unknown } | null)?.pattern;
    const text = typeof given === 'string' ? given : JSON.stringify(given);
    if (typeof text !== 'string' || text.length > FILTER_LIMITS.patternLength) throw new InvalidParameterValueError(INVALID);
    let pattern: unknown;
    try {
      pattern = JSON.parse(text);
    } catch {
      throw new InvalidParameterValueError(INVALID);
    }
    checkPattern(pattern);
    return pattern as Pattern;
  });
  return (record) => patterns.some((pattern) => matchesPattern(pattern, record));
}

/** A pattern is an object whose leaves are non-empty arrays of values or matchers (AWS refuses anything else). */
function checkPattern(pattern: unknown): void {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern) || Object.keys(pattern).length === 0) throw new InvalidParameterValueError(INVALID);
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2) throw new InvalidParameterValueError(INVALID);
      for (const alternative of value) checkPattern(alternative);
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw new InvalidParameterValueError(INVALID);
      for (const item of value) checkMatcher(item);
    } else {
      checkPattern(value);
    }
  }
}

function checkMatcher(item: unknown): void {
  if (item === null || typeof item !== 'object') return;
  const entries = Object.entries(item);
  if (entries.length !== 1 || !MATCHER_KEYS.has(entries[0]![0])) throw new InvalidParameterValueError(INVALID);
  const [kind, operand] = entries[0]!;
  const ok =
    kind === 'exists' ? typeof operand === 'boolean' : kind === 'numeric' ? numericOk(operand) : kind === 'anything-but' ? anythingButOk(operand) : typeof operand === 'string';
  if (!ok) throw new InvalidParameterValueError(INVALID);
}

/** `[op, n]`, or a range: a lower bound (`>`, `>=`) then an upper one (`<`, `<=`). */
function numericOk(operand: unknown): boolean {
  if (!Array.isArray(operand)) return false;
  const bound = (i: number, ops: readonly string[]): boolean => ops.includes(operand[i] as string) && typeof operand[i + 1] === 'number';
  if (operand.length === 2) return bound(0, NUMERIC_OPERATORS);
  return operand.length === 4 && bound(0, ['>', '>=']) && bound(2, ['<', '<=']);
}

/** A string or number, a non-empty list of them, or `{ prefix }`. */
function anythingButOk(operand: unknown): boolean {
  const leaf = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number';
  if (Array.isArray(operand)) return operand.length > 0 && operand.every(leaf);
  if (operand !== null && typeof operand === 'object') return Object.keys(operand).length === 1 && typeof (operand as { prefix?: unknown }).prefix === 'string';
  return leaf(operand);
}

function matchesPattern(pattern: Pattern, record: unknown): boolean {
  // A nested pattern against an array of objects matches when one of them does.
  if (Array.isArray(record)) return record.some((element) => matchesPattern(pattern, element));
  for (const key in pattern) {
    const expected = pattern[key];
    if (key === '$or') {
      if (!(expected as Pattern[]).some((alternative) => matchesPattern(alternative, record))) return false;
      continue;
    }
    const present = record !== null && typeof record === 'object' && Object.prototype.hasOwnProperty.call(record, key);
    const value = present ? (record as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) {
      if (!matchesValues(expected, present, value)) return false;
    } else if (!matchesPattern(expected as Pattern, value)) {
      // A missing parent: its keys are missing too (so `exists: false` below it matches).
      return false;
    }
  }
  return true;
}

/**
 * One leaf: any of the matchers against the value, or against any element when the value is an array. Only leaves
 * match (strings, numbers, booleans, null): an object where a pattern expects a value matches nothing, and `exists`
 * asks whether there is a leaf (an empty array or an object is none).
 */
function matchesValues(matchers: readonly unknown[], present: boolean, value: unknown): boolean {
  const values = (Array.isArray(value) ? value : [value]).filter((v) => v === null || typeof v !== 'object');
  const hasLeaf = present && values.length > 0;
  return matchers.some((matcher) => {
    if (matcher !== null && typeof matcher === 'object' && 'exists' in matcher) return (matcher as { exists: boolean }).exists === hasLeaf;
    return hasLeaf && values.some((v) => matchesOne(matcher, v));
  });
}

function matchesOne(matcher: unknown, value: unknown): boolean {
  if (matcher === null || typeof matcher !== 'object') return matcher === value;
  const [kind, operand] = Object.entries(matcher)[0]!;
  switch (kind) {
    case 'prefix':
      return typeof value === 'string' && value.startsWith(operand as string);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(operand as string);
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === (operand as string).toLowerCase();
    case 'anything-but': {
      if (operand !== null && typeof operand === 'object' && !Array.isArray(operand)) {
        return typeof value === 'string' && !value.startsWith((operand as { prefix: string }).prefix);
      }
      const excluded = Array.isArray(operand) ? operand : [operand];
      return !excluded.includes(value);
    }
    case 'numeric': {
      if (typeof value !== 'number') return false;
      const ops = operand as (string | number)[];
      for (let i = 0; i < ops.length; i += 2) if (!compare(value, ops[i] as string, ops[i + 1] as number)) return false;
      return true;
    }
    default:
      return false;
  }
}

function compare(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case '=':
      return value === bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    default:
      return value >= bound;
  }
}

/**
 * How a filter sees an SQS message: SQS mappings filter on `body` only, parsed when it is JSON (an object pattern on
 * `body` never matches a text body; a string pattern matches the text).
 * @example
 * sqsFilterView('{"a":1}'); // { body: { a: 1 } }
 */
export function sqsFilterView(body: string): Record<string, unknown> {
  return { body: parsedOrText(body) };
}

/**
 * How a filter sees a Kinesis record: Kinesis mappings filter on `data` only, decoded from base64 and parsed when it
 * is JSON.
 * @example
 * kinesisFilterView(Buffer.from('{"a":1}').toString('base64')); // { data: { a: 1 } }
 */
export function kinesisFilterView(base64Data: string): Record<string, unknown> {
  return { data: parsedOrText(Buffer.from(base64Data, 'base64').toString('utf8')) };
}
