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
