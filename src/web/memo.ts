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
