import type { EventBuildContext } from '../../_internals/kind.js';
import { accountOfArn, DEFAULT_ACCOUNT, DEFAULT_REGION, regionOfArn, upperAlnum } from './aws.js';

/** The fields CloudFormation derives for one custom resource request; shared by the raw and the CDK-provider kinds. */
export interface CustomResourceIdentity {
  ServiceToken: string;
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  ResourceType: string;
  PhysicalResourceId: string;
}

/** What the user already fixed: derived fields must agree with it (a given `StackId` sets region and account). */
export interface CustomResourceHints {
  ServiceToken?: unknown;
  StackId?: unknown;
  RequestId?: unknown;
  LogicalResourceId?: unknown;
  ResourceType?: unknown;
  PhysicalResourceId?: unknown;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Derives the identity of a custom resource request the way CloudFormation does: the stack ARN names region and
 * account, the function ARN lives in the same ones, and `ResponseURL` is a pre-signed S3 URL whose key is
 * `<StackId>|<LogicalResourceId>|<RequestId>` (URL-encoded), valid for two hours from the event time.
 */
export function customResourceIdentity(ctx: EventBuildContext, hints: CustomResourceHints | undefined): CustomResourceIdentity {
  const givenStack = str(hints?.StackId);
  const givenToken = str(hints?.ServiceToken);
  const region = regionOfArn(givenStack) ?? regionOfArn(givenToken) ?? DEFAULT_REGION;
  const account = accountOfArn(givenStack) ?? accountOfArn(givenToken) ?? DEFAULT_ACCOUNT;
  const stackName = givenStack?.split('/')[1] ?? 'MyStack';
  const StackId = givenStack ?? `arn:aws:cloudformation:${region}:${account}:stack/${stackName}/${ctx.random.uuid()}`;
  const RequestId = str(hints?.RequestId) ?? ctx.random.uuid();
  const LogicalResourceId = str(hints?.LogicalResourceId) ?? 'MyCustomResource';
  const ServiceToken = givenToken ?? `arn:aws:lambda:${region}:${account}:function:${stackName}-CustomResourceHandler-${upperAlnum(ctx.random, 12)}`;
  const PhysicalResourceId = str(hints?.PhysicalResourceId) ?? `${stackName}-${LogicalResourceId}-${upperAlnum(ctx.random, 12)}`;
  const ResourceType = str(hints?.ResourceType) ?? 'Custom::MyCustomResource';

  const amzDate = new Date(ctx.now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const key = encodeURIComponent(`${StackId}|${LogicalResourceId}|${RequestId}`).replace(/%2F/g, '/');
  const credential = encodeURIComponent(`AKIA${upperAlnum(ctx.random, 16)}/${amzDate.slice(0, 8)}/${region}/s3/aws4_request`);
  const bucketRegion = region.replace(/-/g, '');
  const ResponseURL =
    `https://cloudformation-custom-resource-response-${bucketRegion}.s3.${region}.amazonaws.com/${key}` +
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate}&X-Amz-SignedHeaders=host&X-Amz-Expires=7200` +
    `&X-Amz-Credential=${credential}&X-Amz-Signature=${ctx.random.hex(64)}`;
  return { ServiceToken, ResponseURL, StackId, RequestId, LogicalResourceId, ResourceType, PhysicalResourceId };
}
