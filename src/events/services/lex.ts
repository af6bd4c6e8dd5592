import type { LexEvent, LexResult, LexV2Event } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { upperAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The canonical base of `lexV1`, from aws-sam-cli-rendered/lex__order-flowers.json (= the developer guide's lex-flowers). */
export const lexV1Fixture: LexEvent = {
  messageVersion: '1.0',
  invocationSource: 'DialogCodeHook',
  userId: 'John',
  sessionAttributes: {},
  requestAttributes: null,
  bot: { name: 'OrderFlowers', alias: '$LATEST', version: '$LATEST' },
  outputDialogMode: 'Text',
  currentIntent: {
    name: 'OrderFlowers',
    slots: { FlowerType: 'lilies', PickupDate: '2030-11-08', PickupTime: '10:00' },
    slotDetails: {},
    confirmationStatus: 'None',
  },
  inputTranscript: 'I would like to order lilies',
};

/**
 * A Lex V1 code hook event. `slots` given by a test replace the sample's (they are the intent's data); a user id
 * is seeded.
 * @example
 * const e = events.lexV1({ invocationSource: 'FulfillmentCodeHook', currentIntent: { slots: { FlowerType: 'roses' } } });
 */
export function lexV1(overrides?: DeepPartial<LexEvent>, options?: EventOptions): LexEvent {
  return fromFixture('lex-v1', lexV1Fixture, overrides, options, (event, { random }) => {
    event.userId = `user-${random.hex(8)}`;
    if (overrides?.currentIntent?.slots !== undefined) event.currentIntent.slots = {};
  });
}

/**
 * A Lex V1 code hook result: closes the intent as fulfilled with a plain-text message unless told otherwise.
 * @example
 * const r = events.lexV1Result({ dialogAction: { type: 'Delegate', slots: {} } });
 */
export function lexV1Result(result: Partial<LexResult> = {}): LexResult {
  return {
    sessionAttributes: {},
    dialogAction: { type: 'Close', fulfillmentState: 'Fulfilled', message: { contentType: 'PlainText', content: 'Done.' } },
    ...result,
  };
}

/** The canonical base of `lexV2`, from aws-sam-cli-rendered/lex-v2__book-car.json. */
export const lexV2Fixture: LexV2Event = {
  "sessionId": "254688924456220",
  "inputTranscript": "Book a car",
  "interpretations": [
    {
      "intent": {
        "slots": {
          "ReturnDate": null,
          "PickUpDate": null,
          "DriverAge": null,
          "CarType": null,
          "PickUpCity": null
        },
        "confirmationState": "None",
        "name": "BookCar",
        "state": "InProgress"
      },
      "nluConfidence": 1
    },
    {
      "intent": {
        "slots": {
          "RoomType": null,
          "CheckInDate": null,
          "Nights": null,
          "Location": null
        },
        "confirmationState": "None",
        "name": "BookHotel",
        "state": "InProgress"
      },
      "nluConfidence": 0.51
    },
    {
      "intent": {
        "slots": {},
        "confirmationState": "None",
        "name": "FallbackIntent",
        "state": "InProgress"
      }
    }
  ],
  "proposedNextState": {
    "intent": {
      "slots": {
        "ReturnDate": null,
        "PickUpDate": null,
        "DriverAge": null,
        "CarType": null,
        "PickUpCity": null
      },
      "confirmationState": "None",
      "name": "BookCar",
      "state": "InProgress"
    },
    "dialogAction": {
      "slotToElicit": "PickUpCity",
      "type": "ElicitSlot"
    }
  },
  "responseContentType": "text/plain; charset=utf-8",
  "sessionState": {
    "intent": {
      "slots": {
        "ReturnDate": null,
        "PickUpDate": null,
        "DriverAge": null,
        "CarType": null,
        "PickUpCity": null
      },
      "confirmationState": "None",
      "name": "BookCar",
      "state": "InProgress"
    },
    "originatingRequestId": "d32005f8-c142-48b5-bf88-c2dd4c05a25e"
  },
  "messageVersion": "1.0",
  "invocationSource": "DialogCodeHook",
  "transcriptions": [
    {
      "resolvedSlots": {},
      "resolvedContext": {
        "intent": "BookCar"
      },
      "transcription": "Book a car",
      "transcriptionConfidence": 1
    }
  ],
  "inputMode": "Text",
  "bot": {
    "aliasName": "TestBotAlias",
    "aliasId": "TSTALIASID",
    "name": "BookTrip",
    "version": "DRAFT",
    "localeId": "en_US",
    "id": "CCGFLGVZMD"
  }
};

/**
 * A Lex V2 code hook event with a seeded session, bot id and originating request id.
 * @example
 * const e = events.lexV2({ inputTranscript: 'Book a hotel', invocationSource: 'FulfillmentCodeHook' });
 */
export function lexV2(overrides?: DeepPartial<LexV2Event>, options?: EventOptions): LexV2Event {
  return fromFixture('lex-v2', lexV2Fixture, overrides, options, (event, { random }) => {
    event.sessionId = String(100000000000000 + random.int(900000000000000));
    event.bot.id = upperAlnum(random, 10);
    event.sessionState.originatingRequestId = random.uuid();
  });
}

const LEX_V1_SAM = ['book-car', 'book-hotel', 'make-appointment', 'order-flowers'];
const LEX_V2_SAM = ['banking-bot', 'book-car', 'book-hotel'];

/** Registry entry of `lexV1`. */
export const lexV1Kind: EventKind = {
  id: 'lex-v1',
  factory: 'lexV1',
  title: 'Lex V1 code hook',
  type: 'LexEvent',
  build: (options) => lexV1({}, options),
  // The aws-lambda-go copy has placeholder values but is the only one listing inputTranscript, requestAttributes and
  // slotDetails, which Lex sends (the SAM templates predate them): it is kept for its structure.
  samples: [...LEX_V1_SAM.map((e) => `aws-sam-cli-rendered/lex__${e}.json`), 'aws-lambda-go/lex-event.json'],
  fixture: lexV1Fixture,
  conformance: { dictionaries: ['slots', 'slotDetails', 'sessionAttributes', 'requestAttributes'], ignore: ['requestAttributes'] },
  sam: LEX_V1_SAM.map((event) => ({ service: 'lex', event })),
};

/** Registry entry of `lexV2`. */
export const lexV2Kind: EventKind = {
  id: 'lex-v2',
  factory: 'lexV2',
  title: 'Lex V2 code hook',
  type: 'LexV2Event',
  build: (options) => lexV2({}, options),
  samples: LEX_V2_SAM.map((e) => `aws-sam-cli-rendered/lex-v2__${e}.json`),
  fixture: lexV2Fixture,
  conformance: { dictionaries: ['slots', 'resolvedSlots', 'sessionAttributes'] },
  sam: LEX_V2_SAM.map((event) => ({ service: 'lex-v2', event })),
};
