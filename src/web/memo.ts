// Results computed once per loaded document and kept for the life of the
// server: the corpora never change while it runs, so a page view after the
// first costs a lookup. Keyed by the Document object, so a draft (a fresh
// object per request) is never cached.
import type { Document } from '../corpus/types.js';

export function memoByDocument<T>(compute: (doc: Document) => T): (doc: Document) => T {
  const cache = new WeakMap<Document, T>();
  return (doc) => {
    if (!doc.builtin && doc.path === '<pasted>') return compute(doc);
    let value = cache.get(doc);
    if (value === undefined) {
      value = compute(doc);
      cache.set(doc, value);
    }
    return value;
  };
}

/**
 * A small least-recently-used cache. The draft page uses it because every
 * download button re-posts the same draft: the second request should not
 * redo the alignment, matching and scoring.
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
}
