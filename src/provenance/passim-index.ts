// passim's aligned passages as provenance candidates: a PassageIndex whose
// candidates for a point are the source passages passim aligned with any part
// of that point. Passages, documents and IDF come from the ordinary index of
// the same corpora, so matchPlan's scorer scores these candidates and gives
// the same evidence spans as for its own; only retrieval is passim's.
import type { PassimPair } from '../corpus/passim-output.js';
import { utf16Offset } from '../corpus/passim-output.js';
import type { Document } from '../corpus/types.js';
import { passimSource } from '../export/passim.js';
import type { Token } from '../text/index.js';
import type { PassageIndex, PassageRef } from './types.js';

interface Aligned {
  /** The plan side of the pair, UTF-16 offsets into the plan text. */
  start: number;
  end: number;
  passages: PassageRef[];
  /** passim's matching characters (else the span length): orders candidates. */
  weight: number;
}

export interface PassimIndexReport {
  /** Pairs between the plan and a source document the corpora hold. */
  used: number;
  /** Pairs naming a document the corpora do not hold (counted, never guessed). */
  unknownDocuments: string[];
  /** Pairs not involving the plan (passim also aligns statements with each other). */
  otherPairs: number;
}

export class PassimPassageIndex implements PassageIndex {
  private readonly aligned: Aligned[] = [];
  readonly report: PassimIndexReport = { used: 0, unknownDocuments: [], otherPairs: 0 };

  /**
   * `pairs` from readPassimPairs; `plan` the plan they were computed on (its
   * exported text); `sources` the source documents by id; `base` the ordinary
   * index over the same sources (passages, documents, IDF).
   */
  constructor(
    private readonly base: PassageIndex,
    plan: Document,
    sources: Map<string, Document>,
    pairs: PassimPair[],
  ) {
    const unknown = new Set<string>();
    for (const pair of pairs) {
      const planFirst = pair.id1 === plan.id;
      if (!planFirst && pair.id2 !== plan.id) {
        this.report.otherPairs++;
        continue;
      }
      const [sourceId, sb, se, pb, pe] = planFirst ? [pair.id2, pair.begin2, pair.end2, pair.begin1, pair.end1] : [pair.id1, pair.begin1, pair.end1, pair.begin2, pair.end2];
      // A statement split into date runs comes back as `<id>@<offset>` (export/passim.ts): passim's offsets count in that record's text.
      const found = passimSource(sourceId, sources);
      if (!found) {
        unknown.add(sourceId);
        continue;
      }
      const { doc: source, offset } = found;
      const recordText = offset ? source.text.slice(offset) : source.text;
      const [from, to] = [offset + utf16Offset(recordText, sb), offset + utf16Offset(recordText, se)];
      const passages = source.segments
        .filter((s) => s.kind === 'passage' && s.start < to && s.end > from)
        .map((s) => ({ doc: source.id, passage: s.id }));
      if (!passages.length) continue;
      const start = utf16Offset(plan.text, pb);
      const end = utf16Offset(plan.text, pe);
      this.aligned.push({ start, end, passages, weight: pair.matches ?? end - start });
      this.report.used++;
    }
    this.report.unknownDocuments = [...unknown].sort();
  }

  get size(): number {
    return this.base.size;
  }

  idf(key: string): number {
    return this.base.idf(key);
  }

  /** Source passages passim aligned with the stretch of the plan the query's tokens cover, best aligned first. */
  candidates(query: Token[], k: number): PassageRef[] {
    if (!query.length || k <= 0) return [];
    const start = Math.min(...query.map((t) => t.start));
    const end = Math.max(...query.map((t) => t.end));
    const weights = new Map<string, { ref: PassageRef; weight: number }>();
    for (const a of this.aligned) {
      const overlap = Math.min(end, a.end) - Math.max(start, a.start);
      if (overlap <= 0) continue;
      for (const ref of a.passages) {
        const key = `${ref.doc}\u0000${ref.passage}`;
        const w = (weights.get(key)?.weight ?? 0) + (a.weight * overlap) / Math.max(1, a.end - a.start);
        weights.set(key, { ref, weight: w });
      }
    }
    return [...weights.values()]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, k)
      .map((w) => w.ref);
  }

  passage(ref: PassageRef) {
    return this.base.passage(ref);
  }

  document(id: string) {
    return this.base.document(id);
  }
}
