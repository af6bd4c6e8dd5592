/**
 * The Invoke API contract, run with the real `@aws-sdk/client-lambda` against each transport (msw handlers and
 * the HTTP server): one list of cases, so both adapters are held to the same behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidParameterValueException,
  InvalidRequestContentException,
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  LambdaClient,
  LambdaServiceException,
  ResourceNotFoundException,
  TooManyRequestsException,
  type InvokeCommandInput,
  type InvokeWithResponseStreamCommandInput,
} from '@aws-sdk/client-lambda';
import { createFunction, LambdaServiceError, streamifyResponse, type LambdaFunction } from '../../src/index.js';
import type { InvokeTarget } from '../../src/invoke-api/registry.js';
import { controlPlaneCases, managedFunctions, serviceRejection, type ManagedFunctions } from './_control-contract.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

interface Greeting {
  greeting: string;
  requestId: string;
  invokedFunctionArn: string;
  clientContext: unknown;
}

/** The functions every contract run serves. */
export function contractFunctions(): { functions: InvokeTarget[]; hello: LambdaFunction; managed: ManagedFunctions; dispose(): Promise<void> } {
  const hello = createFunction({
    name: 'hello-world',
    handler: async (event: { name?: string }, context) => {
      console.log(`hello ${event.name}`);
      return {
        greeting: `Hello, ${event.name}!`,
        requestId: context.awsRequestId,
        invokedFunctionArn: context.invokedFunctionArn,
        clientContext: context.clientContext ?? null,
        event,
      };
    },
  });
  // Version 1 and an alias on it, to invoke through qualifiers.
  hello.publishVersion();
  hello.createAlias({ name: 'live', functionVersion: '1' });
  const failing = createFunction({
    name: 'failing',
    handler: async () => {
      const number = 1;
      // @ts-expect-error -- the project's smallest real bug: assigning to a constant throws a TypeError
      number++;
      return number;
    },
  });
  const streaming = createFunction({
    name: 'streaming',
    handler: streamifyResponse(async (event: { fail?: boolean; binary?: boolean }, stream) => {
      if (event.binary) return void stream.end(Buffer.from([0xff, 0x00, 0x80, 0x41]));
      stream.setContentType('text/plain');
      stream.write('Hello,');
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (event.fail) throw new RangeError('upstream went away');
      stream.end(' world!');
    }),
  });
  streaming.publishVersion();
  const throttled: InvokeTarget = {
    name: 'throttled',
    arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:throttled`,
    // Rejects like a function whose reserved concurrency is exhausted (no concurrency model is needed for that).
    invoke: async (): Promise<never> => {
      throw new LambdaServiceError({
        name: 'TooManyRequestsException',
        statusCode: 429,
        message: 'Rate Exceeded.',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      });
    },
  };
  const managed = managedFunctions();
  return {
    functions: [hello, failing, streaming, throttled, ...managed.all],
    hello: hello as LambdaFunction,
    managed,
    dispose: async () => {
      await hello.dispose();
      await failing.dispose();
      await streaming.dispose();
      for (const fn of managed.all) await fn.dispose();
    },
  };
}

const decode = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

/** Runs the contract; `setup` starts the transport and returns the client options (endpoint, if any). */
export function describeInvokeContract(
  transport: string,
  setup: (functions: InvokeTarget[]) => Promise<{ endpoint?: string; close(): Promise<void> | void }>,
): void {
  describe(`the Invoke API through ${transport}, called with the real @aws-sdk/client-lambda`, () => {
    let client: LambdaClient;
    let fixtures: ReturnType<typeof contractFunctions>;
    let close: () => Promise<void> | void;

    beforeAll(async () => {
      fixtures = contractFunctions();
      const started = await setup(fixtures.functions);
      close = started.close;
      client = new LambdaClient({
        region: REGION,
        credentials: CREDENTIALS,
        maxAttempts: 1,
        ...(started.endpoint ? { endpoint: started.endpoint } : {}),
      });
    });

    afterAll(async () => {
      client?.destroy();
      await close?.();
      await fixtures?.dispose();
    });

    controlPlaneCases(
      () => client,
      () => fixtures.managed,
    );

    const invoke = (input: Omit<InvokeCommandInput, 'Payload'> & { Payload?: string | Uint8Array }) =>
      client.send(new InvokeCommand({ ...input, Payload: typeof input.Payload === 'string' ? new TextEncoder().encode(input.Payload) : input.Payload }));
    const rejection = (input: Parameters<typeof invoke>[0]): Promise<LambdaServiceException> => serviceRejection(invoke(input));

    it('answers a synchronous invoke with 200, the exact payload, $LATEST and the context request id', async () => {
      const out = await invoke({ FunctionName: 'hello-world', Payload: '{"name": "Aws lambda"}' });
      const body = JSON.parse(decode(out.Payload)) as Greeting;
      expect(out.StatusCode).toBe(200);
      expect(out.ExecutedVersion).toBe('$LATEST');
      expect(out.FunctionError).toBeUndefined();
      expect(body.greeting).toBe('Hello, Aws lambda!');
      expect(out.$metadata.requestId).toBe(body.requestId);
      expect(body.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(body.invokedFunctionArn).toBe(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world`);
    });

    it('delivers a missing payload as the event {}', async () => {
      const out = await invoke({ FunctionName: 'hello-world' });
      expect(JSON.parse(decode(out.Payload)).event).toEqual({});
    });

    it('reports a function error as 200 with X-Amz-Function-Error: Unhandled and the error JSON', async () => {
      const out = await invoke({ FunctionName: 'failing', Payload: '{}' });
      expect(out.StatusCode).toBe(200);
      expect(out.FunctionError).toBe('Unhandled');
      expect(JSON.parse(decode(out.Payload))).toMatchObject({ errorType: 'TypeError', errorMessage: 'Assignment to constant variable.' });
    });

    it('returns the log tail with LogType Tail: START, the console line, END and REPORT for this request', async () => {
      const out = await invoke({ FunctionName: 'hello-world', LogType: 'Tail', Payload: '{"name":"tail"}' });
      const id = out.$metadata.requestId;
      const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
      expect(log).toContain(`START RequestId: ${id} Version: $LATEST`);
      expect(log).toMatch(new RegExp(`\\t${id}\\tINFO\\thello tail\\n`));
      expect(log).toContain(`END RequestId: ${id}`);
      expect(log).toContain(`REPORT RequestId: ${id}\tDuration: `);
    });

    it('sends no log tail unless asked', async () => {
      const out = await invoke({ FunctionName: 'hello-world' });
      expect(out.LogResult).toBeUndefined();
    });

    it('passes X-Amz-Client-Context (base64 JSON) to the context of a synchronous invoke', async () => {
      const clientContext = { custom: { tenant: 'acme' }, env: { locale: 'en' }, client: {} };
      const out = await invoke({ FunctionName: 'hello-world', ClientContext: Buffer.from(JSON.stringify(clientContext)).toString('base64') });
      expect(JSON.parse(decode(out.Payload)).clientContext).toMatchObject({ custom: { tenant: 'acme' } });
    });

    it.each([
      ['a name with an alias suffix', { FunctionName: 'hello-world:live' }, ':live', '1'],
      ['the Qualifier parameter', { FunctionName: 'hello-world', Qualifier: 'live' }, ':live', '1'],
      ['a full ARN', { FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world` }, '', '$LATEST'],
      ['a full ARN with $LATEST', { FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world:$LATEST` }, ':$LATEST', '$LATEST'],
      ['a partial ARN', { FunctionName: `${ACCOUNT}:function:hello-world` }, '', '$LATEST'],
      ['a matching suffix and Qualifier', { FunctionName: 'hello-world:1', Qualifier: '1' }, ':1', '1'],
    ])('invokes through %s, the context seeing the ARN as invoked, ExecutedVersion the version that ran', async (_label, input, suffix, version) => {
      const out = await invoke({ ...input, Payload: '{}' });
      expect(out.StatusCode).toBe(200);
      expect(out.ExecutedVersion).toBe(version);
      expect((JSON.parse(decode(out.Payload)) as Greeting).invokedFunctionArn).toBe(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world${suffix}`);
    });

    it('surfaces an alias or version the function does not have as ResourceNotFoundException naming it', async () => {
      for (const qualifier of ['non-existent-alias', '2']) {
        const error = await rejection({ FunctionName: 'hello-world', Qualifier: qualifier });
        expect(error).toBeInstanceOf(ResourceNotFoundException);
        expect(error.message).toBe(`Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world:${qualifier}`);
      }
    });

    it('answers DryRun with 204 and an empty body, without running the function', async () => {
      const before = fixtures.hello.invocations.length;
      const out = await invoke({ FunctionName: 'hello-world', InvocationType: 'DryRun', Payload: '{}' });
      expect(out.StatusCode).toBe(204);
      expect(decode(out.Payload)).toBe('');
      expect(out.ExecutedVersion).toBeUndefined();
      expect(fixtures.hello.invocations.length).toBe(before);
    });

    it('accepts an Event invoke with 202, an empty body and a request id', async () => {
      const out = await invoke({ FunctionName: 'hello-world', InvocationType: 'Event', Payload: '{"name":"async"}' });
      expect(out.StatusCode).toBe(202);
      expect(decode(out.Payload)).toBe('');
      expect(out.ExecutedVersion).toBeUndefined();
      expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('surfaces an unknown function as ResourceNotFoundException (404) with the ARN and :$LATEST', async () => {
      const error = await rejection({ FunctionName: 'doesnotexist' });
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata.httpStatusCode).toBe(404);
      expect(error.message).toBe(`Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:doesnotexist:$LATEST`);
      expect((error as ResourceNotFoundException).Type).toBe('User');
    });

    it('names the qualifier of an unknown function, and treats $latest as a qualifier that does not exist', async () => {
      const error = await rejection({ FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world`, Qualifier: '$latest' });
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.message).toBe(`Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world:$latest`);
    });

    it('surfaces an ARN from another region as ResourceNotFoundException naming both regions', async () => {
      const error = await rejection({ FunctionName: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:hello-world` });
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.message).toBe("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
    });

    it('surfaces the malformed payload of the serverless notes as InvalidRequestContentException (400)', async () => {
      const error = await rejection({ FunctionName: 'hello-world', Payload: '{"name": "Aws lambda}' });
      expect(error).toBeInstanceOf(InvalidRequestContentException);
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(
        'Could not parse request body into json: Could not parse payload into json: Unexpected end-of-input in VALUE_STRING\n' +
          ' at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 22]',
      );
    });

    it('surfaces bytes that are not UTF-8 with the message AWS recorded', async () => {
      const error = await rejection({ FunctionName: 'hello-world', Payload: Buffer.from('6e87729ee9b5d749ee9b6d74', 'hex') });
      expect(error).toBeInstanceOf(InvalidRequestContentException);
      expect(error.message).toBe(
        'Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 start byte 0x87\n' +
          ' at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 3]',
      );
    });

    it('surfaces a synchronous payload over 6 MB as RequestEntityTooLargeException (413), the code AWS sends', async () => {
      const error = await rejection({ FunctionName: 'hello-world', Payload: `"${'x'.repeat(6_291_456)}"` });
      expect(error.name).toBe('RequestEntityTooLargeException');
      expect(error.$metadata.httpStatusCode).toBe(413);
      expect(error.message).toBe('Request must be smaller than 6291456 bytes for the InvokeFunction operation');
    });

    it('surfaces an Event payload over 1 MB as RequestEntityTooLargeException (413) quoting its size', async () => {
      const payload = `"${'x'.repeat(1_048_576)}"`;
      const error = await rejection({ FunctionName: 'hello-world', InvocationType: 'Event', Payload: payload });
      expect(error.name).toBe('RequestEntityTooLargeException');
      expect(error.$metadata.httpStatusCode).toBe(413);
      expect(error.message).toBe(`${payload.length} byte payload is too large for the Event invocation type (limit 1048576 bytes)`);
    });

    it('surfaces a throttle as TooManyRequestsException (429) with its Reason', async () => {
      const error = await rejection({ FunctionName: 'throttled' });
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect(error.$metadata.httpStatusCode).toBe(429);
      expect((error as TooManyRequestsException).Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
      expect(error.message).toBe('Rate Exceeded.');
    });

    it('surfaces a name that fails the pattern as ValidationException with AWS message', async () => {
      const error = await rejection({ FunctionName: 'my-function!' });
      expect(error.name).toBe('ValidationException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toMatch(/^1 validation error detected: Value 'my-function!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: \(arn:/);
    });

    it('surfaces a qualifier over 128 characters as ValidationException', async () => {
      const error = await rejection({ FunctionName: 'hello-world', Qualifier: 'a'.repeat(129) });
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(`1 validation error detected: Value '${'a'.repeat(129)}' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128`);
    });

    /** InvokeWithResponseStream's events, read as the SDK hands them over. */
    const streamInvoke = async (input: Omit<InvokeWithResponseStreamCommandInput, 'Payload'> & { Payload?: string }) => {
      const out = await client.send(new InvokeWithResponseStreamCommand({ ...input, Payload: new TextEncoder().encode(input.Payload ?? '{}') }));
      const chunks: string[] = [];
      let complete: unknown;
      for await (const event of out.EventStream ?? []) {
        if (event.PayloadChunk) chunks.push(decode(event.PayloadChunk.Payload));
        if (event.InvokeComplete) complete = event.InvokeComplete;
      }
      return { out, chunks, complete };
    };

    it('streams a published version through InvokeWithResponseStream, its headers naming the version that runs', async () => {
      const { out, chunks } = await streamInvoke({ FunctionName: 'streaming', Qualifier: '1' });
      expect(out.ExecutedVersion).toBe('1');
      expect(chunks).toEqual(['Hello,', ' world!']);
    });

    it('streams a streaming handler through InvokeWithResponseStream: its chunks, its content type, then InvokeComplete', async () => {
      const { out, chunks, complete } = await streamInvoke({ FunctionName: 'streaming' });
      expect(out.StatusCode).toBe(200);
      expect(out.ExecutedVersion).toBe('$LATEST');
      expect(out.ResponseStreamContentType).toBe('text/plain');
      expect(chunks).toEqual(['Hello,', ' world!']);
      expect(complete).toEqual({});
    });

    it('ends a stream that failed midway with InvokeComplete carrying the error and the log tail', async () => {
      const { chunks, complete } = await streamInvoke({ FunctionName: 'streaming', Payload: '{"fail":true}', LogType: 'Tail' });
      expect(chunks).toEqual(['Hello,']);
      const { LogResult, ...error } = complete as { LogResult: string; ErrorCode: string; ErrorDetails: string };
      expect(error).toEqual({ ErrorCode: 'RangeError', ErrorDetails: 'upstream went away' });
      expect(Buffer.from(LogResult, 'base64').toString()).toContain('\tERROR\tInvoke Error \t{"errorType":"RangeError"');
    });

    it('streams a handler that does not stream as one chunk of its JSON payload', async () => {
      const { out, chunks } = await streamInvoke({ FunctionName: 'hello-world', Payload: '{"name":"stream"}' });
      expect(out.ResponseStreamContentType).toBe('application/json');
      expect(chunks).toHaveLength(1);
      expect((JSON.parse(chunks[0]!) as Greeting).greeting).toBe('Hello, stream!');
    });

    it('ends the stream of a failing handler that does not stream with InvokeComplete alone, and answers DryRun with 204', async () => {
      const { chunks, complete } = await streamInvoke({ FunctionName: 'failing' });
      expect(chunks).toEqual([]);
      expect(complete).toEqual({ ErrorCode: 'TypeError', ErrorDetails: 'Assignment to constant variable.' });
      const dry = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'streaming', InvocationType: 'DryRun' }));
      expect(dry.StatusCode).toBe(204);
    });

    it('buffers a streaming handler’s response for a plain Invoke, bytes as written', async () => {
      const out = await invoke({ FunctionName: 'streaming', Payload: '{}' });
      expect(decode(out.Payload)).toBe('Hello, world!');
      const binary = await invoke({ FunctionName: 'streaming', Payload: '{"binary":true}' });
      expect(Buffer.from(binary.Payload!)).toEqual(Buffer.from([0xff, 0x00, 0x80, 0x41]));
    });

    it('refuses an Event InvokeWithResponseStream with ValidationException: it has no asynchronous mode', async () => {
      const error = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'streaming', InvocationType: 'Event' as never })).then(
        () => undefined,
        (e: unknown) => e as LambdaServiceException,
      );
      expect(error?.name).toBe('ValidationException');
      expect(error?.message).toBe(
        "1 validation error detected: Value 'Event' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [RequestResponse, DryRun]",
      );
    });

    it('surfaces a name qualifier that disagrees with Qualifier as InvalidParameterValueException', async () => {
      const error = await rejection({ FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:hello-world:$LATEST`, Qualifier: '1' });
      expect(error).toBeInstanceOf(InvalidParameterValueException);
      expect(error.message).toBe('The derived qualifier from the function name does not match the specified qualifier.');
    });
  });
}
