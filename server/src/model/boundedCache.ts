// Caches that outlive a check but not the machine's memory.

/**
 * Values computed once per key and remembered, up to `max` keys: past that it forgets everything and starts again
 * (cheaper than tracking use, and a check refills what it needs).
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly max: number,
    private readonly compute: (key: K) => V,
  ) {}

  get(key: K): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      if (this.entries.size >= this.max) this.entries.clear();
      this.entries.set(key, (value = this.compute(key)));
    }
    return value;
  }
}

/** A value derived from `key` (a claim, a document: objects that do not change), computed on first use and kept as long as the key lives. */
export function remembered<K extends object, V>(cache: WeakMap<K, V>, key: K, read: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = read()));
  return value;
}
