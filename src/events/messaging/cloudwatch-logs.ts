import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent, CloudWatchLogsLogEvent } from 'aws-lambda';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, randomDigits } from './_defaults.js';
import { mergeOwned } from './_merge.js';

/** One log line as a test writes it: a message (objects are JSON-encoded) or a full log event. */
export type CloudWatchLogLineInput = string | object | (Partial<CloudWatchLogsLogEvent> & { message: string });

/** What `events.cloudWatchLogs` takes: the decoded payload, deep-partial, plus the log lines. */
export interface CloudWatchLogsInput extends DeepPartial<Omit<CloudWatchLogsDecodedData, 'logEvents'>> {
  /** The log lines, in order. Default: one line. */
  logEvents?: readonly CloudWatchLogLineInput[];
}

/**
 * The canonical decoded payload of `cloudWatchLogs`, curated from powertools-lambda-typescript/parser__cloudwatch__base.json
 * (first log event only). Equal to `fixtures/events/cwlogs.json` (decoded; `encodeCloudWatchLogs` gives the event).
 */
export const cloudWatchLogsFixture: CloudWatchLogsDecodedData = {
  messageType: 'DATA_MESSAGE',
  owner: '536254204126',
  logGroup: '/aws/lambda/some-other-name',
  logStream: '2024/10/21/OtherFn[$LATEST]16c175a5f89246aaad5c878aebaeeac7',
  subscriptionFilters: ['CwtriggerStack-MySubscriptionC96E1FB5-c1AHhT24v8Jh'],
  logEvents: [
    {
      id: '38569604798453153764115268074363468419149517103543812096',
      timestamp: 1729520895158,
      message: '2024-10-21T14:28:15.158Z\teadc91c8-8273-4a2d-b170-b0a7883b619e\tINFO\tHello from other.ts\n',
    },
  ],
};

/**
 * Gzips and base64-encodes a decoded CloudWatch Logs payload into the event Lambda receives.
 * @example
 * encodeCloudWatchLogs(decodeCloudWatchLogs(event)); // an equivalent event
 */
export function encodeCloudWatchLogs(data: CloudWatchLogsDecodedData): CloudWatchLogsEvent {
  return { awslogs: { data: gzipSync(JSON.stringify(data)).toString('base64') } };
}

/**
 * Decodes a CloudWatch Logs subscription event (base64, then gunzip, then JSON), for assertions in tests.
 * @example
 * decodeCloudWatchLogs(events.cloudWatchLogs({ logEvents: ['boom'] })).logEvents[0]!.message; // 'boom'
 */
export function decodeCloudWatchLogs(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  return JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8')) as CloudWatchLogsDecodedData;
}

/**
 * Builds a CloudWatch Logs subscription event: you write the log lines, the factory fills ids (56 digits, increasing
 * as CloudWatch's are), timestamps from `now`, and encodes the payload (gzip + base64) as Lambda receives it.
 * @example
 * const event = events.cloudWatchLogs({ logGroup: '/aws/lambda/orders', logEvents: ['START', { level: 'ERROR' }] });
 */
export function cloudWatchLogs(input: CloudWatchLogsInput = {}, options?: EventOptions): CloudWatchLogsEvent {
  const { random, now } = buildContext('cwlogs', options);
  const { logEvents, ...overrides } = input;
  const lines = logEvents ?? [cloudWatchLogsFixture.logEvents[0]!.message];
  const start = BigInt(randomDigits(random, 56));
  const decoded: CloudWatchLogsDecodedData = {
    messageType: cloudWatchLogsFixture.messageType,
    owner: DEFAULT_ACCOUNT,
    logGroup: '/aws/lambda/my-function',
    logStream: `${new Date(now).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${random.hex(32)}`,
    subscriptionFilters: ['my-subscription-filter'],
    logEvents: lines.map((line, i) => {
      const base = { id: (start + BigInt(i)).toString(), timestamp: now + i, message: '' };
      if (typeof line === 'string') return { ...base, message: line };
      if ('message' in line && typeof line.message === 'string') return { ...base, ...(line as CloudWatchLogsLogEvent) };
      return { ...base, message: JSON.stringify(line) };
    }),
  };
  return encodeCloudWatchLogs(mergeOwned<CloudWatchLogsDecodedData>(decoded, overrides as DeepPartial<CloudWatchLogsDecodedData>));
}

/** Registry entry of CloudWatch Logs subscriptions. */
export const cloudWatchLogsKind: EventKind = {
  id: 'cwlogs',
  factory: 'cloudWatchLogs',
  title: 'CloudWatch Logs subscription',
  type: 'CloudWatchLogsEvent',
  build: (options) => cloudWatchLogs({}, options),
  // The decoded payload: gzip output is not byte-stable across zlib versions, the JSON is.
  fixture: cloudWatchLogsFixture,
  samples: [
    'powertools-lambda-typescript/parser__cloudwatch__base.json',
    'powertools-lambda-python/cloudWatchLogEvent.json',
    'aws-lambda-go/cloudwatch-logs-event.json',
    'aws-sam-cli-rendered/cloudwatch__logs.json',
  ],
  sam: [{ service: 'cloudwatch', event: 'logs', build: (o) => cloudWatchLogs({ logGroup: 'testLogGroup', logStream: 'testLogStream', subscriptionFilters: ['testFilter'], logEvents: ['[ERROR] First test message', '[ERROR] Second test message'] }, o) }],
};
