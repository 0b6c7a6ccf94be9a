// The signals the learned ranker combines, one vector per (point, passage)
// pair, every value in [0, 1]. The fixed-weight scorer's four parts are
// among them; the others say what those miss: how specific the shared words
// are, how much of the point the passage covers beyond the names every page
// shares, whether the figures agree, how long the passage is, how near in
// time the statement is, and what kind of document it is.
import { baseKey, contextualTerms } from './figures.js';
import type { PairScore } from './score.js';
import type { SourceInfo, Term } from './types.js';

/** Feature names, in the order of the vector (the model file names them too). */
export const FEATURES = [
  'bm25',
  'lexical',
  'alignment',
  'phrases',
  'figures',
  'coverage',
  'contentCoverage',
  'specificity',
  'namesOnly',
  'figureAgree',
  'figureChanged',
  'length',
  'nearness',
  'age',
  'later',
  'proposalText',
  'crossLingual',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface PairContext {
  /** 0-based rank of the passage in the index's BM25 order for this point, and the pool size retrieved. */
  bm25Rank: number;
  pool: number;
  /** IDF over the indexed passages, and the IDF of a term no passage has (the ceiling). */
  idf: (key: string) => number;
  maxIdf: number;
  planDate: string;
  crossLingual: boolean;
}

// Titles of negotiating texts (drafts, memoranda, frameworks, plans) rather than news, talks or interviews.
const PROPOSAL_TITLE = /\b(draft|treaty|agreement|memorandum|proposal|proposals|counterproposal|counterproposals|framework|plan|formula|declaration|statement|communiqu|terms|conditions)\b/i;

/** Days in the half-life-like scale of `nearness` (two years: a statement two years before the plan scores e⁻¹). */
export const NEARNESS_DAYS = 730;

/** Years at which `age` (time between statement and plan) reaches 1. */
export const AGE_YEARS = 25;

/**
 * The feature vector of one pair, in FEATURES order. `pair` is scorePair's
 * result for the same terms; `point`/`passage` are the raw term sequences.
 */
export function pairFeatures(point: Term[], passage: Term[], pair: PairScore, doc: SourceInfo, ctx: PairContext): number[] {
  const p = contextualTerms(ctx.crossLingual ? point.filter((t) => t.neutral) : point);
  const s = contextualTerms(ctx.crossLingual ? passage.filter((t) => t.neutral) : passage);
  const sKeys = new Set(s.map((t) => t.key));
  const idf = (k: string) => ctx.idf(baseKey(k));
  const distinct = new Map<string, Term>();
  for (const t of p) if (!distinct.has(t.key)) distinct.set(t.key, t);
  let covered = 0;
  let contentAll = 0;
  let contentShared = 0;
  let maxShared = 0;
  let sharedWords = 0;
  let sharedNames = 0;
  for (const [k, t] of distinct) {
    const shared = sKeys.has(k);
    if (shared) {
      covered++;
      maxShared = Math.max(maxShared, idf(k));
      if (t.kind === 'word') sharedWords++;
      else sharedNames++;
    }
    if (t.kind === 'word') {
      contentAll += idf(k);
      if (shared) contentShared += idf(k);
    }
  }
  const gapDays = (Date.parse(ctx.planDate) - Date.parse(doc.date)) / 86_400_000;
  const later = gapDays < 0;
  const values: Record<FeatureName, number> = {
    bm25: 1 - Math.log1p(ctx.bm25Rank) / Math.log1p(Math.max(1, ctx.pool)),
    lexical: pair.parts.lexical,
    alignment: pair.parts.alignment,
    phrases: pair.parts.phrases,
    figures: pair.parts.figures,
    coverage: distinct.size ? covered / distinct.size : 0,
    contentCoverage: contentAll > 0 ? contentShared / contentAll : 0,
    specificity: ctx.maxIdf > 0 ? Math.min(1, maxShared / ctx.maxIdf) : 0,
    namesOnly: sharedNames > 0 && sharedWords === 0 ? 1 : 0,
    figureAgree: pair.figureCheck.total ? pair.figureCheck.agree / pair.figureCheck.total : 0,
    figureChanged: pair.figureCheck.changed > 0 ? 1 : 0,
    length: Math.min(1, Math.log1p(passage.length) / Math.log1p(200)),
    nearness: Number.isFinite(gapDays) && !later ? Math.exp(-gapDays / NEARNESS_DAYS) : 0,
    age: Number.isFinite(gapDays) && !later ? Math.min(1, gapDays / (AGE_YEARS * 365.25)) : 0,
    later: later ? 1 : 0,
    proposalText: PROPOSAL_TITLE.test(doc.title) ? 1 : 0,
    crossLingual: ctx.crossLingual ? 1 : 0,
  };
  return FEATURES.map((f) => round(values[f]));
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
