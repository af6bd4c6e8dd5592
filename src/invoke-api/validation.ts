import { LambdaServiceError } from '../errors.js';

/**
 * One failed constraint, rendered the way AWS's request validation renders it:
 * `Value '<v>' at '<member>' failed to satisfy constraint: <constraint>`.
 */
export interface ConstraintViolation {
  readonly member: string;
  /** The value as sent; `null` for a missing required member (rendered `Value null at …`). */
  readonly value: string | null;
  readonly constraint: string;
}

/**
 * AWS's `ValidationException`. Unlike the modelled Lambda exceptions its body carries no `Type`, only a lowercase
 * `message` (recorded: `test_invalid_invoke`, 2025-11-25), so the inherited body is replaced here.
 */
export class ValidationError extends LambdaServiceError {
  override readonly body: Readonly<Record<string, string>> = { message: this.message };
}

/**
 * Builds the `ValidationException` for one or more violations:
 * `1 validation error detected: Value '*' at 'functionName' failed to satisfy constraint: ...`.
 * @example
 * validationError([{ member: 'qualifier', value: 'a!', constraint: 'Member must satisfy regular expression pattern: x' }]);
 */
export function validationError(violations: readonly ConstraintViolation[]): ValidationError {
  const clauses = violations.map((v) => `Value ${v.value === null ? 'null' : `'${v.value}'`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`);
  const count = clauses.length;
  return new ValidationError({
    name: 'ValidationException',
    statusCode: 400,
    message: `${count} validation error${count === 1 ? '' : 's'} detected: ${clauses.join('; ')}`,
  });
}

/**
 * The violation of a member outside its enum (none for an absent member or an allowed value), as AWS words it.
 * @example
 * enumViolations('logType', 'All', ['None', 'Tail']); // [{ member: 'logType', value: 'All', constraint: 'Member must satisfy enum value set: [None, Tail]' }]
 */
export function enumViolations(member: string, value: string | null | undefined, allowed: readonly string[]): ConstraintViolation[] {
  if (value === null || value === undefined || allowed.includes(value)) return [];
  return [{ member, value, constraint: `Member must satisfy enum value set: [${allowed.join(', ')}]` }];
}
