/**
 * A small least-recently-used cache: at most `capacity` entries, the entry
 * read or written longest ago dropped first. Used for results that are pure
 * functions of a text (a draft's point, a unit's feature counts), so that an
 * edited draft sent again recomputes only what changed.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The value under `key`, computed by `compute` (and kept) when absent. */
  getOrSet(key: string, compute: () => V): V {
    let value = this.get(key);
    if (value === undefined) this.set(key, (value = compute()));
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
