import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult, AppSyncIdentityCognito, AppSyncResolverEvent } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventBuildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, lowerAlnum, mixedAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The default source of a resolver: `null` for a root `Query`/`Mutation` field. */
type DefaultSource = Record<string, unknown> | null;

/**
 * Overrides of an AppSync resolver event. `arguments` and `source` replace the defaults whole (they are your
 * schema's data, not AppSync's envelope); everything else is merged deeply.
 */
export type AppSyncResolverOverrides<TArgs, TSource> = DeepPartial<Omit<AppSyncResolverEvent<TArgs, TSource>, 'arguments' | 'source'>> & {
  arguments?: TArgs;
  source?: TSource;
};

const HEADERS = {
  'x-forwarded-for': '1.1.1.1, 2.2.2.2',
  'cloudfront-viewer-country': 'US',
  'cloudfront-is-tablet-viewer': 'false',
  via: '2.0 xxxxxxxxxxxxxxxx.cloudfront.net (CloudFront)',
  'cloudfront-forwarded-proto': 'https',
  origin: 'https://us-west-1.console.aws.amazon.com',
  'content-length': '217',
  'accept-language': 'en-US,en;q=0.9',
  host: 'xxxxxxxxxxxxxxxx.appsync-api.us-west-1.amazonaws.com',
  'x-forwarded-proto': 'https',
  'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/85.0.4183.83 Safari/537.36',
  accept: '*/*',
  'cloudfront-is-mobile-viewer': 'false',
  'cloudfront-is-smarttv-viewer': 'false',
  'accept-encoding': 'gzip, deflate, br',
  referer: 'https://us-west-1.console.aws.amazon.com/appsync/home?region=us-west-1',
  'content-type': 'application/json',
  'sec-fetch-mode': 'cors',
  'x-amz-cf-id': '3aykhqlUwQeANU-HGY7E_guV5EkNeMMtwyOgiA==',
  'x-amzn-trace-id': 'Root=1-5f512f51-fac632066c5e848ae714',
  authorization: 'eyJraWQiOiJScWFCSlJqYVJlM0hrSnBTUFpIcVRXazNOW...',
  'sec-fetch-dest': 'empty',
  'x-amz-user-agent': 'AWS-Console-AppSync/',
  'cloudfront-is-desktop-viewer': 'true',
  'sec-fetch-site': 'cross-site',
  'x-forwarded-port': '443',
};

/** The canonical base of `appSyncResolver`, from powertools-lambda-python/appSyncDirectResolver.json (= SAM's `appsync resolver`). */
export const appSyncResolverFixture: AppSyncResolverEvent<Record<string, unknown>, DefaultSource> = {
  arguments: { id: 'my identifier' },
  identity: {
    claims: {
      sub: '192879fc-a240-4bf1-ab5a-d6a00f3063f9',
      email_verified: true,
      iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-xxxxxxxxxxx',
      phone_number_verified: false,
      'cognito:username': 'jdoe',
      aud: '7471s60os7h0uu77i1tk27sp9n',
      event_id: 'bc334ed8-a938-4474-b644-9547e304e606',
      token_use: 'id',
      auth_time: 1599154213,
      phone_number: '+19999999999',
      exp: 1599157813,
      iat: 1599154213,
      email: 'jdoe@email.com',
    },
    defaultAuthStrategy: 'ALLOW',
    groups: null,
    issuer: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-xxxxxxxxxxx',
    sourceIp: ['1.1.1.1'],
    sub: '192879fc-a240-4bf1-ab5a-d6a00f3063f9',
    username: 'jdoe',
  },
  source: null,
  request: { headers: HEADERS, domainName: null },
  prev: null,
  info: {
    selectionSetList: ['id', 'field1', 'field2'],
    selectionSetGraphQL: '{\n  id\n  field1\n  field2\n}',
    parentTypeName: 'Mutation',
    fieldName: 'createSomething',
    variables: {},
  },
  stash: {},
};

/** The GraphQL selection set AppSync prints for a flat list of fields. */
function selectionSet(fields: readonly string[]): string {
  return fields.length === 0 ? '' : `{\n${fields.map((f) => `  ${f}`).join('\n')}\n}`;
}

/**
 * A Cognito user pool identity for a seeded user: `sub`, issuer (the pool in `region`), and JWT claims whose times
 * follow the event time (issued now, expiring in an hour), as AppSync passes them.
 */
function cognitoIdentity(ctx: EventBuildContext): AppSyncIdentityCognito {
  const sub = ctx.random.uuid();
  const issuer = `https://cognito-idp.${DEFAULT_REGION}.amazonaws.com/${DEFAULT_REGION}_${mixedAlnum(ctx.random, 9)}`;
  const iat = Math.floor(ctx.now / 1000);
  const base = appSyncResolverFixture.identity as AppSyncIdentityCognito;
  return {
    ...structuredClone(base),
    claims: {
      ...(base.claims as Record<string, unknown>),
      sub,
      iss: issuer,
      aud: lowerAlnum(ctx.random, 26),
      event_id: ctx.random.uuid(),
      auth_time: iat,
      iat,
      exp: iat + 3600,
    },
    issuer,
    sub,
  };
}

function resolverEvent(ctx: EventBuildContext, overrides: AppSyncResolverOverrides<unknown, unknown> | undefined): AppSyncResolverEvent<unknown, unknown> {
  const base = structuredClone(appSyncResolverFixture) as AppSyncResolverEvent<unknown, unknown>;
  base.identity = cognitoIdentity(ctx);
  const apiId = lowerAlnum(ctx.random, 26);
  const traceEpoch = Math.floor(ctx.now / 1000).toString(16).padStart(8, '0');
  base.request.headers = {
    ...base.request.headers,
    host: `${apiId}.appsync-api.${DEFAULT_REGION}.amazonaws.com`,
    'x-amzn-trace-id': `Root=1-${traceEpoch}-${ctx.random.hex(24)}`,
  };
  // A selection given as a list implies the printed form, unless the test printed it itself.
  const fields = overrides?.info?.selectionSetList;
  if (fields !== undefined && overrides?.info?.selectionSetGraphQL === undefined) base.info.selectionSetGraphQL = selectionSet(fields as readonly string[]);
  const { arguments: args, source, ...rest } = overrides ?? {};
  const merged = deepMerge<AppSyncResolverEvent<unknown, unknown>>(base, rest as DeepPartial<AppSyncResolverEvent<unknown, unknown>>);
  if (args !== undefined) merged.arguments = structuredClone(args);
  if (source !== undefined) merged.source = structuredClone(source);
  return merged;
}

/**
 * An AppSync direct Lambda resolver event, typed by your field's arguments and parent source. The caller is a
 * seeded Cognito user (claims times follow the event time); `info.selectionSetGraphQL` is printed from
 * `info.selectionSetList` when only the list is given.
 * @example
 * const e = events.appSyncResolver<{ id: string }, { name: string }>({ arguments: { id: '1' }, source: { name: 'n' }, info: { parentTypeName: 'Query', fieldName: 'getItem' } });
 */
export function appSyncResolver<TArgs = Record<string, unknown>, TSource = DefaultSource>(
  overrides?: AppSyncResolverOverrides<TArgs, TSource>,
  options?: EventOptions,
): AppSyncResolverEvent<TArgs, TSource> {
  const ctx = buildContext('appsync-resolver', options);
  return resolverEvent(ctx, overrides as AppSyncResolverOverrides<unknown, unknown> | undefined) as AppSyncResolverEvent<TArgs, TSource>;
}

/**
 * An AppSync batch invocation (`BatchInvoke`): one resolver event per parent item, sharing caller and request as
 * AppSync batches them. Pass one override per item.
 * @example
 * const batch = events.appSyncBatchResolver<{ id: string }, { postId: string }>([{ source: { postId: '1' } }, { source: { postId: '2' } }]);
 */
export function appSyncBatchResolver<TArgs = Record<string, unknown>, TSource = DefaultSource>(
  items: readonly AppSyncResolverOverrides<TArgs, TSource>[] = [{}, {}],
  options?: EventOptions,
): AppSyncResolverEvent<TArgs, TSource>[] {
  const ctx = buildContext('appsync-batch', options);
  const shared = resolverEvent(ctx, undefined);
  return items.map((item) => {
    const { arguments: args, source, ...rest } = item;
    const event = deepMerge<AppSyncResolverEvent<unknown, unknown>>(structuredClone(shared), rest as DeepPartial<AppSyncResolverEvent<unknown, unknown>>);
    if (args !== undefined) event.arguments = structuredClone(args);
    if (source !== undefined) event.source = structuredClone(source);
    return event as AppSyncResolverEvent<TArgs, TSource>;
  });
}

/**
 * The AppSync Lambda authorizer request as AppSync sends it: no `requestHeaders` (every captured sample lacks the
 * field `@types/aws-lambda` requires).
 * @example
 * const e: AppSyncAuthorizerRequest = events.appSyncAuthorizer();
 */
export type AppSyncAuthorizerRequest = Omit<AppSyncAuthorizerEvent, 'requestHeaders'> & { requestHeaders?: AppSyncAuthorizerEvent['requestHeaders'] };

/** The canonical base of `appSyncAuthorizer`, from powertools-lambda-python/appSyncAuthorizerEvent.json. */
export const appSyncAuthorizerFixture: AppSyncAuthorizerRequest = {
  authorizationToken: 'BE9DC5E3-D410-4733-AF76-70178092E681',
  requestContext: {
    apiId: 'giy7kumfmvcqvbedntjwjvagii',
    accountId: '254688921111',
    requestId: 'b80ed838-14c6-4500-b4c3-b694c7bef086',
    queryString:
      'mutation MyNewTask($desc: String!) {\n  createTask(description: $desc, owner: "ccc", taskStatus: "cc", title: "ccc") {\n    id\n  }\n}\n',
    operationName: 'MyNewTask',
    variables: { desc: 'Foo' },
  },
};

/**
 * An AppSync Lambda authorizer request with a seeded API id, request id and token.
 * @example
 * const e = events.appSyncAuthorizer({ authorizationToken: 'Bearer abc' });
 */
export function appSyncAuthorizer(overrides?: DeepPartial<AppSyncAuthorizerRequest>, options?: EventOptions): AppSyncAuthorizerRequest {
  return fromFixture('appsync-auth', appSyncAuthorizerFixture, overrides, options, (event, { random }) => {
    event.authorizationToken = random.uuid().toUpperCase();
    event.requestContext.apiId = lowerAlnum(random, 26);
    event.requestContext.accountId = DEFAULT_ACCOUNT;
    event.requestContext.requestId = random.uuid();
  });
}

/**
 * An AppSync authorizer result; `resolverContext` is typed by what your resolvers read from `identity.resolverContext`.
 * @example
 * const r = events.appSyncAuthorizerResult({ isAuthorized: true, resolverContext: { userId: 'u1' }, ttlOverride: 10 });
 */
export function appSyncAuthorizerResult<TContext = undefined>(result: AppSyncAuthorizerResult<TContext>): AppSyncAuthorizerResult<TContext> {
  return structuredClone(result);
}

/** Registry entry of `appSyncResolver`. */
export const appSyncResolverKind: EventKind = {
  id: 'appsync-resolver',
  factory: 'appSyncResolver',
  title: 'AppSync direct Lambda resolver',
  type: 'AppSyncResolverEvent<TArgs, TSource>',
  build: (options) => appSyncResolver({}, options),
  samples: [
    'aws-sam-cli-rendered/appsync__resolver.json',
    'powertools-lambda-python/appSyncDirectResolver.json',
    'powertools-lambda-typescript/parser__appsync__resolver.json',
    'aws-lambda-rust-runtime/example-appsync-direct-resolver.json',
  ],
  fixture: appSyncResolverFixture,
  conformance: { dictionaries: ['arguments', 'source', 'variables', 'stash'] },
  sam: [{ service: 'appsync', event: 'resolver' }],
  examples: [
    {
      name: 'for a nested field with a source and a selection list',
      build: (options) =>
        appSyncResolver<{ id: string }, { name: string }>(
          { arguments: { id: '1' }, source: { name: 'n' }, info: { parentTypeName: 'Post', fieldName: 'author', selectionSetList: ['id', 'name'] } },
          options,
        ),
    },
  ],
};

/** Registry entry of `appSyncBatchResolver`. */
export const appSyncBatchResolverKind: EventKind = {
  id: 'appsync-batch',
  factory: 'appSyncBatchResolver',
  title: 'AppSync direct resolver — batch invoke (array)',
  type: 'AppSyncResolverEvent<TArgs, TSource>[]',
  build: (options) => appSyncBatchResolver(undefined, options),
  samples: ['powertools-lambda-python/appSyncBatchEvent.json'],
  fixture: [appSyncResolverFixture, appSyncResolverFixture],
  // The only sample is abbreviated: no `request`/`source`, and an identity cut down to `sub` and `username`.
  // Arguments are the schema's data. The full single-event shape is checked by appsync-resolver.
  conformance: { dictionaries: ['variables', 'stash'], ignore: ['[].request', '[].source', '[].identity', '[].arguments'] },
};

/** Registry entry of `appSyncAuthorizer`. */
export const appSyncAuthorizerKind: EventKind = {
  id: 'appsync-auth',
  factory: 'appSyncAuthorizer',
  title: 'AppSync Lambda authorizer request',
  type: 'AppSyncAuthorizerEvent (corrected: AppSyncAuthorizerRequest)',
  build: (options) => appSyncAuthorizer({}, options),
  samples: [
    'powertools-lambda-python/appSyncAuthorizerEvent.json',
    'aws-lambda-go/appsync-lambda-auth-request.json',
    'aws-lambda-rust-runtime/example-appsync-lambda-auth-request.json',
  ],
  fixture: appSyncAuthorizerFixture,
  conformance: { dictionaries: ['variables'] },
};
