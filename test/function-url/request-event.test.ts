import { describe, expect, it } from 'vitest';
import { functionUrlEvent } from '../../src/function-url/request-event.js';
import { isTextContent } from '../../src/events/http/_request.js';
import { createRandom } from '../../src/internal/random.js';

const place = { urlId: 'abcdefghijklmnopqrstuvwxyz012345', region: 'eu-west-1', port: 443 };
const request = (overrides: Partial<Parameters<typeof functionUrlEvent>[0]>) =>
  functionUrlEvent({ method: 'GET', target: '/', headers: [], body: new Uint8Array(), sourceIp: '10.0.0.7', ...overrides }, place, createRandom(1), 1_735_689_600_000);

describe('the event a function URL request becomes', () => {
  it('joins repeated headers with "," under lower-case names and drops hop-by-hop headers', () => {
    const event = request({ headers: [['X-Tag', 'a'], ['x-tag', 'b'], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5'], ['Transfer-Encoding', 'chunked']] });
    expect(event.headers['x-tag']).toBe('a,b');
    for (const name of ['connection', 'keep-alive', 'transfer-encoding']) expect(event.headers).not.toHaveProperty(name);
  });

  it('has no queryStringParameters and no cookies without a query string or a cookie header', () => {
    const event = request({});
    expect(event.rawQueryString).toBe('');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('cookies');
  });

  it('lives on the URL’s own host in its region, with the client’s address and the time it was made', () => {
    const event = request({});
    expect(event.requestContext.domainName).toBe('abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws');
    expect(event.headers['x-forwarded-for']).toBe('10.0.0.7');
    expect(event.requestContext).toMatchObject({ timeEpoch: 1_735_689_600_000, time: '01/Jan/2025:00:00:00 +0000' });
  });

  it('base64-encodes a body of a binary type, byte for byte', () => {
    const bytes = new Uint8Array([0, 255, 10, 13]);
    const event = request({ method: 'PUT', headers: [['Content-Type', 'application/octet-stream']], body: bytes });
    expect(event).toMatchObject({ isBase64Encoded: true, body: Buffer.from(bytes).toString('base64') });
  });
});

describe('which request bodies reach the function as text', () => {
  it('sends text, JSON, XML, JavaScript and YAML types as text, and anything else base64-encoded', () => {
    for (const type of ['text/plain', 'text/html; charset=utf-8', 'application/json', 'application/vnd.api+json', 'application/xml', 'application/javascript', 'application/yaml']) {
      expect(isTextContent(type), type).toBe(true);
    }
    for (const type of [undefined, 'multipart/form-data; boundary=x', 'application/octet-stream', 'image/png', 'idk', 'application/x-www-form-urlencoded']) {
      expect(isTextContent(type), String(type)).toBe(false);
    }
  });
});
