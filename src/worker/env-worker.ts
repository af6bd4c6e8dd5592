/**
 * Entry of a worker-isolated execution environment: one `worker_thread` per environment, with its own module graph,
 * `process.env`, heap limit and file system sandbox. It hosts the same `ExecutionEnvironment` as module isolation,
 * on its own virtual clock, kept in step with the main thread's at each invocation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import { VirtualClock } from '../clock/virtual-clock.js';
import { ExecutionEnvironment, type FunctionInternals } from '../function/environment.js';
import type { ResolvedOptions } from '../function/options.js';
import { createRandom } from '../internal/random.js';
import { installFsSandbox } from './fs-sandbox.js';
import type { InvocationRecord } from '../function/invocation-record.js';
import type { FromWorker, PlainResult, ToWorker, WorkerSetup } from './protocol.js';

/*
 * A worker may be started before it is needed (a spare, booted ahead of the next cold start): it then waits for
 * its setup as the first message instead of reading it from workerData.
 */
const port = parentPort!;
let clock: VirtualClock;
let env: ExecutionEnvironment;
let peakHeap = 0;
const measureMemoryMB = (): number => {
  const heap = v8.getHeapStatistics();
  peakHeap = Math.max(peakHeap, heap.used_heap_size + heap.external_memory);
  return Math.ceil(peakHeap / (1024 * 1024));
};

function configure(setup: WorkerSetup): void {
  clock = new VirtualClock({ now: setup.now, realTimeFlow: setup.realTimeFlow });
  const options = { ...setup.options, clock: undefined, deadLetterQueue: undefined, onSuccess: undefined, onFailure: undefined } as unknown as ResolvedOptions;
  for (const [key, value] of Object.entries(setup.hostEnv)) if (value !== undefined) process.env[key] = value;
  const internals: FunctionInternals = {
    options,
    version: setup.version,
    clock,
    realTime: false,
    random: createRandom(setup.seed),
    hostEnv: setup.hostEnv,
    echo: options.printLogs ? (line: string) => void process.stderr.write(line) : undefined,
    tmpRoot: setup.identity.tmpDir,
    measureMemoryMB,
    onHandlerStart: () => port.postMessage({ type: 'started' } satisfies FromWorker),
  };
  installFsSandbox({ tmpDir: setup.identity.tmpDir, capacityBytes: options.ephemeralStorage * 1024 * 1024, codeRoot: options.root });
  env = new ExecutionEnvironment(internals, setup.initializationType, setup.identity);
}

if (workerData) configure(workerData as WorkerSetup);

async function catchUp(now: number): Promise<void> {
  if (now > clock.now()) await clock.advance(now - clock.now());
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'setup') {
    configure(message.setup);
    return;
  }
  void (async () => {
    await catchUp(message.now);
    if (message.type === 'prewarm') {
      const ok = await env.prewarm();
      port.postMessage({ type: 'prewarmed', id: message.id, now: clock.now(), ok } satisfies FromWorker);
      return;
    }
    const request = message.request;
    if (message.liveChunks) {
      request.streamListener = (chunk, contentType) => port.postMessage({ type: 'chunk', chunk, contentType } satisfies FromWorker);
    }
    const r = await env.invoke(request);
    measureMemoryMB();
    // Plain data (logs and the exact body included) for the structured clone.
    const record = r as unknown as InvocationRecord;
    const stream = record.responseStream;
    // A streamed body crosses once, as bytes, with the chunk lengths to cut it again (not through JSON).
    const responseStream = stream && { contentType: stream.contentType, body: stream.body, chunkLengths: stream.chunks.map((c) => c.length) };
    const result = { ...(JSON.parse(JSON.stringify(record.plainData())) as PlainResult), responseStream };
    port.postMessage({ type: 'result', id: message.id, now: clock.now(), result } satisfies FromWorker);
  })();
});
