// A cache that is emptied, not evicted entry by entry, when it would grow past
// its limit: for the bulk index's decoded passages and posting lists, which
// one plan's queries refill in a few milliseconds, so keeping the hot entries
// (what an LRU buys) is not worth its bookkeeping per lookup.

export class ClearingCache<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;

  /**
   * `limit()` is read at each addition (a caller may tune it); `weight(value)`
   * is what an entry counts against it (1 each by default).
   */
  constructor(
    private readonly limit: () => number,
    private readonly weight: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Empty the cache unless `weight` more fits, so a batch added next stays whole. */
  reserve(weight: number): void {
    if (this.total + weight > this.limit()) {
      this.map.clear();
      this.total = 0;
    }
  }

  set(key: K, value: V): void {
    const weight = this.weight(value);
    this.reserve(weight);
    this.map.set(key, value);
    this.total += weight;
  }
}
