import { HarnessError, InvalidParameterValueError, LambdaServiceError, rejectUnknownKeys } from '../errors.js';
import { refusedAs } from '../internal/wire-error.js';
import type { Random } from '../internal/random.js';
import { functionNotFoundAt, lengthViolations, qualifierViolations } from '../invoke-api/function-name.js';
import { validationError } from '../invoke-api/validation.js';
import type { FunctionInternals } from './environment.js';

/**
 * Weighted alias routing (`RoutingConfig`): the share of invocations that run one other published version.
 * @example
 * const routing: AliasRouting = { additionalVersionWeights: { '2': 0.1 } }; // 10 % to version 2
 */
export interface AliasRouting {
  readonly additionalVersionWeights: Readonly<Record<string, number>>;
}

/**
 * What `createAlias` and `updateAlias` take (CreateAlias / UpdateAlias).
 * @example
 * fn.createAlias({ name: 'live', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.1 } } });
 */
export interface AliasOptions {
  /** The alias name: 1–128 letters, digits, `-` and `_`, not all digits (those name versions). */
  name: string;
  /** The version it points to: a published version number, or `$LATEST`. Optional for `updateAlias`. */
  functionVersion?: string;
  /** Send a share of invocations to one other published version; `null` removes the routing (updateAlias). */
  routingConfig?: AliasRouting | null;
  /** Up to 256 characters about it. @defaultValue '' (updateAlias: unchanged) */
  description?: string;
}

/**
 * An alias as GetAlias describes it.
 * @example
 * const alias: AliasInfo = fn.createAlias({ name: 'live', functionVersion: '1' });
 * alias.arn; // 'arn:aws:lambda:us-east-1:123456789012:function:orders:live'
 */
export interface AliasInfo {
  readonly name: string;
  readonly arn: string;
  readonly functionVersion: string;
  readonly routingConfig: AliasRouting | undefined;
  readonly description: string;
}

/**
 * A published version (PublishVersion's answer, in short).
 * @example
 * const { version, arn } = fn.publishVersion(); // '1', 'arn:aws:lambda:us-east-1:123456789012:function:orders:1'
 */
export interface PublishedVersion {
  readonly version: string;
  readonly arn: string;
}

/** An alias name (CreateAlias's pattern), which is also what a function URL's qualifier must be. */
export const ALIAS_NAME = /^(?!\d+$)[a-zA-Z0-9_-]+$/;
/** AWS's refusal of provisioned concurrency on an alias that routes between two versions. */
const ALIAS_WITH_WEIGHTS = 'Alias with weights can not be used with Provisioned Concurrency';
/** AWS's refusal of provisioned concurrency on `$LATEST`, or an alias of it. */
const UNPUBLISHED = 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.';
const ALIAS_NAME_PATTERN = '(?!^[0-9]+$)([a-zA-Z0-9-_]+)';
const ALIAS_KEYS = ['name', 'functionVersion', 'routingConfig', 'description'];
const VERSION = /^(?:\$LATEST|\d+)$/;

/**
 * The ARN an invocation names: the function's, with `:qualifier` when it has one.
 * @example
 * qualifiedArn('arn:aws:lambda:us-east-1:123456789012:function:orders', 'live'); // '…:function:orders:live'
 */
export function qualifiedArn(functionArn: string, qualifier: string | undefined): string {
  return qualifier === undefined ? functionArn : `${functionArn}:${qualifier}`;
}

const VERSION_PATTERN = '(\\$LATEST|[0-9]+)';

/**
 * A function's `$LATEST` code and configuration, its published versions and its aliases, and which of them a
 * qualifier runs. Each is a `FunctionInternals` of its own (a version is a snapshot): environments are created for one
 * and never serve another, as each version has its own execution environments on Lambda.
 * @example
 * const versions = new VersionRegistry(arn, internals);
 * versions.publish(); // { version: '1', arn: `${arn}:1` }
 * versions.resolve('1', random).version; // '1'
 */
export class VersionRegistry {
  private current: FunctionInternals;
  private readonly published = new Map<string, FunctionInternals>();
  private readonly aliases = new Map<string, AliasInfo>();

  constructor(
    private readonly arn: string,
    latest: FunctionInternals,
  ) {
    this.current = latest;
  }

  /** What `$LATEST` runs now. */
  get latest(): FunctionInternals {
    return this.current;
  }

  /** `$LATEST` after UpdateFunctionCode / UpdateFunctionConfiguration. */
  update(latest: FunctionInternals): void {
    this.current = latest;
  }

  /** PublishVersion: a snapshot of `$LATEST` as the next version, or the last version when nothing changed. */
  publish(): PublishedVersion {
    // Nothing new when `$LATEST` has not changed since the last version: an update replaces its options (one that
    // changes nothing is none), and a version keeps the options it was published with.
    const last = String(this.published.size);
    if (this.published.get(last)?.options === this.current.options) return { version: last, arn: `${this.arn}:${last}` };
    const version = String(this.published.size + 1);
    this.published.set(version, { ...this.current, version, modifiedAt: this.current.clock.now() });
    return { version, arn: `${this.arn}:${version}` };
  }

  /** The published version numbers, oldest first. */
  versions(): string[] {
    return [...this.published.keys()];
  }

  /** The aliases, in creation order. */
  aliasList(): AliasInfo[] {
    return [...this.aliases.values()];
  }

  createAlias(options: AliasOptions): AliasInfo {
    const name = this.checkAliasName('createAlias', options);
    if (this.aliases.has(name)) {
      // AWS: ResourceConflictException.
      throw refusedAs(new LambdaServiceError({ name: 'ResourceConflictException', statusCode: 409, message: `Alias already exists: ${this.arn}:${name}` }));
    }
    if (options.functionVersion === undefined) {
      throw new HarnessError('INVALID_ARGUMENT', `createAlias: pass the functionVersion alias ${name} points to ('$LATEST' or a published version).`);
    }
    const alias = this.aliasOf(name, options.functionVersion, options.routingConfig ?? undefined, options.description ?? '');
    this.aliases.set(name, alias);
    return alias;
  }

  /**
   * UpdateAlias. An alias with provisioned concurrency (`provisioned`) must stay one that can have it (a published
   * version, no weights): refused before anything changes.
   */
  updateAlias(options: AliasOptions, provisioned = false): AliasInfo {
    const name = this.checkAliasName('updateAlias', options);
    const old = this.aliases.get(name);
    // AWS: ResourceNotFoundException [UNCERTAIN message, as LocalStack reports it].
    if (old === undefined) throw refusedAs(aliasNotFound(this.arn, name));
    const routing = options.routingConfig === undefined ? old.routingConfig : (options.routingConfig ?? undefined);
    const alias = this.aliasOf(name, options.functionVersion ?? old.functionVersion, routing, options.description ?? old.description);
    if (provisioned) this.provisionableAlias(alias);
    this.aliases.set(name, alias);
    return alias;
  }

  /** DeleteAlias. Deleting an alias that does not exist succeeds (204), as LocalStack reports of AWS [UNCERTAIN]. */
  deleteAlias(name: string): void {
    this.aliases.delete(name);
  }

  /** Whether `name` is one of the aliases. */
  isAlias(name: string): boolean {
    return this.aliases.has(name);
  }

  /** Whether a qualifier names something the function has: `$LATEST`, a published version or an alias. */
  has(qualifier: string): boolean {
    return qualifier === '$LATEST' || this.published.has(qualifier) || this.aliases.has(qualifier);
  }

  /**
   * The code and configuration a qualifier runs: `$LATEST` (or none), a published version, or an alias (by its
   * routing, drawn from `random` only when it has one; without `random`, its primary version). Anything else is
   * Lambda's 404 (a malformed qualifier, its 400).
   */
  resolve(qualifier: string | undefined, random: Random | undefined): FunctionInternals {
    if (qualifier === undefined || qualifier === '$LATEST') return this.current;
    const version = this.published.get(qualifier);
    if (version !== undefined) return version;
    const alias = this.aliases.get(qualifier);
    if (alias !== undefined) return this.version(random === undefined ? alias.functionVersion : pickVersion(alias, random))!;
    const violations = qualifierViolations(qualifier);
    if (violations.length > 0) throw validationError(violations);
    throw functionNotFoundAt(this.arn, qualifier);
  }

  /**
   * The version whose environments a provisioned concurrency configuration of `qualifier` (a published version, or an
   * alias without weights, as AWS requires) initialises.
   */
  provisionable(qualifier: string): FunctionInternals {
    const alias = this.aliases.get(qualifier);
    if (alias !== undefined) return this.provisionableAlias(alias);
    if (qualifier === '$LATEST') throw new InvalidParameterValueError(UNPUBLISHED);
    const config = this.published.get(qualifier);
    if (config === undefined) throw refusedAs(functionNotFoundAt(this.arn, qualifier));
    return config;
  }

  /** The version an alias's provisioned environments run, if it may have any: no weights, a published version. */
  private provisionableAlias(alias: AliasInfo): FunctionInternals {
    if (alias.routingConfig !== undefined && Object.keys(alias.routingConfig.additionalVersionWeights).length > 0) {
      throw new InvalidParameterValueError(ALIAS_WITH_WEIGHTS);
    }
    if (alias.functionVersion === '$LATEST') throw new InvalidParameterValueError(UNPUBLISHED);
    return this.version(alias.functionVersion)!;
  }

  /** `$LATEST` as it is now, or a published version; undefined for a version that does not exist. */
  version(version: string): FunctionInternals | undefined {
    return version === '$LATEST' ? this.current : this.published.get(version);
  }

  private checkAliasName(caller: string, options: AliasOptions): string {
    if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_ARGUMENT', `${caller}: pass { name, functionVersion }.`);
    rejectUnknownKeys(caller, options, ALIAS_KEYS);
    const name = options.name;
    if (typeof name !== 'string') throw new HarnessError('INVALID_ARGUMENT', `${caller}: 'name' must be a string.`);
    const violations = lengthViolations('name', name, 128);
    if (violations.length === 0 && !ALIAS_NAME.test(name)) violations.push({ member: 'name', value: name, constraint: `Member must satisfy regular expression pattern: ${ALIAS_NAME_PATTERN}` });
    if (violations.length > 0) throw refusedAs(validationError(violations));
    return name;
  }

  private aliasOf(name: string, functionVersion: string, routing: AliasRouting | undefined, description: string): AliasInfo {
    if (typeof description !== 'string' || description.length > 256) {
      throw refusedAs(validationError([{ member: 'description', value: String(description), constraint: 'Member must have length less than or equal to 256' }]));
    }
    if (typeof functionVersion !== 'string' || !VERSION.test(functionVersion)) {
      throw refusedAs(validationError([{ member: 'functionVersion', value: String(functionVersion), constraint: `Member must satisfy regular expression pattern: ${VERSION_PATTERN}` }]));
    }
    if (routing !== undefined) this.checkRouting(functionVersion, routing);
    this.mustExist(functionVersion);
    for (const version in routing?.additionalVersionWeights) this.mustExist(version);
    // Frozen: callers get the alias itself from createAlias and fn.aliases, and must not change it behind our back.
    const routingConfig = routing === undefined ? undefined : Object.freeze({ additionalVersionWeights: Object.freeze({ ...routing.additionalVersionWeights }) });
    return Object.freeze({ name, arn: `${this.arn}:${name}`, functionVersion, routingConfig, description });
  }

  private mustExist(version: string): void {
    // AWS: ResourceNotFoundException.
    if (this.version(version) === undefined) throw refusedAs(functionNotFoundAt(this.arn, version));
  }

  /** RoutingConfig's rules, with AWS's messages (recorded: test_notfound_and_invalid_routingconfigs). */
  private checkRouting(primary: string, routing: AliasRouting): void {
    const weights = (routing as Partial<AliasRouting> | null)?.additionalVersionWeights;
    if (weights === null || typeof weights !== 'object') {
      throw new HarnessError('INVALID_ARGUMENT', "routingConfig must be { additionalVersionWeights: { '<version>': <weight 0..1> } }.");
    }
    const entries = Object.entries(weights);
    const shown = `{${entries.map(([version, weight]) => `${version}=${javaDouble(weight)}`).join(', ')}}`;
    const member = 'routingConfig.additionalVersionWeights';
    if (entries.some(([version]) => !/^\d{1,1024}$/.test(version))) {
      const constraint =
        'Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]';
      throw refusedAs(validationError([{ member, value: shown, constraint }]));
    }
    if (entries.some(([, weight]) => typeof weight !== 'number' || !(weight >= 0 && weight <= 1))) {
      const constraint =
        'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]';
      throw refusedAs(validationError([{ member, value: shown, constraint }]));
    }
    if (entries.length > 1) throw new InvalidParameterValueError('Number of items in AdditionalVersionWeights cannot be greater than 1');
    if (entries.length === 0) return;
    if (primary === '$LATEST') throw new InvalidParameterValueError('$LATEST is not supported for an alias pointing to more than 1 version');
    if (entries[0]![0] === primary) {
      throw new InvalidParameterValueError(`Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`);
    }
  }
}

/** A number as Java prints a double (`2.0`, `0.5`), which is how AWS's validation messages show weights. */
function javaDouble(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * AWS's 404 for an alias the function does not have [UNCERTAIN message, as LocalStack reports it].
 * @example
 * aliasNotFound(fn.arn, 'live').message; // 'Alias not found: arn:aws:lambda:us-east-1:123456789012:function:orders:live'
 */
export function aliasNotFound(functionArn: string, name: string): LambdaServiceError {
  return new LambdaServiceError({ name: 'ResourceNotFoundException', statusCode: 404, messageKey: 'Message', message: `Alias not found: ${functionArn}:${name}` });
}

/** The version one invocation of an alias runs: the additional version with its weight's probability. */
export function pickVersion(alias: AliasInfo, random: Random): string {
  const routing = alias.routingConfig?.additionalVersionWeights;
  if (routing === undefined) return alias.functionVersion;
  for (const version in routing) {
    if (random.next() < routing[version]!) return version;
  }
  return alias.functionVersion;
}
