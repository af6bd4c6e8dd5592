import type { CodePipelineEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import type { EventKind, EventOptions } from '../_internals/kind.js';
import { base64Bytes, DEFAULT_ACCOUNT, upperAlnum } from './_internals/aws.js';
import { fromFixture } from './_internals/from-fixture.js';

/** The canonical base of `codePipelineJob`, from powertools-lambda-python/codePipelineEvent.json. */
export const codePipelineJobFixture: CodePipelineEvent = {
  "CodePipeline.job": {
    "id": "11111111-abcd-1111-abcd-111111abcdef",
    "accountId": "111111111111",
    "data": {
      "actionConfiguration": {
        "configuration": {
          "FunctionName": "MyLambdaFunctionForAWSCodePipeline",
          "UserParameters": "some-input-such-as-a-URL"
        }
      },
      "inputArtifacts": [
        {
          "name": "ArtifactName",
          "revision": null,
          "location": {
            "type": "S3",
            "s3Location": {
              "bucketName": "the name of the bucket configured as the pipeline artifact store in Amazon S3, for example codepipeline-us-east-2-1234567890",
              "objectKey": "the name of the application, for example CodePipelineDemoApplication.zip"
            }
          }
        }
      ],
      "outputArtifacts": [],
      "artifactCredentials": {
        "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
        "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "sessionToken": "MIICiTCCAfICCQD6m7oRw0uXOjANBgkqhkiG9w0BAQUFADCBiDELMAkGA1UEBhMCVVMxCzAJBgNVBAgTAldBMRAwDgYDVQQHEwdTZWF0dGxlMQ8wDQYDVQQKEwZBbWF6b24xFDASBgNVBAsTC0lBTSBDb25zb2xlMRIwEAYDVQQDEwlUZXN0Q2lsYWMxHzAdBgkqhkiG9w0BCQEWEG5vb25lQGFtYXpvbi5jb20wHhcNMTEwNDI1MjA0NTIxWhcNMTIwNDI0MjA0NTIxWjCBiDELMAkGA1UEBhMCVVMxCzAJBgNVBAgTAldBMRAwDgYDVQQHEwdTZWF0dGxlMQ8wDQYDVQQKEwZBbWF6b24xFDASBgNVBAsTC0lBTSBDb25zb2xlMRIwEAYDVQQDEwlUZXN0Q2lsYWMxHzAdBgkqhkiG9w0BCQEWEG5vb25lQGFtYXpvbi5jb20wgZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGBAMaK0dn+a4GmWIWJ21uUSfwfEvySWtC2XADZ4nB+BLYgVIk60CpiwsZ3G93vUEIO3IyNoH/f0wYK8m9TrDHudUZg3qX4waLG5M43q7Wgc/MbQITxOUSQv7c7ugFFDzQGBzZswY6786m86gpEIbb3OhjZnzcvQAaRHhdlQWIMm2nrAgMBAAEwDQYJKoZIhvcNAQEFBQADgYEAtCu4nUhVVxYUntneD9+h8Mg9q6q+auNKyExzyLwaxlAoo7TJHidbtS4J5iNmZgXL0FkbFFBjvSfpJIlJ00zbhNYS5f6GuoEDmFJl0ZxBHjJnyp378OD8uTs7fLvjx79LjSTbNYiytVbZPQUQ5Yaxu2jXnimvw3rrszlaEXAMPLE="
      },
      "continuationToken": "A continuation token if continuing job"
    }
  }
};

/**
 * A CodePipeline job for a Lambda invoke action: seeded job id, the account, and fresh temporary artifact
 * credentials (an `ASIA` access key with a session token, as CodePipeline issues them).
 * @example
 * const e = events.codePipelineJob({ 'CodePipeline.job': { data: { actionConfiguration: { configuration: { UserParameters: '{"env":"prod"}' } } } } });
 */
export function codePipelineJob(overrides?: DeepPartial<CodePipelineEvent>, options?: EventOptions): CodePipelineEvent {
  return fromFixture('codepipeline-job', codePipelineJobFixture, overrides, options, (event, { random }) => {
    const job = event['CodePipeline.job'];
    job.id = random.uuid();
    job.accountId = DEFAULT_ACCOUNT;
    job.data.artifactCredentials = {
      accessKeyId: `ASIA${upperAlnum(random, 16)}`,
      secretAccessKey: base64Bytes(random, 30),
      sessionToken: base64Bytes(random, 300),
    };
  });
}

/** Registry entry of `codePipelineJob`. */
export const codePipelineJobKind: EventKind = {
  id: 'codepipeline-job',
  factory: 'codePipelineJob',
  title: 'CodePipeline job (Lambda invoke action)',
  type: 'CodePipelineEvent',
  build: (options) => codePipelineJob({}, options),
  samples: [
    'powertools-lambda-python/codePipelineEvent.json',
    'powertools-lambda-python/codePipelineEventData.json',
    'aws-lambda-go/codepipeline-job-event.json',
    'aws-sam-cli-rendered/codepipeline__job.json',
  ],
  fixture: codePipelineJobFixture,
  sam: [{ service: 'codepipeline', event: 'job' }],
};
