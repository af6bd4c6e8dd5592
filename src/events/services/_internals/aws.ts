import type { Random } from '../../../internal/random.js';
import { randomString } from '../../_internals/format.js';

export { DEFAULT_ACCOUNT, DEFAULT_REGION, regionOfArn, accountOfArn } from '../../_internals/aws.js';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${MIXED_ALNUM}+/`;

/** Lowercase letters and digits: Cognito app client ids (26 chars). */
export function lowerAlnum(random: Random, length: number): string {
  return randomString(random, length, LOWER_ALNUM);
}

/** Mixed-case letters and digits: user pool id suffixes, secret ARN suffixes. */
export function mixedAlnum(random: Random, length: number): string {
  return randomString(random, length, MIXED_ALNUM);
}

/** Uppercase letters and digits: CloudFront distribution ids, AppSync/Lex ids. */
export function upperAlnum(random: Random, length: number): string {
  return randomString(random, length, UPPER_ALNUM);
}

/**
 * `bytes` random bytes, base64-encoded with padding: the shape of KMS ciphertexts and opaque AWS tokens, so a
 * handler that base64-decodes them gets bytes rather than an exception.
 */
export function base64Bytes(random: Random, bytes: number): string {
  const raw = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) raw[i] = random.int(256);
  return Buffer.from(raw).toString('base64');
}

/** `length` characters of the base64 alphabet (no padding), for tokens AWS documents as opaque strings. */
export function base64Chars(random: Random, length: number): string {
  return randomString(random, length, BASE64);
}

/** A 40-hex-digit git commit id. */
export function commitId(random: Random): string {
  return random.hex(40);
}
