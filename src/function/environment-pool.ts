import type { ThrottleReason } from '../errors.js';
import type { EnvScope } from '../runtime/scope.js';
import { WorkerEnvironment } from '../worker/worker-environment.js';
import type { FunctionConcurrency } from './concurrency.js';
import { ExecutionEnvironment, type EnvironmentInfo, type FunctionInternals } from './environment.js';

/** How many shut-down environments `fn.environments` remembers. */
const RETIRED_KEPT = 100;

/**
 * A function's execution environments: which one an invocation takes, which are reclaimed and when, and the
 * provisioned ones. Each environment runs one version's code and configuration (its `FunctionInternals`) and nothing
 * else. A provisioned environment is held for the qualifier its configuration names (a version, an alias, or `$LATEST`
 * for the `provisionedConcurrency` option) and serves invocations through that qualifier first; while it initialises it
 * is busy, and invocations through that qualifier wait for it. Live provisioned environments are what the function's
 * concurrency holds back from on-demand executions.
 * @example
 * const pool = new EnvironmentPool(internals, concurrency);
 * const env = pool.acquire(config, undefined); // an environment, or the throttle reason
 */
export class EnvironmentPool {
  private readonly live: ExecutionEnvironment[] = [];
  /** The most recent shut-down environments (bounded: churn must not grow memory). */
  private readonly retired: ExecutionEnvironment[] = [];
  /** The qualifier each provisioned environment is held for. */
  private readonly holders = new Map<ExecutionEnvironment, string>();
  /** Busy environments to shut down once their invocation ends, and why. */
  private readonly doomed = new Map<ExecutionEnvironment, string>();
  /** Provisioned inits in flight, by the qualifier they are for. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Qualifiers whose last provisioning failed (an init failed): AWS reports them FAILED. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly internals: FunctionInternals,
    private readonly concurrency: FunctionConcurrency,
  ) {}

  /** Whether the code running in `scope` is one of these environments' (a handler of this function). */
  hosts(scope: EnvScope): boolean {
    return this.live.some((env) => env.hosts(scope));
  }

  /** Snapshots of every environment, live and recently shut down, in creation order. */
  info(): EnvironmentInfo[] {
    this.expire();
    return [...this.retired, ...this.live].sort((a, b) => a.createdAt - b.createdAt).map((e) => e.info());
  }

  /** The provisioned inits an invocation through `holder` waits for, if any are running. */
  provisioning(holder: string): Promise<void> | undefined {
    return this.pending.size === 0 ? undefined : this.pending.get(holder);
  }

  /**
   * How the provisioned concurrency held for `holder` stands, as GetProvisionedConcurrencyConfig reports it: initialising
   * (none allocated yet, as AWS reports while IN_PROGRESS), ready with its environments, or failed.
   */
  provisionedState(holder: string): { status: 'IN_PROGRESS' | 'READY' | 'FAILED'; allocated: number } {
    if (this.pending.has(holder)) return { status: 'IN_PROGRESS', allocated: 0 };
    let allocated = 0;
    for (const env of this.live) if (this.holders.get(env) === holder && !this.doomed.has(env)) allocated++;
    return { status: this.failed.has(holder) ? 'FAILED' : 'READY', allocated };
  }

  /** Every provisioned init still running (the function is being disposed). */
  async settled(): Promise<void> {
    await Promise.all(this.pending.values());
  }

  /**
   * An environment for one invocation of `config` through `holder`: an idle provisioned one held for it (it never
   * throttles), else an on-demand one within what the function's concurrency leaves (an idle one, the most recently
   * used as Lambda tends to, else a new one), else the throttle reason.
   */
  acquire(config: FunctionInternals, holder: string): ExecutionEnvironment | ThrottleReason {
    this.expire();
    let chosen = this.holders.size === 0 ? undefined : this.idle(config, holder);
    if (!chosen) {
      const throttle = this.concurrency.startOnDemand(this.holders.size);
      if (throttle !== undefined) return throttle;
      chosen = this.idle(config, undefined);
      if (!chosen) {
        chosen = this.create(config, 'on-demand');
        this.live.push(chosen);
      }
    }
    chosen.state = 'busy';
    return chosen;
  }

  /** Ends an invocation: the environment is idle again, or shut down when it is due to be. */
  release(env: ExecutionEnvironment): void {
    if (env.state === 'busy') env.state = 'idle';
    if (env.initializationType === 'on-demand') this.concurrency.endOnDemand();
    // An environment past its lifetime is retired after its current invocation, even though it was busy.
    const reason =
      (this.doomed.size === 0 ? undefined : this.doomed.get(env)) ??
      (env.initializationType === 'on-demand' && this.internals.clock.now() - env.createdAt >= env.maxLifetimeMs ? 'lifetime-expired' : undefined);
    if (reason !== undefined) this.retire(env, reason);
  }

  /**
   * Makes `count` environments of `config` held for `holder`: more are initialised now, on the clock; idle ones beyond
   * it shut down, and busy ones when their invocation ends.
   */
  provision(config: FunctionInternals, holder: string, count: number): void {
    this.failed.delete(holder);
    let kept = 0;
    for (const env of [...this.live]) {
      if (this.holders.get(env) !== holder || this.doomed.has(env)) continue;
      // Those of another version (an alias that moved) go, and those beyond the count.
      if (env.runs(config) && kept < count) kept++;
      else this.retireWhenIdle(env, 'provisioning-changed');
    }
    this.prewarm(config, holder, count - kept);
  }

  /** Retires every environment of `config` (a `$LATEST` that was updated): idle ones now, busy ones after their invocation. */
  replace(config: FunctionInternals): void {
    for (const env of [...this.live]) if (env.runs(config)) this.retireWhenIdle(env, 'function-updated');
  }

  /** Shuts down idle environments Lambda would have reclaimed by now (idle expiry, lifetime). */
  expire(): void {
    const now = this.internals.clock.now();
    for (let i = this.live.length - 1; i >= 0; i--) {
      const env = this.live[i]!;
      if (env.state !== 'idle') continue;
      const reason = env.expiry(now);
      if (reason !== undefined) this.retire(env, reason);
    }
  }

  /** Shuts every environment down (the function is disposed). */
  shutdownAll(): void {
    for (const env of [...this.live]) this.retire(env, 'disposed');
  }

  private create(config: FunctionInternals, type: ExecutionEnvironment['initializationType']): ExecutionEnvironment {
    return this.internals.options.isolation === 'worker' ? new WorkerEnvironment(config, type) : new ExecutionEnvironment(config, type);
  }

  /** The most recently used idle environment of `config`: held for `holder`, or on-demand when `holder` is undefined. */
  private idle(config: FunctionInternals, holder: string | undefined): ExecutionEnvironment | undefined {
    let chosen: ExecutionEnvironment | undefined;
    for (const env of this.live) {
      if (env.state !== 'idle' || !env.runs(config)) continue;
      // On-demand environments are told by their type (no lookup on the warm path); provisioned ones by their holder.
      if (holder === undefined ? env.initializationType !== 'on-demand' : this.holders.get(env) !== holder) continue;
      if (chosen === undefined || env.lastUsedAt >= chosen.lastUsedAt) chosen = env;
    }
    return chosen;
  }

  /** Initialises `count` provisioned environments held for `holder`; each is busy until its init ends. */
  private prewarm(config: FunctionInternals, holder: string, count: number): void {
    if (count <= 0) return;
    const inits: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const env = this.create(config, 'provisioned-concurrency');
      env.state = 'busy';
      this.live.push(env);
      this.holders.set(env, holder);
      inits.push(
        env.prewarm().then((ok) => {
          if (env.state === 'busy') env.state = 'idle';
          // An environment whose provisioned init fails is not kept: AWS marks the provisioning FAILED and serves the
          // traffic on-demand (recorded: provisioned-init-failure); it holds no concurrency back. Its retries of the
          // provisioning are not modelled.
          // A provisioning superseded meanwhile (its environment already doomed) says nothing of the current one.
          if (!ok && !this.doomed.has(env)) this.failed.add(holder);
          const reason = ok ? this.doomed.get(env) : 'provisioning-failed';
          if (reason !== undefined) this.retire(env, reason);
        }),
      );
    }
    const before = this.pending.get(holder);
    const all: Promise<void> = this.internals.clock.track(Promise.all([before, ...inits]).then(() => undefined));
    this.pending.set(holder, all);
    // Done: invocations stop waiting on it (one promise fewer on each of their paths).
    void all.then(() => {
      if (this.pending.get(holder) === all) this.pending.delete(holder);
    });
  }

  private retireWhenIdle(env: ExecutionEnvironment, reason: string): void {
    if (env.state === 'idle') this.retire(env, reason);
    else this.doomed.set(env, reason);
  }

  private retire(env: ExecutionEnvironment, reason: string): void {
    const index = this.live.indexOf(env);
    if (index === -1) return;
    this.live.splice(index, 1);
    this.holders.delete(env);
    this.doomed.delete(env);
    env.shutdown(reason);
    this.retired.push(env);
    if (this.retired.length > RETIRED_KEPT) this.retired.shift();
  }
}
