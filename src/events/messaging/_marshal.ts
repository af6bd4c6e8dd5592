import type { AttributeValue } from 'aws-lambda';

/**
 * Plain JavaScript values a test writes for a DynamoDB item. `Set`s become `SS`/`NS`/`BS`, bytes become `B`,
 * `bigint`s and numbers `N`; `undefined` properties are dropped (as the DynamoDB document client's
 * `removeUndefinedValues` does).
 * @example
 * const tags: PlainAttribute = new Set(['new', 'sale']); // { SS: ['new', 'sale'] }
 */
export type PlainAttribute =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | Uint8Array
  | ReadonlySet<string>
  | ReadonlySet<number | bigint>
  | ReadonlySet<Uint8Array>
  | readonly PlainAttribute[]
  | { readonly [key: string]: PlainAttribute };

/**
 * A plain item: attribute name → plain value.
 * @example
 * const item: PlainItem = { orderId: 'o-1', total: 12, paid: true };
 */
export type PlainItem = { readonly [key: string]: PlainAttribute };

/** A DynamoDB item in wire format. */
export type AttributeMap = Record<string, AttributeValue>;

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function marshalSet(set: ReadonlySet<unknown>): AttributeValue {
  const values = [...set];
  const first = values[0];
  if (first instanceof Uint8Array) return { BS: values.map((v) => toBase64(v as Uint8Array)) };
  if (typeof first === 'number' || typeof first === 'bigint') return { NS: values.map(String) };
  if (values.length === 0) {
    // DynamoDB rejects empty sets; a test that writes one most likely meant "no value".
    throw new TypeError('DynamoDB has no empty sets: leave the attribute out instead of writing an empty Set.');
  }
  return { SS: values.map(String) };
}

/**
 * Converts one plain value to its `AttributeValue`.
 * @example
 * marshallValue({ tags: new Set(['a']) }); // { M: { tags: { SS: ['a'] } } }
 */
export function marshallValue(value: PlainAttribute): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`DynamoDB numbers must be finite, got ${value}.`);
      return { N: String(value) };
    case 'bigint':
      return { N: value.toString() };
    case 'boolean':
      return { BOOL: value };
  }
  if (value instanceof Uint8Array) return { B: toBase64(value) };
  if (value instanceof Set) return marshalSet(value);
  if (Array.isArray(value)) return { L: (value as readonly PlainAttribute[]).map(marshallValue) };
  return { M: marshall(value as PlainItem) };
}

/**
 * Converts a plain object into a DynamoDB image (`{ id: 1 }` → `{ id: { N: '1' } }`).
 * @example
 * marshall({ id: 1, name: 'Ada', active: true }); // { id: { N: '1' }, name: { S: 'Ada' }, active: { BOOL: true } }
 */
export function marshall(item: PlainItem): AttributeMap {
  const out: AttributeMap = {};
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (value !== undefined) out[key] = marshallValue(value);
  }
  return out;
}

/**
 * Converts a DynamoDB image back to plain values (numbers as `number`, sets as `Set`, bytes as `Uint8Array`),
 * so tests can read the images a handler receives.
 * @example
 * unmarshall({ id: { N: '1' } }); // { id: 1 }
 */
export function unmarshall(image: AttributeMap): Record<string, PlainAttribute> {
  const out: Record<string, PlainAttribute> = {};
  for (const [key, value] of Object.entries(image)) out[key] = unmarshallValue(value);
  return out;
}

function unmarshallValue(value: AttributeValue): PlainAttribute {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return new Uint8Array(Buffer.from(value.B, 'base64'));
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(Number));
  if (value.BS !== undefined) return new Set(value.BS.map((b) => new Uint8Array(Buffer.from(b, 'base64'))));
  if (value.L !== undefined) return value.L.map(unmarshallValue);
  return unmarshall(value.M ?? {});
}

/** Bytes of a number as DynamoDB counts them: one per two significant digits, plus one. */
function numberSize(text: string): number {
  const digits = text.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, 'utf8');
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return Buffer.from(value.B, 'base64').length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  if (value.NS !== undefined) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if (value.BS !== undefined) return value.BS.reduce((n, b) => n + Buffer.from(b, 'base64').length, 0);
  // Lists and maps: 3 bytes of overhead plus 1 byte per element, as DynamoDB's item-size rules state.
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  const map = value.M ?? {};
  return 3 + Object.entries(map).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k, 'utf8') + valueSize(v), 0);
}

/**
 * The size DynamoDB counts for an item: for each attribute, the UTF-8 length of its name plus the size of its value
 * (strings by UTF-8 bytes, numbers by significant digits, lists and maps with their overhead).
 * @example
 * itemSize({ Id: { N: '101' } }); // 5
 */
export function itemSize(image: AttributeMap | undefined): number {
  if (image === undefined) return 0;
  let size = 0;
  for (const [name, value] of Object.entries(image)) size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  return size;
}
