import type { MappedFunction } from '../function/lambda-function.js';
import { LambdaServiceError } from '../errors.js';
import { aliasNotFound, qualifiedArn, type AliasOptions, type AliasRouting } from '../function/versions.js';
import type { FunctionUpdate } from '../function/options.js';
import type { FunctionInternals } from '../function/environment.js';
import { aliasConfiguration, functionConfiguration, provisionedConcurrencyConfig } from './control-shapes.js';
import { decodePathSegment, type FunctionReference } from './function-name.js';
import { RequestMembers } from './request-members.js';

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

/** A required count, checked before anything else. */
function countMember(body: Record<string, unknown>, key: string, min: number): number {
  const members = new RequestMembers(body);
  const count = members.integer(key, { min }, true);
  members.check();
  return count!;
}

/**
 * `RoutingConfig` as the API sends it: absent (unchanged), or `{ AdditionalVersionWeights }`, whose empty (or absent)
 * map removes the routing.
 */
function routingMember(members: RequestMembers): AliasRouting | null | undefined {
  const routing = members.object('RoutingConfig');
  if (routing === undefined) return undefined;
  const weights = routing.map('AdditionalVersionWeights') ?? {};
  return Object.keys(weights).length === 0 ? null : { additionalVersionWeights: weights as Record<string, number> };
}

/** CreateAlias's and UpdateAlias's members as `createAlias` / `updateAlias` take them (their values checked there). */
function aliasOptions(body: Record<string, unknown>, name: string | undefined, required: boolean): AliasOptions {
  const members = new RequestMembers(body);
  const given = members.string('Name', { required });
  const functionVersion = members.string('FunctionVersion', { required });
  const description = members.string('Description');
  const routing = routingMember(members);
  members.check();
  const options: AliasOptions = { name: (name ?? given)! };
  if (functionVersion !== undefined) options.functionVersion = functionVersion;
  if (description !== undefined) options.description = description;
  if (routing !== undefined) options.routingConfig = routing;
  return options;
}

const publishVersion: ControlOperation = {
  name: 'PublishVersion',
  qualifier: 'unqualified',
  run: ({ fn }) => {
    const { version, arn } = fn.publishVersion();
    return { status: 201, body: functionConfiguration(fn, fn.configurationOf(version), arn) };
  },
};

const listVersionsByFunction: ControlOperation = {
  name: 'ListVersionsByFunction',
  qualifier: 'unqualified',
  run: ({ fn }) => ({
    status: 200,
    body: { Versions: ['$LATEST', ...fn.versions].map((version) => functionConfiguration(fn, fn.configurationOf(version), `${fn.arn}:${version}`)) },
  }),
};

const getFunctionConfiguration: ControlOperation = {
  name: 'GetFunctionConfiguration',
  qualifier: 'optional',
  run: ({ fn, ref }) => ({ status: 200, body: functionConfiguration(fn, fn.configurationOf(ref.qualifier), qualifiedArn(fn.arn, ref.qualifier)) }),
};

/**
 * UpdateFunctionConfiguration's members as `fn.update()` takes them (what the harness models; `Role`, `VpcConfig`,
 * `Layers` and the like are accepted and ignored, as settings with no effect here [INFERRED]). `current` is
 * `$LATEST`'s configuration: a function whose handler is code given to `createFunction` shows a stand-in `Handler`,
 * which may come back unchanged (a client sending the configuration it read) but not name another one.
 */
function configurationUpdate(body: Record<string, unknown>, current: FunctionInternals): FunctionUpdate<unknown> {
  // The constraints of AWS's API model (botocore's shapes), all checked before any value is looked at.
  const members = new RequestMembers(body);
  const handler = members.string('Handler', { max: 128, pattern: { regex: /[^\s]+/, text: '[^\\s]+' } });
  const timeout = members.integer('Timeout', { min: 1 });
  const memorySize = members.integer('MemorySize', { min: 128, max: 10240 });
  const runtime = members.string('Runtime');
  const size = members.object('EphemeralStorage')?.integer('Size', { min: 512, max: 10240 }, true);
  const environment = members.object('Environment');
  const variables = environment?.map('Variables');
  const logging = members.object('LoggingConfig');
  const logFormat = logging?.string('LogFormat', { values: ['JSON', 'Text'] });
  const logLevel = logging?.string('ApplicationLogLevel', { values: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] });
  members.check();

  const update: Record<string, unknown> = {};
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
  if (timeout !== undefined) update['timeout'] = timeout;
  if (memorySize !== undefined) update['memorySize'] = memorySize;
  if (runtime !== undefined) update['runtime'] = runtime;
  if (size !== undefined) update['ephemeralStorage'] = size;
  // Environment replaces the variables whole; `{}` (or no Variables) clears them.
  if (environment !== undefined) update['environment'] = variables ?? {};
  if (logFormat !== undefined) update['logFormat'] = logFormat;
  if (logLevel !== undefined) update['logLevel'] = logLevel;
  return update as FunctionUpdate<unknown>;
}

const updateFunctionConfiguration: ControlOperation = {
  name: 'UpdateFunctionConfiguration',
  qualifier: 'unqualified',
  run: ({ fn, body }) => {
    fn.update(configurationUpdate(body, fn.configurationOf(undefined)));
    return { status: 200, body: functionConfiguration(fn, fn.configurationOf(undefined), fn.arn) };
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
  run: ({ fn, body }) => ({ status: 201, body: aliasConfiguration(fn, fn.createAlias(aliasOptions(body, undefined, true))) }),
};

const listAliases: ControlOperation = {
  name: 'ListAliases',
  qualifier: 'unqualified',
  run: ({ fn }) => ({ status: 200, body: { Aliases: fn.aliases.map((alias) => aliasConfiguration(fn, alias)) } }),
};

const getAlias: ControlOperation = {
  name: 'GetAlias',
  qualifier: 'unqualified',
  run: ({ fn, alias }) => {
    const found = fn.aliases.find((a) => a.name === alias);
    if (found === undefined) throw aliasNotFound(fn.arn, alias!);
    return { status: 200, body: aliasConfiguration(fn, found) };
  },
};

const updateAlias: ControlOperation = {
  name: 'UpdateAlias',
  qualifier: 'unqualified',
  run: ({ fn, body, alias }) => ({ status: 200, body: aliasConfiguration(fn, fn.updateAlias(aliasOptions(body, alias!, false))) }),
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

/**
 * The routes of the Lambda API's control plane that the harness serves: path, then the operation per method, and a
 * query parameter that makes the request another operation (not served) on the same path.
 */
const ROUTES: readonly { readonly path: RegExp; readonly methods: Readonly<Record<string, ControlOperation>>; readonly unlessQuery?: string }[] = [
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
    // `GET …?List=ALL` is ListProvisionedConcurrencyConfigs.
    unlessQuery: 'List',
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
 * DeleteFunction, not GetFunction), and so, on one route, is the query (ListProvisionedConcurrencyConfigs shares
 * GetProvisionedConcurrencyConfig's path).
 * @example
 * routeControl('DELETE', '/2015-03-31/functions/orders', new URLSearchParams()); // undefined: DeleteFunction is not served
 */
export function routeControl(method: string, path: string, query: URLSearchParams): ControlRoute | undefined {
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    const operation = match && !(route.unlessQuery !== undefined && query.has(route.unlessQuery)) ? route.methods[method] : undefined;
    if (operation === undefined) continue;
    return { operation, functionName: decodePathSegment(match![1]!), alias: match![2] === undefined ? undefined : decodePathSegment(match![2]) };
  }
  return undefined;
}

