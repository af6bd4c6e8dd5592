import { describe, expect, it } from 'vitest';
import { events } from '../../../src/events/index.js';

describe('CloudFormation custom resource factories', () => {
  it('derives ResponseURL from the stack, logical id and request id', () => {
    const e = events.cloudFormationCreate({ LogicalResourceId: 'Bucket' });
    const key = decodeURIComponent(new URL(e.ResponseURL).pathname.slice(1));
    expect(key).toBe(`${e.StackId}|Bucket|${e.RequestId}`);
    expect(e.ResponseURL).toContain('X-Amz-Date=20250101T000000Z');
  });

  it('takes region and account from a given StackId', () => {
    const e = events.cloudFormationCreate({ StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/app/abc' });
    expect(e.ServiceToken).toMatch(/^arn:aws:lambda:eu-west-1:111122223333:function:app-/);
    expect(e.ResourceProperties.ServiceToken).toBe(e.ServiceToken);
  });

  it('gives update events the old resource properties', () => {
    const e = events.cloudFormationUpdate<{ ServiceToken: string; Size: string }>({
      ResourceProperties: { Size: '2' },
      OldResourceProperties: { Size: '1' },
    });
    expect(e.RequestType).toBe('Update');
    expect(e.OldResourceProperties.Size).toBe('1');
    expect(e.ResourceProperties.Size).toBe('2');
    expect(e.PhysicalResourceId).toMatch(/^MyStack-MyCustomResource-[A-Z0-9]{12}$/);
  });

  it('gives delete events the physical resource id', () => {
    expect(events.cloudFormationDelete({ PhysicalResourceId: 'b-1' }).PhysicalResourceId).toBe('b-1');
  });

  it('builds the response from the request it answers', () => {
    const req = events.cloudFormationUpdate();
    const ok = events.cloudFormationResponse(req, { Data: { Arn: 'x' } });
    expect(ok).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: req.PhysicalResourceId, StackId: req.StackId, RequestId: req.RequestId, Data: { Arn: 'x' } });
    const failed = events.cloudFormationResponse(req, { Status: 'FAILED' });
    expect(failed.Reason).toContain('CloudWatch Log Stream');
  });

  it('strips the response URL in CDK provider events and adds ids per request type', () => {
    expect(events.cdkCustomResource().ResponseURL).toBe('...');
    expect('PhysicalResourceId' in events.cdkCustomResource()).toBe(false);
    expect(events.cdkCustomResource({ RequestType: 'Update' }).OldResourceProperties).toBeDefined();
  });

  it('is identical for the same seed', () => {
    expect(events.cloudFormationCreate({}, { seed: 5 })).toEqual(events.cloudFormationCreate({}, { seed: 5 }));
  });
});
