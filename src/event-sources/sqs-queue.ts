import { parsedOrText } from '../internal/json-or-text.js';
import { hash } from 'node:crypto';
import { registerDeliverable } from '../async/deliverable.js';
import type { MessageAttribute } from '../async/records.js';
import { place, type TargetOptions } from '../async/targets.js';
import { HarnessError, rejectUnknownKeys } from '../errors.js';
import { md5Hex, md5OfMessageAttributes } from '../events/messaging/_hash.js';
import { randomBase64, randomDigits } from '../events/messaging/_defaults.js';
import type { Random } from '../internal/random.js';
import type { Clock } from '../clock/virtual-clock.js';
import { checkRange } from '../limits/limits.js';
import { adopts, sourceClock } from './source-clock.js';
import { fifoAttributesOf, recordAttributes, recordBytes } from './sqs-record.js';
import { sqsAttributes } from '../events/messaging/sqs.js';
import { SQS_LIMITS } from './sqs-rules.js';
import { MessageStore } from './sqs-store.js';

/**
 * A message as SQS `ReceiveMessage` would return it now (top-level keys camelCased, attributes as on the wire): the
 * receive count includes that receive, so a message nobody has received shows `"1"`.
 * @example
 * dlq.messages[0]?.messageAttributes['ErrorCode']; // { DataType: 'Number', StringValue: '200' }
 */
export interface QueueMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: Readonly<Record<string, MessageAttribute>>;
  readonly md5OfMessageAttributes: string | undefined;
  readonly attributes: {
    readonly ApproximateReceiveCount: string;
    readonly SentTimestamp: string;
    readonly SenderId: string;
    readonly ApproximateFirstReceiveTimestamp: string;
    /** FIFO queues only. */
    readonly SequenceNumber?: string;
    /** FIFO queues only. */
    readonly MessageGroupId?: string;
    /** FIFO queues only. */
    readonly MessageDeduplicationId?: string;
  };
}

/**
 * What {@link Queue.send} takes besides the body, as SQS `SendMessage` names it.
 * @example
 * queue.send({ orderId: 7 }, { messageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } } });
 */
export interface SendMessageOptions {
  messageAttributes?: Record<string, MessageAttribute>;
  /** Standard queues: seconds before the message can be received (0–900). @defaultValue the queue's `delaySeconds` */
  delaySeconds?: number;
  /** FIFO queues: required. Messages of one group are delivered in order, one batch at a time. */
  messageGroupId?: string;
  /**
   * FIFO queues: a message sent again with the same id within 5 minutes is accepted but not queued again. Required
   * unless the queue has `contentBasedDeduplication`, which uses the SHA-256 of the body.
   */
  messageDeduplicationId?: string;
  /** The `SenderId` attribute. @defaultValue an IAM user id */
  senderId?: string;
}

/**
 * Options of {@link createQueue}: where it lives, and the queue attributes an event source mapping depends on.
 * @example
 * const dlq = createQueue('orders-dlq');
 * const queue = createQueue('orders', { visibilityTimeout: 60, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 5 } });
 */
export interface QueueOptions extends TargetOptions {
  /** Seconds a received message stays hidden from other receives (0–43,200). @defaultValue 30 */
  visibilityTimeout?: number;
  /** Seconds a message is kept before SQS deletes it (60–1,209,600). @defaultValue 345,600 (4 days) */
  messageRetentionPeriod?: number;
  /** Seconds every new message waits before it can be received (0–900). @defaultValue 0 */
  delaySeconds?: number;
  /** Where SQS moves a message received `maxReceiveCount` times (1–1,000) when it is received again. */
  redrivePolicy?: { deadLetterQueue: Queue; maxReceiveCount: number };
  /** FIFO queues: the SHA-256 of a body is its deduplication id when a send gives none. @defaultValue false */
  contentBasedDeduplication?: boolean;
  /**
   * The clock whose time messages are sent at (a function's `clock`, or one from `createClock()`). @defaultValue the
   * clock of the first function mapped to the queue; messages sent before it count as sent when it is mapped
   */
  clock?: Clock;
}

/**
 * An in-memory SQS queue: a dead-letter queue or an asynchronous destination of a function, or the source of an
 * event source mapping ({@link createEventSourceMapping}). A name ending in `.fifo` makes a FIFO queue.
 * @example
 * const dlq: Queue = createQueue('orders-dlq');
 * await fn.drain();
 * dlq.bodies[0]; // the original event
 */
export interface Queue {
  readonly kind: 'queue';
  readonly name: string;
  readonly arn: string;
  readonly url: string;
  readonly fifo: boolean;
  /** A snapshot of the messages in the queue (visible or in flight), in arrival order. */
  readonly messages: readonly QueueMessage[];
  /** The bodies parsed as JSON (destination records, or the original events of dead letters); a text body as text. */
  readonly bodies: readonly unknown[];
  /**
   * Sends a message (`SendMessage`): a string body as it is, anything else as its JSON. Returns its message id.
   * @example
   * const id = queue.send({ orderId: 7 });
   */
  send(body: unknown, options?: SendMessageOptions): string;
  /** Deletes every message. */
  clear(): void;
}

/** One message as the queue keeps it (internal). */
export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: Record<string, MessageAttribute>;
  readonly md5OfMessageAttributes: string | undefined;
  readonly senderId: string;
  /** Virtual epoch ms it was sent (`SentTimestamp`); undefined until the queue knows its clock. */
  sentAt: number | undefined;
  /** When its retention period started: when it was sent, or moved to a FIFO dead-letter queue. Set by the queue's store. */
  readonly enqueuedAt: number | undefined;
  /** What it weighs in a batch: its record as JSON. */
  readonly recordBytes: number;
  /** When it can next be received (epoch ms): after its delay, or once its visibility timeout ends. Set by the queue's store. */
  readonly visibleAt: number;
  /** Its delay, kept until `sentAt` is known. */
  readonly delayMs: number;
  receiveCount: number;
  firstReceiveAt: number | undefined;
  receiptHandle: string;
  readonly group: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
}

/** A time source: the clock of the first event source mapping reading the queue. */
interface TimeSource {
  now(): number;
}

/** FIFO deduplication window (SQS: 5 minutes). */
const DEDUPLICATION_MS = 5 * 60_000;
/** The sender of messages a test sends (an IAM user id, as SQS shows it). */
const TEST_SENDER = 'AIDAIENQZJOLO23YVJ4VO';
/** The service principal Lambda sends dead letters and destination records as (an account-less role id). */
const LAMBDA_SENDER = 'AROAEXAMPLELAMBDASENDER:awslambda';

/** What a message is, whichever queue holds it: a redrive moves it unchanged (internal). */
type MessageContent = Pick<StoredMessage, 'messageId' | 'body' | 'attributes' | 'senderId' | 'group' | 'deduplicationId' | 'sequenceNumber'>;

/** Where a message stands in the queue holding it when it arrives there (internal). */
interface MessagePlacement {
  sentAt: number | undefined;
  enqueuedAt: number | undefined;
  visibleAt: number;
  delayMs: number;
  /** A redriven message keeps its receives [UNCERTAIN]; a sent one has none. @defaultValue 0 */
  receiveCount?: number;
  firstReceiveAt?: number | undefined;
}

/**
 * The one builder of stored messages (a send, Lambda's delivery, a redrive): the digests and the batch weight follow
 * from the content, and a message arrives without a receipt handle, whatever it went through elsewhere.
 * @example
 * storedMessage({ messageId, body: 'hi', attributes: {}, senderId, group: undefined, deduplicationId: undefined, sequenceNumber: undefined }, { sentAt: now, enqueuedAt: now, visibleAt: now, delayMs: 0 });
 */
function storedMessage(content: MessageContent, placement: MessagePlacement): StoredMessage {
  const { body, attributes } = content;
  return {
    messageId: content.messageId,
    body,
    md5OfBody: md5Hex(body),
    attributes,
    md5OfMessageAttributes: md5OfMessageAttributes(recordAttributes(attributes)),
    senderId: content.senderId,
    sentAt: placement.sentAt,
    enqueuedAt: placement.enqueuedAt,
    recordBytes: recordBytes(body, attributes),
    visibleAt: placement.visibleAt,
    delayMs: placement.delayMs,
    receiveCount: placement.receiveCount ?? 0,
    firstReceiveAt: placement.firstReceiveAt,
    receiptHandle: '',
    group: content.group,
    deduplicationId: content.deduplicationId,
    sequenceNumber: content.sequenceNumber,
  };
}

/**
 * The state of one queue, which event source mappings read and write (internal). Times are virtual epoch ms passed
 * in by the caller; the queue itself never looks at a clock, except to stamp what was sent before it had one.
 */
export class QueueState {
  /** The messages, in arrival order. */
  readonly store: MessageStore<StoredMessage>;
  readonly fifo: boolean;
  readonly visibilityTimeoutMs: number;
  readonly retentionMs: number;
  readonly delayMs: number;
  readonly redrive: { target: QueueState; maxReceiveCount: number } | undefined;
  private readonly contentBasedDeduplication: boolean;
  /** FIFO: deduplication ids sent in the last 5 minutes, with the id of the message they stand for. */
  private readonly deduplication = new Map<string, { messageId: string; at: number | undefined }>();
  private time: TimeSource | undefined;
  private sequence: bigint;
  /** Told when a message arrives (mappings reading this queue wake their poller). */
  readonly listeners = new Set<() => void>();

  constructor(
    readonly queue: Queue,
    readonly region: string,
    private readonly random: Random,
    options: QueueOptions,
  ) {
    this.fifo = queue.name.endsWith('.fifo');
    const api = 'SQS rejects other values at CreateQueue';
    this.visibilityTimeoutMs = checkRange('visibilityTimeout', options.visibilityTimeout ?? 30, { min: 0, max: 43_200 }, 'seconds', api) * 1000;
    this.retentionMs = checkRange('messageRetentionPeriod', options.messageRetentionPeriod ?? 345_600, { min: 60, max: 1_209_600 }, 'seconds', api) * 1000;
    this.delayMs = checkRange('delaySeconds', options.delaySeconds ?? 0, { min: 0, max: 900 }, 'seconds', api) * 1000;
    this.store = new MessageStore(this.retentionMs);
    const redrive = options.redrivePolicy;
    if (redrive !== undefined) {
      const target = redrive === null || typeof redrive !== 'object' ? undefined : queueState(redrive.deadLetterQueue);
      if (target === undefined) throw new HarnessError('INVALID_OPTION', `createQueue: redrivePolicy.deadLetterQueue must be a queue from createQueue().`);
      if (target.fifo !== this.fifo) {
        throw new HarnessError('INVALID_OPTION', `createQueue: the dead-letter queue of a ${this.fifo ? 'FIFO' : 'standard'} queue must be a ${this.fifo ? 'FIFO' : 'standard'} queue too (SQS refuses the redrive policy).`);
      }
      if (target === this) throw new HarnessError('INVALID_OPTION', 'createQueue: a queue cannot be its own dead-letter queue.');
      const maxReceiveCount = checkRange('redrivePolicy.maxReceiveCount', redrive.maxReceiveCount, { min: 1, max: 1000 }, 'receives', api);
      this.redrive = { target, maxReceiveCount };
    }
    this.sequence = BigInt(randomDigits(random, 20));
    const content = options.contentBasedDeduplication ?? false;
    if (typeof content !== 'boolean') throw new HarnessError('INVALID_OPTION', `createQueue: contentBasedDeduplication must be true or false.`);
    if (content && !this.fifo) throw new HarnessError('INVALID_OPTION', 'createQueue: contentBasedDeduplication is for FIFO queues (a name ending in .fifo).');
    this.contentBasedDeduplication = content;
  }

  /** Adopts a clock: messages sent before are stamped as sent now. Throws for a second, different clock. */
  bind(time: TimeSource): void {
    if (!adopts(this.time, time, `Queue ${this.queue.name}`)) return;
    this.time = time;
    const now = time.now();
    for (const m of this.store) {
      if (m.sentAt !== undefined) continue;
      m.sentAt = now;
      this.store.setEnqueuedAt(m, now);
      this.store.setVisibleAt(m, now + m.delayMs);
    }
    for (const entry of this.deduplication.values()) entry.at ??= now;
  }

  /** SendMessage. */
  send(body: unknown, options: SendMessageOptions): string {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    if (text === undefined) throw new HarnessError('INVALID_ARGUMENT', `${this.queue.name}.send: the body must be a string or a JSON value (got ${typeof body}).`);
    const attributes = checkAttributes(this.queue.name, options.messageAttributes ?? {});
    // SQS counts the attributes' names, types and values in the message size.
    let size = Buffer.byteLength(text);
    for (const [name, a] of Object.entries(attributes)) size += Buffer.byteLength(name) + a.DataType.length + Buffer.byteLength(a.StringValue);
    if (size > SQS_LIMITS.messageBytes) {
      throw new HarnessError('INVALID_ARGUMENT', `${this.queue.name}.send: the message is ${size} bytes with its attributes; SQS accepts at most ${SQS_LIMITS.messageBytes} (1 MiB).`);
    }
    const now = this.time?.now();
    let group: string | undefined;
    let deduplicationId: string | undefined;
    if (this.fifo) {
      group = options.messageGroupId;
      if (typeof group !== 'string' || group === '') throw new HarnessError('INVALID_ARGUMENT', `${this.queue.name}.send: a FIFO queue needs a messageGroupId (SQS: "The request must contain the parameter MessageGroupId.").`);
      if (options.delaySeconds !== undefined) throw new HarnessError('INVALID_ARGUMENT', `${this.queue.name}.send: FIFO queues take no per-message delaySeconds; set delaySeconds on the queue.`);
      deduplicationId = options.messageDeduplicationId ?? (this.contentBasedDeduplication ? hash('sha256', text, 'hex') : undefined);
      if (deduplicationId === undefined) {
        throw new HarnessError(
          'INVALID_ARGUMENT',
          `${this.queue.name}.send: SQS refuses it: "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly". Pass messageDeduplicationId, or create the queue with contentBasedDeduplication: true.`,
        );
      }
      // A repeat within 5 minutes of the first is accepted and dropped, even once the first was deleted.
      for (const [id, entry] of this.deduplication) if (now !== undefined && entry.at !== undefined && now - entry.at >= DEDUPLICATION_MS) this.deduplication.delete(id);
      const duplicate = this.deduplication.get(deduplicationId);
      if (duplicate) return duplicate.messageId;
    } else if (options.messageGroupId !== undefined || options.messageDeduplicationId !== undefined) {
      throw new HarnessError('INVALID_ARGUMENT', `${this.queue.name}.send: messageGroupId and messageDeduplicationId are for FIFO queues (a name ending in .fifo); fair queues are not simulated.`);
    }
    const delayMs = options.delaySeconds === undefined ? this.delayMs : checkRange('delaySeconds', options.delaySeconds, { min: 0, max: 900 }, 'seconds', 'SQS rejects other values at SendMessage') * 1000;
    const messageId = this.random.uuid();
    if (deduplicationId !== undefined) this.deduplication.set(deduplicationId, { messageId, at: now });
    const sequenceNumber = this.fifo ? this.nextSequenceNumber() : undefined;
    const content = { messageId, body: text, attributes, senderId: options.senderId ?? TEST_SENDER, group, deduplicationId, sequenceNumber };
    this.push(storedMessage(content, { sentAt: now, enqueuedAt: now, visibleAt: now === undefined ? Infinity : now + delayMs, delayMs }));
    return messageId;
  }

  /** A dead letter or destination record from Lambda, sent at `at`. */
  deliver(body: string, attributes: Record<string, MessageAttribute>, at: number): void {
    const content = { messageId: this.random.uuid(), body, attributes, senderId: LAMBDA_SENDER, group: undefined, deduplicationId: undefined, sequenceNumber: undefined };
    // The queue's delay applies to every send, Lambda's included.
    this.push(storedMessage(content, { sentAt: at, enqueuedAt: at, visibleAt: at + this.delayMs, delayMs: this.delayMs }));
  }

  /** How many messages the queue holds (visible or not). */
  get size(): number {
    return this.store.size;
  }

  private push(message: StoredMessage): void {
    this.store.add(message);
    for (const listener of this.listeners) listener();
  }

  private nextSequenceNumber(): string {
    this.sequence += 1n + BigInt(this.random.int(1000));
    return String(this.sequence);
  }

  /** Deletes messages past their retention period (kept from their first enqueue on a standard queue). */
  expire(now: number): number {
    return this.store.expire(now);
  }

  /**
   * ReceiveMessage as Lambda's poller makes it: up to `max` messages visible at `now` whose records fit `maxBytes`,
   * hidden for the visibility timeout, their receive count incremented. A message already received
   * `maxReceiveCount` times moves to the dead-letter queue instead (counted in `redriven`). On a FIFO queue a group
   * with a message in flight is skipped, and each group's messages come in order.
   */
  receive(now: number, max: number, fits: (message: StoredMessage) => boolean): { messages: StoredMessage[]; redriven: number } {
    const messages: StoredMessage[] = [];
    let redriven = 0;
    const blocked = this.fifo ? this.groupsInFlight(now) : new Set<string>();
    for (const m of this.store.visible(now)) {
      if (messages.length >= max) break;
      if (m.group !== undefined && blocked.has(m.group)) continue;
      if (this.redrive !== undefined && m.receiveCount >= this.redrive.maxReceiveCount) {
        this.store.remove(m);
        this.redrive.target.adopt(m, now);
        redriven++;
        continue;
      }
      if (!fits(m)) {
        // Later messages of a FIFO group must not overtake this one.
        if (m.group !== undefined) blocked.add(m.group);
        if (messages.length === 0) continue;
        break;
      }
      m.receiveCount++;
      m.firstReceiveAt ??= now;
      m.receiptHandle = `AQEB${randomBase64(this.random, 176)}`;
      this.store.setVisibleAt(m, now + this.visibilityTimeoutMs);
      messages.push(m);
    }
    return { messages, redriven };
  }

  /**
   * Receives and deletes at once the messages a receive at `now` would take that `keep` refuses (the mapping's filter
   * criteria turn them away: Lambda deletes them); returns how many.
   */
  dropRefused(now: number, keep: (message: StoredMessage) => boolean): number {
    const blocked = this.fifo ? this.groupsInFlight(now) : undefined;
    let dropped = 0;
    for (const m of this.store.visible(now)) {
      if ((m.group !== undefined && blocked!.has(m.group)) || keep(m)) continue;
      this.store.remove(m);
      dropped++;
    }
    return dropped;
  }

  /**
   * A message moved here by a redrive policy: the same id, body, attributes and `SentTimestamp`. Its retention keeps
   * running from its first enqueue on a standard queue, and starts again on a FIFO one (SQS developer guide,
   * "dead-letter queue retention"). The receive count is kept [UNCERTAIN].
   */
  private adopt(message: StoredMessage, now: number): void {
    const { sentAt, receiveCount, firstReceiveAt } = message;
    this.push(storedMessage(message, { sentAt, enqueuedAt: this.fifo ? now : message.enqueuedAt, visibleAt: now, delayMs: 0, receiveCount, firstReceiveAt }));
  }

  /** DeleteMessage of each of `messages` still here; returns how many were. */
  delete(messages: readonly StoredMessage[]): number {
    let deleted = 0;
    for (const m of messages) if (this.store.remove(m)) deleted++;
    return deleted;
  }

  /** When the next message's retention period ends, if any. */
  nextExpiry(): number | undefined {
    return this.store.nextExpiry();
  }

  /** The earliest time after `now` at which a message becomes visible, if any. */
  nextVisibleAfter(now: number): number | undefined {
    return this.store.nextVisibleAfter(now);
  }

  /** Deletes every message (the queue's `clear()`). */
  clear(): void {
    this.store.clear();
  }

  /**
   * How many messages a receive at `now` would take or move to the dead-letter queue (visible, and on a FIFO queue not
   * behind a message of their group in flight), what they weigh, and since when the oldest of them has been visible.
   * Counting stops once `enough` holds (a full batch is ready whatever else waits): the scheduler asks every turn.
   * Messages `keep` refuses are counted apart (`filtered`): a receive deletes them without a batch.
   */
  receivable(
    now: number,
    enough: { count: number; bytes: number } = { count: Infinity, bytes: Infinity },
    keep?: (message: StoredMessage) => boolean,
  ): { count: number; bytes: number; since: number; filtered: number } {
    let count = 0;
    let bytes = 0;
    let since = Infinity;
    let filtered = 0;
    const blocked = this.fifo ? this.groupsInFlight(now) : undefined;
    for (const m of this.store.visible(now)) {
      if (m.group !== undefined && blocked!.has(m.group)) continue;
      if (keep !== undefined && !keep(m)) {
        filtered++;
        continue;
      }
      count++;
      bytes += m.recordBytes;
      since = Math.min(since, m.visibleAt);
      if (count >= enough.count || bytes >= enough.bytes) break;
    }
    return { count, bytes, since, filtered };
  }

  /** FIFO groups with a message received and still hidden (in flight): their later messages wait for it. */
  private groupsInFlight(now: number): Set<string> {
    const blocked = new Set<string>();
    for (const m of this.store.hidden(now)) if (m.receiveCount > 0 && m.group !== undefined) blocked.add(m.group);
    return blocked;
  }

  /** The public view of a stored message: as a ReceiveMessage would show it now. */
  view(m: StoredMessage): QueueMessage {
    const sent = String(m.sentAt ?? this.time?.now() ?? 0);
    const attributes = sqsAttributes({
      receiveCount: String(m.receiveCount + 1),
      sent,
      senderId: m.senderId,
      firstReceive: m.firstReceiveAt === undefined ? sent : String(m.firstReceiveAt),
      ...fifoAttributesOf(m),
    });
    return {
      messageId: m.messageId,
      receiptHandle: m.receiptHandle === '' ? `AQEB${hash('sha256', m.messageId, 'base64')}` : m.receiptHandle,
      body: m.body,
      md5OfBody: m.md5OfBody,
      messageAttributes: m.attributes,
      md5OfMessageAttributes: m.md5OfMessageAttributes,
      attributes: attributes as unknown as QueueMessage['attributes'],
    };
  }
}

const states = new WeakMap<object, QueueState>();

/** The state behind a queue from {@link createQueue}, or undefined for anything else (internal). */
export function queueState(queue: unknown): QueueState | undefined {
  return queue !== null && typeof queue === 'object' ? states.get(queue) : undefined;
}

function checkAttributes(queue: string, attributes: Record<string, MessageAttribute>): Record<string, MessageAttribute> {
  if (attributes === null || typeof attributes !== 'object') throw new HarnessError('INVALID_ARGUMENT', `${queue}.send: messageAttributes must be an object of { DataType, StringValue }.`);
  const names = Object.keys(attributes);
  if (names.length > 10) throw new HarnessError('INVALID_ARGUMENT', `${queue}.send: ${names.length} message attributes; SQS accepts at most 10.`);
  const out: Record<string, MessageAttribute> = {};
  for (const name of names) {
    const a = attributes[name] as Partial<MessageAttribute> | undefined;
    const type = a?.DataType;
    if (typeof a?.StringValue !== 'string' || typeof type !== 'string' || !/^(String|Number|Binary)(\..+)?$/.test(type)) {
      throw new HarnessError('INVALID_ARGUMENT', `${queue}.send: message attribute ${name} must be { DataType: 'String' | 'Number' | 'Binary', StringValue: string }.`);
    }
    out[name] = { DataType: type as MessageAttribute['DataType'], StringValue: a.StringValue };
  }
  return out;
}

/**
 * Creates an in-memory SQS queue: a dead-letter queue or asynchronous destination of a function, or the source of an
 * event source mapping. A name ending in `.fifo` makes a FIFO queue.
 * @example
 * const dlq = createQueue('orders-dlq');
 * createFunction({ handler, deadLetterQueue: dlq });
 * // later: dlq.messages[0].messageAttributes.ErrorCode → { DataType: 'Number', StringValue: '200' }
 */
export function createQueue(name: string, options: QueueOptions = {}): Queue {
  if (typeof name !== 'string' || name.length > 80 || !/^[A-Za-z0-9_-]+$/.test(name.replace(/\.fifo$/, ''))) {
    throw new HarnessError('INVALID_ARGUMENT', `createQueue: ${JSON.stringify(name)} is not a queue name: 1-80 letters, digits, '-' and '_' (plus '.fifo' for a FIFO queue).`);
  }
  if (options === null || typeof options !== 'object') throw new HarnessError('INVALID_OPTION', 'createQueue: options must be an object.');
  rejectUnknownKeys('createQueue', options, ['region', 'accountId', 'seed', 'visibilityTimeout', 'messageRetentionPeriod', 'delaySeconds', 'redrivePolicy', 'contentBasedDeduplication', 'clock']);
  const { region, accountId, random } = place(name, options);
  let state!: QueueState;
  const queue: Queue = {
    kind: 'queue',
    name,
    arn: `arn:aws:sqs:${region}:${accountId}:${name}`,
    url: `https://sqs.${region}.amazonaws.com/${accountId}/${name}`,
    fifo: name.endsWith('.fifo'),
    get messages() {
      return Array.from(state.store, (m) => state.view(m));
    },
    get bodies() {
      return Array.from(state.store, (m) => parsedOrText(m.body));
    },
    send: (body, sendOptions = {}) => state.send(body, sendOptions),
    clear: () => state.clear(),
  };
  state = new QueueState(queue, region, random, options);
  if (options.clock !== undefined) state.bind(sourceClock('createQueue', options.clock));
  states.set(queue, state);
  registerDeliverable(queue, { deliver: (body, attributes, at) => state.deliver(body, attributes, at) });
  return queue;
}
