import * as http from './http/index.js';
import * as messaging from './messaging/index.js';
import * as services from './services/index.js';
import type { EventKind } from './_internals/kind.js';

/**
 * One typed factory per Lambda trigger. Each takes deep-partial overrides and {@link EventOptions}
 * and returns the exact `@types/aws-lambda` type (corrected where real payloads disagree).
 * @example
 * import { events } from 'lambda-harness';
 * const e = events.sqs({ records: [{ body: JSON.stringify({ id: 1 }) }] });
 */
export const events = { ...http.factories, ...messaging.factories, ...services.factories };

/**
 * Every event kind the harness knows, with its samples and `sam local generate-event` names.
 * @example
 * eventKinds.find((k) => k.id === 'sqs')?.factory; // 'sqs'
 */
export const eventKinds: readonly EventKind[] = [...http.kinds, ...messaging.kinds, ...services.kinds];

export type { EventOptions, EventKind } from './_internals/kind.js';
export type { DeepPartial } from './_internals/deep.js';
