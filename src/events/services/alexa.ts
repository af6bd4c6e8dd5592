import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { isoTimeSeconds } from '../_internals/format.js';
import { upperAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

// @types/aws-lambda has no Alexa types, and the only samples are SAM's six skill requests and three Smart Home
// (payload v2) directives, so the interfaces below hold exactly the keys those samples carry: a factory never
// emits a key no sample has (decision 0002).

/** `{ applicationId }` as Alexa sends it in `session.application` and `context.System.application`. */
export interface AlexaApplication {
  applicationId: string;
}

/** `{ userId }` as Alexa sends it in `session.user` and `context.System.user`. */
export interface AlexaUser {
  userId: string;
}

/** One slot of an intent. The map key is the slot name in the interaction model. */
export interface AlexaSlot {
  name: string;
  value?: string;
}

/** The fields every Alexa Skills Kit request carries. */
interface AlexaRequestBase {
  requestId: string;
  /** ISO-8601 without milliseconds (`2016-10-27T21:06:28Z`). */
  timestamp: string;
  locale: string;
}

/** A user opened the skill without an intent ("Alexa, open …"). */
export interface AlexaLaunchRequest extends AlexaRequestBase {
  type: 'LaunchRequest';
}

/** A user spoke an utterance that resolved to an intent of the skill. */
export interface AlexaIntentRequest extends AlexaRequestBase {
  type: 'IntentRequest';
  intent: { name: string; slots: Record<string, AlexaSlot> };
}

/** The session ended (user said stop, error, or no reply). */
export interface AlexaSessionEndedRequest extends AlexaRequestBase {
  type: 'SessionEndedRequest';
  reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS';
}

/**
 * An Alexa Skills Kit request envelope, as the samples in `aws-sam-cli-rendered/alexa-skills-kit__*.json` carry it.
 * @example
 * const e: AlexaSkillEvent = events.alexaSkill();
 * if (e.request.type === 'IntentRequest') e.request.intent.name;
 */
export interface AlexaSkillEvent {
  version: string;
  session: {
    new: boolean;
    sessionId: string;
    application: AlexaApplication;
    /** What the skill stored in the previous response's `sessionAttributes`. */
    attributes: Record<string, unknown>;
    user: AlexaUser;
  };
  context: {
    /** Present when the device has an audio player (absent in SAM's end-session sample). */
    AudioPlayer?: { playerActivity: string };
    System: {
      application: AlexaApplication;
      user: AlexaUser;
      device: { supportedInterfaces: Record<string, Record<string, unknown>> };
    };
  };
  request: AlexaLaunchRequest | AlexaIntentRequest | AlexaSessionEndedRequest;
}

/** The canonical base of `alexaSkill`, from aws-sam-cli-rendered/alexa-skills-kit__start-session.json. */
export const alexaSkillFixture: AlexaSkillEvent = {
  version: '1.0',
  session: {
    new: true,
    sessionId: 'amzn1.echo-api.session.123456789012',
    application: { applicationId: 'amzn1.ask.skill.987654321' },
    attributes: {},
    user: { userId: 'amzn1.ask.account.testUser' },
  },
  context: {
    AudioPlayer: { playerActivity: 'IDLE' },
    System: {
      application: { applicationId: 'amzn1.ask.skill.987654321' },
      user: { userId: 'amzn1.ask.account.testUser' },
      device: { supportedInterfaces: { AudioPlayer: {} } },
    },
  },
  request: {
    type: 'LaunchRequest',
    requestId: 'amzn1.echo-api.request.1234',
    timestamp: '2016-10-27T18:21:44Z',
    locale: 'en-US',
  },
};

/**
 * An Alexa Skills Kit request (default: a `LaunchRequest` opening a new session). Session, application, user and
 * request ids are seeded, the timestamp is `now`, and the application and user in `context.System` are the same as
 * in `session` (Alexa repeats them), including when overridden in `session`. `session.new` follows the request
 * type unless given: only a `LaunchRequest` opens a session in the SAM samples.
 * @example
 * const e = events.alexaSkill({ request: { type: 'IntentRequest', intent: { name: 'MyColorIsIntent', slots: { Color: { name: 'Color', value: 'blue' } } } } });
 */
export function alexaSkill(overrides?: DeepPartial<AlexaSkillEvent>, options?: EventOptions): AlexaSkillEvent {
  const event = fromFixture('alexa-skill', alexaSkillFixture, overrides, options, (base, { random, now }) => {
    const application = { applicationId: `amzn1.ask.skill.${random.uuid()}` };
    const user = { userId: `amzn1.ask.account.${upperAlnum(random, 64)}` };
    base.session.sessionId = `amzn1.echo-api.session.${random.uuid()}`;
    base.session.application = application;
    base.session.user = user;
    base.context.System.application = { ...application };
    base.context.System.user = { ...user };
    base.request.requestId = `amzn1.echo-api.request.${random.uuid()}`;
    base.request.timestamp = isoTimeSeconds(now);
  });
  // Alexa sends one application and one user per request; a test that overrides them in `session` only means both.
  if (overrides?.session?.application !== undefined && overrides.context?.System?.application === undefined) {
    event.context.System.application = { ...event.session.application };
  }
  if (overrides?.session?.user !== undefined && overrides.context?.System?.user === undefined) {
    event.context.System.user = { ...event.session.user };
  }
  if (overrides?.session?.new === undefined) event.session.new = event.request.type === 'LaunchRequest';
  // Deep-merging a different request type onto the LaunchRequest base leaves it without its required fields.
  if (event.request.type === 'IntentRequest') event.request.intent ??= { name: 'AMAZON.HelpIntent', slots: {} };
  if (event.request.type === 'SessionEndedRequest') event.request.reason ??= 'USER_INITIATED';
  return event;
}

const intent = (name: string, slots: Record<string, AlexaSlot> = {}): DeepPartial<AlexaSkillEvent> => ({
  request: { type: 'IntentRequest', intent: { name, slots } },
});

/** Registry entry of `alexaSkill`, answering the six `alexa-skills-kit` SAM events. */
export const alexaSkillKind: EventKind = {
  id: 'alexa-skill',
  factory: 'alexaSkill',
  title: 'Alexa Skills Kit request',
  type: '— (no @types/aws-lambda type): AlexaSkillEvent',
  build: (options) => alexaSkill({}, options),
  samples: [
    'aws-sam-cli-rendered/alexa-skills-kit__start-session.json',
    'aws-sam-cli-rendered/alexa-skills-kit__intent-answer.json',
    'aws-sam-cli-rendered/alexa-skills-kit__intent-getnewfact.json',
    'aws-sam-cli-rendered/alexa-skills-kit__intent-mycoloris.json',
    'aws-sam-cli-rendered/alexa-skills-kit__intent-recipe.json',
    'aws-sam-cli-rendered/alexa-skills-kit__end-session.json',
  ],
  examples: [
    {
      name: 'with an intent and a slot',
      build: (o) => alexaSkill(intent('MyColorIsIntent', { Color: { name: 'Color', value: 'blue' } }), o),
      samples: ['aws-sam-cli-rendered/alexa-skills-kit__intent-mycoloris.json', 'aws-sam-cli-rendered/alexa-skills-kit__intent-recipe.json'],
    },
    {
      name: 'ending the session',
      build: (o) => alexaSkill({ request: { type: 'SessionEndedRequest' }, context: { AudioPlayer: undefined } }, o),
      samples: ['aws-sam-cli-rendered/alexa-skills-kit__end-session.json'],
    },
  ],
  conformance: { dictionaries: ['session.attributes', 'request.intent.slots', 'supportedInterfaces'] },
  sam: [
    { service: 'alexa-skills-kit', event: 'start-session' },
    {
      service: 'alexa-skills-kit',
      event: 'end-session',
      build: (o) => alexaSkill({ request: { type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, context: { AudioPlayer: undefined } }, o),
    },
    {
      service: 'alexa-skills-kit',
      event: 'intent-answer',
      build: (o) =>
        alexaSkill(
          {
            ...intent('AnswerIntent', { Item: { name: 'Answer', value: '1' } }),
            session: {
              attributes: {
                score: 0,
                currentQuestionIndex: 0,
                speechOutput: "Question 1. What was Rudolph's father's name? 1. Blixen. 2. Comet. 3. Donner. 4. Dasher. ",
                correctAnswerText: 'Donner',
                repromptText: "Question 1. What was Rudolph's father's name? 1. Blixen. 2. Comet. 3. Donner. 4. Dasher. ",
                questions: [16, 20, 29, 2, 19],
                STATE: '_TRIVIAMODE',
                correctAnswerIndex: 3,
              },
            },
          },
          o,
        ),
    },
    { service: 'alexa-skills-kit', event: 'intent-getnewfact', build: (o) => alexaSkill(intent('GetNewFactIntent'), o) },
    {
      service: 'alexa-skills-kit',
      event: 'intent-mycoloris',
      build: (o) => alexaSkill(intent('MyColorIsIntent', { Color: { name: 'Color', value: 'blue' } }), o),
    },
    {
      service: 'alexa-skills-kit',
      event: 'intent-recipe',
      build: (o) => alexaSkill(intent('RecipeIntent', { Item: { name: 'Item', value: 'snowball' } }), o),
    },
  ],
  fixture: alexaSkillFixture,
};

/**
 * An Alexa Smart Home skill directive, payload version 2 (the three `alexa-smart-home` SAM events): discovery or a
 * control request on one appliance.
 * @example
 * const e: AlexaSmartHomeEvent = events.alexaSmartHome();
 * e.header.name; // 'TurnOnRequest'
 */
export interface AlexaSmartHomeEvent {
  header: {
    /** An uppercase UUID. */
    messageId: string;
    /** `DiscoverAppliancesRequest`, `TurnOnRequest`, `TurnOffRequest`, ... */
    name: string;
    /** `Alexa.ConnectedHome.Discovery` or `Alexa.ConnectedHome.Control`. */
    namespace: string;
    payloadVersion: string;
  };
  payload: {
    accessToken: string;
    /** The appliance a control request acts on; discovery requests have none. */
    appliance?: { additionalApplianceDetails: Record<string, string>; applianceId: string };
  };
}

/** The canonical base of `alexaSmartHome`, from aws-sam-cli-rendered/alexa-smart-home__smart-home-control-turn-on-request.json. */
export const alexaSmartHomeFixture: AlexaSmartHomeEvent = {
  header: {
    messageId: '9484BF6A-854E-47B8-86CB-54B22F15740D',
    name: 'TurnOnRequest',
    namespace: 'Alexa.ConnectedHome.Control',
    payloadVersion: '2',
  },
  payload: {
    accessToken: '1',
    appliance: { additionalApplianceDetails: {}, applianceId: 'unique-id-for-non-dimmable-bulb-specific-to-user1' },
  },
};

/**
 * An Alexa Smart Home v2 directive (default `TurnOnRequest`) with a seeded uppercase `messageId`. When `header.name`
 * is given without a `namespace`, the namespace follows it as Alexa sets it, and a discovery request drops the
 * appliance (Alexa sends none) unless one is given.
 * @example
 * const e = events.alexaSmartHome({ header: { name: 'DiscoverAppliancesRequest' } });
 */
export function alexaSmartHome(overrides?: DeepPartial<AlexaSmartHomeEvent>, options?: EventOptions): AlexaSmartHomeEvent {
  const event = fromFixture('alexa-smarthome', alexaSmartHomeFixture, overrides, options, (base, { random }) => {
    base.header.messageId = random.uuid().toUpperCase();
  });
  const discovery = event.header.name.startsWith('Discover');
  if (overrides?.header?.namespace === undefined) {
    event.header.namespace = discovery ? 'Alexa.ConnectedHome.Discovery' : 'Alexa.ConnectedHome.Control';
  }
  if (discovery && overrides?.payload?.appliance === undefined) delete event.payload.appliance;
  return event;
}

/** Registry entry of `alexaSmartHome`, answering the three `alexa-smart-home` SAM events. */
export const alexaSmartHomeKind: EventKind = {
  id: 'alexa-smarthome',
  factory: 'alexaSmartHome',
  title: 'Alexa Smart Home directive (payload v2)',
  type: '— (no @types/aws-lambda type): AlexaSmartHomeEvent',
  build: (options) => alexaSmartHome({}, options),
  samples: [
    'aws-sam-cli-rendered/alexa-smart-home__smart-home-control-turn-on-request.json',
    'aws-sam-cli-rendered/alexa-smart-home__smart-home-control-turn-off-request.json',
  ],
  examples: [
    {
      name: 'for discovery',
      build: (o) => alexaSmartHome({ header: { name: 'DiscoverAppliancesRequest' } }, o),
      samples: ['aws-sam-cli-rendered/alexa-smart-home__smart-home-discovery-request.json'],
    },
  ],
  conformance: { dictionaries: ['additionalApplianceDetails'] },
  sam: [
    { service: 'alexa-smart-home', event: 'smart-home-control-turn-on-request' },
    { service: 'alexa-smart-home', event: 'smart-home-control-turn-off-request', build: (o) => alexaSmartHome({ header: { name: 'TurnOffRequest' } }, o) },
    { service: 'alexa-smart-home', event: 'smart-home-discovery-request', build: (o) => alexaSmartHome({ header: { name: 'DiscoverAppliancesRequest' } }, o) },
  ],
  fixture: alexaSmartHomeFixture,
};
