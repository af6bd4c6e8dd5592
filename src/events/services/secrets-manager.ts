import type { SecretsManagerRotationEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, mixedAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/**
 * The Secrets Manager rotation event as AWS sends it: with a `RotationToken` (newer payloads,
 * aws-lambda-go/secretsmanager-secret-rotation-event.json) that `@types/aws-lambda` lacks.
 * @example
 * const e: SecretsManagerRotation = events.secretsManagerRotation({ Step: 'setSecret' });
 */
export type SecretsManagerRotation = SecretsManagerRotationEvent & { RotationToken?: string };

/** The canonical base of `secretsManagerRotation`, from aws-lambda-go/secretsmanager-secret-rotation-event.json. */
export const secretsManagerRotationFixture: SecretsManagerRotation = {
  "Step": "createSecret",
  "SecretId": "arn:aws:secretsmanager:us-east-1:111122223333:secret:id-ABCD1E",
  "ClientRequestToken": "1ab23456-cde7-8912-34fg-h56i78j9k12l",
  "RotationToken": "abcd1234-efgh-5678-ijkl-8ab4515a7db0"
};

/**
 * A Secrets Manager rotation step (default `createSecret`): the secret ARN ends in the 6-character suffix Secrets
 * Manager appends, and `ClientRequestToken` (the new version id) is a seeded UUID.
 * @example
 * const e = events.secretsManagerRotation({ Step: 'finishSecret' });
 */
export function secretsManagerRotation(overrides?: DeepPartial<SecretsManagerRotation>, options?: EventOptions): SecretsManagerRotation {
  return fromFixture('secrets', secretsManagerRotationFixture, overrides, options, (event, { random }) => {
    event.SecretId = `arn:aws:secretsmanager:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:secret:MySecret-${mixedAlnum(random, 6)}`;
    event.ClientRequestToken = random.uuid();
    event.RotationToken = random.uuid();
  });
}

/** Registry entry of `secretsManagerRotation`. */
export const secretsManagerRotationKind: EventKind = {
  id: 'secrets',
  factory: 'secretsManagerRotation',
  title: 'Secrets Manager rotation',
  type: 'SecretsManagerRotationEvent (extended: SecretsManagerRotation)',
  build: (options) => secretsManagerRotation({}, options),
  samples: [
    'aws-lambda-go/secretsmanager-secret-rotation-event.json',
    'aws-lambda-rust-runtime/example-secretsmanager-secret-rotation-event.json',
    'powertools-lambda-python/secretsManagerEvent.json',
  ],
  fixture: secretsManagerRotationFixture,
};
