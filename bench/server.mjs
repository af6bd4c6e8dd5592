// Invocations per second through `startServer` against a bare node:http server calling the same trivial handler,
// in one run: same client, same keep-alive agent settings, fixed request count, several repetitions, medians.
// Usage: npm run build && node bench/server.mjs [requests=4000] [concurrency=16] [repetitions=5]
import http from 'node:http';
import { createFunction, startServer } from '../dist/index.js';

const [requests = 4000, concurrency = 16, repetitions = 5] = process.argv.slice(2).map(Number);
const handler = async (event) => ({ ok: true, n: event.n });
const body = JSON.stringify({ n: 1 });
const path = '/2015-03-31/functions/bench/invocations';

function startBare() {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const out = JSON.stringify(await handler(event, {}));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

function post(agent, url) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method: 'POST', agent, headers: { 'Content-Length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      await post(agent, url);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return requests / seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const fn = createFunction({ name: 'bench', handler, historyLimit: 0 });
const harness = await startServer({ functions: [fn] });
const bare = await startBare();
// Warm both (JIT, environments) before measuring.
await measure(harness.url);
await measure(bare.url);
const harnessRates = [];
const bareRates = [];
for (let i = 0; i < repetitions; i++) {
  // Alternate so drift (thermal, GC) hits both alike.
  bareRates.push(await measure(bare.url));
  harnessRates.push(await measure(harness.url));
}
await harness.close();
await bare.close();
await fn.dispose();

const h = median(harnessRates);
const b = median(bareRates);
console.log(`requests per run: ${requests}, concurrency: ${concurrency}, repetitions: ${repetitions} (medians)`);
console.log(`bare node:http + handler : ${b.toFixed(0)} invocations/s`);
console.log(`lambda-harness startServer: ${h.toFixed(0)} invocations/s`);
console.log(`ratio (bare / harness)    : ${(b / h).toFixed(2)}x  (target: within 2x)`);
