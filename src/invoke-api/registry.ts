import { HarnessError } from '../errors.js';
import type { LambdaFunction } from '../function/lambda-function.js';

/**
 * What the Invoke API needs of a function: its name, ARN and `invoke`. Every `createFunction()` result is one;
 * a hand-written object works too (for example one whose `invoke` rejects with a 429 to test throttling).
 * @example
 * const target: InvokeTarget = createFunction({ name: 'hello', handler });
 * lambdaHandlers([target]);
 */
export type InvokeTarget = Pick<LambdaFunction, 'name' | 'arn' | 'invoke'>;

/** A registered function with the region and account read from its ARN. */
export interface RegisteredFunction {
  readonly target: InvokeTarget;
  readonly region: string;
  readonly account: string;
}

const ARN = /^arn:[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+)$/;

/**
 * Maps (region, name) to the functions an Invoke endpoint serves. Functions are regional on AWS, so a function
 * created in us-east-1 is not found through a client configured for eu-west-1.
 * @example
 * const registry = new FunctionRegistry([createFunction({ handler, name: 'orders' })]);
 * registry.find('us-east-1', 'orders');
 */
export class FunctionRegistry {
  private readonly byKey = new Map<string, RegisteredFunction>();
  /** The account printed in 404 messages when the caller named none (the functions' account, else AWS's example). */
  readonly defaultAccount: string;

  constructor(functions: readonly InvokeTarget[]) {
    if (!Array.isArray(functions)) {
      throw new HarnessError('INVALID_OPTION', "'functions' must be an array of functions from createFunction().");
    }
    for (const fn of functions as readonly unknown[]) {
      const candidate = fn as Partial<InvokeTarget> | null;
      if (candidate === null || typeof candidate !== 'object' || typeof candidate.invoke !== 'function' || typeof candidate.arn !== 'string') {
        throw new HarnessError('INVALID_OPTION', "'functions' must contain functions from createFunction() (objects with name, arn and invoke).");
      }
      const match = ARN.exec(candidate.arn);
      if (!match || match[3] !== candidate.name) {
        throw new HarnessError('INVALID_OPTION', `Function ${JSON.stringify(candidate.name)} has an ARN ${JSON.stringify(candidate.arn)} that does not end in :function:<name>.`);
      }
      const entry: RegisteredFunction = { target: candidate as InvokeTarget, region: match[1]!, account: match[2]! };
      const key = `${entry.region}/${candidate.name}`;
      if (this.byKey.has(key)) {
        throw new HarnessError('INVALID_OPTION', `Two functions are named ${JSON.stringify(candidate.name)} in ${entry.region}; names are unique per region.`);
      }
      this.byKey.set(key, entry);
    }
    this.defaultAccount = this.byKey.values().next().value?.account ?? '123456789012';
  }

  /** The function called `name` in `region`, if registered. */
  find(region: string, name: string): RegisteredFunction | undefined {
    return this.byKey.get(`${region}/${name}`);
  }

  /** Every registered function. */
  all(): RegisteredFunction[] {
    return [...this.byKey.values()];
  }
}
