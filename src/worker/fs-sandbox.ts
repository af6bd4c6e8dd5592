import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Lambda's file system, inside a worker-isolated environment: `/tmp` is the environment's own directory (capped at
 * `ephemeralStorage`, `ENOSPC` past it), and writes anywhere else fail with `EROFS` as on Lambda's read-only image.
 * Reads are unrestricted (handlers read their own code and packages).
 */
export interface SandboxOptions {
  /** The environment's real directory standing in for `/tmp`. */
  readonly tmpDir: string;
  /** Cap of `/tmp` in bytes. */
  readonly capacityBytes: number;
  /** The function's code (LAMBDA_TASK_ROOT): never remapped, even when it lives under the host's /tmp. */
  readonly codeRoot: string;
}

type Kind = 'read' | 'write';
/** fs functions taking a path first, and whether they write. */
const PATH_FUNCTIONS: readonly [string, Kind][] = [
  ['writeFile', 'write'], ['appendFile', 'write'], ['mkdir', 'write'], ['rm', 'write'], ['rmdir', 'write'], ['unlink', 'write'],
  ['rename', 'write'], ['copyFile', 'write'], ['truncate', 'write'], ['mkdtemp', 'write'], ['open', 'write'],
  ['readFile', 'read'], ['readdir', 'read'], ['stat', 'read'], ['lstat', 'read'], ['access', 'read'], ['exists', 'read'],
];

function errnoError(code: 'EROFS' | 'ENOSPC', syscall: string, target: string): NodeJS.ErrnoException {
  const text = code === 'EROFS' ? 'read-only file system' : 'no space left on device';
  const error = new Error(`${code}: ${text}, ${syscall} '${target}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.errno = code === 'EROFS' ? -30 : -28;
  error.syscall = syscall;
  error.path = target;
  return error;
}

function sizeOf(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else {
      try {
        total += fs.statSync(full).size;
      } catch {
        // vanished meanwhile
      }
    }
  }
  return total;
}

function isWriteFlag(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !== 0;
  return /[wa+]/.test(String(flags));
}

/**
 * Installs the sandbox on `node:fs` and `node:fs/promises` in this (worker) thread. Not undone: the worker is
 * the environment and dies with it.
 * @example
 * installFsSandbox({ tmpDir: '/tmp/lambda-harness/…/env', capacityBytes: 512 * 1024 * 1024 });
 */
export function installFsSandbox(options: SandboxOptions): void {
  const { tmpDir, capacityBytes, codeRoot } = options;
  fs.mkdirSync(tmpDir, { recursive: true });
  // The host's own files may live under its /tmp too (a CI checkout, a test's temporary project): the harness's
  // code, the working directory and the function's code keep their real paths.
  const harnessDir = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  const realPaths = [tmpDir, codeRoot, harnessDir, process.cwd()];
  const inside = (absolute: string, dir: string): boolean => absolute === dir || absolute.startsWith(dir + path.sep);
  const remap = (p: unknown): unknown => {
    if (typeof p !== 'string' && !(p instanceof URL) && !Buffer.isBuffer(p)) return p;
    const text = p instanceof URL ? fileURLToPath(p) : Buffer.isBuffer(p) ? p.toString() : p;
    const absolute = path.resolve(text);
    if (absolute === '/tmp' || absolute.startsWith('/tmp/')) {
      // The environment's own directory and the function's code may themselves live under the host's /tmp.
      if (realPaths.some((dir) => inside(absolute, dir))) return absolute;
      return path.join(tmpDir, absolute.slice(4));
    }
    return absolute;
  };
  const check = (name: string, kind: Kind, args: unknown[]): void => {
    args[0] = remap(args[0]);
    if (name === 'rename' || name === 'copyFile') args[1] = remap(args[1]);
    const isWrite = kind === 'write' && (name !== 'open' || isWriteFlag(args[1]));
    if (!isWrite) return;
    for (const index of name === 'rename' || name === 'copyFile' ? [1] : [0]) {
      const target = args[index];
      if (typeof target !== 'string') continue;
      const absolute = path.resolve(target);
      if (absolute !== tmpDir && !absolute.startsWith(tmpDir + path.sep)) throw errnoError('EROFS', name, String(target));
    }
    if (name === 'writeFile' || name === 'appendFile') {
      const data = args[1];
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) ? data.byteLength : 0;
      if (sizeOf(tmpDir) + bytes > capacityBytes) throw errnoError('ENOSPC', 'write', String(args[0]));
    }
  };
  const target = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const promises = fs.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const [name, kind] of PATH_FUNCTIONS) {
    const sync = target[`${name}Sync`];
    if (typeof sync === 'function') {
      target[`${name}Sync`] = function (...args: unknown[]) {
        check(name, kind, args);
        return sync.apply(fs, args);
      };
    }
    const callback = target[name];
    if (typeof callback === 'function') {
      target[name] = function (...args: unknown[]) {
        try {
          check(name, kind, args);
        } catch (error) {
          const cb = args[args.length - 1];
          if (typeof cb === 'function') {
            process.nextTick(() => (cb as (e: unknown) => void)(error));
            return undefined;
          }
          throw error;
        }
        return callback.apply(fs, args);
      };
    }
    const promised = promises[name];
    if (typeof promised === 'function') {
      promises[name] = function (...args: unknown[]) {
        try {
          check(name, kind, args);
        } catch (error) {
          return Promise.reject(error);
        }
        return promised.apply(fs.promises, args);
      };
    }
  }
  const createWriteStream = fs.createWriteStream;
  target['createWriteStream'] = function (...args: unknown[]) {
    check('open', 'write', [args[0], 'w']);
    args[0] = remap(args[0]);
    return createWriteStream.apply(fs, args as Parameters<typeof fs.createWriteStream>);
  };
  syncBuiltinESMExports();
}
