import { InvalidParameterValueError } from '../errors.js';
import { checkRange } from '../limits/limits.js';
import { compileFilterCriteria, type FilterCriteria, type RecordFilter } from './filter-criteria.js';

const AT_CREATE = 'Lambda rejects other values at CreateEventSourceMapping';

/**
 * What the options of every kind of mapping share.
 * @example
 * createEventSourceMapping(fn, queue, { enabled: false, qualifier: 'live' });
 */
export interface CommonMappingOptions {
  /** A disabled mapping does not poll until enabled. @defaultValue true */
  enabled?: boolean;
  /**
   * The alias or published version the mapping invokes (a qualified `FunctionName` on AWS); it must exist. Default: the
   * unqualified function (`$LATEST`).
   */
  qualifier?: string;
  /**
   * Only records matching one of these patterns reach the function; the others are deleted from a queue, or passed
   * over in a stream. SQS filters on `body`, Kinesis on `data`, DynamoDB Streams on the record (`dynamodb`,
   * `eventName`). See {@link FilterCriteria}.
   */
  filterCriteria?: FilterCriteria;
}

/** The common options after checks and defaults (internal). */
export interface ResolvedCommonOptions {
  readonly enabled: boolean;
  readonly qualifier: string | undefined;
  /** The filter criteria, compiled; undefined when every record goes to the function. */
  readonly filter: RecordFilter | undefined;
}

/** The keys of {@link CommonMappingOptions}, for each kind's list of known options. */
export const COMMON_KEYS = ['enabled', 'qualifier', 'filterCriteria'] as const;

/**
 * Checks the common options' types and applies their defaults (whether the qualifier exists is the function's to say).
 * @example
 * resolveCommonOptions({ qualifier: 'live' }); // { enabled: true, qualifier: 'live' }
 */
export function resolveCommonOptions(options: CommonMappingOptions): ResolvedCommonOptions {
  const enabled = options.enabled ?? true;
  if (typeof enabled !== 'boolean') throw new InvalidParameterValueError(`enabled must be true or false (got ${JSON.stringify(enabled)}).`);
  const qualifier = options.qualifier;
  if (qualifier !== undefined && (typeof qualifier !== 'string' || qualifier === '')) {
    throw new InvalidParameterValueError(`qualifier must be an alias or version of the function (got ${JSON.stringify(qualifier)}).`);
  }
  return { enabled, qualifier, filter: compileFilterCriteria(options.filterCriteria) };
}

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
