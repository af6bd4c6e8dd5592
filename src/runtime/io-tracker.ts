import { AsyncResource, createHook, type AsyncHook } from 'node:async_hooks';
import { currentScope, type IoState, type TrackedHandle } from './scope.js';

/**
 * Knows what real work each simulated environment is waiting on, so the clock can tell "waiting on nothing but
 * timers" (jump) from "waiting on a socket, a file, a DNS lookup" (let real time flow).
 *
 * One `init` hook attributes every new async resource to the environment whose code created it (via the scope
 * store). Handles (sockets, servers, real timers) are pending while `hasRef()` — the same notion of "keeps the event
 * loop alive" that Lambda's runtime uses. One-shot libuv requests (fs, dns, connect, writes) are pending while
 * `process.getActiveResourcesInfo()` still lists a request of their type; the others (crypto and zlib work on the
 * thread pool, which that list does not show) are pending until their `destroy`. The destroy hook is enabled only
 * while such requests are outstanding, because it makes Node track every promise (an ES module import creates
 * hundreds) at about a microsecond each.
 */
const IGNORED = new Set(['PROMISE', 'TickObject', 'Microtask', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST']);

/** Request types that `process.getActiveResourcesInfo()` reports while in flight, and the name it reports (lowercased). */
const LISTED_REQUESTS = new Map([
  ['FSREQPROMISE', 'fsreqpromise'],
  ['FSREQCALLBACK', 'fsreqcallback'],
  ['FILEHANDLECLOSEREQ', 'closereq'],
  ['GETADDRINFOREQWRAP', 'getaddrinforeqwrap'],
  ['GETNAMEINFOREQWRAP', 'getnameinforeqwrap'],
  ['TCPCONNECTWRAP', 'tcpconnectwrap'],
  ['PIPECONNECTWRAP', 'pipeconnectwrap'],
  ['WRITEWRAP', 'writewrap'],
  ['SHUTDOWNWRAP', 'shutdownwrap'],
  ['UDPSENDWRAP', 'sendwrap'],
]);

/**
 * Promises are never I/O. Where Node lets a hook opt out of them (`trackPromises`: Node 25.6, and 24.x since its
 * February 2026 release), neither hook makes Node install promise hooks, so a warm invocation stops paying an init
 * call per promise (~0.3 µs of ~2.8 µs on Node 24). Older Node ignores the option and reports promises to `init`,
 * which drops them (`IGNORED`).
 */
const NO_PROMISES = { trackPromises: false } as Record<string, unknown>;

const owners = new Map<number, IoState>();
let initHook: AsyncHook | undefined;
let destroyHook: AsyncHook | undefined;
let users = 0;

function onInit(asyncId: number, type: string, _trigger: number, resource: object): void {
  // JavaScript-level resources (`new AsyncResource`, `AsyncResource.bind`) are bookkeeping, never I/O: the work they
  // stand for has its own handle or request. Node 24's stream.finished makes one per fetch (STREAM_END_OF_STREAM)
  // whose destroy never comes, which made every later timer of the invocation wait in real time.
  if (IGNORED.has(type) || resource instanceof AsyncResource) return;
  const scope = currentScope();
  if (scope === undefined) return;
  const io = scope.io;
  if (typeof (resource as Partial<TrackedHandle>).hasRef === 'function') {
    io.handles.push(new WeakRef(resource as TrackedHandle));
  } else if (LISTED_REQUESTS.has(type)) {
    io.listedRequests.add(LISTED_REQUESTS.get(type)!);
  } else {
    io.requests.add(asyncId);
    owners.set(asyncId, io);
    destroyHook ??= createHook({ destroy: onDestroy, ...NO_PROMISES });
    if (owners.size === 1) destroyHook.enable();
  }
}

function onDestroy(asyncId: number): void {
  const io = owners.get(asyncId);
  if (io === undefined) return;
  owners.delete(asyncId);
  io.requests.delete(asyncId);
}

/** Turns the destroy hook off once nothing is outstanding (called from the scheduler, never from a hook). */
export function relaxIoTracking(): void {
  if (owners.size === 0) destroyHook?.disable();
}

/** Starts tracking (reference-counted by live clocks). */
export function retainIoTracking(): void {
  if (users++ === 0) {
    initHook ??= createHook({ init: onInit, ...NO_PROMISES });
    initHook.enable();
  }
}

/** Stops tracking when the last clock is disposed; leaves no hook enabled. */
export function releaseIoTracking(): void {
  if (users === 0) return;
  if (--users === 0) {
    initHook?.disable();
    destroyHook?.disable();
    owners.clear();
  }
}

/** Forgets an environment's outstanding requests (it was shut down or reset). */
export function forgetIo(io: IoState): void {
  for (const id of io.requests) owners.delete(id);
  io.requests.clear();
  io.listedRequests.clear();
  io.handles.length = 0;
}
