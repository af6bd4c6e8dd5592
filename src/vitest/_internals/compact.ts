const LIMIT = 200;

/**
 * A value on one line for a matcher's sentence ("but it succeeded with {"n":2}"): JSON with RegExps and
 * asymmetric matchers shown as written, cut at 200 characters. Whole values go to `actual`/`expected`, where the
 * runner prints and diffs them in full.
 */
export function compact(value: unknown): string {
  let text: string;
  if (value instanceof RegExp) text = String(value);
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text =
        JSON.stringify(value, (_key, v: unknown) => {
          if (v instanceof RegExp) return String(v);
          if (v !== null && typeof v === 'object' && typeof (v as { asymmetricMatch?: unknown }).asymmetricMatch === 'function') {
            const m = v as { toString(): string; toAsymmetricMatcher?: () => string };
            return m.toAsymmetricMatcher ? m.toAsymmetricMatcher() : m.toString();
          }
          return v;
        }) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > LIMIT ? `${text.slice(0, LIMIT)}…` : text;
}
