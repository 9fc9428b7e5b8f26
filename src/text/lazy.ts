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
