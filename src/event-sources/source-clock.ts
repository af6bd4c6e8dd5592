import { VirtualClock, type Clock } from '../clock/virtual-clock.js';
import { HarnessError } from '../errors.js';

/**
 * The harness clock given as a source's `clock` option, or a clear error for anything else.
 * @example
 * createQueue('orders', { clock: fn.clock }); // messages are sent at the function's virtual time
 */
export function sourceClock(caller: string, clock: Clock): VirtualClock {
  if (!(clock instanceof VirtualClock)) throw new HarnessError('INVALID_OPTION', `${caller}: 'clock' must be a function's clock or one from createClock().`);
  return clock;
}

/**
 * Whether a source on `current` (undefined: none yet) must adopt `next`: false when it has it already; throws when it
 * is on another clock, which would make its times and the function's disagree.
 * @example
 * if (adopts(this.time, time, `Queue ${name}`)) this.time = time;
 */
export function adopts(current: { now(): number } | undefined, next: { now(): number }, what: string): boolean {
  if (current === next) return false;
  if (current !== undefined) {
    throw new HarnessError('INVALID_ARGUMENT', `${what} is on another clock than this function's: give it and every function reading it one clock (createClock()).`);
  }
  return true;
}
