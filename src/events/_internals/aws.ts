/**
 * The AWS world every event family shares: one account and region by default (so a test mixing an SQS event with a
 * Cognito trigger sees one consistent world), and reading them back out of ARNs.
 */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

let lastArn: string | undefined;
let lastRegion: string | undefined;

/**
 * The region of an ARN (`arn:aws:sqs:eu-west-1:...` → `eu-west-1`), or `undefined` when it names none.
 * The last answer is remembered: a batch factory asks about the same queue or stream ARN on every call.
 * @example
 * regionOfArn('arn:aws:sqs:eu-west-1:123456789012:q'); // 'eu-west-1'
 */
export function regionOfArn(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  if (arn === lastArn) return lastRegion;
  const region = arn.split(':')[3];
  lastArn = arn;
  lastRegion = region === undefined || region === '' ? undefined : region;
  return lastRegion;
}

/**
 * The account of an ARN, or `undefined` when it names none.
 * @example
 * accountOfArn('arn:aws:sqs:eu-west-1:123456789012:q'); // '123456789012'
 */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}
