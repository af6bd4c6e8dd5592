import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerNotFound, ImportModuleError, UserCodeSyntaxError } from '../runtime/error-payload.js';
import type { HandlerLocation } from './resolve.js';

/** Node's own `import()`, not a test runner's rewrite of it (see native-import.cjs). Loaded on first use. */
let nativeImport: ((specifier: string) => Promise<unknown>) | undefined;
function importNatively(specifier: string): Promise<unknown> {
  nativeImport ??= createRequire(import.meta.url)('./native-import.cjs') as (specifier: string) => Promise<unknown>;
  return nativeImport(specifier);
}

/** A loaded handler function (any of the Node signatures). */
export type AnyHandler = (event: unknown, context: unknown, callback?: unknown) => unknown;

/**
 * Loads a handler module for one execution environment and returns the exported function.
 *
 * Each cold start must see fresh module state, as a new Lambda sandbox does. ES modules are imported with a query
 * (`?lambda-harness-env=N`), which gives the handler file a new module instance; CommonJS files under the function's
 * root (never `node_modules`) are dropped from `require.cache` before requiring. Packages in `node_modules` are
 * shared between environments in module isolation — use worker isolation when that matters.
 *
 * Load failures are translated as the runtime does (spec §2.2): `MODULE_NOT_FOUND` from `require` →
 * `Runtime.ImportModuleError`; a `SyntaxError` → `Runtime.UserCodeSyntaxError`; a missing or non-function export →
 * `Runtime.HandlerNotFound`; anything else thrown by module code passes through unchanged.
 */
export async function loadHandler(location: HandlerLocation, root: string, generation: number): Promise<AnyHandler> {
  let moduleValue: unknown;
  try {
    if (location.loader === 'import') {
      const url = pathToFileURL(location.file);
      url.searchParams.set('lambda-harness-env', String(generation));
      moduleValue = await importNatively(url.href);
    } else {
      const requireFromRoot = createRequire(path.join(root, 'noop.js'));
      const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
      for (const key of Object.keys(requireFromRoot.cache)) {
        if (key.startsWith(rootWithSep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
          delete requireFromRoot.cache[key];
        }
      }
      moduleValue = requireFromRoot(location.file);
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'MODULE_NOT_FOUND') throw new ImportModuleError(String(error));
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(String(error));
    throw error;
  }
  let target: unknown = moduleValue;
  for (const part of location.exportPath.split('.')) {
    target = target === null || target === undefined ? undefined : (target as Record<string, unknown>)[part];
  }
  // An ES module namespace of a CommonJS file exposes module.exports as `default`.
  if (target === undefined && location.loader === 'import') {
    let viaDefault: unknown = (moduleValue as { default?: unknown }).default;
    for (const part of location.exportPath.split('.')) {
      viaDefault = viaDefault === null || viaDefault === undefined ? undefined : (viaDefault as Record<string, unknown>)[part];
    }
    target = viaDefault;
  }
  if (target === undefined) throw new HandlerNotFound(`${location.handler} is undefined or not exported`);
  if (typeof target !== 'function') throw new HandlerNotFound(`${location.handler} is not a function`);
  return target as AnyHandler;
}
