import type { CodeCommitTriggerEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { commitId, DEFAULT_ACCOUNT, DEFAULT_REGION } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The canonical base of `codeCommit`, from aws-lambda-go/code-commit-event.json. */
export const codeCommitFixture: CodeCommitTriggerEvent = {
  "Records": [
    {
      "eventId": "5a824061-17ca-46a9-bbf9-114edeadbeef",
      "eventVersion": "1.0",
      "eventTime": "2018-01-26T15:58:33.475+0000",
      "eventTriggerName": "my-trigger",
      "eventPartNumber": 1,
      "codecommit": {
        "references": [
          {
            "commit": "5c4ef1049f1d27deadbeeff313e0730018be182b",
            "ref": "refs/heads/master"
          }
        ]
      },
      "eventName": "TriggerEventTest",
      "eventTriggerConfigId": "5a824061-17ca-46a9-bbf9-114edeadbeef",
      "eventSourceARN": "arn:aws:codecommit:us-east-1:123456789012:my-repo",
      "userIdentityARN": "arn:aws:iam::123456789012:root",
      "eventSource": "aws:codecommit",
      "awsRegion": "us-east-1",
      "eventTotalParts": 1
    }
  ]
};

/**
 * A CodeCommit repository trigger: a push of one seeded commit to `refs/heads/main`, at the event time.
 * CodeCommit writes `eventTime` as `2018-01-26T15:58:33.475+0000`.
 * @example
 * const e = events.codeCommit({ Records: [{ codecommit: { references: [{ commit: 'abc', ref: 'refs/heads/dev', created: true }] } }] });
 */
export function codeCommit(overrides?: DeepPartial<CodeCommitTriggerEvent>, options?: EventOptions): CodeCommitTriggerEvent {
  return fromFixture('codecommit', codeCommitFixture, overrides, options, (event, { random, now }) => {
    const record = event.Records[0]!;
    record.eventId = random.uuid();
    record.eventTriggerConfigId = random.uuid();
    record.eventTime = new Date(now).toISOString().replace('Z', '+0000');
    record.awsRegion = DEFAULT_REGION;
    record.eventSourceARN = `arn:aws:codecommit:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:my-repo`;
    record.userIdentityARN = `arn:aws:iam::${DEFAULT_ACCOUNT}:user/developer`;
    record.codecommit.references = [{ commit: commitId(random), ref: 'refs/heads/main' }];
  });
}

/** Registry entry of `codeCommit`. */
export const codeCommitKind: EventKind = {
  id: 'codecommit',
  factory: 'codeCommit',
  title: 'CodeCommit repository trigger',
  type: 'CodeCommitTriggerEvent',
  build: (options) => codeCommit({}, options),
  samples: ['aws-lambda-go/code-commit-event.json', 'aws-lambda-rust-runtime/example-code_commit-event.json', 'aws-sam-cli-rendered/codecommit__repository.json'],
  fixture: codeCommitFixture,
  sam: [{ service: 'codecommit', event: 'repository' }],
};
