/**
 * Recorded Invoke API exceptions (`api-errors` area of the AWS recordings), replayed through the real loopback server.
 *
 * The requests are sent as botocore (which made the recordings) sends them: `FunctionName` is a URI label that
 * botocore percent-encodes with only `-._~` left as they are (so `*` and `!` become `%2A` and `%21`, unlike
 * `encodeURIComponent`), and the `Qualifier` query parameter likewise. Errors are viewed as botocore parses them: `Error`
 * from `x-amzn-ErrorType` and the body's `message`/`Message`, plus the body's fields only for exceptions modelled for
 * Lambda (botocore adds a modelled shape's members; `ValidationException` is not in Lambda's model, so a recorded
 * ValidationException has `Error` alone). `serveOverHttp` of `_recordings.ts` does both.
 *
 * Not replayed: the
 * 2023 `olderRecording` of `invoke-function-not-found` (AWS has since changed the message), and the matrix rows
 * whose input the recording no longer knows (`qualifier_too_long0`, `qualifier_too_long1`,
 * `function_name_and_qualifier_too_long`).
 */
import { describe, expect, it } from 'vitest';
import { createFunction, type LambdaFunction } from '../../src/index.js';
import { botocoreEncode, expectRecorded, recorded, recording, RECORDED_ACCOUNT, replays, type Bindings, type BotocoreView } from './_recordings.js';

/** The region the replays' client is in (the harness's default, where the served functions live). */
const REGION = 'us-east-1';

const { serve } = replays();

/**
 * Serves `fns` and returns an Invoke client that sends what botocore sends and returns what botocore parses of the
 * response (see `serveOverHttp`).
 */
async function serveForBotocore(fns: LambdaFunction[]): Promise<(functionName: string, options?: { Qualifier?: string; Payload?: string }) => Promise<BotocoreView>> {
  const server = await serve(...fns);
  return async (functionName, options = {}) => (await server.invoke(functionName, options)).view;
}

/** A function that exists in the client's region and account (the recordings' requests name others). */
function bystander(name = 'bystander'): LambdaFunction {
  return createFunction({ name, accountId: RECORDED_ACCOUNT, region: REGION, handler: async (event: unknown) => event }) as LambdaFunction;
}

/**
 * The request values the recordings describe in words: `<region>`/`<account>` are the client's region and the
 * recordings' account, `"a" x N` is N letters a, and `X + Y` concatenates.
 */
function requestValue(described: string): string {
  return described
    .split(' + ')
    .map((part) => {
      const run = /^"(.)" x (\d+)$/.exec(part);
      return run ? run[1]!.repeat(Number(run[2])) : part.replaceAll('<region>', REGION).replaceAll('<account>', RECORDED_ACCOUNT);
    })
    .join('');
}

/** `<a:len(N)>` in a recorded value stands for N letters a (the test's own transformer). */
function expandRuns(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/<([a-z]):len\((\d+)\)>/g, (_m, letter: string, n: string) => letter.repeat(Number(n)));
  if (Array.isArray(value)) return value.map(expandRuns);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandRuns(v)]));
  return value;
}

/**
 * The matrix test's reduction of an error: `{Code, Count, Errors}` for a ValidationException (its message is
 * "<Count> validation error(s) detected: " + the clauses joined by "; ", which the test split and sorted), else
 * `{Code, Message}`.
 */
function reduce(view: BotocoreView): Record<string, unknown> {
  expect(view.Error, `an error response (got ${JSON.stringify(view)})`).toBeDefined();
  const { Code, Message } = view.Error!;
  if (Code !== 'ValidationException') return { Code, Message };
  const parsed = /^(\d+) validation errors? detected: (.*)$/s.exec(Message);
  expect(parsed, `a validation message (got ${JSON.stringify(Message)})`).not.toBeNull();
  const errors = parsed![2]!.split(/; (?=Value ')/).sort();
  expect(errors).toHaveLength(Number(parsed![1]));
  return { Code, Count: Number(parsed![1]), Errors: errors };
}

describe('Invoke API errors, as recorded on AWS', () => {
  it('invoke-function-not-found: answers 404 ResourceNotFoundException with the :$LATEST ARN in Message and Type User', async () => {
    const id = 'invoke-function-not-found';
    const invoke = await serveForBotocore([bystander()]);
    const functionName = String(recording(id).request['FunctionName']);
    expectRecorded(await invoke(functionName), recorded(id, 'exception'));
  });

  it('qualifier-mismatch: refuses a qualifier in the ARN that differs from Qualifier with 400 InvalidParameterValueException before looking the function up', async () => {
    const id = 'qualifier-mismatch';
    // "FunctionName=<arn>:$LATEST with Qualifier "1"", for a function that does not exist ("some-function").
    const invoke = await serveForBotocore([bystander()]);
    const view = await invoke(`arn:aws:lambda:${REGION}:${RECORDED_ACCOUNT}:function:some-function:$LATEST`, { Qualifier: '1' });
    expectRecorded(view.Error, recorded(id, 'invoke_mismatch(Code/Message only)'));
    // The whole error as recorded for the same refusal by GetFunction (the Invoke variant kept Code and Message
    // only): 400, Type User and a lowercase message, as botocore parses InvalidParameterValueException everywhere.
    expectRecorded(view, recorded(id, 'getFunction_mismatch'));
  });

  it('qualifier-mismatch: GetFunction refuses the mismatch with 400, and answers a matching but missing one with 404 naming $LATEST', async () => {
    const id = 'qualifier-mismatch';
    const server = await serve(bystander());
    const arn = `arn:aws:lambda:${REGION}:${RECORDED_ACCOUNT}:function:some-function`;
    const get = async (functionName: string, qualifier: string) =>
      (await server.send('GET', `/2015-03-31/functions/${botocoreEncode(functionName)}?Qualifier=${botocoreEncode(qualifier)}`)).view;
    expectRecorded(await get(`${arn}:1`, '$LATEST'), recorded(id, 'getFunction_mismatch'));
    expectRecorded(await get(`${arn}:$LATEST`, '$LATEST'), recorded(id, 'getFunction_match_butMissing'));
  });

  it('invoke-wrong-region-arn: answers an ARN of another region with 404 "Functions from \'<r1>\' are not reachable in this region (\'<r2>\')"', async () => {
    const id = 'invoke-wrong-region-arn';
    const wrongRegion = 'eu-west-1';
    // The function exists in the client's region; the ARN names it in another.
    const invoke = await serveForBotocore([bystander('echo')]);
    const view = await invoke(`arn:aws:lambda:${wrongRegion}:${RECORDED_ACCOUNT}:function:echo`, { Payload: '{}' });
    const bindings: Bindings = new Map([
      ['<wrong-region>', wrongRegion],
      ['<region>', REGION],
    ]);
    expectRecorded(view, recorded(id, 'exception'), { bindings });
  });

  it('invoke-invalid-function-name-pattern: answers a malformed ARN with 400 ValidationException quoting the FunctionName pattern, without Type', async () => {
    const id = 'invoke-invalid-function-name-pattern';
    const invoke = await serveForBotocore([bystander()]);
    const functionName = requestValue(String(recording(id).request['FunctionName']));
    const view = await invoke(functionName, { Payload: JSON.stringify(recording(id).request['payload']) });
    expectRecorded(view, recorded(id, 'exception'), { bindings: new Map([['<region>', REGION]]) });
  });

  describe('invoke-name-qualifier-validation-matrix', () => {
    const id = 'invoke-name-qualifier-validation-matrix';
    const rows = Object.entries(recorded<Record<string, { recorded: unknown; input: unknown }>>(id)).filter(
      ([, row]) => typeof row.input === 'object' && row.input !== null,
    );

    it('invoke-name-qualifier-validation-matrix: has an input for every row but the three older parameter sets', () => {
      const unknown = Object.keys(recorded<Record<string, unknown>>(id)).filter((row) => !rows.some(([r]) => r === row));
      expect(unknown.sort()).toEqual(['function_name_and_qualifier_too_long', 'qualifier_too_long0', 'qualifier_too_long1']);
    });

    for (const [row, { recorded: expected, input }] of rows) {
      const { FunctionName, Qualifier } = input as { FunctionName: string; Qualifier?: string };
      const code = (expected as { Code: string }).Code;
      it(`invoke-name-qualifier-validation-matrix: answers ${row} with the recorded ${code} (${JSON.stringify(input)})`, async () => {
        // No function of these names exists, as in the recording.
        const invoke = await serveForBotocore([bystander()]);
        const view = await invoke(requestValue(FunctionName), Qualifier === undefined ? {} : { Qualifier: requestValue(Qualifier) });
        expectRecorded(reduce(view), expandRuns(expected), { bindings: new Map([['<region>', REGION]]) });
      });
    }
  });
});
