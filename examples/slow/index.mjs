import { setTimeout as sleep } from 'node:timers/promises';

// Waits 20 minutes: with the maximum timeout of 15 minutes this times out, at virtual 900 s.
export const handler = async () => {
  console.log('starting a 20-minute job');
  await sleep(20 * 60_000);
  console.log('never printed');
  return 'done';
};
