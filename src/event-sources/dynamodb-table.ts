import { isDeepStrictEqual } from 'node:util';
import type { DynamoDBRecord } from 'aws-lambda';
import { place, type TargetOptions } from '../async/targets.js';
import type { Clock } from '../clock/virtual-clock.js';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { isoTimeSeconds } from '../events/_internals/format.js';
import { isoTime } from '../logs/format.js';
import { randomDigits } from '../events/messaging/_defaults.js';
import { changeRecord } from '../events/messaging/_change-record.js';
import type { StreamViewType } from '../events/messaging/dynamodb.js';
import { marshall, type PlainItem } from '../events/messaging/_marshal.js';
import type { Random } from '../internal/random.js';
import { adopts, sourceClock } from './source-clock.js';
import { stampArrivals, trimShards, type Shard, type StreamEntry, type StreamSource } from './stream-source.js';

/**
 * Options of {@link createDynamoDbTable}.
 * @example
 * const table = createDynamoDbTable('orders', { partitionKey: 'orderId', streamViewType: 'NEW_IMAGE' });
 */
export interface DynamoDbTableOptions extends TargetOptions {
  /** The partition key attribute. */
  partitionKey: string;
  /** The sort key attribute, if the table has one. */
  sortKey?: string;
  /** What each stream record carries. @defaultValue 'NEW_AND_OLD_IMAGES' */
  streamViewType?: StreamViewType;
  /**
   * The clock whose time changes happen at (a function's `clock`, or one from `createClock()`). @defaultValue the clock
   * of the first function mapped to the table; changes made before it happen when it is mapped
   */
  clock?: Clock;
}

/**
 * An in-memory DynamoDB table with a stream: the source of a stream event source mapping
 * ({@link createEventSourceMapping}). Each write that changes an item adds an INSERT, MODIFY or REMOVE record.
 * @example
 * const table = createDynamoDbTable('orders', { partitionKey: 'orderId' });
 * table.putItem({ orderId: 'o-1', total: 12 });
 */
export interface DynamoDbTable {
  readonly kind: 'dynamodb-table';
  readonly name: string;
  readonly arn: string;
  /** The table's stream (`…/stream/<label>`), the mapping's `eventSourceArn`. */
  readonly streamArn: string;
  /** The items, in the order they were first put. */
  readonly items: readonly PlainItem[];
  /** The stream's records, oldest first. */
  readonly records: readonly DynamoDBRecord[];
  /**
   * PutItem: an INSERT, or a MODIFY of the item with the same key (no record when nothing changed).
   * @example
   * table.putItem({ orderId: 'o-1', status: 'paid' });
   */
  putItem(item: PlainItem): void;
  /**
   * DeleteItem: a REMOVE of the item with this key, if there is one.
   * @example
   * table.deleteItem({ orderId: 'o-1' });
   */
  deleteItem(key: PlainItem): void;
}

/** A stream record as the table keeps it (internal). */
interface TableStreamEntry extends StreamEntry {
  readonly record: DynamoDBRecord;
  readonly bytes: number;
}

/** DynamoDB Streams keep records for 24 hours. */
const RETENTION_MS = 86_400_000;

/** The state behind a table and its stream (internal). */
export class TableState implements StreamSource<TableStreamEntry> {
  readonly label = 'DynamoDB';
  /** DynamoDB reports arrivals to the second (recorded: ddb-onfailure-sqs-record). */
  readonly batchInfo = { key: 'DDBStreamBatchInfo' as const, time: isoTimeSeconds };
  readonly shards: Shard<TableStreamEntry>[];
  readonly listeners = new Set<() => void>();
  readonly items = new Map<string, PlainItem>();
  private time: { now(): number } | undefined;
  private sequence: bigint;

  constructor(
    readonly table: DynamoDbTable,
    readonly region: string,
    private readonly random: Random,
    private readonly keyNames: readonly string[],
    private readonly viewType: StreamViewType,
  ) {
    // One shard, as a small table's stream has; its id in DynamoDB's form.
    this.shards = [{ id: `shardId-${randomDigits(random, 20)}-${random.hex(8)}`, records: [], trimmed: 0 }];
    this.sequence = BigInt(randomDigits(random, 21));
  }

  get arn(): string {
    return this.table.streamArn;
  }

  bind(time: { now(): number }): void {
    if (!adopts(this.time, time, `Table ${this.table.name}`)) return;
    this.time = time;
    // The record carries its creation time too, in whole epoch seconds.
    stampArrivals(this.shards, time.now(), (e, now) => ({ ...e, arrivedAt: now, record: { ...e.record, dynamodb: { ...e.record.dynamodb, ApproximateCreationDateTime: Math.floor(now / 1000) } } }));
  }

  /** The key of `item`, as a map key; throws when a key attribute is missing. */
  private keyOf(item: PlainItem, what: string): { id: string; keys: PlainItem } {
    const keys: Record<string, string | number> = {};
    for (const name of this.keyNames) {
      const value = item?.[name];
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw new HarnessError('INVALID_ARGUMENT', `${this.table.name}.${what}: the key attribute ${name} must be a string or a number (DynamoDB: "One of the required keys was not given a value").`);
      }
      keys[name] = value;
    }
    return { id: JSON.stringify(this.keyNames.map((n) => keys[n])), keys };
  }

  putItem(item: PlainItem): void {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new HarnessError('INVALID_ARGUMENT', `${this.table.name}.putItem: the item must be an object.`);
    const { id, keys } = this.keyOf(item, 'putItem');
    const copy = structuredClone(item);
    const old = this.items.get(id);
    this.items.set(id, copy);
    // DynamoDB Streams writes no record for a put that changes nothing. Compared marshalled (a Set and its SS, bytes and
    // their base64 are one value), whatever the attributes' order.
    if (old !== undefined && isDeepStrictEqual(marshall(old), marshall(copy))) return;
    this.append(old === undefined ? 'INSERT' : 'MODIFY', keys, copy, old);
  }

  deleteItem(key: PlainItem): void {
    const { id, keys } = this.keyOf(key, 'deleteItem');
    const old = this.items.get(id);
    if (old === undefined) return;
    this.items.delete(id);
    this.append('REMOVE', keys, undefined, old);
  }

  private append(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', keys: PlainItem, newItem: PlainItem | undefined, oldItem: PlainItem | undefined): void {
    const now = this.time?.now() ?? NaN;
    this.sequence += 1n + BigInt(this.random.int(1000));
    const sequenceNumber = String(this.sequence);
    const shard = this.shards[0]!;
    const record = changeRecord({
      eventName,
      keys,
      newItem,
      oldItem,
      viewType: this.viewType,
      sequenceNumber,
      now: Number.isNaN(now) ? 0 : now,
      eventID: this.random.hex(32),
      region: this.region,
      streamArn: this.table.streamArn,
    });
    shard.records.push({ shardId: shard.id, sequenceNumber, arrivedAt: now, record, bytes: Buffer.byteLength(JSON.stringify(record)) });
    for (const listener of this.listeners) listener();
  }

  /** Trims by the table's clock, if it has one (for `records`). */
  trimToNow(): void {
    if (this.time !== undefined) this.trim(this.time.now());
  }

  trim(now: number): void {
    trimShards(this.shards, now, RETENTION_MS);
  }

  eventRecord(entry: TableStreamEntry): DynamoDBRecord {
    return entry.record;
  }

  bytes(entry: TableStreamEntry): number {
    return entry.bytes;
  }

  filterView(entry: TableStreamEntry): unknown {
    return entry.record;
  }
}

const states = new WeakMap<object, TableState>();

/** The state behind a table from {@link createDynamoDbTable}, or undefined for anything else (internal). */
export function tableState(table: unknown): TableState | undefined {
  return table !== null && typeof table === 'object' ? states.get(table) : undefined;
}

const VIEW_TYPES: readonly StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

/**
 * Creates an in-memory DynamoDB table with a stream, the source of a stream event source mapping.
 * @example
 * const table = createDynamoDbTable('orders', { partitionKey: 'orderId', streamViewType: 'NEW_IMAGE' });
 * const mapping = createEventSourceMapping(fn, table, { startingPosition: 'TRIM_HORIZON' });
 * table.putItem({ orderId: 'o-1', total: 12 });
 * await mapping.drain();
 */
export function createDynamoDbTable(name: string, options: DynamoDbTableOptions): DynamoDbTable {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{3,255}$/.test(name)) {
    throw new HarnessError('INVALID_ARGUMENT', `createDynamoDbTable: ${JSON.stringify(name)} is not a table name: 3-255 letters, digits, '_', '-' and '.'.`);
  }
  if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', "createDynamoDbTable: options with a partitionKey are required, e.g. { partitionKey: 'id' }.");
  rejectUnknownKeys('createDynamoDbTable', options, ['region', 'accountId', 'seed', 'partitionKey', 'sortKey', 'streamViewType', 'clock']);
  const keyNames = [options.partitionKey, ...(options.sortKey === undefined ? [] : [options.sortKey])];
  if (!keyNames.every((k) => typeof k === 'string' && k.length > 0)) {
    throw new HarnessError('INVALID_OPTION', "createDynamoDbTable: partitionKey (and sortKey, if given) must be attribute names, e.g. { partitionKey: 'id' }.");
  }
  const viewType = options.streamViewType ?? 'NEW_AND_OLD_IMAGES';
  if (!VIEW_TYPES.includes(viewType)) throw new HarnessError('INVALID_OPTION', `createDynamoDbTable: streamViewType must be one of ${VIEW_TYPES.join(', ')}.`);
  const clock = options.clock === undefined ? undefined : sourceClock('createDynamoDbTable', options.clock);
  const { region, accountId, random } = place(name, options);
  const arn = `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
  // The stream's label is its creation time.
  const label = isoTime(clock?.now() ?? Date.UTC(2025, 0, 1)).replace(/Z$/, '');
  let state!: TableState;
  const table: DynamoDbTable = {
    kind: 'dynamodb-table',
    name,
    arn,
    streamArn: `${arn}/stream/${label}`,
    get items() {
      return [...state.items.values()];
    },
    get records() {
      state.trimToNow();
      return state.shards[0]!.records.map((e) => e.record);
    },
    putItem: (item) => state.putItem(item),
    deleteItem: (key) => state.deleteItem(key),
  };
  state = new TableState(table, region, random, keyNames, viewType);
  if (clock !== undefined) state.bind(clock);
  states.set(table, state);
  return table;
}
