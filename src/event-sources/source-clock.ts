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
