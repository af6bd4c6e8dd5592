import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { fromFixture } from './_internals/from-fixture.js';

/**
 * The error object Step Functions passes on from a failed state (to a `Catch` target or as the execution's
 * error): `Error` is the error name, `Cause` its description (for a Lambda failure, the JSON of the function's
 * `errorMessage`/`errorType`/`stackTrace`).
 * @example
 * const e: StepFunctionsErrorEvent = events.stepFunctionsError({ Error: 'States.Timeout' });
 */
export interface StepFunctionsErrorEvent {
  Error: string;
  Cause: string;
}

/** The canonical base of `stepFunctionsError`, from aws-sam-cli-rendered/stepfunctions__error.json. */
export const stepFunctionsErrorFixture: StepFunctionsErrorEvent = {
  Error: 'ErrorName',
  Cause: 'This is the cause of the error.',
};

/**
 * A Step Functions error payload (`{ Error, Cause }`). Nothing in it is generated, so the options only keep the
 * signature uniform with the other factories.
 * @example
 * const e = events.stepFunctionsError({ Error: 'States.TaskFailed', Cause: 'boom' });
 */
export function stepFunctionsError(overrides?: DeepPartial<StepFunctionsErrorEvent>, options?: EventOptions): StepFunctionsErrorEvent {
  return fromFixture('sfn-error', stepFunctionsErrorFixture, overrides, options);
}

/** Registry entry of `stepFunctionsError`. */
export const stepFunctionsErrorKind: EventKind = {
  id: 'sfn-error',
  factory: 'stepFunctionsError',
  title: 'Step Functions error payload (Error/Cause)',
  type: '— (no @types/aws-lambda type): StepFunctionsErrorEvent',
  build: (options) => stepFunctionsError({}, options),
  samples: ['aws-sam-cli-rendered/stepfunctions__error.json'],
  sam: [{ service: 'stepfunctions', event: 'error' }],
  fixture: stepFunctionsErrorFixture,
};
