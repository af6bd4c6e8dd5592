import fc from 'fast-check';

/**
 * A function configuration within Lambda's quotas.
 * @example
 * fc.assert(fc.property(arbitraries.functionConfig(), (config: FunctionConfig) => config.timeout <= 900));
 */
export interface FunctionConfig {
  readonly memorySize: number;
  readonly timeout: number;
  readonly ephemeralStorage: number;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAge: number;
  readonly reservedConcurrency: number;
}

type Range = { readonly min?: number; readonly max?: number };

/**
 * Narrower ranges for {@link functionConfig}; each must stay within Lambda's quota.
 * @example
 * arbitraries.functionConfig({ memorySize: { min: 1024 }, timeout: { max: 30 } });
 */
export interface FunctionConfigConstraints {
  /** MB. @defaultValue `{ min: 128, max: 10240 }` */
  readonly memorySize?: Range;
  /** Seconds. @defaultValue `{ min: 1, max: 900 }` */
  readonly timeout?: Range;
  /** MB of /tmp. @defaultValue `{ min: 512, max: 10240 }` */
  readonly ephemeralStorage?: Range;
  /** Async retries. @defaultValue `{ min: 0, max: 2 }` */
  readonly maximumRetryAttempts?: Range;
  /** Seconds. @defaultValue `{ min: 60, max: 21600 }` */
  readonly maximumEventAge?: Range;
  /** @defaultValue `{ min: 0, max: 1000 }` */
  readonly reservedConcurrency?: Range;
}

/**
 * Lambda's quotas, in one place.
 * @example
 * FUNCTION_QUOTAS.timeout.max; // 900
 */
export const FUNCTION_QUOTAS = {
  memorySize: { min: 128, max: 10240 },
  timeout: { min: 1, max: 900 },
  ephemeralStorage: { min: 512, max: 10240 },
  maximumRetryAttempts: { min: 0, max: 2 },
  maximumEventAge: { min: 60, max: 21600 },
  reservedConcurrency: { min: 0, max: 1000 },
} as const;

const KEYS = Object.keys(FUNCTION_QUOTAS) as (keyof typeof FUNCTION_QUOTAS)[];

/**
 * Function configurations within Lambda's quotas. Out-of-quota or unknown constraints throw at once, naming the
 * valid range, so a typo does not silently widen the search.
 * @example
 * fc.assert(fc.property(arbitraries.functionConfig({ timeout: { max: 30 } }), (config) => config.timeout <= 30));
 */
export function functionConfig(constraints: FunctionConfigConstraints = {}): fc.Arbitrary<FunctionConfig> {
  for (const key of Object.keys(constraints)) {
    if (!(KEYS as string[]).includes(key)) {
      throw new RangeError(`functionConfig: unknown constraint "${key}"; valid: ${KEYS.join(', ')}.`);
    }
  }
  const fields = {} as Record<keyof FunctionConfig, fc.Arbitrary<number>>;
  for (const key of KEYS) {
    const quota = FUNCTION_QUOTAS[key];
    const min = constraints[key]?.min ?? quota.min;
    const max = constraints[key]?.max ?? quota.max;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < quota.min || max > quota.max || min > max) {
      throw new RangeError(`functionConfig: ${key} must be integers within ${quota.min}..${quota.max} with min <= max, got ${min}..${max}.`);
    }
    fields[key] = fc.integer({ min, max });
  }
  return fc.record(fields);
}
