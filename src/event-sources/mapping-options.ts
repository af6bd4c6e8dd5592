import { InvalidParameterValueError } from '../errors.js';
import { checkRange } from '../limits/limits.js';

const AT_CREATE = 'Lambda rejects other values at CreateEventSourceMapping';

/**
 * An integer option of a mapping within `range`, or AWS's kind of validation error.
 * @example
 * mappingInteger('batchSize', 0, { min: 1, max: 10 }, 'messages'); // throws InvalidParameterValueError
 */
export function mappingInteger(name: string, value: unknown, range: { min: number; max: number }, unit: string): number {
  return checkRange(name, value, range, unit, AT_CREATE);
}

/**
 * `functionResponseTypes`: [] or ['ReportBatchItemFailures']; whether failures are reported per item.
 * @example
 * reportsItemFailures(['ReportBatchItemFailures']); // true
 */
export function reportsItemFailures(types: unknown = []): boolean {
  if (!Array.isArray(types) || !types.every((t) => t === 'ReportBatchItemFailures')) {
    throw new InvalidParameterValueError(`functionResponseTypes must be [] or ['ReportBatchItemFailures'] (got ${JSON.stringify(types)}).`);
  }
  return types.length > 0;
}
