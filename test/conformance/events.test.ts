/**
 * Recorded events as Lambda delivered them to a function (the `esm-sqs` and `function-urls` areas of the AWS
 * recordings), compared with what the event factories build from the same request.
 */
import { describe, expect, it } from 'vitest';
import { events } from '../../src/index.js';
import { echoOf, expectRecorded, recorded, recording, RECORDED_ACCOUNT } from './_recordings.js';

describe('events, as recorded on AWS', () => {
  it('sqs-esm-record-shape: builds an SQS record with AWS key order, attribute lists and md5OfMessageAttributes', () => {
    const sent = recording('sqs-esm-record-shape').request as {
      messageBody: Record<string, unknown>;
      messageAttributes: Record<string, { DataType: string; StringValue: string }>;
    };
    const [expected] = recorded<{ Records: Record<string, unknown>[] }>('sqs-esm-record-shape', 'eventSeenByFunction').Records;
    // The recorded body is Python's json.dumps of the message body (", " and ": " separators).
    const body = JSON.stringify(sent.messageBody).replace(/,"/g, ', "').replace(/":/g, '": ');
    // SQS hands message attributes over in the order it stored them, which the recording shows.
    const order = Object.keys((expected as { messageAttributes: object }).messageAttributes);
    const messageAttributes = Object.fromEntries(
      order.map((name) => [name, { dataType: sent.messageAttributes[name]!.DataType, stringValue: sent.messageAttributes[name]!.StringValue }]),
    );
    const event = events.sqs({
      queueArn: `arn:aws:sqs:us-east-1:${RECORDED_ACCOUNT}:orders`,
      records: [{ body, messageAttributes }],
    });
    const record = event.Records[0] as unknown as Record<string, unknown>;
    const bindings = new Map([
      ['<queue-url:1>', (sent.messageBody['destination'] as string)],
      ['<md5-of-body:1>', record['md5OfBody'] as string],
      ['<approximate-first-receive-timestamp>', (record['attributes'] as Record<string, string>)['ApproximateFirstReceiveTimestamp']!],
    ]);
    // SentTimestamp and SenderId were replaced by literals in the recording; the harness's are realistic values.
    const attributes = record['attributes'] as Record<string, string>;
    expect(attributes['SentTimestamp']).toMatch(/^\d{13}$/);
    expect(attributes['SenderId']).toMatch(/^[A-Z0-9]{21}$|^[A-Z0-9]+:[\w-]+$/);
    expectRecorded(
      { ...record, attributes: { ...attributes, SentTimestamp: 'sent-timestamp', SenderId: 'sender-id' } },
      expected,
      { bindings, ordered: true },
    );
  });

  it('url-event-shape-echo: builds a function URL event with lower-cased headers, joined repeated query values and an undecoded path', () => {
    const request = recording('url-event-shape-echo').request as { path: string; headers: Record<string, string>; json: unknown };
    const expected = recorded<Record<string, unknown>>('url-event-shape-echo', 'httpJson');
    const [path, search] = request.path.split('?') as [string, string];
    const query: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(search)) (query[k] ??= []).push(v);
    // The recording's client (python requests) added these; AWS added the x-amzn-* and x-forwarded-* headers.
    const headers = { ...request.headers, accept: '*/*', 'accept-encoding': 'gzip, deflate' };
    // python requests sent the JSON with json.dumps's separators ({"foo": "bar"}, 14 bytes).
    const body = JSON.stringify(request.json).replace(/":/g, '": ');
    const event = events.functionUrl({ method: 'POST', path, query, headers: { ...headers, 'content-type': 'application/json' }, body });

    // What the recorded echo handler returned, computed from the event the factory built.
    const echoed = echoOf(event);
    // The recording sorted these keys (LocalStack sorts before parsing); the order is not AWS's.
    expectRecorded(echoed, expected);
    expect(event.rawPath).toBe(path);
    expect(event.rawQueryString).toBe(search);
  });

  it('url-multipart-base64: delivers a multipart body base64-encoded, decoding to the exact request bytes', () => {
    const request = recording('url-multipart-base64').request as { headers: Record<string, string>; bodyBytes: number };
    const expected = recorded<{ data: string; path: string; headers: Record<string, string> }>('url-multipart-base64', 'httpJson');
    // The recording keeps the bytes only as the function saw them; they are the request the client sent.
    const bytes = Buffer.from(expected.data, 'base64');
    expect(bytes.byteLength).toBe(request.bodyBytes);
    const event = events.functionUrl({
      method: 'POST',
      path: expected.path,
      headers: { 'content-type': request.headers['Content-Type']!, 'user-agent': request.headers['User-Agent']!, accept: '*/*', 'accept-encoding': 'gzip, deflate' },
      body: new Uint8Array(bytes),
    });
    expect(event.isBase64Encoded).toBe(true);
    // The recording trimmed the x-amzn-* and x-forwarded-* headers AWS adds (the factory adds them too).
    const headers = Object.fromEntries(Object.entries(event.headers).filter(([name]) => !/^x-(amzn|forwarded)-/.test(name)));
    expectRecorded({ data: event.body, path: event.requestContext.http.path, headers }, { data: expected.data, path: expected.path, headers: expected.headers });
  });

  it('kinesis-batch-item-failures: builds the Kinesis record Lambda delivered for the same PutRecord', () => {
    const expected = recorded<Record<string, unknown>>('kinesis-batch-item-failures', 'firstRecordSeen');
    const sent = Buffer.from((expected['kinesis'] as { data: string }).data, 'base64').toString('utf8');
    // The recording's producer wrote {"should_fail": i == 5} with json.dumps; the first record is test_0.
    expect(JSON.parse(sent)).toEqual({ should_fail: false });
    const event = events.kinesis({
      streamArn: `arn:aws:kinesis:us-east-1:${RECORDED_ACCOUNT}:stream/orders`,
      records: [{ partitionKey: 'test_0', data: sent }],
    });
    const record = event.Records[0]!;
    const bindings = new Map([['<resource:4>', record.invokeIdentityArn.split('/').pop()!]]);
    // The snapshot sorted these keys (they were not a parsed body): the order is not compared.
    expectRecorded(record, expected, { bindings });
  });

  it('ddb-batch-item-failures: builds the DynamoDB stream record Lambda delivered for the same PutItem, SizeBytes included', () => {
    const expected = recorded<{ dynamodb: { NewImage: Record<string, unknown>; StreamViewType: string } }>('ddb-batch-item-failures', 'firstRecordSeen');
    const event = events.dynamoDbStream({
      streamViewType: expected.dynamodb.StreamViewType as 'NEW_IMAGE',
      keyAttributes: ['my_partition_key'],
      streamArn: `arn:aws:dynamodb:us-east-1:${RECORDED_ACCOUNT}:table/orders/stream/2026-11-28T00:00:00.000`,
      records: [{ newImage: { my_partition_key: 'testId0', should_fail: false } }],
    });
    // DynamoDB's event ids are opaque (a 32-hex-digit id here, a placeholder in the recording).
    expectRecorded(event.Records[0], expected, { bindings: new Map([['<event-i-d:1>', event.Records[0]!.eventID!]]) });
  });
});

