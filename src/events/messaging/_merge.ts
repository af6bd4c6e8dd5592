import type { DeepPartial } from '../_internals/deep.js';

/**
 * Copies plain JSON-like data (objects, arrays, primitives) so a user's override object is never shared with the
 * event we hand back. Cheaper than `structuredClone` for the small values overrides carry, which matters in the
 * SQS hot path (see bench/events-sqs.mjs).
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyData((value as Record<string, unknown>)[key]);
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `overrides` into `base` *in place* and returns it, with the same rules as `deepMerge` (objects merge key by
 * key, arrays are replaced whole, an explicit `undefined` removes the key). Only for a `base` the caller has just
 * built and owns: skipping the defensive clone of the base is what keeps factories fast.
 */
export function mergeOwned<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return copyData(overrides as T);
  const target = base as Record<string, unknown>;
  for (const key in overrides) {
    const value = (overrides as Record<string, unknown>)[key];
    if (value === undefined) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) mergeOwned(target[key], value as DeepPartial<unknown>);
    else target[key] = copyData(value);
  }
  return base;
}

/** True when the user wrote the key in their overrides (even as `undefined`, which means "remove it"). */
export function has(overrides: object | undefined, key: string): boolean {
  return overrides !== undefined && Object.prototype.hasOwnProperty.call(overrides, key);
}
