import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFunction, HarnessError, LambdaServiceError, type LambdaFunction } from '../../src/index.js';

const numRuns = process.env['CI'] ? 300 : 60;

/** One step of a deployment history, as a test (or a pipeline) would take it. */
type Step =
  | { op: 'update'; variant: string }
  | { op: 'publish' }
  | { op: 'point'; alias: string; version: string }
  | { op: 'delete'; alias: string }
  | { op: 'invoke'; qualifier: string | undefined };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('update' as const), variant: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ op: fc.constant('publish' as const) }),
  fc.record({ op: fc.constant('point' as const), alias: fc.constantFrom('live', 'beta'), version: fc.constantFrom('$LATEST', '1', '2', '3') }),
  fc.record({ op: fc.constant('delete' as const), alias: fc.constantFrom('live', 'beta') }),
  fc.record({ op: fc.constant('invoke' as const), qualifier: fc.constantFrom(undefined, '$LATEST', '1', '2', '3', 'live', 'beta') }),
);

/**
 * The reference model: versions are snapshots of `$LATEST`'s variant, published only when it changed; aliases name a
 * version that exists; an invocation runs what its qualifier names, or is a 404.
 */
class Model {
  latest = 'initial';
  changed = true;
  readonly versions: string[] = [];
  readonly aliases = new Map<string, string>();

  apply(s: Step): unknown {
    switch (s.op) {
      case 'update':
        // Updating to what it already is changes nothing.
        if (s.variant !== this.latest) this.changed = true;
        this.latest = s.variant;
        return undefined;
      case 'publish':
        if (this.changed || this.versions.length === 0) this.versions.push(this.latest);
        this.changed = false;
        return String(this.versions.length);
      case 'point': {
        if (s.version !== '$LATEST' && this.versions[Number(s.version) - 1] === undefined) return 'refused';
        this.aliases.set(s.alias, s.version);
        return undefined;
      }
      case 'delete':
        this.aliases.delete(s.alias);
        return undefined;
      case 'invoke': {
        const version = s.qualifier === undefined ? '$LATEST' : (this.aliases.get(s.qualifier) ?? s.qualifier);
        if (version === '$LATEST') return ['$LATEST', this.latest];
        const variant = this.versions[Number(version) - 1];
        return variant === undefined ? 404 : [version, variant];
      }
    }
  }
}

async function applyTo(fn: LambdaFunction, s: Step): Promise<unknown> {
  switch (s.op) {
    case 'update':
      fn.update({ environment: { VARIANT: s.variant } });
      return undefined;
    case 'publish':
      return fn.publishVersion().version;
    case 'point':
      try {
        if (fn.aliases.some((a) => a.name === s.alias)) fn.updateAlias({ name: s.alias, functionVersion: s.version });
        else fn.createAlias({ name: s.alias, functionVersion: s.version });
        return undefined;
      } catch (error) {
        if (error instanceof HarnessError) return 'refused';
        throw error;
      }
    case 'delete':
      fn.deleteAlias(s.alias);
      return undefined;
    case 'invoke': {
      try {
        const r = await fn.invoke({}, s.qualifier === undefined ? {} : { qualifier: s.qualifier });
        return [r.executedVersion, r.payload];
      } catch (error) {
        if (error instanceof LambdaServiceError) return error.statusCode;
        throw error;
      }
    }
  }
}

describe('versions and aliases, against a reference model (fast-check)', () => {
  it('runs what each qualifier names after any history of updates, publishes and alias moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const fn = createFunction({ handler: async () => process.env['VARIANT'], environment: { VARIANT: 'initial' } }) as LambdaFunction;
        const model = new Model();
        try {
          for (const s of steps) expect(await applyTo(fn, s), JSON.stringify(s)).toEqual(model.apply(s));
        } finally {
          await fn.dispose();
        }
      }),
      { numRuns },
    );
  });
});
