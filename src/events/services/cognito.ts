import type {
  BaseCustomEmailSenderTriggerEvent,
  BaseCustomMessageTriggerEvent,
  BaseCustomSMSSenderTriggerEvent,
  BasePostConfirmationTriggerEvent,
  BasePreSignUpTriggerEvent,
  BasePreTokenGenerationTriggerEvent,
  BasePreTokenGenerationV2TriggerEvent,
  BaseUserMigrationTriggerEvent,
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  GroupOverrideDetails,
  InboundFederationTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventBuildContext, EventKind, EventOptions } from '../_internals/kind.js';
import { base64Bytes, DEFAULT_REGION, lowerAlnum, mixedAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

// `@types/aws-lambda` does not export its Cognito `_common` names; these are the same shapes.
type SessionEntry = DefineAuthChallengeTriggerEvent['request']['session'][number];
type ChallengeResult = Exclude<SessionEntry, { challengeName: 'CUSTOM_CHALLENGE' }>;
type CustomChallengeResult = Extract<SessionEntry, { challengeName: 'CUSTOM_CHALLENGE' }>;

/**
 * The envelope every Cognito user pool trigger shares (`BaseTriggerEvent<T>` in `@types/aws-lambda`, which does not
 * export it).
 * @example
 * const e: CognitoBaseTriggerEvent<'TokenGeneration_ClientCredentials'> = events.cognitoTrigger({ triggerSource: 'TokenGeneration_ClientCredentials' });
 */
export interface CognitoBaseTriggerEvent<T extends string> {
  version: string;
  region: string;
  userPoolId: string;
  triggerSource: T;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: {};
  response: {};
}

// ---------------------------------------------------------------------------------------------------------------
// Corrected types. Each correction is listed with its evidence in fixtures/README.md ("Divergences").
// ---------------------------------------------------------------------------------------------------------------

/**
 * `request.userAttributes` as the custom message, custom sender and post-confirmation triggers send it: values are
 * strings except `email_verified` / `phone_number_verified`, which arrive as JSON booleans there (`@types/aws-lambda`
 * says `StringMap`).
 * @example
 * const verified = event.request.userAttributes['email_verified'] === true;
 */
export interface CognitoUserAttributesWithFlags {
  [name: string]: string | boolean;
}

/** Replaces `request.userAttributes` of a Cognito event type (used by the corrections below). */
type WithFlaggedAttributes<E extends { request: { userAttributes: unknown } }> = Omit<E, 'request'> & {
  request: Omit<E['request'], 'userAttributes'> & { userAttributes: CognitoUserAttributesWithFlags };
};

/**
 * Post-confirmation event as Cognito sends it: `*_verified` flags are booleans.
 * @example
 * const e: CognitoPostConfirmationEvent = events.cognitoPostConfirmation();
 */
export type CognitoPostConfirmationEvent<S extends PostConfirmationTriggerEvent['triggerSource'] = PostConfirmationTriggerEvent['triggerSource']> =
  WithFlaggedAttributes<BasePostConfirmationTriggerEvent<S>>;

/**
 * Custom message event as Cognito sends it: `*_verified` flags are booleans, `linkParameter` only comes with
 * link-style verification, and the incoming `response` may be empty.
 * @example
 * const e: CognitoCustomMessageEvent<'CustomMessage_ForgotPassword'> = events.cognitoCustomMessage({ triggerSource: 'CustomMessage_ForgotPassword' });
 */
export type CognitoCustomMessageEvent<S extends CustomMessageTriggerEvent['triggerSource'] = CustomMessageTriggerEvent['triggerSource']> =
  Omit<WithFlaggedAttributes<BaseCustomMessageTriggerEvent<S>>, 'request' | 'response'> & {
    request: Omit<WithFlaggedAttributes<BaseCustomMessageTriggerEvent<S>>['request'], 'linkParameter'> & { linkParameter?: string };
    response: Partial<BaseCustomMessageTriggerEvent<S>['response']>;
  };

/**
 * Custom SMS sender event as Cognito sends it: no `response` object, `*_verified` flags are booleans, and `code` is
 * a base64 KMS ciphertext (decrypt it with the AWS Encryption SDK).
 * @example
 * const e: CognitoCustomSMSSenderEvent = events.cognitoCustomSMSSender();
 */
export type CognitoCustomSMSSenderEvent<S extends CustomSMSSenderTriggerEvent['triggerSource'] = CustomSMSSenderTriggerEvent['triggerSource']> =
  Omit<WithFlaggedAttributes<BaseCustomSMSSenderTriggerEvent<S>>, 'response'> & { response?: Record<string, never> };

/**
 * Custom email sender event as Cognito sends it (see {@link CognitoCustomSMSSenderEvent}).
 * @example
 * const e: CognitoCustomEmailSenderEvent = events.cognitoCustomEmailSender();
 */
export type CognitoCustomEmailSenderEvent<
  S extends Exclude<CustomEmailSenderTriggerEvent['triggerSource'], 'CustomEmailSender_AccountTakeOverNotification'> = Exclude<
    CustomEmailSenderTriggerEvent['triggerSource'],
    'CustomEmailSender_AccountTakeOverNotification'
  >,
> = Omit<WithFlaggedAttributes<BaseCustomEmailSenderTriggerEvent<S>>, 'response'> & { response?: Record<string, never> };

/** Group configuration as Cognito sends it: `preferredRole` is `null` when no role is preferred. */
export type CognitoGroupConfiguration = Omit<GroupOverrideDetails, 'preferredRole'> & { preferredRole?: string | null | undefined };

/**
 * Pre token generation (v1) as Cognito sends it: `groupConfiguration.preferredRole` may be `null` and the incoming
 * `response.claimsOverrideDetails` is `null` (the handler fills it).
 * @example
 * const e: CognitoPreTokenGenerationEvent = events.cognitoPreTokenGeneration();
 */
export type CognitoPreTokenGenerationEvent<S extends PreTokenGenerationTriggerEvent['triggerSource'] = PreTokenGenerationTriggerEvent['triggerSource']> =
  Omit<BasePreTokenGenerationTriggerEvent<S>, 'request' | 'response'> & {
    request: Omit<BasePreTokenGenerationTriggerEvent<S>['request'], 'groupConfiguration'> & { groupConfiguration: CognitoGroupConfiguration };
    response: { claimsOverrideDetails?: BasePreTokenGenerationTriggerEvent<S>['response']['claimsOverrideDetails'] | null };
  };

/**
 * Pre token generation (v2) as Cognito sends it (see {@link CognitoPreTokenGenerationEvent}).
 * @example
 * const e: CognitoPreTokenGenerationV2Event = events.cognitoPreTokenGenerationV2();
 */
export type CognitoPreTokenGenerationV2Event<
  S extends PreTokenGenerationV2TriggerEvent['triggerSource'] = PreTokenGenerationV2TriggerEvent['triggerSource'],
> = Omit<BasePreTokenGenerationV2TriggerEvent<S>, 'request' | 'response'> & {
  request: Omit<BasePreTokenGenerationV2TriggerEvent<S>['request'], 'groupConfiguration'> & { groupConfiguration: CognitoGroupConfiguration };
  response: Partial<BasePreTokenGenerationV2TriggerEvent<S>['response']>;
};

/**
 * User migration event as Cognito sends it: the incoming `response` is empty; the handler fills it.
 * @example
 * const e: CognitoUserMigrationEvent = events.cognitoUserMigration();
 */
export type CognitoUserMigrationEvent<S extends UserMigrationTriggerEvent['triggerSource'] = UserMigrationTriggerEvent['triggerSource']> =
  Omit<BaseUserMigrationTriggerEvent<S>, 'response'> & { response: Partial<BaseUserMigrationTriggerEvent<S>['response']> };

/** A session entry as Cognito sends it: `challengeMetadata` can accompany any challenge, not only custom ones. */
export type CognitoChallengeResult = Omit<ChallengeResult, 'challengeMetadata'> & { challengeMetadata?: string } | CustomChallengeResult;

/**
 * Define auth challenge event as Cognito sends it: empty incoming `response`, metadata on any session entry.
 * @example
 * const e: CognitoDefineAuthChallengeEvent = events.cognitoDefineAuthChallenge();
 */
export type CognitoDefineAuthChallengeEvent = Omit<DefineAuthChallengeTriggerEvent, 'request' | 'response'> & {
  request: Omit<DefineAuthChallengeTriggerEvent['request'], 'session'> & { session: CognitoChallengeResult[] };
  response: Partial<DefineAuthChallengeTriggerEvent['response']>;
};

/**
 * Create auth challenge event as Cognito sends it: empty incoming `response`, metadata on any session entry.
 * @example
 * const e: CognitoCreateAuthChallengeEvent = events.cognitoCreateAuthChallenge();
 */
export type CognitoCreateAuthChallengeEvent = Omit<CreateAuthChallengeTriggerEvent, 'request' | 'response'> & {
  request: Omit<CreateAuthChallengeTriggerEvent['request'], 'session'> & { session: CognitoChallengeResult[] };
  response: Partial<CreateAuthChallengeTriggerEvent['response']>;
};

/**
 * Verify auth challenge response event as Cognito sends it: empty incoming `response`.
 * @example
 * const e: CognitoVerifyAuthChallengeResponseEvent = events.cognitoVerifyAuthChallengeResponse();
 */
export type CognitoVerifyAuthChallengeResponseEvent = Omit<VerifyAuthChallengeResponseTriggerEvent, 'response'> & {
  response: Partial<VerifyAuthChallengeResponseTriggerEvent['response']>;
};

/**
 * Overrides of a Cognito trigger: deep-partial, with `triggerSource` kept as a literal so it also picks the
 * return type.
 */
export type CognitoOverrides<E extends { triggerSource: string }, S extends string = E['triggerSource']> = DeepPartial<Omit<E, 'triggerSource'>> & {
  triggerSource?: S;
};

// ---------------------------------------------------------------------------------------------------------------
// Shared parts: every user pool trigger carries the same envelope, reseeded the same way.
// ---------------------------------------------------------------------------------------------------------------

const CALLER = { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '71ghuul37mresr7h373b704tua' };

interface Envelope {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: object;
}

/** What a factory may adjust after the envelope is reseeded, before the overrides are applied. */
type Adjust<E> = (event: E, ctx: EventBuildContext, sub: string) => void;

/**
 * Builds a trigger from its fixture: reseeds what Cognito generates (pool id suffix, app client id, the user's `sub`,
 * which is also the user name for pools that sign in by email or phone alias), keeps the region and the
 * `userPoolId` prefix in step with an overridden region, sets `triggerSource`, then applies the overrides.
 */
function triggerFromFixture<E extends Envelope>(
  kindId: string,
  fixture: E,
  overrides: object | undefined,
  options: EventOptions | undefined,
  adjust?: Adjust<E>,
): E {
  const given = (overrides ?? {}) as { region?: unknown; triggerSource?: unknown };
  return fromFixture(kindId, fixture, overrides as DeepPartial<E> | undefined, options, (event, ctx) => {
    const region = typeof given.region === 'string' ? given.region : DEFAULT_REGION;
    const sub = ctx.random.uuid();
    event.region = region;
    event.userPoolId = `${region}_${mixedAlnum(ctx.random, 9)}`;
    event.userName = sub;
    event.callerContext = { awsSdkVersion: CALLER.awsSdkVersion, clientId: lowerAlnum(ctx.random, 26) };
    if (typeof given.triggerSource === 'string') event.triggerSource = given.triggerSource;
    const attributes = (event.request as { userAttributes?: Record<string, unknown> }).userAttributes;
    if (attributes !== undefined && 'sub' in attributes) attributes['sub'] = sub;
    adjust?.(event, ctx, sub);
  });
}

/** Challenge parameters are maps chosen by the user's own challenge code: keys and values are data. */
const CONFORMANCE = { dictionaries: ['privateChallengeParameters', 'publicChallengeParameters'] } as const;

/**
 * For the custom message and custom sender triggers. Their samples list only the two boolean `*_verified`
 * attributes, so the string attributes every other trigger's samples show (`sub`, `email`) would count as a
 * kind mismatch; and the powertools-lambda-python samples spell the caller field `awsSdk` where every other
 * trigger sample (and the rust copy of the custom message one) has `awsSdkVersion`, a typo in those samples.
 */
const FLAGGED_CONFORMANCE = { ...CONFORMANCE, ignore: ['callerContext', 'request.userAttributes'] } as const;

// ---------------------------------------------------------------------------------------------------------------
// Pre sign-up
// ---------------------------------------------------------------------------------------------------------------

/**
 * The canonical base of `cognitoPreSignUp`, curated from powertools-lambda-python/cognitoPreSignUpEvent.json with
 * the incoming `response` flags of aws-lambda-go/cognito-event-userpools-presignup.json.
 */
export const cognitoPreSignUpFixture: BasePreSignUpTriggerEvent<'PreSignUp_SignUp'> = {
  version: '1',
  triggerSource: 'PreSignUp_SignUp',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'userName',
  callerContext: CALLER,
  request: { userAttributes: { email: 'user@example.com', phone_number: '+12065550100' } },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
};

/**
 * A Cognito pre sign-up trigger. The user does not exist yet, so `userAttributes` holds only what was submitted
 * (no `sub`); `response` starts with every flag `false`, as Cognito sends it.
 * @example
 * const e = events.cognitoPreSignUp({ triggerSource: 'PreSignUp_AdminCreateUser', request: { userAttributes: { email: 'a@b.c' } } });
 */
export function cognitoPreSignUp<S extends PreSignUpTriggerEvent['triggerSource'] = 'PreSignUp_SignUp'>(
  overrides?: CognitoOverrides<BasePreSignUpTriggerEvent<S>, S>,
  options?: EventOptions,
): BasePreSignUpTriggerEvent<S> {
  return triggerFromFixture('cog-presignup', cognitoPreSignUpFixture, overrides, options) as unknown as BasePreSignUpTriggerEvent<S>;
}

/** Registry entry of `cognitoPreSignUp`. */
export const cognitoPreSignUpKind: EventKind = {
  id: 'cog-presignup',
  factory: 'cognitoPreSignUp',
  title: 'Cognito — Pre sign-up',
  type: 'PreSignUpTriggerEvent',
  build: (options) => cognitoPreSignUp({}, options),
  samples: [
    'powertools-lambda-python/cognitoPreSignUpEvent.json',
    'aws-lambda-go/cognito-event-userpools-presignup.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-presignup.json',
  ],
  fixture: cognitoPreSignUpFixture,
  conformance: CONFORMANCE,
  examples: [
    {
      name: 'for an admin-created user with validation data',
      build: (options) =>
        cognitoPreSignUp({ triggerSource: 'PreSignUp_AdminCreateUser', request: { validationData: { k1: 'v1' }, clientMetadata: { source: 'test' } } }, options),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Post confirmation
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoPostConfirmation`, curated from powertools-lambda-python/cognitoPostConfirmationEvent.json. */
export const cognitoPostConfirmationFixture: CognitoPostConfirmationEvent<'PostConfirmation_ConfirmSignUp'> = {
  version: '1',
  triggerSource: 'PostConfirmation_ConfirmSignUp',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'userName',
  callerContext: CALLER,
  request: { userAttributes: { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', 'cognito:user_status': 'CONFIRMED', email_verified: true, email: 'user@example.com' } },
  response: {},
};

/**
 * A Cognito post confirmation trigger (`*_verified` attributes are booleans, as Cognito sends them here).
 * @example
 * const e = events.cognitoPostConfirmation({ triggerSource: 'PostConfirmation_ConfirmForgotPassword' });
 */
export function cognitoPostConfirmation<S extends PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp'>(
  overrides?: CognitoOverrides<CognitoPostConfirmationEvent<S>, S>,
  options?: EventOptions,
): CognitoPostConfirmationEvent<S> {
  return triggerFromFixture('cog-postconfirm', cognitoPostConfirmationFixture, overrides, options) as unknown as CognitoPostConfirmationEvent<S>;
}

/** Registry entry of `cognitoPostConfirmation`. */
export const cognitoPostConfirmationKind: EventKind = {
  id: 'cog-postconfirm',
  factory: 'cognitoPostConfirmation',
  title: 'Cognito — Post confirmation',
  type: 'PostConfirmationTriggerEvent (corrected: CognitoPostConfirmationEvent)',
  build: (options) => cognitoPostConfirmation({}, options),
  samples: [
    'powertools-lambda-python/cognitoPostConfirmationEvent.json',
    'aws-lambda-go/cognito-event-userpools-postconfirmation.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-postconfirmation.json',
  ],
  fixture: cognitoPostConfirmationFixture,
  conformance: CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Pre / post authentication
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoPreAuthentication`, curated from powertools-lambda-python/cognitoPreAuthenticationEvent.json. */
export const cognitoPreAuthenticationFixture: PreAuthenticationTriggerEvent = {
  version: '1',
  triggerSource: 'PreAuthentication_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'UserName',
  callerContext: CALLER,
  request: { userAttributes: { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', email_verified: 'true', 'cognito:user_status': 'CONFIRMED', email: 'user@example.com' } },
  response: {},
};

/**
 * A Cognito pre authentication trigger.
 * @example
 * const e = events.cognitoPreAuthentication({ request: { userNotFound: true } });
 */
export function cognitoPreAuthentication(
  overrides?: CognitoOverrides<PreAuthenticationTriggerEvent>,
  options?: EventOptions,
): PreAuthenticationTriggerEvent {
  return triggerFromFixture('cog-preauth', cognitoPreAuthenticationFixture, overrides, options);
}

/** Registry entry of `cognitoPreAuthentication`. */
export const cognitoPreAuthenticationKind: EventKind = {
  id: 'cog-preauth',
  factory: 'cognitoPreAuthentication',
  title: 'Cognito — Pre authentication',
  type: 'PreAuthenticationTriggerEvent',
  build: (options) => cognitoPreAuthentication({}, options),
  samples: [
    'powertools-lambda-python/cognitoPreAuthenticationEvent.json',
    'aws-lambda-go/cognito-event-userpools-preauthentication.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-preauthentication.json',
  ],
  fixture: cognitoPreAuthenticationFixture,
  conformance: CONFORMANCE,
};

/** The canonical base of `cognitoPostAuthentication`, curated from powertools-lambda-python/cognitoPostAuthenticationEvent.json. */
export const cognitoPostAuthenticationFixture: PostAuthenticationTriggerEvent = {
  version: '1',
  triggerSource: 'PostAuthentication_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'UserName',
  callerContext: CALLER,
  request: {
    newDeviceUsed: false,
    userAttributes: { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', email_verified: 'true', 'cognito:user_status': 'CONFIRMED', email: 'user@example.com' },
  },
  response: {},
};

/**
 * A Cognito post authentication trigger.
 * @example
 * const e = events.cognitoPostAuthentication({ request: { newDeviceUsed: true } });
 */
export function cognitoPostAuthentication(
  overrides?: CognitoOverrides<PostAuthenticationTriggerEvent>,
  options?: EventOptions,
): PostAuthenticationTriggerEvent {
  return triggerFromFixture('cog-postauth', cognitoPostAuthenticationFixture, overrides, options);
}

/** Registry entry of `cognitoPostAuthentication`. */
export const cognitoPostAuthenticationKind: EventKind = {
  id: 'cog-postauth',
  factory: 'cognitoPostAuthentication',
  title: 'Cognito — Post authentication',
  type: 'PostAuthenticationTriggerEvent',
  build: (options) => cognitoPostAuthentication({}, options),
  samples: [
    'powertools-lambda-python/cognitoPostAuthenticationEvent.json',
    'aws-lambda-go/cognito-event-userpools-postauthentication.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-postauthentication.json',
  ],
  fixture: cognitoPostAuthenticationFixture,
  conformance: CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Pre token generation v1 / v2
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoPreTokenGeneration`, curated from powertools-lambda-python/cognitoPreTokenGenerationEvent.json. */
export const cognitoPreTokenGenerationFixture: CognitoPreTokenGenerationEvent<'TokenGeneration_Authentication'> = {
  version: '1',
  triggerSource: 'TokenGeneration_Authentication',
  region: 'us-west-2',
  userPoolId: 'us-west-2_example',
  userName: 'testqq',
  callerContext: CALLER,
  request: {
    userAttributes: { sub: '0b0a57c5-f013-426a-81a1-f8ffbfba21f0', email_verified: 'true', 'cognito:user_status': 'CONFIRMED', email: 'test@mail.com' },
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
  },
  // Cognito sends the slot the handler fills as null (aws-lambda-rust-runtime/example-cognito-event-userpools-pretokengen-incoming.json).
  response: { claimsOverrideDetails: null },
};

/**
 * A Cognito pre token generation trigger, event version 1.
 * @example
 * const e = events.cognitoPreTokenGeneration({ triggerSource: 'TokenGeneration_RefreshTokens' });
 */
export function cognitoPreTokenGeneration<S extends PreTokenGenerationTriggerEvent['triggerSource'] = 'TokenGeneration_Authentication'>(
  overrides?: CognitoOverrides<CognitoPreTokenGenerationEvent<S>, S>,
  options?: EventOptions,
): CognitoPreTokenGenerationEvent<S> {
  return triggerFromFixture('cog-pretoken-v1', cognitoPreTokenGenerationFixture, overrides, options) as unknown as CognitoPreTokenGenerationEvent<S>;
}

/** Registry entry of `cognitoPreTokenGeneration`. */
export const cognitoPreTokenGenerationKind: EventKind = {
  id: 'cog-pretoken-v1',
  factory: 'cognitoPreTokenGeneration',
  title: 'Cognito — Pre token generation (event version 1)',
  type: 'PreTokenGenerationTriggerEvent (corrected: CognitoPreTokenGenerationEvent)',
  build: (options) => cognitoPreTokenGeneration({}, options),
  samples: [
    'powertools-lambda-python/cognitoPreTokenGenerationEvent.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-pretokengen-incoming.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-pretokengen.json',
    'aws-lambda-go/cognito-event-userpools-pretokengen.json',
  ],
  fixture: cognitoPreTokenGenerationFixture,
  conformance: CONFORMANCE,
};

/** The canonical base of `cognitoPreTokenGenerationV2`, curated from aws-lambda-go/cognito-event-userpools-pretokengen-v2.json (incoming part). */
export const cognitoPreTokenGenerationV2Fixture: CognitoPreTokenGenerationV2Event<'TokenGeneration_Authentication'> = {
  version: '2',
  triggerSource: 'TokenGeneration_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_EXAMPLE',
  userName: 'testuser',
  callerContext: CALLER,
  request: {
    userAttributes: {
      sub: 'a36036a8-9061-424d-a737-56d57dae7bc6',
      'cognito:email_alias': 'testuser@example.com',
      'cognito:user_status': 'CONFIRMED',
      email_verified: 'true',
      email: 'testuser@example.com',
    },
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
    scopes: ['aws.cognito.signin.user.admin'],
  },
  response: {},
};

/**
 * A Cognito pre token generation trigger, event version 2 (`version: '2'`, with the requested `scopes`).
 * @example
 * const e = events.cognitoPreTokenGenerationV2({ request: { scopes: ['openid', 'email'] } });
 */
export function cognitoPreTokenGenerationV2<S extends PreTokenGenerationV2TriggerEvent['triggerSource'] = 'TokenGeneration_Authentication'>(
  overrides?: CognitoOverrides<CognitoPreTokenGenerationV2Event<S>, S>,
  options?: EventOptions,
): CognitoPreTokenGenerationV2Event<S> {
  return triggerFromFixture('cog-pretoken-v2', cognitoPreTokenGenerationV2Fixture, overrides, options, (event, _ctx, sub) => {
    // The email alias names the same user as the attributes, whatever the test calls it.
    event.request.userAttributes['cognito:email_alias'] = event.request.userAttributes['email'] ?? sub;
  }) as unknown as CognitoPreTokenGenerationV2Event<S>;
}

/** Registry entry of `cognitoPreTokenGenerationV2`. */
export const cognitoPreTokenGenerationV2Kind: EventKind = {
  id: 'cog-pretoken-v2',
  factory: 'cognitoPreTokenGenerationV2',
  title: 'Cognito — Pre token generation (event version 2)',
  type: 'PreTokenGenerationV2TriggerEvent (corrected: CognitoPreTokenGenerationV2Event)',
  build: (options) => cognitoPreTokenGenerationV2({}, options),
  samples: [
    'aws-lambda-go/cognito-event-userpools-pretokengen-v2.json',
    'aws-lambda-go/cognito-event-userpools-pretokengen-v2_0.json',
    'powertools-lambda-python/cognitoPreTokenV2GenerationEvent.json',
  ],
  fixture: cognitoPreTokenGenerationV2Fixture,
  conformance: CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Custom message
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoCustomMessage`, curated from powertools-lambda-python/cognitoCustomMessageEvent.json. */
export const cognitoCustomMessageFixture: CognitoCustomMessageEvent<'CustomMessage_AdminCreateUser'> = {
  version: '1',
  triggerSource: 'CustomMessage_AdminCreateUser',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'userName',
  callerContext: CALLER,
  request: {
    userAttributes: { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', phone_number_verified: false, email_verified: true, email: 'user@example.com' },
    codeParameter: '{####}',
    linkParameter: '{##Click Here##}',
    usernameParameter: '{username}',
  },
  response: {},
};

/**
 * A Cognito custom message trigger. `codeParameter` and `linkParameter` are the placeholders Cognito expects back
 * in the message; `usernameParameter` is only set for `CustomMessage_AdminCreateUser` (the temporary-password
 * invitation, the default), as Cognito does, and `null` otherwise.
 * @example
 * const e = events.cognitoCustomMessage({ triggerSource: 'CustomMessage_ForgotPassword' });
 */
export function cognitoCustomMessage<S extends CustomMessageTriggerEvent['triggerSource'] = 'CustomMessage_AdminCreateUser'>(
  overrides?: CognitoOverrides<CognitoCustomMessageEvent<S>, S>,
  options?: EventOptions,
): CognitoCustomMessageEvent<S> {
  return triggerFromFixture('cog-custommsg', cognitoCustomMessageFixture, overrides, options, (event) => {
    if (event.triggerSource !== 'CustomMessage_AdminCreateUser') event.request.usernameParameter = null;
  }) as unknown as CognitoCustomMessageEvent<S>;
}

/** Registry entry of `cognitoCustomMessage`. */
export const cognitoCustomMessageKind: EventKind = {
  id: 'cog-custommsg',
  factory: 'cognitoCustomMessage',
  title: 'Cognito — Custom message',
  type: 'CustomMessageTriggerEvent (corrected: CognitoCustomMessageEvent)',
  build: (options) => cognitoCustomMessage({}, options),
  // aws-lambda-go's copy has a placeholder triggerSource but the same shape as the rust one.
  samples: ['powertools-lambda-python/cognitoCustomMessageEvent.json', 'aws-lambda-rust-runtime/example-cognito-event-userpools-custommessage.json'],
  fixture: cognitoCustomMessageFixture,
  conformance: FLAGGED_CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// User migration
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoUserMigration`, curated from powertools-lambda-python/cognitoUserMigrationEvent.json. */
export const cognitoUserMigrationFixture: CognitoUserMigrationEvent<'UserMigration_Authentication'> = {
  version: '1',
  triggerSource: 'UserMigration_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'user@example.com',
  callerContext: CALLER,
  request: { password: 'password' },
  response: {},
};

/**
 * A Cognito user migration trigger: the user signing in is not in the pool yet, so `userName` is what they typed
 * (not a `sub`) and `request.password` carries their password.
 * @example
 * const e = events.cognitoUserMigration({ userName: 'legacy@example.com', request: { password: 'hunter2' } });
 */
export function cognitoUserMigration<S extends UserMigrationTriggerEvent['triggerSource'] = 'UserMigration_Authentication'>(
  overrides?: CognitoOverrides<CognitoUserMigrationEvent<S>, S>,
  options?: EventOptions,
): CognitoUserMigrationEvent<S> {
  return triggerFromFixture('cog-migrate', cognitoUserMigrationFixture, overrides, options, (event, ctx) => {
    event.userName = cognitoUserMigrationFixture.userName;
    event.request.password = `Pw-${mixedAlnum(ctx.random, 12)}`;
  }) as unknown as CognitoUserMigrationEvent<S>;
}

/** Registry entry of `cognitoUserMigration`. */
export const cognitoUserMigrationKind: EventKind = {
  id: 'cog-migrate',
  factory: 'cognitoUserMigration',
  title: 'Cognito — User migration',
  type: 'UserMigrationTriggerEvent (corrected: CognitoUserMigrationEvent)',
  build: (options) => cognitoUserMigration({}, options),
  // The aws-lambda-go and rust copies carry documentation placeholders (INDEX.md).
  samples: ['powertools-lambda-python/cognitoUserMigrationEvent.json'],
  fixture: cognitoUserMigrationFixture,
  conformance: CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Custom auth challenge flow: define, create, verify
// ---------------------------------------------------------------------------------------------------------------

const CHALLENGE_ATTRIBUTES = { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', email_verified: 'true', name: 'First Last', email: 'user@example.com' };

/** The canonical base of `cognitoDefineAuthChallenge`, curated from powertools-lambda-python/cognitoDefineAuthChallengeEvent.json. */
export const cognitoDefineAuthChallengeFixture: CognitoDefineAuthChallengeEvent = {
  version: '1',
  triggerSource: 'DefineAuthChallenge_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'UserName',
  callerContext: CALLER,
  request: { userAttributes: CHALLENGE_ATTRIBUTES, session: [{ challengeName: 'SRP_A', challengeResult: true }], userNotFound: false },
  response: {},
};

/**
 * A Cognito define auth challenge trigger, after the SRP step of a custom flow.
 * @example
 * const e = events.cognitoDefineAuthChallenge({ request: { session: [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true }] } });
 */
export function cognitoDefineAuthChallenge(
  overrides?: CognitoOverrides<CognitoDefineAuthChallengeEvent>,
  options?: EventOptions,
): CognitoDefineAuthChallengeEvent {
  return triggerFromFixture('cog-define', cognitoDefineAuthChallengeFixture, overrides, options);
}

const DEFINE_SAMPLES = [
  'powertools-lambda-python/cognitoDefineAuthChallengeEvent.json',
  'aws-lambda-go/cognito-event-userpools-define-auth-challenge.json',
  'aws-lambda-rust-runtime/example-cognito-event-userpools-define-auth-challenge.json',
  'aws-lambda-rust-runtime/example-cognito-event-userpools-define-auth-challenge-user-not-found.json',
];

/** Registry entry of `cognitoDefineAuthChallenge`. */
export const cognitoDefineAuthChallengeKind: EventKind = {
  id: 'cog-define',
  factory: 'cognitoDefineAuthChallenge',
  title: 'Cognito — Define auth challenge',
  type: 'DefineAuthChallengeTriggerEvent (corrected: CognitoDefineAuthChallengeEvent)',
  build: (options) => cognitoDefineAuthChallenge({}, options),
  samples: DEFINE_SAMPLES,
  fixture: cognitoDefineAuthChallengeFixture,
  conformance: CONFORMANCE,
};

/** The canonical base of `cognitoCreateAuthChallenge`, curated from powertools-lambda-python/cognitoCreateAuthChallengeEvent.json. */
export const cognitoCreateAuthChallengeFixture: CognitoCreateAuthChallengeEvent = {
  version: '1',
  triggerSource: 'CreateAuthChallenge_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'UserName',
  callerContext: CALLER,
  request: {
    userAttributes: CHALLENGE_ATTRIBUTES,
    challengeName: 'CUSTOM_CHALLENGE',
    session: [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CAPTCHA_CHALLENGE' }],
    userNotFound: false,
  },
  response: {},
};

/**
 * A Cognito create auth challenge trigger for a second `CUSTOM_CHALLENGE` round after a passed one.
 * @example
 * const e = events.cognitoCreateAuthChallenge({ request: { session: [] } });
 */
export function cognitoCreateAuthChallenge(
  overrides?: CognitoOverrides<CognitoCreateAuthChallengeEvent>,
  options?: EventOptions,
): CognitoCreateAuthChallengeEvent {
  return triggerFromFixture('cog-create', cognitoCreateAuthChallengeFixture, overrides, options);
}

/** Registry entry of `cognitoCreateAuthChallenge`. */
export const cognitoCreateAuthChallengeKind: EventKind = {
  id: 'cog-create',
  factory: 'cognitoCreateAuthChallenge',
  title: 'Cognito — Create auth challenge',
  type: 'CreateAuthChallengeTriggerEvent (corrected: CognitoCreateAuthChallengeEvent)',
  build: (options) => cognitoCreateAuthChallenge({}, options),
  samples: [
    'powertools-lambda-python/cognitoCreateAuthChallengeEvent.json',
    'aws-lambda-go/cognito-event-userpools-create-auth-challenge.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-create-auth-challenge.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-create-auth-challenge-user-not-found.json',
  ],
  fixture: cognitoCreateAuthChallengeFixture,
  conformance: CONFORMANCE,
};

/** The canonical base of `cognitoVerifyAuthChallengeResponse`, curated from powertools-lambda-python/cognitoVerifyAuthChallengeResponseEvent.json. */
export const cognitoVerifyAuthChallengeResponseFixture: CognitoVerifyAuthChallengeResponseEvent = {
  version: '1',
  triggerSource: 'VerifyAuthChallengeResponse_Authentication',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'UserName',
  callerContext: CALLER,
  request: {
    userAttributes: CHALLENGE_ATTRIBUTES,
    privateChallengeParameters: { answer: 'challengeAnswer' },
    challengeAnswer: 'challengeAnswer',
    clientMetadata: {},
    userNotFound: false,
  },
  response: {},
};

/**
 * A Cognito verify auth challenge response trigger. By default the answer matches `privateChallengeParameters.answer`.
 * @example
 * const e = events.cognitoVerifyAuthChallengeResponse({ request: { challengeAnswer: 'wrong' } });
 */
export function cognitoVerifyAuthChallengeResponse(
  overrides?: CognitoOverrides<CognitoVerifyAuthChallengeResponseEvent>,
  options?: EventOptions,
): CognitoVerifyAuthChallengeResponseEvent {
  return triggerFromFixture('cog-verify', cognitoVerifyAuthChallengeResponseFixture, overrides, options, (event, ctx) => {
    const answer = String(100000 + ctx.random.int(900000));
    event.request.privateChallengeParameters = { answer };
    event.request.challengeAnswer = answer;
  });
}

/** Registry entry of `cognitoVerifyAuthChallengeResponse`. */
export const cognitoVerifyAuthChallengeResponseKind: EventKind = {
  id: 'cog-verify',
  factory: 'cognitoVerifyAuthChallengeResponse',
  title: 'Cognito — Verify auth challenge response',
  type: 'VerifyAuthChallengeResponseTriggerEvent (corrected: CognitoVerifyAuthChallengeResponseEvent)',
  build: (options) => cognitoVerifyAuthChallengeResponse({}, options),
  samples: [
    'powertools-lambda-python/cognitoVerifyAuthChallengeResponseEvent.json',
    'aws-lambda-go/cognito-event-userpools-verify-auth-challenge.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-verify-auth-challenge.json',
    'aws-lambda-rust-runtime/example-cognito-event-userpools-verify-auth-challenge-user-not-found.json',
  ],
  fixture: cognitoVerifyAuthChallengeResponseFixture,
  conformance: CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Custom SMS / email senders
// ---------------------------------------------------------------------------------------------------------------

const SENDER_ATTRIBUTES = { sub: '4A709A36-7D63-4785-829D-4198EF10EBDA', phone_number_verified: false, email_verified: true, email: 'user@example.com' };

/** The canonical base of `cognitoCustomSMSSender`, curated from powertools-lambda-python/cognitoCustomSMSSenderEvent.json. */
export const cognitoCustomSMSSenderFixture: CognitoCustomSMSSenderEvent<'CustomSMSSender_SignUp'> = {
  version: '1',
  triggerSource: 'CustomSMSSender_SignUp',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'userName',
  callerContext: CALLER,
  // The sample's `type` says "customEmailSenderRequestV1" (copied from the email sample); Cognito sends the SMS one.
  request: { userAttributes: SENDER_ATTRIBUTES, type: 'customSMSSenderRequestV1', code: 'someCode' },
};

/**
 * A Cognito custom SMS sender trigger: `request.code` is a base64 KMS ciphertext, as Cognito sends it.
 * @example
 * const e = events.cognitoCustomSMSSender({ triggerSource: 'CustomSMSSender_ForgotPassword' });
 */
export function cognitoCustomSMSSender<S extends CustomSMSSenderTriggerEvent['triggerSource'] = 'CustomSMSSender_SignUp'>(
  overrides?: CognitoOverrides<CognitoCustomSMSSenderEvent<S>, S>,
  options?: EventOptions,
): CognitoCustomSMSSenderEvent<S> {
  return triggerFromFixture('cog-sms', cognitoCustomSMSSenderFixture, overrides, options, (event, ctx) => {
    event.request.code = base64Bytes(ctx.random, 96);
  }) as unknown as CognitoCustomSMSSenderEvent<S>;
}

/** Registry entry of `cognitoCustomSMSSender`. */
export const cognitoCustomSMSSenderKind: EventKind = {
  id: 'cog-sms',
  factory: 'cognitoCustomSMSSender',
  title: 'Cognito — Custom SMS sender',
  type: 'CustomSMSSenderTriggerEvent (corrected: CognitoCustomSMSSenderEvent)',
  build: (options) => cognitoCustomSMSSender({}, options),
  samples: ['powertools-lambda-python/cognitoCustomSMSSenderEvent.json'],
  fixture: cognitoCustomSMSSenderFixture,
  conformance: FLAGGED_CONFORMANCE,
};

/** The canonical base of `cognitoCustomEmailSender`, curated from powertools-lambda-python/cognitoCustomEmailSenderEvent.json. */
export const cognitoCustomEmailSenderFixture: CognitoCustomEmailSenderEvent<'CustomEmailSender_SignUp'> = {
  version: '1',
  triggerSource: 'CustomEmailSender_SignUp',
  region: 'us-east-1',
  userPoolId: 'us-east-1_example',
  userName: 'userName',
  callerContext: CALLER,
  request: { userAttributes: SENDER_ATTRIBUTES, type: 'customEmailSenderRequestV1', code: 'someCode' },
};

/**
 * A Cognito custom email sender trigger: `request.code` is a base64 KMS ciphertext, as Cognito sends it.
 * @example
 * const e = events.cognitoCustomEmailSender({ triggerSource: 'CustomEmailSender_ResendCode' });
 */
export function cognitoCustomEmailSender<
  S extends Exclude<CustomEmailSenderTriggerEvent['triggerSource'], 'CustomEmailSender_AccountTakeOverNotification'> = 'CustomEmailSender_SignUp',
>(overrides?: CognitoOverrides<CognitoCustomEmailSenderEvent<S>, S>, options?: EventOptions): CognitoCustomEmailSenderEvent<S> {
  return triggerFromFixture('cog-email', cognitoCustomEmailSenderFixture, overrides, options, (event, ctx) => {
    event.request.code = base64Bytes(ctx.random, 96);
  }) as unknown as CognitoCustomEmailSenderEvent<S>;
}

/** Registry entry of `cognitoCustomEmailSender`. */
export const cognitoCustomEmailSenderKind: EventKind = {
  id: 'cog-email',
  factory: 'cognitoCustomEmailSender',
  title: 'Cognito — Custom email sender',
  type: 'CustomEmailSenderTriggerEvent (corrected: CognitoCustomEmailSenderEvent)',
  build: (options) => cognitoCustomEmailSender({}, options),
  samples: ['powertools-lambda-python/cognitoCustomEmailSenderEvent.json'],
  fixture: cognitoCustomEmailSenderFixture,
  conformance: FLAGGED_CONFORMANCE,
};

// ---------------------------------------------------------------------------------------------------------------
// Inbound federation
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoInboundFederation`, from aws-lambda-go/cognito-event-userpools-inbound-federation-oidc.json. */
export const cognitoInboundFederationFixture: InboundFederationTriggerEvent = {
  version: '1',
  triggerSource: 'InboundFederation_ExternalProvider',
  region: 'us-east-1',
  userPoolId: 'us-east-1_EXAMPLE',
  userName: 'testuser',
  callerContext: CALLER,
  request: {
    providerName: 'ExampleOIDCProvider',
    providerType: 'OIDC',
    attributes: {
      tokenResponse: { access_token: 'eyExample', token_type: 'Bearer', expires_in: '3600' },
      idToken: { sub: 'user123', email: 'testuser@example.com', email_verified: 'true' },
      userInfo: { email: 'testuser@example.com', given_name: 'Test', family_name: 'User' },
    },
  },
  response: { userAttributesToMap: { email: 'testuser@example.com', given_name: 'Test', family_name: 'User' } },
};

/**
 * A Cognito inbound federation trigger for an OIDC provider (override `request.providerType` and
 * `request.attributes` for SAML or social providers). Federated users are named `<provider>_<external sub>`.
 * @example
 * const e = events.cognitoInboundFederation({ request: { providerName: 'Okta' } });
 */
export function cognitoInboundFederation(
  overrides?: CognitoOverrides<InboundFederationTriggerEvent>,
  options?: EventOptions,
): InboundFederationTriggerEvent {
  return triggerFromFixture('cog-inbound', cognitoInboundFederationFixture, overrides, options, (event, ctx) => {
    const externalSub = ctx.random.uuid();
    const provider = overrides?.request?.providerName ?? event.request.providerName;
    event.userName = `${provider}_${externalSub}`;
    event.request.attributes.idToken = { ...event.request.attributes.idToken, sub: externalSub };
    event.request.attributes.tokenResponse = { ...event.request.attributes.tokenResponse, access_token: `ey${mixedAlnum(ctx.random, 40)}` };
  });
}

/** Registry entry of `cognitoInboundFederation`. */
export const cognitoInboundFederationKind: EventKind = {
  id: 'cog-inbound',
  factory: 'cognitoInboundFederation',
  title: 'Cognito — Inbound federation (OIDC/SAML)',
  type: 'InboundFederationTriggerEvent',
  build: (options) => cognitoInboundFederation({}, options),
  samples: ['aws-lambda-go/cognito-event-userpools-inbound-federation-oidc.json', 'aws-lambda-go/cognito-event-userpools-inbound-federation-saml.json'],
  fixture: cognitoInboundFederationFixture,
  conformance: {
    // The samples' client id `1example23456789` happens to look like base64; real app client ids are 26 characters.
    ignore: ['callerContext.clientId'],
    dictionaries: [
      'request.attributes.tokenResponse',
      'request.attributes.idToken',
      'request.attributes.userInfo',
      'request.attributes.samlResponse',
      'response.userAttributesToMap',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Any trigger (generic envelope)
// ---------------------------------------------------------------------------------------------------------------

/** The canonical base of `cognitoTrigger`, from powertools-lambda-typescript/parser__cognito__base.json. */
export const cognitoTriggerFixture: CognitoBaseTriggerEvent<''> = {
  version: '1',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_bbYLzC8rt',
  userName: 'example@email.com',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '4ma39kqn9j6ncsimddqs13sgok' },
  triggerSource: '',
  request: {},
  response: {},
};

/**
 * Any Cognito user pool trigger by its `triggerSource`, with only the shared envelope (`request` and `response`
 * empty unless overridden): for triggers without a dedicated factory (e.g. pre token generation v3).
 * @example
 * const e = events.cognitoTrigger({ triggerSource: 'TokenGeneration_ClientCredentials' });
 */
export function cognitoTrigger<S extends string = ''>(
  overrides?: CognitoOverrides<CognitoBaseTriggerEvent<S>, S>,
  options?: EventOptions,
): CognitoBaseTriggerEvent<S> {
  return triggerFromFixture('cog-generic', cognitoTriggerFixture, overrides, options) as unknown as CognitoBaseTriggerEvent<S>;
}

/** Registry entry of `cognitoTrigger`. */
export const cognitoTriggerKind: EventKind = {
  id: 'cog-generic',
  factory: 'cognitoTrigger',
  title: 'Cognito — generic base event',
  type: 'BaseTriggerEvent<string> (exported as CognitoBaseTriggerEvent)',
  build: (options) => cognitoTrigger({}, options),
  samples: ['powertools-lambda-typescript/parser__cognito__base.json'],
  fixture: cognitoTriggerFixture,
};

// ---------------------------------------------------------------------------------------------------------------
// Cognito Sync (identity pools): not a user pool trigger, and `@types/aws-lambda` has no type for it.
// ---------------------------------------------------------------------------------------------------------------

/** One changed key of a Cognito Sync dataset. */
export interface CognitoSyncDatasetRecord {
  oldValue: string | null;
  newValue: string | null;
  op: 'replace' | 'remove';
}

/**
 * The Cognito Sync trigger event (identity pool dataset sync). `@types/aws-lambda` has no type for it; this one is
 * written from the SAM, aws-lambda-go and rust samples.
 * @example
 * const e: CognitoSyncTriggerEvent = events.cognitoSync();
 */
export interface CognitoSyncTriggerEvent {
  version: number;
  eventType: 'SyncTrigger';
  region: string;
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  datasetRecords: Record<string, CognitoSyncDatasetRecord>;
}

/** The canonical base of `cognitoSync`, from aws-sam-cli-rendered/cognito__sync-trigger.json. */
export const cognitoSyncFixture: CognitoSyncTriggerEvent = {
  version: 2,
  eventType: 'SyncTrigger',
  region: 'us-east-1',
  identityPoolId: 'identityPoolId',
  identityId: 'identityId',
  datasetName: 'datasetName',
  datasetRecords: {
    SampleKey1: { oldValue: 'oldValue1', newValue: 'newValue1', op: 'replace' },
    SampleKey2: { oldValue: 'oldValue2', newValue: 'newValue2', op: 'replace' },
  },
};

/**
 * A Cognito Sync trigger. Identity pool and identity ids are `<region>:<uuid>`, as Cognito issues them.
 * @example
 * const e = events.cognitoSync({ datasetRecords: { score: { oldValue: '1', newValue: '2', op: 'replace' } } });
 */
export function cognitoSync(overrides?: DeepPartial<CognitoSyncTriggerEvent>, options?: EventOptions): CognitoSyncTriggerEvent {
  return fromFixture('cog-sync', cognitoSyncFixture, overrides, options, (event, { random }) => {
    event.region = typeof overrides?.region === 'string' ? overrides.region : DEFAULT_REGION;
    event.identityPoolId = `${event.region}:${random.uuid()}`;
    event.identityId = `${event.region}:${random.uuid()}`;
    // A dataset given by the test replaces the sample's records rather than adding to them.
    if (overrides?.datasetRecords !== undefined) event.datasetRecords = {};
  });
}

/** Registry entry of `cognitoSync`. */
export const cognitoSyncKind: EventKind = {
  id: 'cog-sync',
  factory: 'cognitoSync',
  title: 'Cognito Sync (identity pool dataset) trigger',
  type: 'CognitoSyncTriggerEvent (no @types/aws-lambda type)',
  build: (options) => cognitoSync({}, options),
  samples: ['aws-sam-cli-rendered/cognito__sync-trigger.json', 'aws-lambda-go/cognito-event.json', 'aws-lambda-rust-runtime/example-cognito-event.json'],
  fixture: cognitoSyncFixture,
  conformance: { dictionaries: ['datasetRecords'] },
  sam: [{ service: 'cognito', event: 'sync-trigger' }],
};
