/**
 * A region name as AWS's own Lambda patterns spell it: `us-east-1`, `us-gov-west-1`, `us-isob-east-1`,
 * `eusc-de-east-1`. The regular-expression source, for patterns that embed it.
 */
export const REGION_SOURCE = '(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d';
const REGION_NAME = new RegExp(`^${REGION_SOURCE}$`);

/**
 * Whether `value` is a region name (by the grammar of AWS's `FunctionName` pattern).
 * @example
 * isRegionName('eu-west-1'); // true
 * isRegionName('eu-west'); // false
 */
export function isRegionName(value: unknown): value is string {
  return typeof value === 'string' && REGION_NAME.test(value);
}

/** `Credential=<key>/<date>/<region>/<service>/aws4_request` in a SigV4 `Authorization` header. */
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/lambda\/aws4_request/;

/**
 * The region a SigV4-signed request was signed for: what a real endpoint would be, since a loopback server has no
 * regional host name. Undefined for unsigned requests.
 * @example
 * signedRegion('AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/lambda/aws4_request, SignedHeaders=host, Signature=0');
 * // 'eu-west-1'
 */
export function signedRegion(authorization: string | null | undefined): string | undefined {
  if (!authorization) return undefined;
  return CREDENTIAL_SCOPE.exec(authorization)?.[1];
}
