// An in-memory inverted index over source passages. Retrieval ranks passages
// by BM25 (k1 = 1.2, b = 0.75, the usual defaults) over the query's term keys
// and its adjacent-term bigrams, reading only the postings of those keys, so a
// query never scans every passage. The final score is the scorer's, not BM25's.
import type { Document } from '../corpus/types.js';
import type { Token } from '../text/index.js';
import { cachedDocumentPassages } from './passage-cache.js';
import { documentPassages, isSourceDocument, sourceInfo } from './passages.js';
import { termsOf } from './terms.js';
import type { IndexedPassage, PassageIndex, PassageRef, SourceInfo, Term } from './types.js';

const K1 = 1.2;
const B = 0.75;

/** Index keys of a term sequence: every term key, plus `key1 key2` for adjacent terms (content-word bigrams). */
export function indexKeys(terms: Term[]): string[] {
  const keys = terms.map((t) => t.key);
  for (let i = 0; i + 1 < terms.length; i++) keys.push(`${terms[i].key} ${terms[i + 1].key}`);
  return keys;
}

/** BM25's IDF, never negative: ln(1 + (N - df + 0.5) / (df + 0.5)). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export class MemoryPassageIndex implements PassageIndex {
  private readonly passages: IndexedPassage[] = [];
  private readonly byRef = new Map<string, number>();
  private readonly docs = new Map<string, SourceInfo>();
  /** key → [passage number, term frequency] */
  private readonly postings = new Map<string, [number, number][]>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  /**
   * Index every statement/reference document among `documents` (plans are
   * skipped), their terms read from the term cache (passage-cache.ts) when it
   * holds these documents; `cache: false` tokenises them here.
   */
  static fromDocuments(documents: Document[], { cache = true }: { cache?: boolean } = {}): MemoryPassageIndex {
    const index = new MemoryPassageIndex();
    const sources = documents.filter(isSourceDocument);
    const cached = cache ? cachedDocumentPassages(sources) : undefined;
    sources.forEach((doc, i) => index.addDocument(doc, cached?.[i]));
    return index;
  }

  /** Add a document's passages (`passages`: documentPassages(doc) when the caller has them already). */
  addDocument(doc: Document, passages: IndexedPassage[] = documentPassages(doc)): void {
    this.docs.set(doc.id, sourceInfo(doc));
    for (const p of passages) this.addPassage(p);
  }

  addPassage(p: IndexedPassage): void {
    const n = this.passages.length;
    this.passages.push(p);
    this.byRef.set(refKey(p.ref), n);
    const tf = new Map<string, number>();
    for (const k of indexKeys(p.terms)) tf.set(k, (tf.get(k) ?? 0) + 1);
    for (const [k, f] of tf) {
      let list = this.postings.get(k);
      if (!list) this.postings.set(k, (list = []));
      list.push([n, f]);
    }
    this.lengths.push(p.terms.length);
    this.totalLength += p.terms.length;
  }

  get size(): number {
    return this.passages.length;
  }

  idf(key: string): number {
    return bm25Idf(this.passages.length, this.postings.get(key)?.length ?? 0);
  }

  candidates(query: Token[], k: number): PassageRef[] {
    const keys = new Set(indexKeys(termsOf(query)));
    const avg = this.totalLength / Math.max(1, this.passages.length);
    const scores = new Map<number, number>();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      const idf = bm25Idf(this.passages.length, list.length);
      for (const [n, f] of list) {
        const norm = f + K1 * (1 - B + (B * this.lengths[n]) / avg);
        scores.set(n, (scores.get(n) ?? 0) + (idf * f * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([n]) => this.passages[n].ref);
  }

  passage(ref: PassageRef): IndexedPassage | undefined {
    const n = this.byRef.get(refKey(ref));
    return n === undefined ? undefined : this.passages[n];
  }

  document(id: string): SourceInfo | undefined {
    return this.docs.get(id);
  }

  /** Every passage, in index order (for brute-force comparisons and benchmarks). */
  all(): IndexedPassage[] {
    return this.passages;
  }
}

function refKey(ref: PassageRef): string {
  return `${ref.doc}\u0000${ref.passage}`;
}
