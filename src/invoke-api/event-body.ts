import type { LambdaServiceError } from '../errors.js';
import { invalidRequestContent } from '../limits/limits.js';
import { jacksonSyntaxError } from './jackson.js';

/** The outcome of {@link parseEventBody}: the event, or the 400 AWS answers for a body that is not JSON. */
export type EventBodyResult =
  /** `text`: the body as the caller sent it (an asynchronous event is dead-lettered byte for byte). */
  | { readonly ok: true; readonly event: unknown; readonly text: string }
  | { readonly ok: false; readonly error: LambdaServiceError };

// Captured at load so a test that patches globals cannot change how request bodies are read.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const parseJson = JSON.parse;
const WHITE_SPACE = /^[ \t\r\n]*$/;

/**
 * Reads an Invoke request body as Lambda does: no body (or only white space) is the event `{}`; any JSON value is
 * an event; anything else is a 400 `InvalidRequestContentException` whose message is the Jackson parser's
 * (`Could not parse request body into json: Could not parse payload into json: <detail>\n at [Source: ...]`).
 * @example
 * parseEventBody(new TextEncoder().encode('[1,2]')); // { ok: true, event: [1, 2], text: '[1,2]' }
 */
export function parseEventBody(bytes: Uint8Array): EventBodyResult {
  if (bytes.length === 0) return { ok: true, event: {}, text: '{}' };
  // Fast path: strict UTF-8 and JSON.parse agree with Jackson on everything valid.
  let text: string | undefined;
  try {
    text = strictUtf8.decode(bytes);
    return { ok: true, event: parseJson(text), text };
  } catch {
    // fall through to the exact diagnosis
  }
  if (text !== undefined && WHITE_SPACE.test(text)) return { ok: true, event: {}, text: '{}' };
  const detail = jacksonSyntaxError(bytes);
  if (detail !== undefined) return { ok: false, error: invalidRequestContent(detail) };
  // Jackson accepts a few byte sequences strict UTF-8 refuses (overlong forms); decode them as it would.
  try {
    const lenient = lenientUtf8.decode(bytes);
    return { ok: true, event: parseJson(lenient), text: lenient };
  } catch (error) {
    return { ok: false, error: invalidRequestContent((error as Error).message) };
  }
}
