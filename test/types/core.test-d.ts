import { describe, expectTypeOf, it } from 'vitest';
import type { Context, SQSEvent } from 'aws-lambda';
import { createContext, createFunction, streamifyResponse, type AliasInfo, type ErrorPayload, type PublishedVersion, type InvocationResult, type LambdaContext, type ResponseStream, type StreamedResponse } from '../../src/index.js';

describe('types of the core API', () => {
  it('infers the event and result types from the handler', async () => {
    const fn = createFunction({ handler: async (e: { n: number }) => ({ ok: e.n + 1 }) });
    const r = await fn.invoke({ n: 1 });
    expectTypeOf(r).toEqualTypeOf<InvocationResult<{ ok: number }>>();
    if (r.ok) expectTypeOf(r.payload).toEqualTypeOf<{ ok: number }>();
    else expectTypeOf(r.error).toEqualTypeOf<ErrorPayload>();
    // @ts-expect-error -- the event must match the handler's parameter type
    await fn.invoke({ n: 'one' });
  });

  it('narrows results on ok and on outcome', async () => {
    const fn = createFunction({ handler: async () => 1 });
    const r = await fn.invoke();
    if (r.outcome === 'timeout') {
      expectTypeOf(r.functionError).toEqualTypeOf<'Unhandled'>();
      expectTypeOf(r.ok).toEqualTypeOf<false>();
    }
    if (r.outcome === 'success') expectTypeOf(r.error).toEqualTypeOf<undefined>();
  });

  it('types DryRun and Event invocations by their invocationType', async () => {
    const fn = createFunction({ handler: async (_e: SQSEvent) => undefined });
    expectTypeOf(await fn.invoke(undefined, { invocationType: 'DryRun' })).toEqualTypeOf<{ readonly statusCode: 204; readonly requestId: string }>();
    // @ts-expect-error -- invocationType is a closed set
    await fn.invoke(undefined, { invocationType: 'Async' });
  });

  it('types versions, aliases and updates: a new handler takes the function’s event', () => {
    const fn = createFunction({ handler: async (e: { n: number }) => e.n });
    fn.update({ handler: async (e) => e.n * 2, environment: { MODE: 'fast' } });
    // @ts-expect-error -- the new handler must take the function's event
    fn.update({ handler: async (e: { s: string }) => e.s.length });
    // @ts-expect-error -- the name and harness settings are not configuration that updates
    fn.update({ name: 'other' });
    expectTypeOf(fn.publishVersion()).toEqualTypeOf<PublishedVersion>();
    expectTypeOf(fn.createAlias({ name: 'live', functionVersion: '1', routingConfig: { additionalVersionWeights: { '2': 0.1 } } })).toEqualTypeOf<AliasInfo>();
    expectTypeOf(fn.aliases).toEqualTypeOf<readonly AliasInfo[]>();
    expectTypeOf(fn.aliases[0]!.description).toEqualTypeOf<string>();
    fn.updateAlias({ name: 'live', description: 'production' });
    // @ts-expect-error -- a description is text
    fn.updateAlias({ name: 'live', description: 42 });
    expectTypeOf(fn.versions).toEqualTypeOf<readonly string[]>();
  });

  it('accepts handlers typed with @types/aws-lambda, callbacks included', () => {
    createFunction({ handler: async (_e: SQSEvent, _c: Context) => undefined });
    createFunction({ handler: (_e: SQSEvent, _c: Context, cb: (err?: unknown, r?: string) => void) => cb(null, 'x') });
    createFunction({ handler: 'src/app.handler' });
    createFunction({ handler: { init: async () => async () => 'x' } });
    // @ts-expect-error -- a handler is a function, a string or { init }
    createFunction({ handler: 42 });
  });

  it('gives a context assignable to @types/aws-lambda Context', () => {
    expectTypeOf(createContext()).toMatchTypeOf<Context>();
    expectTypeOf(createContext()).toEqualTypeOf<LambdaContext>();
    // @ts-expect-error -- unknown options are rejected at compile time too
    createContext({ timout: 3 });
  });

  it('types a streaming handler: its stream and context parameters, and a text payload', async () => {
    const handler = streamifyResponse(async (event: { name: string }, stream, context) => {
      expectTypeOf(stream).toEqualTypeOf<ResponseStream>();
      expectTypeOf(context).toEqualTypeOf<LambdaContext>();
      stream.end(`hello ${event.name}`);
    });
    const fn = createFunction({ handler });
    const r = await fn.invoke({ name: 'a' });
    if (r.ok) expectTypeOf(r.payload).toEqualTypeOf<string>();
    expectTypeOf(r.responseStream).toEqualTypeOf<StreamedResponse | undefined>();
    // @ts-expect-error -- the event type comes from the handler
    await fn.invoke({ name: 1 });
  });
});
