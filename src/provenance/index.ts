// Provenance: which earlier statements each plan point echoes, with evidence.
//
//   const index = MemoryPassageIndex.fromDocuments(corpus.documents); // once
//   const result = matchPlan(plan, index, { top: 5, sourceText: textLookup(corpus.documents) });
//   const table = provenanceTable(result);                             // CSV / JSON / Markdown
//
// `matchPlan` is the pipeline (retrieve → score → features → learned rank →
// origin and lineage); `scorePair` is the pure fixed-weight pair scorer whose
// parts are among the ranker's features (features.ts, ranker.ts); `PassageIndex` is the retrieval interface that a
// different store (the SQLite file of sqlite-index.ts for bulk corpora) implements.
import type { Document } from '../corpus/types.js';

export { matchPlan, MIN_CANDIDATE_SCORE, type MatchOptions } from './match.js';
export { scorePair, windowCosine, WEIGHTS, MIN_PHRASE, type PairScore, type SpanMatch, type ScoreOptions } from './score.js';
export { MemoryPassageIndex, indexKeys, bm25Idf } from './memory-index.js';
export { documentPassages, isSourceDocument, sourceInfo } from './passages.js';
export { termsOf, termKey, spanTerms, spanTokens } from './terms.js';
export { evidenceLinks, linksTitle } from './links.js';
export { pointOrigin, calibratedOrigin, sideShares, ORIGIN_THRESHOLD } from './origin.js';
export { FEATURES, pairFeatures, type FeatureName } from './features.js';
export { shippedRanker, rankerProbability, describeRanker, type RankerModel } from './ranker.js';
export { lineageOf, LINEAGE_MIN_SCORE } from './lineage.js';
export { figureKind, contextualTerms, type FigureKind } from './figures.js';
export { auditEvidence, type EvidenceProblem } from './evidence-check.js';
export { shownEvidence, provenanceTable, offsetsInto, heatmap, PROVENANCE_COLUMNS, type Heatmap } from './table.js';
export type * from './types.js';

/** Look up a document's text by id (to quote the source side of evidence). */
export function textLookup(documents: Document[]): (id: string) => string | undefined {
  const byId = new Map(documents.map((d) => [d.id, d.text]));
  return (id) => byId.get(id);
}
