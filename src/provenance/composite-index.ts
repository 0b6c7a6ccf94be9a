// Several passage indexes searched as one: the shipped Markdown statements in
// memory, plus one persistent index per bulk file. IDF is computed over the
// union (document frequencies add up), so a term's weight does not depend on
// which file its passages came from, and scores of passages of different parts
// stay comparable. The price: adding an archive moves the shipped statements'
// scores ("Ukraine", in 46 % of their passages and 0.9 % of the Kremlin
// archive's, gains weight). Scoring each part with its own statistics, or with
// the smallest IDF over the parts, was measured on the held-out gold on 1 Dec
// 2026 and not kept: with the archive doc recall@3 fell from 0.90 to 0.50–0.82
// (README "Provenance", scripts/provenance-stability.ts).
import type { Token } from '../text/index.js';
import { bm25Idf } from './memory-index.js';
import type { IndexedPassage, PassageIndex, PassageRef, SourceInfo } from './types.js';

export interface IndexPart {
  index: PassageIndex;
  /** Number of the part's passages holding a key. */
  df(key: string): number;
  /** Ids of the documents the part holds. */
  documents: string[];
}

export class CompositePassageIndex implements PassageIndex {
  readonly size: number;
  private readonly owner = new Map<string, PassageIndex>();
  private readonly idfCache = new Map<string, number>();

  constructor(private readonly parts: IndexPart[]) {
    this.size = parts.reduce((n, p) => n + p.index.size, 0);
    for (const part of parts) for (const id of part.documents) if (!this.owner.has(id)) this.owner.set(id, part.index);
  }

  idf(key: string): number {
    let v = this.idfCache.get(key);
    if (v === undefined) {
      v = bm25Idf(this.size, this.parts.reduce((n, p) => n + p.df(key), 0));
      this.idfCache.set(key, v);
    }
    return v;
  }

  /**
   * The largest share of a part's passages holding `key`: whether a term is
   * generic (evidence-words.ts) is judged per part, so a bulk archive on
   * another subject does not make "Ukraine" rare.
   */
  largestShare(key: string): number {
    let share = 0;
    for (const p of this.parts) if (p.index.size > 0) share = Math.max(share, p.df(key) / p.index.size);
    return share;
  }

  /**
   * The best `k` of every part. BM25 scores of different indexes are not
   * comparable (each has its own statistics), so no part's candidates are cut
   * in favour of another's: the scorer ranks them all.
   */
  candidates(query: Token[], k: number): PassageRef[] {
    return this.parts.flatMap((p) => p.index.candidates(query, k));
  }

  passage(ref: PassageRef): IndexedPassage | undefined {
    return this.owner.get(ref.doc)?.passage(ref);
  }

  document(id: string): SourceInfo | undefined {
    return this.owner.get(id)?.document(id);
  }
}
