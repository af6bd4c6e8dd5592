import fc from 'fast-check';
import type { AppSyncResolverEvent, CloudFormationCustomResourceEvent, CloudFrontRequestEvent, PreSignUpTriggerEvent } from 'aws-lambda';
import { appSyncResolver as appSyncResolverFactory } from '../../events/services/appsync.js';
import {
  cloudFormationCreate,
  cloudFormationDelete,
  cloudFormationUpdate,
} from '../../events/services/cloudformation.js';
import { cloudFrontRequest as cloudFrontRequestFactory } from '../../events/services/cloudfront.js';
import { cognitoPreSignUp as cognitoPreSignUpFactory } from '../../events/services/cognito.js';
import { eventArbitrary, type EventArbitraryConstraints } from '../_internals/event-arbitrary.js';

/** Attribute names Cognito users commonly carry, plus custom ones (`custom:` prefix, as Cognito requires). */
const ATTRIBUTE_NAME = fc.oneof(
  fc.constantFrom('email', 'phone_number', 'name', 'given_name', 'family_name', 'locale'),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).map((s) => `custom:${s}`),
);

/**
 * Cognito pre sign-up triggers over every `triggerSource`, with unicode attribute values and optional validation
 * data and client metadata. Shrinks towards `PreSignUp_SignUp` with the default attributes.
 * @example
 * fc.assert(fc.property(arbitraries.cognitoPreSignUp(), (event) => handler(event).response.autoConfirmUser === false));
 */
export function cognitoPreSignUp(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<PreSignUpTriggerEvent> {
  const input = fc.record(
    {
      triggerSource: fc.constantFrom('PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'),
      userAttributes: fc.dictionary(ATTRIBUTE_NAME, fc.string({ unit: 'grapheme', maxLength: 24 }), { maxKeys: 4 }),
      validationData: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 16 }), { maxKeys: 3 }),
      clientMetadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 16 }), { maxKeys: 3 }),
    },
    { requiredKeys: ['triggerSource'] },
  );
  return eventArbitrary(
    input,
    ({ triggerSource, userAttributes, validationData, clientMetadata }, options): PreSignUpTriggerEvent =>
      cognitoPreSignUpFactory<PreSignUpTriggerEvent['triggerSource']>(
        {
          triggerSource,
          request: {
            ...(userAttributes === undefined ? {} : { userAttributes }),
            ...(validationData === undefined ? {} : { validationData }),
            ...(clientMetadata === undefined ? {} : { clientMetadata }),
          },
        },
        options,
      ),
    constraints,
  );
}

/** A JSON-ish resource property value, as CloudFormation passes template properties (scalars become strings). */
const PROPERTY_VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'grapheme', maxLength: 16 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,9}$/), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/**
 * CloudFormation custom resource requests of every type, with nested string/list/map properties (and different old
 * properties on updates). Shrinks towards a `Create` with no properties beyond `ServiceToken`.
 * @example
 * fc.assert(fc.property(arbitraries.cloudFormationCustomResource(), (event) => typeof event.ResponseURL === 'string'));
 */
export function cloudFormationCustomResource(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<CloudFormationCustomResourceEvent> {
  const props = fc.dictionary(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,11}$/), PROPERTY_VALUE, { maxKeys: 4 }).filter((p) => !('ServiceToken' in p));
  const input = fc.record({ requestType: fc.constantFrom('Create', 'Update', 'Delete'), properties: props, oldProperties: props });
  return eventArbitrary(
    input,
    ({ requestType, properties, oldProperties }, options): CloudFormationCustomResourceEvent => {
      if (requestType === 'Create') return cloudFormationCreate({ ResourceProperties: properties }, options);
      if (requestType === 'Delete') return cloudFormationDelete({ ResourceProperties: properties }, options);
      return cloudFormationUpdate({ ResourceProperties: properties, OldResourceProperties: oldProperties }, options) as CloudFormationCustomResourceEvent;
    },
    constraints,
  );
}

/**
 * AppSync resolver events with generated field names, selection lists and string arguments, on root or nested
 * types. Shrinks towards a root `Query` field with no arguments.
 * @example
 * fc.assert(fc.property(arbitraries.appSyncResolver(), (event) => event.info.fieldName.length > 0));
 */
export function appSyncResolver(
  constraints: EventArbitraryConstraints = {},
): fc.Arbitrary<AppSyncResolverEvent<Record<string, string>, Record<string, string> | null>> {
  const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/);
  const input = fc.record({
    parentTypeName: fc.constantFrom('Query', 'Mutation', 'Post', 'User'),
    fieldName: name,
    selectionSetList: fc.uniqueArray(name, { maxLength: 5 }),
    arguments: fc.dictionary(name, fc.string({ unit: 'grapheme', maxLength: 16 }), { maxKeys: 3 }),
  });
  return eventArbitrary(
    input,
    ({ parentTypeName, fieldName, selectionSetList, arguments: args }, options) =>
      appSyncResolverFactory<Record<string, string>, Record<string, string> | null>(
        {
          arguments: args,
          // Nested fields resolve against a parent object; root fields have none.
          source: parentTypeName === 'Query' || parentTypeName === 'Mutation' ? null : { id: fieldName },
          info: { parentTypeName, fieldName, selectionSetList },
        },
        options,
      ),
    constraints,
  );
}

/**
 * Lambda@Edge viewer/origin requests with paths and query strings needing encoding, headers in odd but legal
 * casings and repeated values (no bodies: no captured sample has one to check them against). Shrinks towards a bare `GET /`.
 * @example
 * fc.assert(fc.property(arbitraries.cloudFrontRequest(), (event) => handler(event) !== undefined));
 */
export function cloudFrontRequest(constraints: EventArbitraryConstraints = {}): fc.Arbitrary<CloudFrontRequestEvent> {
  const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/).filter((n) => n.toLowerCase() !== 'host');
  const input = fc.record(
    {
      eventType: fc.constantFrom('viewer-request' as const, 'origin-request' as const),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
      uri: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), { maxLength: 3 }).map((parts) => `/${parts.map(encodeURIComponent).join('/')}`),
      querystring: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), { maxKeys: 3 }),
      headers: fc.dictionary(headerName, fc.oneof(fc.string({ maxLength: 16 }), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 })), { maxKeys: 4 }),
    },
    { requiredKeys: ['eventType', 'method', 'uri'] },
  );
  return eventArbitrary(input, (value, options) => cloudFrontRequestFactory(value, options), constraints);
}
