/**
 * A text's JSON value, or the text itself when it is not JSON: how SQS bodies and Kinesis data read as values (a
 * queue's `bodies`, what filter criteria match on).
 * @example
 * parsedOrText('{"a":1}'); // { a: 1 }
 * parsedOrText('hello'); // 'hello'
 */
export function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
