/**
 * Recorded invocation types and handler returns (`invocation-types` area of the AWS recordings), replayed through
 * the real loopback server.
 */
import { describe, it } from 'vitest';
import { createFunction, type LambdaFunction } from '../../src/index.js';
import { expectRecorded, recorded, replays } from './_recordings.js';

const { serve } = replays();

const echo = (): LambdaFunction =>
  createFunction({
    name: 'echo',
    handler: async (event: unknown) => {
      console.log(event);
      return event;
    },
  }) as LambdaFunction;

const none = (): LambdaFunction =>
  createFunction({
    name: 'none',
    handler: async (event: unknown) => {
      console.log(JSON.stringify(event));
    },
  }) as LambdaFunction;

describe('invocation types, as recorded on AWS', () => {
  it('node-requestresponse-explicit: answers an explicit RequestResponse with 200, $LATEST and the echoed body', async () => {
    const server = await serve(echo());
    const { view } = await server.invoke('echo', { InvocationType: 'RequestResponse', Payload: '{}' });
    expectRecorded(view, recorded('node-requestresponse-explicit', 'invoke'));
  });

  it('node-event-202: accepts an Event invoke with 202, an empty body and no ExecutedVersion', async () => {
    const fn = echo();
    const server = await serve(fn);
    const { view, requestId } = await server.invoke('echo', { InvocationType: 'Event', Payload: '{}' });
    expectRecorded(view, recorded('node-event-202', 'invoke'));
    await fn.drain();
    // The function really ran, under the id of the 202 response.
    expectRecorded(fn.invocations.at(-1)?.requestId, requestId);
  });

  it('node-dryrun-204: answers DryRun with 204 and an empty body, without running the function', async () => {
    const fn = echo();
    const server = await serve(fn);
    const { view } = await server.invoke('echo', { InvocationType: 'DryRun', Payload: '{}' });
    expectRecorded(view, recorded('node-dryrun-204', 'invoke'));
    expectRecorded(fn.invocations.length, 0);
  });

  it('node-no-return-requestresponse: answers the 4-byte body null for a handler resolving undefined', async () => {
    const server = await serve(none());
    const { view, body } = await server.invoke('none', { InvocationType: 'RequestResponse', Payload: '{}' });
    expectRecorded(view, recorded('node-no-return-requestresponse', 'invoke'));
    expectRecorded(body, 'null');
  });

  it('node-no-return-event: accepts an Event invoke of a no-return handler with 202 and an empty body', async () => {
    const server = await serve(none());
    const { view } = await server.invoke('none', { InvocationType: 'Event', Payload: '{}' });
    expectRecorded(view, recorded('node-no-return-event', 'invoke'));
  });
});
