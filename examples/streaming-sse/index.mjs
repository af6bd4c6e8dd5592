// A server-sent events endpoint behind a RESPONSE_STREAM function URL, written as deployed: against the runtime's
// `awslambda` global. It streams an answer word by word, as a chat backend relays a model's tokens.
import { Readable, pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const words = (text) => text.split(' ');

async function* events(question) {
  // A real backend would await a model here; 200 ms per word stands in for it (virtual time under the harness).
  for (const word of words(`You asked: ${question}. Here is a streamed answer.`)) {
    await sleep(200);
    yield `data: ${JSON.stringify({ word })}\n\n`;
  }
  yield 'event: done\ndata: {}\n\n';
}

export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const question = event.queryStringParameters?.q;
  if (!question) {
    const http = awslambda.HttpResponseStream.from(responseStream, { statusCode: 400, headers: { 'content-type': 'text/plain' } });
    http.write('missing ?q=');
    http.end();
    return;
  }
  const http = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  });
  await promisify(pipeline)(Readable.from(events(question)), http);
});
