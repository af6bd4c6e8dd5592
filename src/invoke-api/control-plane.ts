import type { MappedFunction } from '../function/lambda-function.js';
import { LambdaServiceError } from '../errors.js';
import { aliasNotFound, type AliasOptions, type AliasRouting } from '../function/versions.js';
import type { FunctionUpdate } from '../function/options.js';
import type { FunctionInternals } from '../function/environment.js';
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
 * routeControl('GET', '/2019-09-30/functions/orders/concurrency', query)?.operation.run(call); // { status: 200, body: {} }
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

/**
 * An integer member within the range of AWS's API model, as its request validation words a value outside it; a missing
 * one is undefined (or, when `required`, AWS's null violation). What the model admits and the service still refuses
 * (a 901 s timeout) is left to the function, as on AWS.
 */
function integerMember(body: Record<string, unknown>, key: string, range: { min: number; max?: number }, required = false): number | undefined {
  const value = body[key];
  const member = memberName(key);
  let violation: ConstraintViolation | undefined;
  if (value === undefined || value === null) {
    if (!required) return undefined;
    violation = { member, value: null, constraint: 'Member must not be null' };
  } else if (typeof value !== 'number' || !Number.isInteger(value)) {
    violation = { member, value: String(value), constraint: 'Member must be an integer' };
  } else if (value < range.min) {
    violation = { member, value: String(value), constraint: `Member must have value greater than or equal to ${range.min}` };
  } else if (range.max !== undefined && value > range.max) {
    violation = { member, value: String(value), constraint: `Member must have value less than or equal to ${range.max}` };
  }
  if (violation !== undefined) throw validationError([violation]);
  return value as number;
}

/** A required count (`integerMember` that must be there). */
function countMember(body: Record<string, unknown>, key: string, min: number): number {
  return integerMember(body, key, { min }, true)!;
}

/** The member names AWS's validation messages use: the wire name with a lower-case first letter. */
function memberName(key: string): string {
  return key[0]!.toLowerCase() + key.slice(1);
}

/**
 * An optional member of a JSON type (`null` is absent, as AWS's deserialiser reads it); another type is a 400
 * ValidationException naming it [INFERRED wording: AWS's model rejects it before the operation runs].
 */
function typedMember(body: Record<string, unknown>, key: string, type: 'string'): string | undefined;
function typedMember(body: Record<string, unknown>, key: string, type: 'object'): Record<string, unknown> | undefined;
function typedMember(body: Record<string, unknown>, key: string, type: 'string' | 'object'): unknown {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  const ok = type === 'string' ? typeof value === 'string' : typeof value === 'object' && !Array.isArray(value);
  if (!ok) throw validationError([{ member: memberName(key), value: JSON.stringify(value), constraint: `Member must be a JSON ${type}` }]);
  return value;
}

/** A required string member. */
function requiredString(body: Record<string, unknown>, key: string): string {
  const value = typedMember(body, key, 'string');
  if (value === undefined) throw validationError([{ member: memberName(key), value: null, constraint: 'Member must not be null' }]);
  return value;
}

/**
 * `RoutingConfig` as the API sends it: absent (unchanged), or `{ AdditionalVersionWeights }`, whose empty (or absent)
 * map removes the routing.
 */
function routingMember(body: Record<string, unknown>): AliasRouting | null | undefined {
  const routing = typedMember(body, 'RoutingConfig', 'object');
  if (routing === undefined) return undefined;
  const weights = typedMember(routing, 'AdditionalVersionWeights', 'object') ?? {};
  return Object.keys(weights).length === 0 ? null : { additionalVersionWeights: weights as Record<string, number> };
}

function aliasOptions(call: ControlCall, name: string): AliasOptions {
  const options: AliasOptions = { name };
  const version = typedMember(call.body, 'FunctionVersion', 'string');
  if (version !== undefined) options.functionVersion = version;
  const description = typedMember(call.body, 'Description', 'string');
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
 * `Layers` and the like are accepted and ignored, as settings with no effect here [INFERRED]). `current` is
 * `$LATEST`'s configuration: a function whose handler is code given to `createFunction` shows a stand-in `Handler`,
 * which may come back unchanged (a client sending the configuration it read) but not name another one.
 */
function configurationUpdate(body: Record<string, unknown>, current: FunctionInternals): FunctionUpdate<unknown> {
  const update: Record<string, unknown> = {};
  const handler = typedMember(body, 'Handler', 'string');
  if (handler !== undefined && handler !== current.options.handlerName) {
    if (typeof current.options.handler !== 'string') {
      throw new LambdaServiceError({
        name: 'InvalidParameterValueException',
        statusCode: 400,
        message: `${current.options.name}'s handler is code given to createFunction(), not a file: change it with fn.update({ handler }).`,
      });
    }
    update['handler'] = handler;
  }
  // The ranges of AWS's API model (botocore's `Timeout`, `MemorySize`, `EphemeralStorage.Size`).
  const timeout = integerMember(body, 'Timeout', { min: 1 });
  if (timeout !== undefined) update['timeout'] = timeout;
  const memorySize = integerMember(body, 'MemorySize', { min: 128, max: 10240 });
  if (memorySize !== undefined) update['memorySize'] = memorySize;
  const runtime = typedMember(body, 'Runtime', 'string');
  if (runtime !== undefined) update['runtime'] = runtime;
  const storage = typedMember(body, 'EphemeralStorage', 'object');
  const size = storage === undefined ? undefined : integerMember(storage, 'Size', { min: 512, max: 10240 });
  if (size !== undefined) update['ephemeralStorage'] = size;
  const environment = typedMember(body, 'Environment', 'object');
  // Environment replaces the variables whole; `{}` (or no Variables) clears them.
  if (environment !== undefined) update['environment'] = typedMember(environment, 'Variables', 'object') ?? {};
  const logging = typedMember(body, 'LoggingConfig', 'object');
  if (logging?.['LogFormat'] !== undefined) update['logFormat'] = logging['LogFormat'];
  if (logging?.['ApplicationLogLevel'] !== undefined) update['logLevel'] = logging['ApplicationLogLevel'];
  return update as FunctionUpdate<unknown>;
}

const updateFunctionConfiguration: ControlOperation = {
  name: 'UpdateFunctionConfiguration',
  qualifier: 'unqualified',
  run: ({ fn, body }) => {
    fn.update(configurationUpdate(body, fn.configurationOf(undefined)));
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
    const name = requiredString(call.body, 'Name');
    requiredString(call.body, 'FunctionVersion');
    return { status: 201, body: aliasConfiguration(call.fn.createAlias(aliasOptions(call, name))) };
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
    const reserved = countMember(body, 'ReservedConcurrentExecutions', 0);
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
    const count = countMember(body, 'ProvisionedConcurrentExecutions', 1);
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
 * A matched control-plane route: the operation, and the names in its path.
 * @example
 * routeControl('PUT', '/2017-10-31/functions/orders/concurrency', new URLSearchParams()); // { operation: PutFunctionConcurrency, functionName: 'orders', alias: undefined }
 */
export interface ControlRoute {
  readonly operation: ControlOperation;
  readonly functionName: string;
  readonly alias: string | undefined;
}

/**
 * The control-plane operation a request names, from its method, raw path (segments still percent-encoded) and query,
 * or undefined when it is none the harness serves. The method is part of the operation (`DELETE /functions/{name}` is
 * DeleteFunction, not GetFunction), and so is `List=ALL` (ListProvisionedConcurrencyConfigs shares Get's path).
 * @example
 * routeControl('DELETE', '/2015-03-31/functions/orders', new URLSearchParams()); // undefined: DeleteFunction is not served
 */
export function routeControl(method: string, path: string, query: URLSearchParams): ControlRoute | undefined {
  if (query.has('List')) return undefined;
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    const operation = match ? route.methods[method] : undefined;
    if (operation === undefined) continue;
    return { operation, functionName: decodePathSegment(match![1]!), alias: match![2] === undefined ? undefined : decodePathSegment(match![2]) };
  }
  return undefined;
}

