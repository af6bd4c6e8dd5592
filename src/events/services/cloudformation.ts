import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceFailedResponse,
  CloudFormationCustomResourceResourcePropertiesCommon,
  CloudFormationCustomResourceResponse,
  CloudFormationCustomResourceSuccessResponse,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import { deepMerge, type DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { customResourceIdentity, type CustomResourceIdentity } from './_internals/custom-resource.js';

/** Resource properties as CloudFormation sends them: the template's properties plus `ServiceToken`. */
type Props = CloudFormationCustomResourceResourcePropertiesCommon;

const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-2:123456789012:function:custom-resource-handler';
const COMMON = {
  ServiceToken: SERVICE_TOKEN,
  RequestId: '49347ca5-c603-44e5-a34b-10cf1854a887',
  ResponseURL: 'https://cr-response-bucket.s3.us-east-1.amazonaws.com/cr-response-key?sig-params=sig-values',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack-name/16580499-7622-4a9c-b32f-4eba35da93da',
  ResourceType: 'Custom::MyCustomResourceType',
  LogicalResourceId: 'CustomResource',
} as const;

/**
 * The canonical base of `cloudFormationCreate`, from
 * aws-lambda-rust-runtime/example-cloudformation-custom-resource-create-request.json, with `ServiceToken` copied into
 * `ResourceProperties` as CloudFormation does (powertools samples) and the sample's example properties dropped.
 */
export const cloudFormationCreateFixture: CloudFormationCustomResourceCreateEvent = {
  RequestType: 'Create',
  ...COMMON,
  ResourceProperties: { ServiceToken: SERVICE_TOKEN },
};

/** The canonical base of `cloudFormationUpdate`, from aws-lambda-rust-runtime/example-cloudformation-custom-resource-update-request.json. */
export const cloudFormationUpdateFixture: CloudFormationCustomResourceUpdateEvent = {
  RequestType: 'Update',
  ...COMMON,
  PhysicalResourceId: 'custom-resource-f4bd5382-3de3-4caf-b7ad-1be06b899647',
  ResourceProperties: { ServiceToken: SERVICE_TOKEN },
  OldResourceProperties: { ServiceToken: SERVICE_TOKEN },
};

/** The canonical base of `cloudFormationDelete`, from aws-lambda-rust-runtime/example-cloudformation-custom-resource-delete-request.json. */
export const cloudFormationDeleteFixture: CloudFormationCustomResourceDeleteEvent = {
  RequestType: 'Delete',
  ...COMMON,
  PhysicalResourceId: 'custom-resource-f4bd5382-3de3-4caf-b7ad-1be06b899647',
  ResourceProperties: { ServiceToken: SERVICE_TOKEN },
};

/**
 * The fields every custom resource request derives from one identity (keys keep the fixture's order when spread over
 * it). CloudFormation copies `ServiceToken` into `ResourceProperties`.
 */
function requestFields(id: CustomResourceIdentity) {
  return {
    ServiceToken: id.ServiceToken,
    ResponseURL: id.ResponseURL,
    StackId: id.StackId,
    RequestId: id.RequestId,
    LogicalResourceId: id.LogicalResourceId,
    ResourceType: id.ResourceType,
    ResourceProperties: { ServiceToken: id.ServiceToken },
  };
}

/**
 * A CloudFormation custom resource `Create` request. `ServiceToken` (also copied into `ResourceProperties`, as
 * CloudFormation does), `StackId`, `RequestId` and the pre-signed `ResponseURL` are derived consistently: a given
 * `StackId` fixes region and account, and `ResponseURL` names the stack, logical id and request id.
 * Pass your properties type to type `ResourceProperties`.
 * @example
 * const e = events.cloudFormationCreate<{ BucketName: string }>({ ResourceProperties: { BucketName: 'b' } });
 */
export function cloudFormationCreate<TProps = Props>(
  overrides?: DeepPartial<CloudFormationCustomResourceCreateEvent<TProps>>,
  options?: EventOptions,
): CloudFormationCustomResourceCreateEvent<TProps> {
  const ctx = buildContext('cfn-create', options);
  const id = customResourceIdentity(ctx, overrides);
  const base: CloudFormationCustomResourceCreateEvent<Props> = {
    ...structuredClone(cloudFormationCreateFixture),
    ...requestFields(id),
  };
  return deepMerge(base as CloudFormationCustomResourceCreateEvent<TProps>, overrides);
}

/**
 * A CloudFormation custom resource `Update` request, with the `PhysicalResourceId` the resource was created with and
 * `OldResourceProperties` (by default the properties before your overrides: override `ResourceProperties` with the
 * new values and `OldResourceProperties` with the old ones).
 * @example
 * const e = events.cloudFormationUpdate<{ Size: string }>({ ResourceProperties: { Size: '2' }, OldResourceProperties: { Size: '1' } });
 */
export function cloudFormationUpdate<TProps = Props, TOldProps = TProps>(
  overrides?: DeepPartial<CloudFormationCustomResourceUpdateEvent<TProps, TOldProps>>,
  options?: EventOptions,
): CloudFormationCustomResourceUpdateEvent<TProps, TOldProps> {
  const ctx = buildContext('cfn-update', options);
  const id = customResourceIdentity(ctx, overrides);
  const base: CloudFormationCustomResourceUpdateEvent<Props, Props> = {
    ...structuredClone(cloudFormationUpdateFixture),
    ...requestFields(id),
    PhysicalResourceId: id.PhysicalResourceId,
    OldResourceProperties: { ServiceToken: id.ServiceToken },
  };
  return deepMerge(base as CloudFormationCustomResourceUpdateEvent<TProps, TOldProps>, overrides);
}

/**
 * A CloudFormation custom resource `Delete` request, with the `PhysicalResourceId` to delete.
 * @example
 * const e = events.cloudFormationDelete({ PhysicalResourceId: 'my-bucket' });
 */
export function cloudFormationDelete<TProps = Props>(
  overrides?: DeepPartial<CloudFormationCustomResourceDeleteEvent<TProps>>,
  options?: EventOptions,
): CloudFormationCustomResourceDeleteEvent<TProps> {
  const ctx = buildContext('cfn-delete', options);
  const id = customResourceIdentity(ctx, overrides);
  const base: CloudFormationCustomResourceDeleteEvent<Props> = {
    ...structuredClone(cloudFormationDeleteFixture),
    ...requestFields(id),
    PhysicalResourceId: id.PhysicalResourceId,
  };
  return deepMerge(base as CloudFormationCustomResourceDeleteEvent<TProps>, overrides);
}

/** What a handler decides; everything else in the response is copied from the request. */
export interface CloudFormationResponseInput<TData extends Record<string, unknown> = Record<string, unknown>> {
  /** @defaultValue `'SUCCESS'` */
  Status?: 'SUCCESS' | 'FAILED';
  /** @defaultValue for `FAILED`, the pointer to the log stream that the `cfn-response` module sends */
  Reason?: string;
  /** @defaultValue the request's `PhysicalResourceId` (update/delete) or one derived from the logical and request ids (create) */
  PhysicalResourceId?: string;
  Data?: TData;
  NoEcho?: boolean;
}

/**
 * The body a custom resource handler PUTs to `ResponseURL`, built from the request it answers: `StackId`,
 * `RequestId` and `LogicalResourceId` are copied, and `PhysicalResourceId` is kept on update/delete (changing it on
 * update makes CloudFormation delete the old resource).
 * @example
 * const req = events.cloudFormationUpdate();
 * const res = events.cloudFormationResponse(req, { Data: { Arn: 'arn:...' } });
 */
export function cloudFormationResponse<TData extends Record<string, unknown> = Record<string, unknown>>(
  request: CloudFormationCustomResourceEvent<unknown, unknown>,
  input: CloudFormationResponseInput<TData> = {},
): CloudFormationCustomResourceResponse<TData> {
  const physical =
    input.PhysicalResourceId ??
    ('PhysicalResourceId' in request ? request.PhysicalResourceId : `${request.LogicalResourceId}-${request.RequestId.replace(/-/g, '').slice(0, 12).toUpperCase()}`);
  const common = {
    PhysicalResourceId: physical,
    StackId: request.StackId,
    RequestId: request.RequestId,
    LogicalResourceId: request.LogicalResourceId,
    ...(input.NoEcho === undefined ? {} : { NoEcho: input.NoEcho }),
    ...(input.Data === undefined ? {} : { Data: input.Data }),
  };
  if (input.Status === 'FAILED') {
    const failed: CloudFormationCustomResourceFailedResponse<TData> = {
      Status: 'FAILED',
      Reason: input.Reason ?? `See the details in CloudWatch Log Stream: ${physical}`,
      ...common,
    };
    return failed;
  }
  const success: CloudFormationCustomResourceSuccessResponse<TData> = {
    Status: 'SUCCESS',
    ...(input.Reason === undefined ? {} : { Reason: input.Reason }),
    ...common,
  };
  return success;
}

const DICTIONARIES = { dictionaries: ['ResourceProperties', 'OldResourceProperties', 'Data'] } as const;

/** Registry entry of `cloudFormationCreate`. */
export const cloudFormationCreateKind: EventKind = {
  id: 'cfn-create',
  factory: 'cloudFormationCreate',
  title: 'CloudFormation custom resource — Create',
  type: 'CloudFormationCustomResourceCreateEvent',
  build: (options) => cloudFormationCreate({}, options),
  samples: [
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-create-request.json',
    'powertools-lambda-typescript/parser__cloudformation__custom-resource-create.json',
    'powertools-lambda-python/cloudformationCustomResourceCreate.json',
    'aws-sam-cli-rendered/cloudformation__create-request.json',
  ],
  fixture: cloudFormationCreateFixture,
  conformance: DICTIONARIES,
  sam: [
    {
      service: 'cloudformation',
      event: 'create-request',
      build: (options) =>
        cloudFormationCreate({ ResourceType: 'Custom::TestResource', LogicalResourceId: 'MyTestResource', ResourceProperties: { StackName: 'MyStack', List: ['1', '2', '3'] } }, options),
    },
  ],
  examples: [
    {
      name: 'with typed resource properties in another region',
      build: (options) =>
        cloudFormationCreate<{ BucketName: string; Tags: string[] }>(
          { StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/app/16580499-7622-4a9c-b32f-4eba35da93da', ResourceProperties: { BucketName: 'b', Tags: ['x'] } },
          options,
        ),
    },
  ],
};

/** Registry entry of `cloudFormationUpdate`. */
export const cloudFormationUpdateKind: EventKind = {
  id: 'cfn-update',
  factory: 'cloudFormationUpdate',
  title: 'CloudFormation custom resource — Update',
  type: 'CloudFormationCustomResourceUpdateEvent',
  build: (options) => cloudFormationUpdate({}, options),
  samples: [
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-update-request.json',
    'powertools-lambda-python/cloudformationCustomResourceUpdate.json',
    'powertools-lambda-typescript/parser__cloudformation__custom-resource-update.json',
  ],
  fixture: cloudFormationUpdateFixture,
  conformance: DICTIONARIES,
};

/** Registry entry of `cloudFormationDelete`. */
export const cloudFormationDeleteKind: EventKind = {
  id: 'cfn-delete',
  factory: 'cloudFormationDelete',
  title: 'CloudFormation custom resource — Delete',
  type: 'CloudFormationCustomResourceDeleteEvent',
  build: (options) => cloudFormationDelete({}, options),
  samples: [
    'aws-lambda-rust-runtime/example-cloudformation-custom-resource-delete-request.json',
    'powertools-lambda-python/cloudformationCustomResourceDelete.json',
    'powertools-lambda-typescript/parser__cloudformation__custom-resource-delete.json',
  ],
  fixture: cloudFormationDeleteFixture,
  conformance: DICTIONARIES,
};

/** The canonical base of `cloudFormationResponse`, from aws-lambda-rust-runtime/example-cloudformation-custom-resource-response.json. */
export const cloudFormationResponseFixture: CloudFormationCustomResourceResponse = {
  Status: 'FAILED',
  Reason: 'This is a test failure.',
  PhysicalResourceId: 'custom-resource-f4bd5382-3de3-4caf-b7ad-1be06b899647',
  StackId: COMMON.StackId,
  RequestId: COMMON.RequestId,
  LogicalResourceId: COMMON.LogicalResourceId,
  NoEcho: false,
  Data: { Key1: 'a', Key2: 'b', Key3: 'c' },
};

/** Registry entry of the `cloudFormationResponse` builder (its default answers a default update request). */
export const cloudFormationResponseKind: EventKind = {
  id: 'cfn-response',
  factory: 'cloudFormationResponse',
  title: 'CloudFormation custom resource response (PUT to ResponseURL)',
  type: 'CloudFormationCustomResourceResponse',
  build: (options) => cloudFormationResponse(cloudFormationUpdate({}, options), { Status: 'FAILED', Reason: 'This is a test failure.', NoEcho: false, Data: { Key1: 'a' } }),
  samples: ['aws-lambda-rust-runtime/example-cloudformation-custom-resource-response.json'],
  fixture: cloudFormationResponseFixture,
  conformance: DICTIONARIES,
};
