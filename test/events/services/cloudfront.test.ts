import { describe, expect, it } from 'vitest';
import { events } from '../../../src/events/index.js';

describe('CloudFront Lambda@Edge factories', () => {
  it('keys CloudFront headers by lowercase name', () => {
    const e = events.cloudFrontRequest({ headers: { 'CloudFront-Viewer-Country': 'DE', 'X-Multi': ['a', 'b'] } });
    const headers = e.Records[0]!.cf.request.headers;
    expect(headers['cloudfront-viewer-country']).toEqual([{ key: 'CloudFront-Viewer-Country', value: 'DE' }]);
    expect(headers['x-multi']?.map((h) => h.value)).toEqual(['a', 'b']);
  });

  it('names the distribution in the host header and config', () => {
    const cf = events.cloudFrontRequest().Records[0]!.cf;
    expect(cf.request.headers['host']?.[0]?.value).toBe(cf.config.distributionDomainName);
    expect(cf.config.distributionId).toMatch(/^E[A-Z0-9]{13}$/);
  });

  it('encodes the query string and base64-encodes a body', () => {
    const req = events.cloudFrontRequest({ eventType: 'origin-request', querystring: { q: 'a b' }, body: 'hi' }).Records[0]!.cf.request;
    expect(req.querystring).toBe('q=a%20b');
    expect(req.body).toEqual({ action: 'read-only', data: 'aGk=', encoding: 'base64', inputTruncated: false });
  });

  it('sends response status as a string with its reason phrase', () => {
    const res = events.cloudFrontResponse({ status: 404 }).Records[0]!.cf.response;
    expect(res).toMatchObject({ status: '404', statusDescription: 'Not Found' });
  });

  it('is identical for the same seed', () => {
    expect(events.cloudFrontRequest({}, { seed: 2 })).toEqual(events.cloudFrontRequest({}, { seed: 2 }));
  });
});
