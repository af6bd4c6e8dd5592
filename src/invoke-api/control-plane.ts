import type { MappedFunction } from '../function/lambda-function.js';
import { LambdaServiceError } from '../errors.js';
import { aliasNotFound, type AliasOptions, type AliasRouting } from '../function/versions.js';
import type { FunctionUpdate } from '../function/options.js';
import { aliasConfiguration, functionConfiguration, provisionedConcurrencyConfig } from './control-shapes.js';
import { decodePathSegment, type FunctionReference } from './function-name.js';
import { validationError, type ConstraintViolation } from './validation.js';

/**
 * The control-plane operations of the Lambda API that change or describe a function the harness simulates: versions,
 * aliases, reserved and provisioned concurrency, and its configuration. Each runs the same method a test would call
 * (`fn.publishVersion()`, `fn.putFunctionConcurrency(n)`, …), so the SDK, the AWS CLI and a test's own calls see one
 * function. Pure routing and shaping: the Invoke API resolves the function, runs the operation and turns what it
 * throws into AWS's error response.
 */

/**
 * One control-plane request, its function resolved.
 * @example
 * const call: ControlCall = { fn, ref, alias: undefined, body: { ReservedConcurrentExecutions: 5 } };
 */
export interface ControlCall {
  readonly fn: MappedFunction;
  /** The `FunctionName` taken apart (its qualifier from the name or the `Qualifier` parameter). */
  readonly ref: FunctionReference;
  /** The alias name in the path (alias operations). */
  readonly alias: string | undefined;
  /** The JSON body (an empty body is `{}`). */
  readonly body: Record<string, unknown>;
}

/**
 * What an operation answers: a status and a JSON body (none for 204).
 * @example
 * const answer: ControlAnswer = { status: 200, body: { ReservedConcurrentExecutions: 5 } };
 */
export interface ControlAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/**
 * A control-plane operation: how its `FunctionName` may be qualified, and what it does.
 * @example
 * const route = routeControl('GET', '/2019-09-30/functions/orders/concurrency');
 * if (route?.kind === 'operation') route.operation.run(call); // { status: 200, body: {} }
 */
export interface ControlOperation {
  /** The API's name, for messages. */
  readonly name: string;
  /**
   * `unqualified`: a qualifier is AWS's 400 (function-level settings); `required`: the `Qualifier` parameter must name
   * one; `optional`: either.
   */
  readonly qualifier: 'unqualified' | 'required' | 'optional';
  run(call: ControlCall): ControlAnswer;
}

/**
 * AWS's refusal of a qualified `FunctionName` for a function-level setting (recorded: concurrency-config-errors). The
 * version and alias operations of a function (PublishVersion, CreateAlias, …) refuse one the same way [INFERRED].
 * @example
 * if (ref.qualifier !== undefined) throw functionLevelOnly();
 */
export function functionLevelOnly(): LambdaServiceError {
  return new LambdaServiceError({
    name: 'InvalidParameterValueException',
    statusCode: 400,
    message:
      'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.',
  });
}

/** A required body member that is missing, or a count out of its range, as AWS's request validation words it. */
function countMember(body: Record<string, unknown>, key: string, member: string, min: number): number {
  const value = body[key];
  let violation: ConstraintViolation | undefined;
  if (value === undefined || value === null) violation = { member, value: null, constraint: 'Member must not be null' };
  else if (typeof value !== 'number' || !Number.isInteger(value)) violation = { member, value: String(value), constraint: 'Member must be an integer' };
  else if (value < min) violation = { member, value: String(value), constraint: `Member must have value greater than or equal to ${min}` };
  if (violation !== undefined) throw validationError([violation]);
  return value as number;
}

function stringMember(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `RoutingConfig` as the API sends it: absent (unchanged), or `{ AdditionalVersionWeights }`, whose empty (or absent)
 * map removes the routing.
 */
function routingMember(body: Record<string, unknown>): AliasRouting | null | undefined {
  const routing = body['RoutingConfig'] as { AdditionalVersionWeights?: Record<string, number> } | null | undefined;
  if (routing === undefined || routing === null) return undefined;
  const weights = routing.AdditionalVersionWeights ?? {};
  return Object.keys(weights).length === 0 ? null : { additionalVersionWeights: weights };
}

function aliasOptions(call: ControlCall, name: string): AliasOptions {
  const options: AliasOptions = { name };
  const version = stringMember(call.body, 'FunctionVersion');
  if (version !== undefined) options.functionVersion = version;
  const description = stringMember(call.body, 'Description');
  if (description !== undefined) options.description = description;
  const routing = routingMember(call.body);
  if (routing !== undefined) options.routingConfig = routing;
  return options;
}

const publishVersion: ControlOperation = {
  name: 'PublishVersion',
  qualifier: 'unqualified',
  run: ({ fn }) => {
    const { version, arn } = fn.publishVersion();
    return { status: 201, body: functionConfiguration(fn.configurationOf(version), arn) };
  },
};

const listVersionsByFunction: ControlOperation = {
  name: 'ListVersionsByFunction',
  qualifier: 'unqualified',
  run: ({ fn }) => ({
    status: 200,
    body: { Versions: ['$LATEST', ...fn.versions].map((version) => functionConfiguration(fn.configurationOf(version), `${fn.arn}:${version}`)) },
  }),
};

const getFunctionConfiguration: ControlOperation = {
  name: 'GetFunctionConfiguration',
  qualifier: 'optional',
  run: ({ fn, ref }) => {
    const q = ref.qualifier;
    return { status: 200, body: functionConfiguration(fn.configurationOf(q), q === undefined ? fn.arn : `${fn.arn}:${q}`) };
  },
};

/**
 * UpdateFunctionConfiguration's members as `fn.update()` takes them (what the harness models; `Role`, `VpcConfig`,
 * `Layers` and the like are accepted and ignored, as settings with no effect here [INFERRED]).
 */
function configurationUpdate(body: Record<string, unknown>): FunctionUpdate<unknown> {
  const update: Record<string, unknown> = {};
  const member = (key: string): unknown => body[key];
  if (member('Handler') !== undefined) update['handler'] = member('Handler');
  if (member('Timeout') !== undefined) update['timeout'] = member('Timeout');
  if (member('MemorySize') !== undefined) update['memorySize'] = member('MemorySize');
  if (member('Runtime') !== undefined) update['runtime'] = member('Runtime');
  const storage = member('EphemeralStorage') as { Size?: unknown } | undefined;
  if (storage?.Size !== undefined) update['ephemeralStorage'] = storage.Size;
  const environment = member('Environment') as { Variables?: unknown } | undefined;
  // Environment replaces the variables whole; `{}` (or no Variables) clears them.
  if (environment !== undefined) update['environment'] = environment.Variables ?? {};
  const logging = member('LoggingConfig') as { LogFormat?: unknown; ApplicationLogLevel?: unknown } | undefined;
  if (logging?.LogFormat !== undefined) update['logFormat'] = logging.LogFormat;
  if (logging?.ApplicationLogLevel !== undefined) update['logLevel'] = logging.ApplicationLogLevel;
  return update as FunctionUpdate<unknown>;
}

const updateFunctionConfiguration: ControlOperation = {
  name: 'UpdateFunctionConfiguration',
  qualifier: 'unqualified',
  run: ({ fn, body }) => {
    fn.update(configurationUpdate(body));
    return { status: 200, body: functionConfiguration(fn.configurationOf(undefined), fn.arn) };
  },
};

const getFunction: ControlOperation = {
  name: 'GetFunction',
  qualifier: 'optional',
  run: (call) => {
    const { fn } = call;
    const out: Record<string, unknown> = {
      Configuration: getFunctionConfiguration.run(call).body,
      // There is no deployment package to point a download URL at [INFERRED: the repository type of a zip function].
      Code: { RepositoryType: 'S3' },
    };
    if (fn.reservedConcurrency !== undefined) out['Concurrency'] = { ReservedConcurrentExecutions: fn.reservedConcurrency };
    return { status: 200, body: out };
  },
};

const createAlias: ControlOperation = {
  name: 'CreateAlias',
  qualifier: 'unqualified',
  run: (call) => {
    const name = stringMember(call.body, 'Name');
    const missing: ConstraintViolation[] = [];
    if (name === undefined) missing.push({ member: 'name', value: null, constraint: 'Member must not be null' });
    if (stringMember(call.body, 'FunctionVersion') === undefined) missing.push({ member: 'functionVersion', value: null, constraint: 'Member must not be null' });
    if (missing.length > 0) throw validationError(missing);
    return { status: 201, body: aliasConfiguration(call.fn.createAlias(aliasOptions(call, name!))) };
  },
};

const listAliases: ControlOperation = {
  name: 'ListAliases',
  qualifier: 'unqualified',
  run: ({ fn }) => ({ status: 200, body: { Aliases: fn.aliases.map(aliasConfiguration) } }),
};

const getAlias: ControlOperation = {
  name: 'GetAlias',
  qualifier: 'unqualified',
  run: ({ fn, alias }) => {
    const found = fn.aliases.find((a) => a.name === alias);
    if (found === undefined) throw aliasNotFound(fn.arn, alias!);
    return { status: 200, body: aliasConfiguration(found) };
  },
};

const updateAlias: ControlOperation = {
  name: 'UpdateAlias',
  qualifier: 'unqualified',
  run: (call) => ({ status: 200, body: aliasConfiguration(call.fn.updateAlias(aliasOptions(call, call.alias!))) }),
};

const deleteAlias: ControlOperation = {
  name: 'DeleteAlias',
  qualifier: 'unqualified',
  run: ({ fn, alias }) => {
    fn.deleteAlias(alias!);
    return { status: 204 };
  },
};

const putFunctionConcurrency: ControlOperation = {
  name: 'PutFunctionConcurrency',
  qualifier: 'unqualified',
  run: ({ fn, body }) => {
    const reserved = countMember(body, 'ReservedConcurrentExecutions', 'reservedConcurrentExecutions', 0);
    fn.putFunctionConcurrency(reserved);
    return { status: 200, body: { ReservedConcurrentExecutions: reserved } };
  },
};

const getFunctionConcurrency: ControlOperation = {
  name: 'GetFunctionConcurrency',
  qualifier: 'unqualified',
  run: ({ fn }) => {
    const reserved = fn.reservedConcurrency;
    return { status: 200, body: reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved } };
  },
};

const deleteFunctionConcurrency: ControlOperation = {
  name: 'DeleteFunctionConcurrency',
  qualifier: 'unqualified',
  run: ({ fn }) => {
    fn.deleteFunctionConcurrency();
    return { status: 204 };
  },
};

const putProvisionedConcurrencyConfig: ControlOperation = {
  name: 'PutProvisionedConcurrencyConfig',
  qualifier: 'required',
  run: ({ fn, ref, body }) => {
    const count = countMember(body, 'ProvisionedConcurrentExecutions', 'provisionedConcurrentExecutions', 1);
    fn.putProvisionedConcurrency(ref.qualifier!, count);
    // AWS answers before it allocates anything, whatever happens next (recorded: reserved-equals-provisioned-blocks-latest).
    const state = fn.provisionedConcurrencyOf(ref.qualifier!);
    return { status: 202, body: provisionedConcurrencyConfig({ ...state, status: 'IN_PROGRESS', allocated: 0 }) };
  },
};

const getProvisionedConcurrencyConfig: ControlOperation = {
  name: 'GetProvisionedConcurrencyConfig',
  qualifier: 'required',
  run: ({ fn, ref }) => ({ status: 200, body: provisionedConcurrencyConfig(fn.provisionedConcurrencyOf(ref.qualifier!)) }),
};

const deleteProvisionedConcurrencyConfig: ControlOperation = {
  name: 'DeleteProvisionedConcurrencyConfig',
  qualifier: 'required',
  run: ({ fn, ref }) => {
    fn.deleteProvisionedConcurrency(ref.qualifier!);
    return { status: 204 };
  },
};

/** The routes of the Lambda API's control plane that the harness serves: path, then the operation per method. */
const ROUTES: readonly { readonly path: RegExp; readonly methods: Readonly<Record<string, ControlOperation>> }[] = [
  { path: /^\/2015-03-31\/functions\/([^/]+)\/versions$/, methods: { POST: publishVersion, GET: listVersionsByFunction } },
  { path: /^\/2015-03-31\/functions\/([^/]+)$/, methods: { GET: getFunction } },
  { path: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, methods: { GET: getFunctionConfiguration, PUT: updateFunctionConfiguration } },
  { path: /^\/2015-03-31\/functions\/([^/]+)\/aliases$/, methods: { POST: createAlias, GET: listAliases } },
  { path: /^\/2015-03-31\/functions\/([^/]+)\/aliases\/([^/]+)$/, methods: { GET: getAlias, PUT: updateAlias, DELETE: deleteAlias } },
  { path: /^\/2017-10-31\/functions\/([^/]+)\/concurrency$/, methods: { PUT: putFunctionConcurrency, DELETE: deleteFunctionConcurrency } },
  { path: /^\/2019-09-30\/functions\/([^/]+)\/concurrency$/, methods: { GET: getFunctionConcurrency } },
  {
    path: /^\/2019-09-30\/functions\/([^/]+)\/provisioned-concurrency$/,
    methods: { PUT: putProvisionedConcurrencyConfig, GET: getProvisionedConcurrencyConfig, DELETE: deleteProvisionedConcurrencyConfig },
  },
];

/**
 * A matched control-plane route.
 * @example
 * routeControl('POST', '/2017-10-31/functions/orders/concurrency'); // { kind: 'method-not-allowed', allowed: ['PUT', 'DELETE'] }
 */
export type ControlRoute =
  | { readonly kind: 'operation'; readonly operation: ControlOperation; readonly functionName: string; readonly alias: string | undefined }
  /** The path is one of the control plane's, but not for this method. */
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] };

/**
 * The control-plane operation a request names, from its method and raw path (segments still percent-encoded), or
 * undefined when the path is none of the control plane's.
 * @example
 * routeControl('PUT', '/2017-10-31/functions/orders/concurrency'); // { kind: 'operation', operation: PutFunctionConcurrency, … }
 */
export function routeControl(method: string, path: string): ControlRoute | undefined {
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    if (!match) continue;
    const operation = route.methods[method];
    if (operation === undefined) return { kind: 'method-not-allowed', allowed: Object.keys(route.methods) };
    return { kind: 'operation', operation, functionName: decodePathSegment(match[1]!), alias: match[2] === undefined ? undefined : decodePathSegment(match[2]) };
  }
  return undefined;
}

