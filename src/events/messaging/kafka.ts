import { ownList } from '../_internals/deep.js';
import type { MSKEvent, MSKRecord, SelfManagedKafkaEvent } from 'aws-lambda';
import type { DeepPartial } from '../_internals/deep.js';
import { buildContext, type EventKind, type EventOptions } from '../_internals/kind.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_defaults.js';
import { toBase64Data, type StreamData } from './_encoding.js';
import { mergeOwned } from './_merge.js';

/**
 * A Kafka record as Lambda delivers it: `key` is absent for a message produced without a key
 * (powertools-lambda-typescript/kafka__default.json), though `@types/aws-lambda` declares it required.
 */
export type KafkaRecordCorrected = Omit<MSKRecord, 'key'> & { key?: string };

/** The MSK event as AWS sends it (see {@link KafkaRecordCorrected}). */
export type MSKEventCorrected = Omit<MSKEvent, 'records'> & { records: Record<string, KafkaRecordCorrected[]> };

/** The self-managed Kafka event as AWS sends it (see {@link KafkaRecordCorrected}). */
export type SelfManagedKafkaEventCorrected = Omit<SelfManagedKafkaEvent, 'records'> & { records: Record<string, KafkaRecordCorrected[]> };

/** One Kafka message as a test writes it. */
export interface KafkaRecordInput {
  /** @defaultValue `'mytopic'` */
  topic?: string;
  /** @defaultValue `0` */
  partition?: number;
  /** The message key; base64-encoded for you. `null` produces a record without a key, as a keyless message does. */
  key?: StreamData;
  /** The message value; base64-encoded for you (objects as JSON). */
  value?: StreamData;
  /** Headers: values become the byte arrays Lambda sends. */
  headers?: Record<string, string | Uint8Array>;
  /** Verbatim deep-partial overrides, applied last. */
  overrides?: DeepPartial<KafkaRecordCorrected>;
}

/** What `events.msk` and `events.selfManagedKafka` take. */
export interface KafkaEventInput {
  /** Messages, grouped for you into `topic-partition` batches in order. Default: one. */
  records?: readonly KafkaRecordInput[];
  /** Comma-separated broker list. */
  bootstrapServers?: string;
}

/** What `events.msk` takes. */
export interface MskEventInput extends KafkaEventInput {
  /** The MSK cluster ARN. */
  clusterArn?: string;
}

/**
 * The canonical base of `msk`, curated from powertools-lambda-typescript/kafka__default.json (first record).
 * Equal to `fixtures/events/msk.json`.
 */
export const mskFixture: MSKEventCorrected = {
  eventSource: 'aws:kafka',
  eventSourceArn: 'arn:aws:kafka:us-east-1:0123456789019:cluster/SalesCluster/abcd1234-abcd-cafe-abab-9876543210ab-4',
  bootstrapServers:
    'b-2.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092,b-1.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092',
  records: {
    'mytopic-0': [
      {
        topic: 'mytopic',
        partition: 0,
        offset: 15,
        timestamp: 1545084650987,
        timestampType: 'CREATE_TIME',
        key: 'cmVjb3JkS2V5',
        value: 'ewogICJpZCI6IDEyMzQ1LAogICJuYW1lIjogInByb2R1Y3Q1IiwKICAicHJpY2UiOiA0NQp9',
        headers: [{ headerKey: [104, 101, 97, 100, 101, 114, 86, 97, 108, 117, 101] }],
      },
    ],
  },
};

function bytes(value: string | Uint8Array): number[] {
  return [...(typeof value === 'string' ? Buffer.from(value, 'utf8') : value)];
}

function groupRecords(kindId: string, input: KafkaEventInput, options: EventOptions | undefined): Record<string, KafkaRecordCorrected[]> {
  const { random, now } = buildContext(kindId, options);
  const base = mskFixture.records['mytopic-0']![0]!;
  const out: Record<string, KafkaRecordCorrected[]> = {};
  const offsets = new Map<string, number>();
  for (const [i, record] of (input.records ?? [{}]).entries()) {
    const topic = record.topic ?? base.topic;
    const partition = record.partition ?? base.partition;
    // Lambda groups a batch by `topic-partition`; offsets increase within each partition.
    const group = `${topic}-${partition}`;
    const offset = offsets.get(group) ?? random.int(10_000);
    offsets.set(group, offset + 1);
    const built: KafkaRecordCorrected = {
      topic,
      partition,
      offset,
      timestamp: now + i,
      timestampType: base.timestampType,
      value: record.value === undefined ? base.value : toBase64Data(record.value),
      headers:
        record.headers === undefined
          ? base.headers.map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [...v]])))
          : Object.entries(record.headers).map(([name, value]) => ({ [name]: bytes(value) })),
    };
    if (record.key === undefined) built.key = base.key;
    else if (record.key !== null) built.key = toBase64Data(record.key);
    ownList(out, group).push(mergeOwned<KafkaRecordCorrected>(built, record.overrides));
  }
  return out;
}

const DEFAULT_SERVERS = `b-1.my-cluster.abc123.c2.kafka.${DEFAULT_REGION}.amazonaws.com:9092,b-2.my-cluster.abc123.c2.kafka.${DEFAULT_REGION}.amazonaws.com:9092`;

/**
 * Builds an Amazon MSK event: keys and values base64-encoded, headers as byte arrays, records grouped into
 * `topic-partition` batches with increasing offsets.
 * @example
 * const event = events.msk({ records: [{ topic: 'orders', key: 'order-1', value: { total: 5 }, headers: { source: 'web' } }] });
 * event.records['orders-0']![0]!.value; // base64 of '{"total":5}'
 */
export function msk(input: MskEventInput = {}, options?: EventOptions): MSKEventCorrected {
  return {
    eventSource: 'aws:kafka',
    eventSourceArn: input.clusterArn ?? `arn:aws:kafka:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:cluster/my-cluster/0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b-2`,
    bootstrapServers: input.bootstrapServers ?? DEFAULT_SERVERS,
    records: groupRecords('msk', input, options),
  };
}

/**
 * Builds a self-managed Apache Kafka event (same records as {@link msk}, no cluster ARN).
 * @example
 * const event = events.selfManagedKafka({ records: [{ value: 'hello' }] });
 */
export function selfManagedKafka(input: KafkaEventInput = {}, options?: EventOptions): SelfManagedKafkaEventCorrected {
  return {
    eventSource: 'SelfManagedKafka',
    bootstrapServers: input.bootstrapServers ?? 'kafka-1.example.com:9092,kafka-2.example.com:9092',
    records: groupRecords('smk', input, options),
  };
}

/** Registry entry of Amazon MSK. */
export const mskKind: EventKind = {
  id: 'msk',
  factory: 'msk',
  title: 'Amazon MSK (Kafka) batch',
  type: 'MSKEvent (corrected: MSKEventCorrected)',
  build: (options) => msk({}, options),
  fixture: mskFixture,
  samples: ['powertools-lambda-typescript/kafka__default.json', 'powertools-lambda-python/kafkaEventMsk.json', 'aws-lambda-go/kafka-event.json'],
  conformance: { dictionaries: ['records', 'Records[].headers[]', 'records.headers[]'] },
};

/** Registry entry of self-managed Kafka. */
export const selfManagedKafkaKind: EventKind = {
  id: 'smk',
  factory: 'selfManagedKafka',
  title: 'Self-managed Apache Kafka batch',
  type: 'SelfManagedKafkaEvent (corrected: SelfManagedKafkaEventCorrected)',
  build: (options) => selfManagedKafka({}, options),
  fixture: { eventSource: 'SelfManagedKafka', bootstrapServers: mskFixture.bootstrapServers, records: mskFixture.records },
  samples: ['powertools-lambda-python/kafkaEventSelfManaged.json'],
  conformance: { dictionaries: ['records'] },
};
