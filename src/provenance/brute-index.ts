// The brute-force baseline: a PassageIndex whose candidates are every passage,
// so matchPlan scores each point against each passage with the same scorer.
import type { IndexedPassage, PassageIndex, PassageRef } from './types.js';

/** Every passage is a candidate: the same scorer, no retrieval. IDF and documents come from the index. */
export class BruteForceIndex implements PassageIndex {
  private readonly byRef = new Map<string, IndexedPassage>();
  constructor(
    private readonly index: PassageIndex,
    private readonly passages: IndexedPassage[],
  ) {
    for (const p of passages) this.byRef.set(`${p.ref.doc}\u0000${p.ref.passage}`, p);
  }
  get size() {
    return this.index.size;
  }
  idf(key: string) {
    return this.index.idf(key);
  }
  candidates(): PassageRef[] {
    return this.passages.map((p) => p.ref);
  }
  passage(ref: PassageRef) {
    return this.byRef.get(`${ref.doc}\u0000${ref.passage}`);
  }
  document(id: string) {
    return this.index.document(id);
  }
}

