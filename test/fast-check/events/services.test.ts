import type { CloudFrontRequestEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConformance, formatConformance } from '../../../src/events/conformance.js';
import { eventKinds } from '../../../src/events/index.js';
import * as arbitraries from '../../../src/fast-check/events/services.js';
import { loadSample } from '../../events/_samples.js';

/** Resource properties are the template's free-form data; the envelope around them is what is checked. */
const FREE_FORM = ['ResourceProperties', 'OldResourceProperties'];

function conformsTo(kindId: string): (event: unknown) => void {
  const kind = eventKinds.find((k) => k.id === kindId);
  if (kind === undefined) throw new Error(`no kind ${kindId}`);
  const samples = kind.samples.map(loadSample);
  return (event) => expect(formatConformance(checkConformance(event, samples, { ...kind.conformance, ignore: [...(kind.conformance?.ignore ?? []), ...FREE_FORM] }))).toBe('');
}

describe('services arbitraries', () => {
  it('generates Cognito pre sign-up events that conform to the samples', () => {
    const check = conformsTo('cog-presignup');
    fc.assert(fc.property(arbitraries.cognitoPreSignUp(), (event) => {
      check(event);
    }), { numRuns: 100 });
  });

  it('generates CloudFormation requests of every type that conform to their samples', () => {
    const checks = { Create: conformsTo('cfn-create'), Update: conformsTo('cfn-update'), Delete: conformsTo('cfn-delete') };
    fc.assert(fc.property(arbitraries.cloudFormationCustomResource(), (event) => {
      checks[event.RequestType](event);
    }), { numRuns: 100 });
  });

  it('generates AppSync resolver events that conform to the samples', () => {
    const check = conformsTo('appsync-resolver');
    fc.assert(fc.property(arbitraries.appSyncResolver(), (event) => {
      check(event);
    }), { numRuns: 100 });
  });

  it('generates CloudFront requests that conform to the samples', () => {
    const check = conformsTo('cf-request');
    fc.assert(fc.property(arbitraries.cloudFrontRequest(), (event) => {
      check(event);
    }), { numRuns: 100 });
  });

  it('shrinks a failing CloudFront request to a bare GET /', () => {
    const out = fc.check(fc.property(arbitraries.cloudFrontRequest(), (_event: CloudFrontRequestEvent) => false), { seed: 1 });
    const [event] = (out.counterexample ?? []) as [CloudFrontRequestEvent?];
    expect(event?.Records[0]?.cf.request).toMatchObject({ method: 'GET', uri: '/', querystring: '' });
  });
});
