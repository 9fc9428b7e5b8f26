/**
 * A value made on first use. Module-scope `Intl` objects cost start-up time in every
 * process (an `Intl.DisplayNames` loads ICU's language names, 10–17 ms), also when the
 * run never needs them: they are made lazily instead.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * A function memoized by a key made of its arguments, at most `limit` entries (emptied
 * when full: a long-lived caller such as the language server keeps seeing new ones).
 * Undefined results are kept too. Callers must not mutate what it returns.
 */
export function memo<A extends unknown[], T>(limit: number, keyOf: (...args: A) => string, compute: (...args: A) => T): (...args: A) => T {
  const kept = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    if (kept.has(key)) return kept.get(key) as T;
    const out = compute(...args);
    if (kept.size >= limit) kept.clear();
    kept.set(key, out);
    return out;
  };
}

/**
 * A function of a text and a locale, memoized: rules share one campaign's work on the
 * same variant texts (tokens, sentences). Small, because the point is one campaign, not a
 * repository: at most 256 texts, and 2,000,000 characters of them, since values of
 * megabyte texts kept alive make every later garbage collection (and so every later lint)
 * slower. Callers must not mutate what it returns.
 */
export function textMemo<T>(compute: (text: string, locale: string) => T): (text: string, locale: string) => T {
  // Keyed by locale, then by the text itself: a key made by joining them would be a new string
  // to flatten and hash on every lookup (a few microseconds for a message-sized text), where
  // the text's own hash is computed once and kept in the string.
  const memo = new Map<string, Map<string, T>>();
  let size = 0;
  let chars = 0;
  return (text, locale) => {
    let byText = memo.get(locale);
    let out = byText?.get(text);
    if (out !== undefined) return out;
    out = compute(text, locale);
    if (size > 256 || chars + text.length > 2_000_000) {
      memo.clear();
      byText = undefined;
      size = 0;
      chars = 0;
    }
    if (!byText) memo.set(locale, (byText = new Map()));
    byText.set(text, out);
    size++;
    chars += text.length;
    return out;
  };
}
