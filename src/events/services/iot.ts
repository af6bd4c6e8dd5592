import type { IoTCustomAuthorizerEvent, IoTCustomAuthorizerResult, IoTEvent, IoTPreProvisioningHookEvent, IoTPreProvisioningHookResult } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, upperAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The payload an AWS IoT Button sends through an IoT rule. */
export interface IoTButtonPayload {
  serialNumber: string;
  clickType: 'SINGLE' | 'DOUBLE' | 'LONG';
  batteryVoltage: string;
}

/** The canonical base of `iotButton`, from aws-lambda-go/iot-button-event.json. */
export const iotButtonFixture: IoTButtonPayload = {
  "serialNumber": "ABCDEFG12345",
  "clickType": "SINGLE",
  "batteryVoltage": "2000 mV"
};

/**
 * An IoT Button click delivered by an IoT rule (`IoTEvent<IoTButtonPayload>`), with a seeded serial number.
 * @example
 * const e = events.iotButton({ clickType: 'DOUBLE' });
 */
export function iotButton(overrides?: DeepPartial<IoTButtonPayload>, options?: EventOptions): IoTEvent<IoTButtonPayload> & IoTButtonPayload {
  return fromFixture('iot-button', iotButtonFixture, overrides, options, (event, { random }) => {
    event.serialNumber = `G030PM${upperAlnum(random, 10)}`;
  });
}

/** The payload an AWS IoT 1-Click device sends. */
export interface IoT1ClickPayload {
  deviceEvent: { buttonClicked: { clickType: 'SINGLE' | 'DOUBLE' | 'LONG'; reportedTime: string } };
  deviceInfo: { attributes: Record<string, string>; type: string; deviceId: string; remainingLife: number };
  placementInfo: { projectName: string; placementName: string; attributes: Record<string, string>; devices: Record<string, string> };
}

/** The canonical base of `iot1Click`, from aws-lambda-go/iot-1-click-event.json. */
export const iot1ClickFixture: IoT1ClickPayload = {
  "deviceEvent": {
    "buttonClicked": {
      "clickType": "SINGLE",
      "reportedTime": "2018-05-04T23:26:33.747Z"
    }
  },
  "deviceInfo": {
    "attributes": {
      "key3": "value3",
      "key1": "value1",
      "key4": "value4"
    },
    "type": "button",
    "deviceId": "G030PMXXXXXXXXXX",
    "remainingLife": 5.0
  },
  "placementInfo": {
    "projectName": "test",
    "placementName": "myPlacement",
    "attributes": {
      "location": "Seattle",
      "equipment": "printer"
    },
    "devices": {
      "myButton": "G030PMXXXXXXXXXX"
    }
  }
};

/**
 * An IoT 1-Click button event (`IoTEvent<IoT1ClickPayload>`): a seeded device id, used for the placement's device
 * too, and `reportedTime` at the event time.
 * @example
 * const e = events.iot1Click({ deviceEvent: { buttonClicked: { clickType: 'LONG' } } });
 */
export function iot1Click(overrides?: DeepPartial<IoT1ClickPayload>, options?: EventOptions): IoTEvent<IoT1ClickPayload> & IoT1ClickPayload {
  return fromFixture('iot-1click', iot1ClickFixture, overrides, options, (event, { random, now }) => {
    const deviceId = `G030PM${upperAlnum(random, 10)}`;
    event.deviceInfo.deviceId = deviceId;
    event.placementInfo.devices = { myButton: deviceId };
    event.deviceEvent.buttonClicked.reportedTime = new Date(now).toISOString();
  });
}

/** The canonical base of `iotCustomAuthorizer`, from aws-lambda-go/iot-custom-auth-request.json. */
export const iotCustomAuthorizerFixture: IoTCustomAuthorizerEvent = {
  "token": "aToken",
  "signatureVerified": true,
  "protocols": [
    "tls",
    "http",
    "mqtt"
  ],
  "protocolData": {
    "tls": {
      "serverName": "serverName"
    },
    "http": {
      "headers": {
        "X-Request-ID": "abc123"
      },
      "queryString": "?foo=bar"
    },
    "mqtt": {
      "username": "myUserName",
      "password": "bXlQYXNzd29yZA==",
      "clientId": "myClientId"
    }
  },
  "connectionMetadata": {
    "id": "e56f08c3-c559-490f-aa9f-7e8427d0f57b"
  }
};

/**
 * An IoT Core custom authorizer request: MQTT password base64-encoded as IoT sends it, seeded connection id.
 * @example
 * const e = events.iotCustomAuthorizer({ token: 'abc', protocolData: { mqtt: { username: 'u' } } });
 */
export function iotCustomAuthorizer(overrides?: DeepPartial<IoTCustomAuthorizerEvent>, options?: EventOptions): IoTCustomAuthorizerEvent {
  return fromFixture('iot-auth', iotCustomAuthorizerFixture, overrides, options, (event, { random }) => {
    event.connectionMetadata.id = random.uuid();
    if (event.protocolData.mqtt !== undefined) event.protocolData.mqtt.clientId = `client-${random.hex(8)}`;
  });
}

/**
 * An IoT custom authorizer result allowing (or denying) publish on one topic.
 * @example
 * const r = events.iotCustomAuthorizerResult({ isAuthenticated: false });
 */
export function iotCustomAuthorizerResult(overrides: Partial<IoTCustomAuthorizerResult> = {}): IoTCustomAuthorizerResult {
  return {
    isAuthenticated: true,
    principalId: 'principal',
    disconnectAfterInSeconds: 86400,
    refreshAfterInSeconds: 300,
    policyDocuments: [
      {
        Version: '2012-10-17',
        Statement: [{ Action: ['iot:Publish'], Effect: 'Allow', Resource: [`arn:aws:iot:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:topic/customauthtesting`] }],
      },
    ],
    ...overrides,
  };
}

/** The canonical base of `iotPreProvisioningHook`, from aws-lambda-go/iot-preprovision-hook-request.json. */
export const iotPreProvisioningHookFixture: IoTPreProvisioningHookEvent = {
  "claimCertificateId": "string",
  "certificateId": "string",
  "certificatePem": "string",
  "templateArn": "arn:aws:iot:us-east-1:1234567890:provisioningtemplate/MyTemplate",
  "clientId": "221a6d10-9c7f-42f1-9153-e52e6fc869c1",
  "parameters": {
    "param1": "parma1value",
    "param2": "param2value"
  }
};

/**
 * An IoT fleet provisioning pre-provisioning hook request: seeded certificate ids (64 hex digits) and client id.
 * @example
 * const e = events.iotPreProvisioningHook({ parameters: { SerialNumber: '123' } });
 */
export function iotPreProvisioningHook(overrides?: DeepPartial<IoTPreProvisioningHookEvent>, options?: EventOptions): IoTPreProvisioningHookEvent {
  return fromFixture('iot-preprov', iotPreProvisioningHookFixture, overrides, options, (event, { random }) => {
    event.claimCertificateId = random.hex(64);
    event.certificateId = random.hex(64);
    event.clientId = random.uuid();
    event.templateArn = `arn:aws:iot:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:provisioningtemplate/MyTemplate`;
    // Parameters are the device's data: a test that gives some replaces the sample's.
    if (overrides?.parameters !== undefined) event.parameters = {};
  });
}

/**
 * A pre-provisioning hook result.
 * @example
 * const r = events.iotPreProvisioningHookResult({ allowProvisioning: false });
 */
export function iotPreProvisioningHookResult(overrides: Partial<IoTPreProvisioningHookResult> = {}): IoTPreProvisioningHookResult {
  return { allowProvisioning: true, parameterOverrides: {}, ...overrides };
}

/** Registry entry of `iotButton`. */
export const iotButtonKind: EventKind = {
  id: 'iot-button',
  factory: 'iotButton',
  title: 'IoT Button',
  type: 'IoTEvent<IoTButtonPayload>',
  build: (options) => iotButton({}, options),
  samples: ['aws-lambda-go/iot-button-event.json', 'aws-lambda-rust-runtime/example-iot_button-event.json'],
  fixture: iotButtonFixture,
};

/** Registry entry of `iot1Click`. */
export const iot1ClickKind: EventKind = {
  id: 'iot-1click',
  factory: 'iot1Click',
  title: 'IoT 1-Click',
  type: 'IoTEvent<IoT1ClickPayload>',
  build: (options) => iot1Click({}, options),
  samples: ['aws-lambda-go/iot-1-click-event.json', 'aws-lambda-rust-runtime/example-iot_1_click-event.json'],
  fixture: iot1ClickFixture,
  conformance: { dictionaries: ['attributes', 'devices'] },
};

/** Registry entry of `iotCustomAuthorizer`. */
export const iotCustomAuthorizerKind: EventKind = {
  id: 'iot-auth',
  factory: 'iotCustomAuthorizer',
  title: 'IoT Core custom authorizer request',
  type: 'IoTCustomAuthorizerEvent',
  build: (options) => iotCustomAuthorizer({}, options),
  samples: ['aws-lambda-go/iot-custom-auth-request.json', 'aws-lambda-rust-runtime/example-iot-custom-auth-request.json'],
  fixture: iotCustomAuthorizerFixture,
};

/** Registry entry of `iotPreProvisioningHook`. */
export const iotPreProvisioningHookKind: EventKind = {
  id: 'iot-preprov',
  factory: 'iotPreProvisioningHook',
  title: 'IoT fleet provisioning pre-provisioning hook request',
  type: 'IoTPreProvisioningHookEvent',
  build: (options) => iotPreProvisioningHook({}, options),
  samples: ['aws-lambda-go/iot-preprovision-hook-request.json'],
  fixture: iotPreProvisioningHookFixture,
  conformance: { dictionaries: ['parameters'] },
};
