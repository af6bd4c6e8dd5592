import { createHash } from 'node:crypto';
import type { FunctionInternals } from '../function/environment.js';
import { runtimeVersionId } from '../function/environment.js';
import type { ProvisionedConcurrencyState } from '../function/lambda-function.js';
import type { AliasInfo } from '../function/versions.js';

/**
 * The bodies of the control-plane API's answers, as AWS's Lambda API shapes them (pure: data in, JSON-ready objects
 * out, in the key order of AWS's API reference). What the harness does not model is shown as a function created
 * from a zip with default settings would show it.
 */

/**
 * `LastModified` as Lambda writes it: with milliseconds in a function's configuration, without in a provisioned
 * concurrency configuration's (AWS's API reference examples: `2019-08-14T22:26:11.234+0000`, `2019-12-31T20:28:49+0000`).
 * @example
 * lambdaTimestamp(Date.UTC(2026, 10, 28), true); // '2026-11-28T00:00:00.000+0000'
 */
export function lambdaTimestamp(epochMs: number, milliseconds: boolean): string {
  const iso = new Date(epochMs).toISOString();
  return `${milliseconds ? iso.slice(0, 23) : iso.slice(0, 19)}+0000`;
}

/** Revision numbers of the versions and aliases shown so far, per function (`owner`) in the order first shown. */
const revisions = new WeakMap<object, number>();
const shown = new WeakMap<object, { count: number }>();

/**
 * A `RevisionId` for `revision` (a version's code and configuration, or an alias: objects that every update replaces)
 * of `owner`'s: a new one for every update, also one that restores earlier values, as on AWS; the same however often
 * it is read; in UUID form, derived from the function's ARN and a number, so reproducible from run to run.
 */
function revisionId(owner: { readonly arn: string }, revision: object): string {
  let n = revisions.get(revision);
  if (n === undefined) {
    const counter = shown.get(owner) ?? { count: 0 };
    shown.set(owner, counter);
    n = ++counter.count;
    revisions.set(revision, n);
  }
  const hex = createHash('sha256').update(`${owner.arn}#${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `CodeSha256`: the base64 SHA-256 of the code. The harness has no deployment package, so it hashes what identifies
 * the code: a handler function's source, else the handler string [INFERRED stand-in].
 */
function codeSha256(config: FunctionInternals): string {
  const handler = config.options.handler;
  const code = typeof handler === 'function' ? handler.toString() : config.options.handlerName;
  return createHash('sha256').update(code).digest('base64');
}

/**
 * A `FunctionConfiguration` (GetFunctionConfiguration, PublishVersion, ListVersionsByFunction) of one version.
 * `functionArn` is the ARN as the operation shows it (qualified with the version for published versions).
 * @example
 * functionConfiguration(fn, fn.configurationOf('1'), `${fn.arn}:1`).Version; // '1'
 */
export function functionConfiguration(owner: { readonly arn: string }, config: FunctionInternals, functionArn: string): Record<string, unknown> {
  const o = config.options;
  const sha = codeSha256(config);
  const modifiedAt = config.modifiedAt ?? 0;
  const out: Record<string, unknown> = {
    FunctionName: o.name,
    FunctionArn: functionArn,
    Runtime: o.runtime.name,
    // The harness runs no IAM: the role is a stand-in in the function's account.
    Role: `arn:aws:iam::${o.accountId}:role/lambda-harness`,
    Handler: o.handlerName,
    CodeSize: 0,
    Description: '',
    Timeout: o.timeout,
    MemorySize: o.memorySize,
    LastModified: lambdaTimestamp(modifiedAt, true),
    CodeSha256: sha,
    Version: config.version,
  };
  if (Object.keys(o.environment).length > 0) out['Environment'] = { Variables: { ...o.environment } };
  Object.assign(out, {
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: revisionId(owner, config),
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: o.ephemeralStorage },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: { RuntimeVersionArn: `arn:aws:lambda:${o.region}::runtime:${runtimeVersionId(o.runtime.version)}` },
    LoggingConfig:
      o.logFormat === 'JSON'
        ? { LogFormat: 'JSON', ApplicationLogLevel: o.logLevel, SystemLogLevel: 'INFO', LogGroup: `/aws/lambda/${o.name}` }
        : { LogFormat: 'Text', LogGroup: `/aws/lambda/${o.name}` },
  });
  return out;
}

/**
 * An `AliasConfiguration` (CreateAlias, GetAlias, UpdateAlias, ListAliases).
 * @example
 * aliasConfiguration(fn, fn.createAlias({ name: 'live', functionVersion: '1' })).AliasArn;
 */
export function aliasConfiguration(owner: { readonly arn: string }, alias: AliasInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { AliasArn: alias.arn, Name: alias.name, FunctionVersion: alias.functionVersion, Description: alias.description };
  if (alias.routingConfig !== undefined) out['RoutingConfig'] = { AdditionalVersionWeights: { ...alias.routingConfig.additionalVersionWeights } };
  out['RevisionId'] = revisionId(owner, alias);
  return out;
}

/**
 * A provisioned concurrency configuration (Put/GetProvisionedConcurrencyConfig): `StatusReason` for a failed one
 * (recorded: provisioned-init-failure).
 * @example
 * provisionedConcurrencyConfig({ requested: 1, allocated: 0, status: 'IN_PROGRESS', modifiedAt: 0 }).Status; // 'IN_PROGRESS'
 */
export function provisionedConcurrencyConfig(state: ProvisionedConcurrencyState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    RequestedProvisionedConcurrentExecutions: state.requested,
    AvailableProvisionedConcurrentExecutions: state.allocated,
    AllocatedProvisionedConcurrentExecutions: state.allocated,
    Status: state.status,
  };
  if (state.status === 'FAILED') out['StatusReason'] = 'FUNCTION_ERROR_INIT_FAILURE';
  out['LastModified'] = lambdaTimestamp(state.modifiedAt, false);
  return out;
}
