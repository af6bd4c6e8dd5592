import path from 'node:path';
import { createFunction } from '../function/lambda-function.js';
import type { CommandIo } from './generate-event.js';

function section(io: CommandIo, title: string): void {
  io.stdout(`\n\x1b[1m== ${title}\x1b[0m\n`);
}

/**
 * `lambda-harness demo [examples-dir]`: runs the bundled examples and prints what the harness reports — a cold then
 * a warm invoke with their platform lines, a handler error with its exact payload, and a 15-minute timeout reported
 * in milliseconds of wall time.
 * @example
 * await demoCommand(['examples'], io);
 */
export async function demoCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const root = path.resolve(argv[0] ?? 'examples');

  section(io, 'Cold start, then a warm invoke of the same environment (hello/index.handler)');
  const hello = createFunction({ handler: 'hello/index.handler', root, name: 'hello' });
  for (const name of ['Ada', 'Grace']) {
    const r = await hello.invoke({ name });
    io.stdout(r.logs);
    io.stdout(`-> coldStart: ${r.coldStart}, environment: ${r.environmentId.slice(0, 8)}…, payload: ${r.rawPayload}\n`);
  }
  await hello.dispose();

  section(io, 'A handler error, with the exact payload AWS returns (number-increment/index.handler)');
  const numbers = createFunction({ handler: 'number-increment/index.handler', root, name: 'number-increment' });
  const failed = await numbers.invoke({ number: 1 });
  io.stdout(failed.logs);
  io.stdout(`-> functionError: ${failed.functionError}\n-> payload: ${JSON.stringify(failed.payload, null, 2)}\n`);
  await numbers.dispose();

  section(io, 'A 15-minute timeout on the virtual clock (slow/index.handler, timeout 900 s)');
  const slow = createFunction({ handler: 'slow/index.handler', root, name: 'slow', timeout: 900 });
  const started = performance.now();
  const timedOut = await slow.invoke({});
  const wall = performance.now() - started;
  io.stdout(timedOut.logs);
  io.stdout(`-> payload: ${timedOut.rawPayload}\n`);
  io.stdout(`-> ${(timedOut.durationMs / 1000).toFixed(0)} s of virtual time reported in ${wall.toFixed(1)} ms of wall time\n`);
  await slow.dispose();
  return 0;
}
