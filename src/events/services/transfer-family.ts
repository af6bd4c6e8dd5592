import type { TransferFamilyAuthorizerEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The canonical base of `transferFamilyAuthorizer`, from powertools-lambda-typescript/parser__transfer-family__base.json. */
export const transferFamilyAuthorizerFixture: TransferFamilyAuthorizerEvent = {
  "username": "value",
  "password": "value",
  "protocol": "SFTP",
  "serverId": "s-abcd123456",
  "sourceIp": "192.168.0.100"
};

/**
 * A Transfer Family custom identity provider request (password login over SFTP by default; drop `password` with
 * `{ password: undefined }` for a key-based login). The server id is `s-` and 17 hex digits.
 * @example
 * const e = events.transferFamilyAuthorizer({ username: 'alice', protocol: 'FTPS' });
 */
export function transferFamilyAuthorizer(overrides?: DeepPartial<TransferFamilyAuthorizerEvent>, options?: EventOptions): TransferFamilyAuthorizerEvent {
  return fromFixture('transfer', transferFamilyAuthorizerFixture, overrides, options, (event, { random }) => {
    event.serverId = `s-${random.hex(17)}`;
    event.username = 'user';
    event.password = `pw-${random.hex(12)}`;
  });
}

/** Registry entry of `transferFamilyAuthorizer`. */
export const transferFamilyAuthorizerKind: EventKind = {
  id: 'transfer',
  factory: 'transferFamilyAuthorizer',
  title: 'Transfer Family custom identity provider (authorizer)',
  type: 'TransferFamilyAuthorizerEvent',
  build: (options) => transferFamilyAuthorizer({}, options),
  samples: ['powertools-lambda-typescript/parser__transfer-family__base.json'],
  fixture: transferFamilyAuthorizerFixture,
};
