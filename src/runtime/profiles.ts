import { HarnessError } from '../errors.js';

/**
 * Node.js managed runtimes the harness reproduces.
 * @example
 * createFunction({ handler, runtime: 'nodejs22.x' });
 */
export type RuntimeName = 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x';

/** The runtime identifiers accepted by `createFunction({ runtime })`. */
export const RUNTIMES: readonly RuntimeName[] = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'];

/**
 * What differs between runtimes. nodejs20.x/22.x run the v3 runtime interface client (callbacks,
 * `context.succeed/fail/done`, `callbackWaitsForEmptyEventLoop`, duck-typed errors, `"handled"` for empty
 * failures); nodejs24.x runs v4 (handlers are awaited, callback handlers fail init, `instanceof Error` only).
 */
export interface RuntimeProfile {
  readonly name: RuntimeName;
  /** Major version of the runtime interface client. */
  readonly ric: 3 | 4;
  /**
   * The managed runtime version `INIT_START` names (`nodejs:22.v<N>`). AWS patches runtimes every few weeks; the
   * numbers here are illustrative, fixed so logs are reproducible.
   */
  readonly version: string;
}

const VERSIONS: Record<RuntimeName, string> = { 'nodejs20.x': 'nodejs:20.v48', 'nodejs22.x': 'nodejs:22.v40', 'nodejs24.x': 'nodejs:24.v12' };

/**
 * The profile of a runtime name; throws `INVALID_OPTION` listing the valid names.
 * @example
 * runtimeProfile('nodejs22.x').ric; // 3
 */
export function runtimeProfile(name: string): RuntimeProfile {
  if (!(RUNTIMES as readonly string[]).includes(name)) {
    throw new HarnessError('INVALID_OPTION', `runtime ${JSON.stringify(name)} is not supported: use one of ${RUNTIMES.join(', ')}.`);
  }
  return { name: name as RuntimeName, ric: name === 'nodejs24.x' ? 4 : 3, version: VERSIONS[name as RuntimeName] };
}

/** The runtime matching the host Node.js major (20, 22, 24; newer hosts map to nodejs24.x, older to nodejs20.x). */
export function hostRuntime(major = Number(process.versions.node.split('.')[0])): RuntimeName {
  if (major >= 24) return 'nodejs24.x';
  if (major >= 22) return 'nodejs22.x';
  return 'nodejs20.x';
}
