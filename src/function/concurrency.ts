import type { VirtualClock } from '../clock/virtual-clock.js';
import { LambdaServiceError, type HarnessError, type ThrottleReason } from '../errors.js';
import { refusedAs, untypedInvalidParameter } from '../internal/wire-error.js';
import { checkConcurrency } from '../limits/limits.js';

/**
 * A function's share of its account's concurrency (spec §5): its reserved concurrency, its provisioned concurrency per
 * qualifier (a version or an alias), and the on-demand executions running now. Provisioned concurrency is carved out:
 * its environments are held whether in use or not, so on-demand executions get what is left of the reserved
 * concurrency (recorded: reserved-equals-provisioned-blocks-latest, where reserved 1 taken by provisioned 1 on
 * version 1 throttles every `$LATEST` invoke, whether or not version 1 runs). The account's figures live on the clock,
 * which the functions of one account share; they count provisioned concurrency as configured.
 * @example
 * const concurrency = new FunctionConcurrency(clock, 1, 0);
 * concurrency.setProvisioned('1', 1);
 * concurrency.startOnDemand(1); // 'ReservedFunctionConcurrentInvocationLimitExceeded'
 */
export class FunctionConcurrency {
  private reservedCount: number | undefined;
  private readonly provisioned = new Map<string, number>();
  /** Running on-demand executions: in the account's unreserved pool exactly when there is no reserved concurrency. */
  private onDemand = 0;

  /** Refuses settings AWS refuses (nothing is registered then); `provisioned` is `$LATEST`'s. */
  constructor(
    private readonly clock: VirtualClock,
    reserved: number | undefined,
    provisioned: number,
  ) {
    checkConcurrency({ account: clock.accountConcurrency, reservedElsewhere: this.others(), reserved, provisioned });
    this.rebook(() => {
      this.reservedCount = reserved;
      if (provisioned > 0) this.provisioned.set('$LATEST', provisioned);
    });
  }

  /** The reserved concurrency, if set. */
  get reserved(): number | undefined {
    return this.reservedCount;
  }

  /** The provisioned concurrency configured on one qualifier (a version, an alias, or `$LATEST`). */
  provisionedFor(qualifier: string): number {
    return this.provisioned.get(qualifier) ?? 0;
  }

  /**
   * Starts an on-demand execution, or says why it is throttled (it then counts nothing). `held`: the provisioned
   * environments that exist now (initialising, idle or busy), which the reserved concurrency keeps for them. A failed
   * provisioning holds nothing back; one lowered while its environments were busy holds them until they finish.
   */
  startOnDemand(held: number): ThrottleReason | undefined {
    const reserved = this.reservedCount;
    const clock = this.clock;
    if (reserved !== undefined) {
      if (this.onDemand >= reserved - held) return 'ReservedFunctionConcurrentInvocationLimitExceeded';
    } else if (clock.unreservedBusy >= clock.accountConcurrency - clock.reservedTotal - clock.provisionedUnreserved) {
      return 'ConcurrentInvocationLimitExceeded';
    }
    this.onDemand++;
    if (reserved === undefined) clock.unreservedBusy++;
    return undefined;
  }

  /** Ends an on-demand execution that `startOnDemand` started. */
  endOnDemand(): void {
    this.onDemand--;
    if (this.reservedCount === undefined) this.clock.unreservedBusy--;
  }

  /** PutFunctionConcurrency (`undefined`: DeleteFunctionConcurrency), with AWS's checks and messages. */
  setReserved(reserved: number | undefined): void {
    const provisioned = this.provisionedSum;
    if (reserved !== undefined && reserved < provisioned) {
      // AWS's message, spaces included (recorded: concurrency-config-errors).
      throw untypedInvalidParameter(` ReservedConcurrentExecutions  ${reserved} should not be lower than function's total provisioned concurrency [${provisioned}].`);
    }
    checkConcurrency({ account: this.clock.accountConcurrency, reservedElsewhere: this.others(), reserved, provisioned });
    // The executions running now move to the new books: into the account's unreserved pool, or out of it.
    const wasInPool = this.reservedCount === undefined;
    this.rebook(() => (this.reservedCount = reserved));
    if (wasInPool !== (reserved === undefined)) this.clock.unreservedBusy += wasInPool ? -this.onDemand : this.onDemand;
  }

  /** PutProvisionedConcurrencyConfig of a qualifier (0: DeleteProvisionedConcurrencyConfig), with AWS's checks. */
  setProvisioned(qualifier: string, count: number): void {
    const sum = this.provisionedSum - this.provisionedFor(qualifier) + count;
    checkConcurrency({ account: this.clock.accountConcurrency, reservedElsewhere: this.others(), reserved: this.reservedCount, provisioned: sum });
    this.rebook(() => (count === 0 ? this.provisioned.delete(qualifier) : this.provisioned.set(qualifier, count)));
  }

  /** Gives the function's share back to the account (the function was disposed). */
  release(): void {
    this.hold(-1);
  }

  /** What the account has set aside for the other functions: all it has set aside, less this function's share. */
  private others(): number {
    return this.clock.reservedTotal + this.clock.provisionedUnreserved - this.share();
  }

  /** What this function takes from the account: its reserved concurrency, or else its provisioned concurrency. */
  private share(): number {
    return this.reservedCount ?? this.provisionedSum;
  }

  /** The provisioned concurrency of every qualifier. */
  private get provisionedSum(): number {
    let sum = 0;
    for (const n of this.provisioned.values()) sum += n;
    return sum;
  }

  /** Changes this function's settings (checked already) and moves its share in the account's books accordingly. */
  private rebook(change: () => unknown): void {
    this.hold(-1);
    change();
    this.hold(1);
  }

  /** Sets aside (1) or gives back (-1) what this function takes from the account. */
  private hold(sign: 1 | -1): void {
    if (this.reservedCount !== undefined) this.clock.reservedTotal += sign * this.reservedCount;
    else this.clock.provisionedUnreserved += sign * this.share();
  }
}

/**
 * AWS's answer to reading or deleting a provisioned concurrency configuration that does not exist [INFERRED: the
 * message and body as LocalStack reports AWS's], thrown as harness misuse.
 * @example
 * throw noProvisionedConfig();
 */
export function noProvisionedConfig(): HarnessError {
  return refusedAs(
    new LambdaServiceError({ name: 'ProvisionedConcurrencyConfigNotFoundException', statusCode: 404, message: 'No Provisioned Concurrency Config found for this function' }),
  );
}
