import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../errors.js';
import { MalformedHandlerName } from '../runtime/error-payload.js';

/** A handler string parsed the way the Node runtime parses `_HANDLER` (`path/to/module.export.nested`). */
export interface HandlerLocation {
  /** The `_HANDLER` string as given. */
  readonly handler: string;
  /** Absolute path of the module file that will be loaded. */
  readonly file: string;
  /** `require` (CommonJS) or `import` (ES module), by the runtime's rules. */
  readonly loader: 'require' | 'import';
  /** Export path inside the module (`handler`, or `a.b` for nested). */
  readonly exportPath: string;
}

/** Parse result: a location, or the init error Lambda reports for a malformed name. */
export type HandlerParse = { ok: true; location: HandlerLocation } | { ok: false; error: Error };

const FUNCTION_EXPR = /^([^.]*)\.(.*)$/;

/** Package types by directory, remembered for a second: cold starts in a burst read package.json once. */
const typeMemo = new Map<string, { type: 'module' | 'commonjs'; at: number }>();

function nearestPackageType(dir: string): 'module' | 'commonjs' {
  const now = performance.now();
  const known = typeMemo.get(dir);
  if (known !== undefined && now - known.at < 1000) return known.type;
  const type = readPackageType(dir);
  if (typeMemo.size > 256) typeMemo.clear();
  typeMemo.set(dir, { type, at: now });
  return type;
}

function readPackageType(dir: string): 'module' | 'commonjs' {
  for (let d = dir; ; d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        const type = (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type;
        return type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (path.dirname(d) === d) return 'commonjs';
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves a handler string like Lambda's runtime does: relative to `root` (LAMBDA_TASK_ROOT), trying an
 * extensionless file, `.js` (ESM when the nearest package.json says `"type": "module"`), `.mjs`, then `.cjs`.
 * Malformed names become the runtime's `Runtime.MalformedHandlerName`; a module file that does not exist at all is
 * harness misuse (HANDLER_FILE_NOT_FOUND) rather than a simulated failure, so a typo fails the test at once.
 * @example
 * resolveHandler('src/orders.handler', process.cwd());
 */
export function resolveHandler(handler: string, root: string): HandlerParse {
  if (handler.includes('..')) {
    return {
      ok: false,
      error: new MalformedHandlerName(
        `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
      ),
    };
  }
  const moduleRoot = path.dirname(handler);
  const match = FUNCTION_EXPR.exec(path.basename(handler));
  if (!match) return { ok: false, error: new MalformedHandlerName('Bad handler') };
  const [, moduleName, exportPath] = match as unknown as [string, string, string];
  const base = path.resolve(root, moduleRoot, moduleName);
  const dirType = nearestPackageType(path.dirname(base));
  const candidates: [string, 'require' | 'import'][] = [
    [base, 'require'],
    [`${base}.js`, dirType === 'module' ? 'import' : 'require'],
    [`${base}.mjs`, 'import'],
    [`${base}.cjs`, 'require'],
  ];
  for (const [file, loader] of candidates) {
    if (isFile(file)) return { ok: true, location: { handler, file, loader, exportPath } };
  }
  throw new HarnessError(
    'HANDLER_FILE_NOT_FOUND',
    `Handler ${JSON.stringify(handler)}: no module ${path.relative(process.cwd(), base) || base}(.js|.mjs|.cjs) under root ${root}. ` +
      `Check the path (it is relative to the 'root' option, default process.cwd()) and the file extension.`,
  );
}
