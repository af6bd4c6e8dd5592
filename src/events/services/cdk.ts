import type { CdkCustomResourceEvent, CdkCustomResourceResponse, CloudFormationCustomResourceResourcePropertiesCommon } from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { customResourceIdentity, type CustomResourceHints } from './_internals/custom-resource.js';

type Props = CloudFormationCustomResourceResourcePropertiesCommon;
type RequestType = CdkCustomResourceEvent['RequestType'];

/** The CDK provider-framework `onEvent` request of one request type, with typed resource properties. */
export type CdkCustomResourceEventOf<R extends RequestType, TProps = Props, TOldProps = TProps> = Extract<
  CdkCustomResourceEvent<TProps, TOldProps>,
  { RequestType: R }
>;

/**
 * Overrides of {@link cdkCustomResource}: deep-partial, with `RequestType` kept literal so it picks the return type.
 */
export type CdkCustomResourceOverrides<R extends RequestType, TProps, TOldProps> = DeepPartial<
  Omit<CdkCustomResourceEventOf<R, TProps, TOldProps>, 'RequestType'>
> & { RequestType?: R };

/**
 * The canonical base of `cdkCustomResource`, from
 * aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-update-request.json, plus the
 * `ServiceToken` CloudFormation sends and the `ResponseURL` the CDK framework replaces with `'...'`.
 */
export const cdkCustomResourceFixture: CdkCustomResourceEventOf<'Update'> = {
  RequestType: 'Update',
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:stack-name-ProviderframeworkonEvent-ABC123',
  ResponseURL: '...',
  RequestId: '49347ca5-c603-44e5-a34b-10cf1854a887',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack-name/16580499-7622-4a9c-b32f-4eba35da93da',
  ResourceType: 'Custom::MyCustomResourceType',
  LogicalResourceId: 'CustomResource',
  PhysicalResourceId: 'custom-resource-f4bd5382-3de3-4caf-b7ad-1be06b899647',
  ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:stack-name-ProviderframeworkonEvent-ABC123' },
  OldResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:stack-name-ProviderframeworkonEvent-ABC123' },
};

/**
 * The request a CDK provider-framework `onEvent` handler receives (`RequestType` `Create`, `Update` or `Delete`,
 * default `Create`). It is the CloudFormation request with `ResponseURL` replaced by `'...'`, because the framework
 * answers CloudFormation itself; `PhysicalResourceId` and `OldResourceProperties` appear for the request types that
 * have them.
 * @example
 * const e = events.cdkCustomResource<'Delete'>({ RequestType: 'Delete', PhysicalResourceId: 'bucket-1' });
 */
export function cdkCustomResource<R extends RequestType = 'Create', TProps = Props, TOldProps = TProps>(
  overrides?: CdkCustomResourceOverrides<R, TProps, TOldProps>,
  options?: EventOptions,
): CdkCustomResourceEventOf<R, TProps, TOldProps> {
  const ctx = buildContext('cdk-provider', options);
  const id = customResourceIdentity(ctx, overrides as CustomResourceHints | undefined);
  const requestType: RequestType = overrides?.RequestType ?? 'Create';
  const { PhysicalResourceId: _physical, OldResourceProperties: _old, ...common } = structuredClone(cdkCustomResourceFixture);
  const base: Record<string, unknown> = {
    ...common,
    RequestType: requestType,
    ServiceToken: id.ServiceToken,
    RequestId: id.RequestId,
    StackId: id.StackId,
    ResourceType: id.ResourceType,
    LogicalResourceId: id.LogicalResourceId,
    ResourceProperties: { ServiceToken: id.ServiceToken },
  };
  if (requestType !== 'Create') base['PhysicalResourceId'] = id.PhysicalResourceId;
  if (requestType === 'Update') base['OldResourceProperties'] = { ServiceToken: id.ServiceToken };
  return deepMerge(base as unknown as CdkCustomResourceEventOf<R, TProps, TOldProps>, overrides as DeepPartial<CdkCustomResourceEventOf<R, TProps, TOldProps>>);
}

/** The canonical base of `cdkCustomResourceResponse`, from aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-response.json. */
export const cdkCustomResourceResponseFixture: CdkCustomResourceResponse<Record<string, string>> = {
  PhysicalResourceId: 'custom-resource-f4bd5382-3de3-4caf-b7ad-1be06b899647',
  NoEcho: false,
  Data: { Key1: 'a', Key2: 'b', Key3: 'c' },
};

/**
 * What a CDK provider `onEvent` handler returns: the physical id (keep the request's on update, or CloudFormation
 * replaces the resource), `Data` for `Fn::GetAtt`, and `NoEcho`.
 * @example
 * const res = events.cdkCustomResourceResponse({ PhysicalResourceId: 'bucket-1', Data: { Arn: 'arn:aws:s3:::bucket-1' } });
 */
export function cdkCustomResourceResponse<TData extends Record<string, unknown> = Record<string, unknown>>(
  response: CdkCustomResourceResponse<TData> = {},
): CdkCustomResourceResponse<TData> {
  return { PhysicalResourceId: cdkCustomResourceResponseFixture.PhysicalResourceId, NoEcho: false, Data: {} as TData, ...response };
}

/** Registry entry of `cdkCustomResource`. */
export const cdkCustomResourceKind: EventKind = {
  id: 'cdk-provider',
  factory: 'cdkCustomResource',
  title: 'CDK Provider-framework onEvent request',
  type: 'CdkCustomResourceEvent',
  build: (options) => cdkCustomResource({}, options),
  samples: [
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-create-request.json',
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-update-request.json',
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-delete-request.json',
  ],
  fixture: cdkCustomResourceFixture,
  conformance: {
    dictionaries: ['ResourceProperties', 'OldResourceProperties'],
    // The rust samples drop both, but the framework passes `{ ...cfnRequest, ResponseURL: '...' }` to onEvent
    // (aws-cdk custom-resources provider-framework runtime, framework.ts), so both are present.
    ignore: ['ServiceToken', 'ResponseURL'],
  },
  examples: [
    { name: 'for an update', build: (options) => cdkCustomResource({ RequestType: 'Update' }, options) },
    { name: 'for a delete', build: (options) => cdkCustomResource({ RequestType: 'Delete' }, options) },
  ],
};

/** Registry entry of the `cdkCustomResourceResponse` builder. */
export const cdkCustomResourceResponseKind: EventKind = {
  id: 'cdk-provider-resp',
  factory: 'cdkCustomResourceResponse',
  title: 'CDK Provider-framework onEvent response',
  type: 'CdkCustomResourceResponse',
  build: () => cdkCustomResourceResponse({ Data: { Key1: 'a' } }),
  samples: ['aws-lambda-rust-runtime/example-cloudformation-custom-resource-provider-response.json'],
  fixture: cdkCustomResourceResponseFixture,
  conformance: { dictionaries: ['Data'] },
};
