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
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const clock = new VirtualClock({ now: setup.now, realTimeFlow: setup.realTimeFlow });
let peakHeap = 0;
const measureMemoryMB = (): number => {
  const heap = v8.getHeapStatistics();
  peakHeap = Math.max(peakHeap, heap.used_heap_size + heap.external_memory);
  return Math.ceil(peakHeap / (1024 * 1024));
};
const options = { ...setup.options, clock: undefined, deadLetterQueue: undefined, onSuccess: undefined, onFailure: undefined } as unknown as ResolvedOptions;
const internals: FunctionInternals = {
  options,
  clock,
  realTime: false,
  random: createRandom(setup.seed),
  hostEnv: setup.hostEnv,
  echo: options.printLogs ? (line: string) => void process.stderr.write(line) : undefined,
  tmpRoot: setup.identity.tmpDir,
  measureMemoryMB,
  onHandlerStart: () => port.postMessage({ type: 'started' } satisfies FromWorker),
};
installFsSandbox({ tmpDir: setup.identity.tmpDir, capacityBytes: options.ephemeralStorage * 1024 * 1024 });
const env = new ExecutionEnvironment(internals, setup.initializationType, setup.identity);

async function catchUp(now: number): Promise<void> {
  if (now > clock.now()) await clock.advance(now - clock.now());
}

port.on('message', (message: ToWorker) => {
  void (async () => {
    await catchUp(message.now);
    if (message.type === 'prewarm') {
      await env.prewarm();
      port.postMessage({ type: 'prewarmed', id: message.id, now: clock.now() } satisfies FromWorker);
      return;
    }
    const r = await env.invoke(message.request);
    measureMemoryMB();
    // Materialise the lazy fields (logs, traces) into plain data for the structured clone.
    const result = { ...JSON.parse(JSON.stringify({ ...r, logs: r.logs, rawPayload: r.rawPayload })) };
    port.postMessage({ type: 'result', id: message.id, now: clock.now(), result } satisfies FromWorker);
  })();
});
