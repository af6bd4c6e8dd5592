import { REGION_SOURCE } from './region.js';
import { LambdaServiceError } from '../errors.js';
import type { ConstraintViolation } from './validation.js';

/**
 * The `FunctionName` pattern exactly as AWS prints it in its `ValidationException` messages (recorded
 * 2025-11-25; newer than the botocore model's, with `eusc-` and `$LATEST.PUBLISHED`). Matched as a whole.
 */
export const FUNCTION_NAME_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?';

/** The `Qualifier` pattern as AWS prints it (note that it admits `$` anywhere, so `$latest` passes and 404s). */
export const QUALIFIER_PATTERN = '\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+';

/** The same grammar as {@link FUNCTION_NAME_PATTERN}, with named groups, for taking a valid name apart. */
const NAME_PARTS = new RegExp(
  `^(?:arn:(?<partition>aws[a-zA-Z-]*)?:lambda:)?(?:(?<region>${REGION_SOURCE}):)?(?:(?<account>\\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9_.-]+)(?::(?<qualifier>\\$LATEST(?:\\.PUBLISHED)?|[a-zA-Z0-9_-]+))?$`,
);
const QUALIFIER = /^(?:\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_$-]+)$/;

/** Longest `FunctionName` Invoke accepts (a 233-character ARN was only rejected for its pattern, never its length). */
const FUNCTION_NAME_MAX_LENGTH = 256;
/** Longest `Qualifier`. */
const QUALIFIER_MAX_LENGTH = 128;

/** A `FunctionName` (plus optional `Qualifier`) taken apart. */
export interface FunctionReference {
  /** The bare function name. */
  readonly name: string;
  /** The qualifier, from the `:suffix` or the `Qualifier` parameter; undefined for an unqualified call. */
  readonly qualifier: string | undefined;
  /** Region written in the ARN, if any. */
  readonly region: string | undefined;
  /** Account written in the ARN, if any. */
  readonly account: string | undefined;
  /** Partition written in the ARN (`aws` when absent or empty). */
  readonly partition: string;
}

/** The outcome of {@link parseFunctionReference}: a reference, or the service error AWS answers with. */
export type FunctionReferenceResult =
  | { readonly ok: true; readonly reference: FunctionReference }
  | { readonly ok: false; readonly error: LambdaServiceError }
  | { readonly ok: false; readonly violations: readonly ConstraintViolation[] };

/**
 * A path segment percent-decoded, or as it is when it is not valid percent-encoding (AWS then matches it as sent).
 * @example
 * decodePathSegment('orders%3Alive'); // 'orders:live'
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The length violation of a member value, as AWS words it (at least 1, at most `max`).
 * @example
 * lengthViolations('qualifier', '', 128); // [{ member: 'qualifier', value: '', constraint: 'Member must have length greater than or equal to 1' }]
 */
export function lengthViolations(member: string, value: string, max: number): ConstraintViolation[] {
  if (value.length < 1) return [{ member, value, constraint: 'Member must have length greater than or equal to 1' }];
  if (value.length > max) return [{ member, value, constraint: `Member must have length less than or equal to ${max}` }];
  return [];
}

/** Constraint violations of a `FunctionName` value (length first, then pattern). */
export function functionNameViolations(value: string): ConstraintViolation[] {
  const out = lengthViolations('functionName', value, FUNCTION_NAME_MAX_LENGTH);
  if (value.length > 0 && !NAME_PARTS.test(value)) {
    out.push({ member: 'functionName', value, constraint: `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}` });
  }
  return out;
}

/** Constraint violations of a `Qualifier` value. */
export function qualifierViolations(value: string): ConstraintViolation[] {
  const out = lengthViolations('qualifier', value, QUALIFIER_MAX_LENGTH);
  if (value.length > 0 && !QUALIFIER.test(value)) {
    out.push({ member: 'qualifier', value, constraint: `Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}` });
  }
  return out;
}

/**
 * Takes an Invoke `FunctionName` (name, partial ARN or full ARN, optionally `:qualifier`) and the `Qualifier`
 * parameter apart, with AWS's errors: pattern and length failures as validation violations (for the caller to
 * merge with the other members' into one `ValidationException`), and a qualifier in the name that disagrees with
 * `Qualifier` as `InvalidParameterValueException` (checked before existence, as AWS does).
 * @example
 * parseFunctionReference('arn:aws:lambda:us-east-1:123456789012:function:orders:live', undefined);
 * // { ok: true, reference: { name: 'orders', qualifier: 'live', region: 'us-east-1', account: '123456789012', partition: 'aws' } }
 */
export function parseFunctionReference(functionName: string, qualifierParam: string | undefined): FunctionReferenceResult {
  const violations = functionNameViolations(functionName);
  if (qualifierParam !== undefined) violations.push(...qualifierViolations(qualifierParam));
  if (violations.length > 0) return { ok: false, violations };
  return splitFunctionReference(functionName, qualifierParam);
}

/**
 * The second half of {@link parseFunctionReference}, for a name and qualifier whose violations the caller has
 * already collected (the Invoke API lists them with the other members'): takes them apart, or answers the 400 for a
 * qualifier that disagrees with the name's.
 * @example
 * splitFunctionReference('orders:live', undefined); // { ok: true, reference: { name: 'orders', qualifier: 'live', ... } }
 */
export function splitFunctionReference(
  functionName: string,
  qualifierParam: string | undefined,
): Exclude<FunctionReferenceResult, { readonly violations: readonly ConstraintViolation[] }> {
  const groups = NAME_PARTS.exec(functionName)?.groups ?? {};
  const derived = groups['qualifier'];
  if (derived !== undefined && qualifierParam !== undefined && derived !== qualifierParam) {
    return {
      ok: false,
      error: new LambdaServiceError({
        name: 'InvalidParameterValueException',
        statusCode: 400,
        message: 'The derived qualifier from the function name does not match the specified qualifier.',
      }),
    };
  }
  return {
    ok: true,
    reference: {
      name: groups['name'] ?? functionName,
      qualifier: derived ?? qualifierParam,
      region: groups['region'],
      account: groups['account'],
      partition: groups['partition'] || 'aws',
    },
  };
}

/**
 * The 404 for a function (or qualifier) that does not exist, with the ARN AWS prints: unqualified calls get
 * `:$LATEST` (recorded 2025-11-24; a 2023 recording had no suffix).
 * @example
 * functionNotFound({ partition: 'aws', region: 'us-east-1', account: '123456789012', name: 'nope', qualifier: undefined });
 * // Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST
 */
export function functionNotFound(at: {
  partition: string;
  region: string;
  account: string;
  name: string;
  qualifier: string | undefined;
}): LambdaServiceError {
  return functionNotFoundAt(`arn:${at.partition}:lambda:${at.region}:${at.account}:function:${at.name}`, at.qualifier);
}

/**
 * The same 404 for a function whose ARN is known (a version or alias a function does not have).
 * @example
 * functionNotFoundAt(fn.arn, 'staging').message; // 'Function not found: arn:aws:lambda:…:function:orders:staging'
 */
export function functionNotFoundAt(functionArn: string, qualifier: string | undefined): LambdaServiceError {
  return new LambdaServiceError({
    name: 'ResourceNotFoundException',
    statusCode: 404,
    messageKey: 'Message',
    message: `Function not found: ${functionArn}:${qualifier ?? '$LATEST'}`,
  });
}

/**
 * The 404 for an ARN naming another region than the endpoint's.
 * @example
 * wrongRegion('eu-west-1', 'us-east-1'); // Functions from 'eu-west-1' are not reachable in this region ('us-east-1')
 */
export function wrongRegion(arnRegion: string, endpointRegion: string): LambdaServiceError {
  return new LambdaServiceError({
    name: 'ResourceNotFoundException',
    statusCode: 404,
    messageKey: 'Message',
    message: `Functions from '${arnRegion}' are not reachable in this region ('${endpointRegion}')`,
  });
}
