import { enumViolations, validationError, type ConstraintViolation } from './validation.js';

/** What a string member must be, as AWS's API model says. */
export interface StringRules {
  readonly required?: boolean;
  readonly max?: number;
  /** The pattern, matched whole, and its text as AWS's messages print it. */
  readonly pattern?: { readonly regex: RegExp; readonly text: string };
  readonly values?: readonly string[];
}

/**
 * The members of a control-plane request body, read as AWS's request validation reads them: `null` is absent, a
 * member of the wrong JSON type or outside its model's constraints is a violation named by its dotted path
 * (`ephemeralStorage.size`), and every violation of the request is reported at once, in one `ValidationException`
 * (`check()`), before the operation looks at any value. The wording for a member of the wrong JSON type is
 * [INFERRED]; the others are AWS's constraint texts.
 * @example
 * const members = new RequestMembers(body);
 * const timeout = members.integer('Timeout', { min: 1 });
 * const storage = members.object('EphemeralStorage');
 * members.check(); // throws the ValidationException listing every violation, if any
 */
export class RequestMembers {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly path = '',
    /** Shared with nested members: one list per request. */
    private readonly violations: ConstraintViolation[] = [],
  ) {}

  /** Throws AWS's ValidationException listing every violation found so far. */
  check(): void {
    if (this.violations.length > 0) throw validationError(this.violations);
  }

  string(key: string, rules: StringRules = {}): string | undefined {
    const value = this.present(key, rules.required === true);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.wrongType(key, value, 'string');
    const member = this.name(key);
    if (rules.max !== undefined && value.length > rules.max) {
      this.violations.push({ member, value, constraint: `Member must have length less than or equal to ${rules.max}` });
    } else if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern.regex.source})$`).test(value)) {
      this.violations.push({ member, value, constraint: `Member must satisfy regular expression pattern: ${rules.pattern.text}` });
    } else if (rules.values !== undefined && !rules.values.includes(value)) {
      this.violations.push(...enumViolations(member, value, rules.values));
    } else {
      return value;
    }
    return undefined;
  }

  integer(key: string, range: { min: number; max?: number }, required = false): number | undefined {
    const value = this.present(key, required);
    if (value === undefined) return undefined;
    const member = this.name(key);
    let constraint: string | undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) constraint = 'Member must be an integer';
    else if (value < range.min) constraint = `Member must have value greater than or equal to ${range.min}`;
    else if (range.max !== undefined && value > range.max) constraint = `Member must have value less than or equal to ${range.max}`;
    if (constraint === undefined) return value as number;
    this.violations.push({ member, value: String(value), constraint });
    return undefined;
  }

  /** A nested structure, read the same way (its violations go to this request's list). */
  object(key: string, required = false): RequestMembers | undefined {
    const value = this.map(key, required);
    return value === undefined ? undefined : new RequestMembers(value, this.name(key), this.violations);
  }

  /** A map member (keys of the caller's choosing), as it is. */
  map(key: string, required = false): Record<string, unknown> | undefined {
    const value = this.present(key, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) return this.wrongType(key, value, 'object');
    return value as Record<string, unknown>;
  }

  /** The member's value; undefined when absent or `null` (a violation if it is required). */
  private present(key: string, required: boolean): unknown {
    const value = this.body[key];
    if (value !== undefined && value !== null) return value;
    if (required) this.violations.push({ member: this.name(key), value: null, constraint: 'Member must not be null' });
    return undefined;
  }

  private wrongType(key: string, value: unknown, type: string): undefined {
    this.violations.push({ member: this.name(key), value: JSON.stringify(value), constraint: `Member must be a JSON ${type}` });
    return undefined;
  }

  /** The name AWS's messages use: the wire name with a lower-case first letter, after its parents'. */
  private name(key: string): string {
    const member = key[0]!.toLowerCase() + key.slice(1);
    return this.path === '' ? member : `${this.path}.${member}`;
  }
}
