import fc from 'fast-check';

/** Arbitraries of HTTP pieces shared by the HTTP-family event arbitraries. */

const TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-!#$%&'*+.^_`|~";

/** A legal but unusual header name (RFC 9110 token), lowercased as HTTP/2 and AWS deliver them. */
export const headerName = (): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 20 })
    .filter((n) => /^[a-z0-9]/.test(n))
    // AWS rewrites or rejects these; generating them would test AWS, not the handler.
    .filter((n) => !['host', 'content-length', 'content-type', 'connection', 'x-amzn-trace-id'].includes(n) && !n.startsWith('x-forwarded') && !n.startsWith('x-amz'));

/** A legal header value: visible ASCII and inner spaces, no leading/trailing whitespace. */
export const headerValue = (): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });

/** A path whose segments may need URL-encoding (spaces, unicode, reserved characters). */
export const pathArbitrary = (): fc.Arbitrary<string> =>
  fc
    .array(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', 'z', '0', '-', '_', '~'), fc.constantFrom(' ', 'é', '日', '%', '?', '#', '+')), minLength: 1, maxLength: 8 }), {
      maxLength: 4,
    })
    .map((segments) => `/${segments.join('/')}`);

/** Query parameters, some repeated, with values needing encoding. */
export const queryArbitrary = (): fc.Arbitrary<Record<string, string | string[]>> =>
  fc.dictionary(
    fc.string({ unit: fc.constantFrom('a', 'b', 'q', 'x', '_', '1'), minLength: 1, maxLength: 6 }),
    fc.oneof(fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 })),
    { maxKeys: 4 },
  );

/** Headers with odd but legal names and values. */
export const headersArbitrary = (): fc.Arbitrary<Record<string, string>> => fc.dictionary(headerName(), headerValue(), { maxKeys: 4 });

/** A body: absent, unicode text, JSON, or bytes. */
export type BodyIntent = { json: unknown } | { body: string } | { body: Uint8Array } | Record<string, never>;

/** Body intents: none, unicode text, a JSON value, or binary bytes. */
export const bodyArbitrary = (maxLength: number): fc.Arbitrary<BodyIntent> =>
  fc.oneof(
    fc.constant({}),
    fc.string({ unit: 'grapheme', maxLength }).map((body) => ({ body })),
    fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })),
    fc.uint8Array({ maxLength }).map((body) => ({ body })),
  );

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
