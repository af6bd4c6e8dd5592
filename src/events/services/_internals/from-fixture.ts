import { deepMerge, type DeepPartial } from '../../_internals/deep.js';
import { buildContext, type EventBuildContext, type EventOptions } from '../../_internals/kind.js';

/**
 * The common factory body of the services family: clone the fixture, let the kind replace what AWS generates
 * (seeded ids, times from `now`), then apply the user's deep-partial overrides.
 */
export function fromFixture<T>(
  kindId: string,
  fixture: T,
  overrides: DeepPartial<NoInfer<T>> | undefined,
  options: EventOptions | undefined,
  reseed?: (event: T, ctx: EventBuildContext) => void,
): T {
  const ctx = buildContext(kindId, options);
  const event = structuredClone(fixture);
  reseed?.(event, ctx);
  return deepMerge<T>(event, overrides);
}
