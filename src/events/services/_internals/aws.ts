import type { Random } from '../../../internal/random.js';

/**
 * Defaults shared by the services family. They match the messaging family's account and region so that a test
 * mixing an SQS event with a Cognito trigger sees one consistent AWS world.
 */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${MIXED_ALNUM}+/`;

function draw(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.int(alphabet.length)];
  return out;
}

/** Lowercase letters and digits: Cognito app client ids (26 chars). */
export function lowerAlnum(random: Random, length: number): string {
  return draw(random, LOWER_ALNUM, length);
}

/** Mixed-case letters and digits: user pool id suffixes, secret ARN suffixes. */
export function mixedAlnum(random: Random, length: number): string {
  return draw(random, MIXED_ALNUM, length);
}

/** Uppercase letters and digits: CloudFront distribution ids, AppSync/Lex ids. */
export function upperAlnum(random: Random, length: number): string {
  return draw(random, UPPER_ALNUM, length);
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
  return draw(random, BASE64, length);
}

/** A 40-hex-digit git commit id. */
export function commitId(random: Random): string {
  return random.hex(40);
}

/** ISO-8601 with milliseconds and `Z`. */
export function isoMillis(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The region of an ARN (`arn:aws:lambda:eu-west-1:...` → `eu-west-1`), or `undefined` when it names none. */
export function regionOfArn(arn: string | undefined): string | undefined {
  const region = arn?.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}

/** The account of an ARN, or `undefined` when it names none. */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}
