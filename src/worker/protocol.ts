import type { InvokeRequest, EnvironmentIdentity } from '../function/environment.js';
import type { ResolvedOptions } from '../function/options.js';

/** What a worker-isolated environment is created with (structured-cloneable). */
export interface WorkerSetup {
  readonly options: Omit<ResolvedOptions, 'clock' | 'deadLetterQueue' | 'onSuccess' | 'onFailure' | 'handler'> & { handler: string };
  /** The function version the environment runs. */
  readonly version: string;
  readonly identity: EnvironmentIdentity;
  readonly initializationType: 'on-demand' | 'provisioned-concurrency';
  readonly hostEnv: Record<string, string | undefined>;
  readonly now: number;
  readonly realTimeFlow: boolean;
  readonly seed: number;
}

/** Main thread → worker. */
export type ToWorker =
  /** First message to a spare worker started without workerData. */
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  /**
   * `liveChunks`: the caller reads the response as a stream; send each chunk a streaming handler writes as it is
   * written (the request's listener stays on the main thread).
   */
  | { readonly type: 'invoke'; readonly id: number; readonly now: number; readonly request: InvokeRequest; readonly liveChunks?: boolean }
  | { readonly type: 'prewarm'; readonly id: number; readonly now: number };

/** An invocation result as plain data (getters materialised), to cross the thread boundary. */
export interface PlainResult {
  readonly [key: string]: unknown;
  readonly rawPayload: string;
  readonly logs: string;
  /** A streaming handler's response, outside the JSON form: its bytes cross once, with the length of each chunk. */
  readonly responseStream?: { readonly contentType: string; readonly body: Uint8Array; readonly chunkLengths: readonly number[] };
}

/** Worker → main thread. */
export type FromWorker =
  | { readonly type: 'result'; readonly id: number; readonly now: number; readonly result: PlainResult }
  /** Provisioned init finished; `ok` tells whether it succeeded. */
  | { readonly type: 'prewarmed'; readonly id: number; readonly now: number; readonly ok: boolean }
  /** The handler is about to run (init is done): the timeout watchdog starts now. */
  | { readonly type: 'started' }
  /** A chunk a streaming handler just wrote, for an invocation that asked for live chunks. */
  | { readonly type: 'chunk'; readonly chunk: Uint8Array; readonly contentType: string };
