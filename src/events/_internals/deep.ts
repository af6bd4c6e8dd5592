/**
 * Deep-partial overrides: what a user writes to change only the fields a test cares about.
 * Arrays are replaced whole (a partial array has no obvious meaning), objects are merged key by key,
 * and an explicit `undefined` removes a key (so a test can build an event *without* a field AWS sometimes omits).
 * @example
 * const overrides: DeepPartial<SQSRecord> = { attributes: { ApproximateReceiveCount: '2' } };
 */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly U[] | U[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a new value: `base` with `overrides` merged in (see {@link DeepPartial} for the rules).
 * Neither argument is mutated.
 * @example
 * deepMerge({ a: { b: 1, c: 2 } }, { a: { c: 3 } }); // { a: { b: 1, c: 3 } }
 */
export function deepMerge<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides as T);
  const out: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete out[key];
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = deepMerge(out[key], value as DeepPartial<unknown>);
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out as T;
}

/**
 * The list stored under `key` in `record`, created if absent — as an own property even for keys such as
 * `constructor` or `__proto__`, which user-supplied header names and topics can be.
 * @example
 * const byName: Record<string, string[]> = {};
 * ownList(byName, 'constructor').push('x'); // byName.constructor is ['x'], not Object's constructor
 */
export function ownList<T>(record: Record<string, T[]>, key: string): T[] {
  if (!Object.hasOwn(record, key)) Object.defineProperty(record, key, { value: [], enumerable: true, writable: true, configurable: true });
  return record[key]!;
}
