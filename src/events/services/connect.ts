import type { ConnectContactFlowEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The canonical base of `connectContactFlow`, from powertools-lambda-python/connectContactFlowEventAll.json. */
export const connectContactFlowFixture: ConnectContactFlowEvent = {
  "Name": "ContactFlowEvent",
  "Details": {
    "ContactData": {
      "Attributes": {
        "Language": "en-US"
      },
      "Channel": "VOICE",
      "ContactId": "5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
      "CustomerEndpoint": {
        "Address": "+11234567890",
        "Type": "TELEPHONE_NUMBER"
      },
      "InitialContactId": "5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
      "InitiationMethod": "API",
      "InstanceARN": "arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa",
      "MediaStreams": {
        "Customer": {
          "Audio": {
            "StartFragmentNumber": "91343852333181432392682062622220590765191907586",
            "StartTimestamp": "1565781909613",
            "StreamARN": "arn:aws:kinesisvideo:eu-central-1:123456789012:stream/connect-contact-a3d73b84-ce0e-479a-a9dc-5637c9d30ac9/1565272947806"
          }
        }
      },
      "PreviousContactId": "5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
      "Queue": {
        "ARN": "arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa/queue/5cba7cbf-1ecb-4b6d-b8bd-fe91079b3fc8",
        "Name": "QueueOne"
      },
      "SystemEndpoint": {
        "Address": "+11234567890",
        "Type": "TELEPHONE_NUMBER"
      }
    },
    "Parameters": {
      "ParameterOne": "One",
      "ParameterTwo": "Two"
    }
  }
};

/**
 * An Amazon Connect contact flow invocation: a seeded contact (initial and previous ids equal for a first contact,
 * as Connect sends them) in a seeded instance, with the queue under that instance.
 * @example
 * const e = events.connectContactFlow({ Details: { Parameters: { lookup: 'balance' } } });
 */
export function connectContactFlow(overrides?: DeepPartial<ConnectContactFlowEvent>, options?: EventOptions): ConnectContactFlowEvent {
  return fromFixture('connect', connectContactFlowFixture, overrides, options, (event, { random }) => {
    const data = event.Details.ContactData;
    const instance = `arn:aws:connect:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:instance/${random.uuid()}`;
    const contactId = random.uuid();
    data.ContactId = contactId;
    data.InitialContactId = contactId;
    data.PreviousContactId = contactId;
    data.InstanceARN = instance;
    data.Queue = { ARN: `${instance}/queue/${random.uuid()}`, Name: 'QueueOne' };
    // Attributes and parameters are the flow's data: a test that gives some replaces the sample's.
    if (overrides?.Details?.ContactData?.Attributes !== undefined) data.Attributes = {};
    if (overrides?.Details?.Parameters !== undefined) event.Details.Parameters = {};
  });
}

/** Registry entry of `connectContactFlow`. */
export const connectContactFlowKind: EventKind = {
  id: 'connect',
  factory: 'connectContactFlow',
  title: 'Amazon Connect contact flow',
  type: 'ConnectContactFlowEvent',
  build: (options) => connectContactFlow({}, options),
  // The aws-lambda-go and rust copies carry documentation placeholders (INDEX.md).
  samples: [
    'powertools-lambda-python/connectContactFlowEventAll.json',
    'powertools-lambda-python/connectContactFlowEventMin.json',
    'aws-sam-cli-rendered/connect__contact-flow-event.json',
  ],
  fixture: connectContactFlowFixture,
  conformance: { dictionaries: ['Attributes', 'Parameters'] },
  sam: [{ service: 'connect', event: 'contact-flow-event' }],
};
