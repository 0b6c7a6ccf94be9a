// The signals the learned ranker combines, one vector per (point, passage)
// pair, every value in [0, 1]. The fixed-weight scorer's four parts are
// among them; the others say what those miss: how specific the shared words
// are, how much of the point the passage covers beyond the names every page
// shares, whether the figures agree, how long the passage is, how near in
// time the statement is, and what kind of document it is.
import { contextualTerms, kindIdf } from './figures.js';
import { bothIds, idfAt, idfTable, markTable, neutralTerms, termIds } from './key-ids.js';
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
  /** The plan's date as ms since the epoch (Date.parse), parsed once per match. */
  planTime: number;
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
  // Keys as ids (key-ids.ts), as in the scorer: this runs for every scored pair.
  // Across languages the figure kinds are judged among the neutral terms alone (filtered first).
  const p = contextualTerms(ctx.crossLingual ? neutralTerms(point, termIds(point)).terms : point);
  const s = contextualTerms(ctx.crossLingual ? neutralTerms(passage, termIds(passage)).terms : passage);
  const [{ ids: pIds }, { ids: sIds }] = bothIds(p, s);
  const idf = kindIdf(ctx.idf);
  const idfs = idfTable(idf);
  // Each distinct point key once, with its first term, in order of first occurrence
  // (the order sums run in): mark 1 = the passage has the key, 2 = the point's key was seen.
  const marks = markTable();
  for (let j = 0; j < sIds.length; j++) marks[sIds[j]] = 1;
  let distinct = 0;
  let covered = 0;
  let contentAll = 0;
  let contentShared = 0;
  let maxShared = 0;
  let sharedWords = 0;
  let sharedNames = 0;
  try {
    for (let i = 0; i < pIds.length; i++) {
      const m = marks[pIds[i]];
      if (m & 2) continue;
      marks[pIds[i]] = m | 2;
      distinct++;
      const t = p[i];
      const shared = (m & 1) === 1;
      if (shared) {
        covered++;
        maxShared = Math.max(maxShared, idfAt(idfs, pIds[i], idf));
        if (t.kind === 'word') sharedWords++;
        else sharedNames++;
      }
      if (t.kind === 'word') {
        contentAll += idfAt(idfs, pIds[i], idf);
        if (shared) contentShared += idfAt(idfs, pIds[i], idf);
      }
    }
  } finally {
    for (let j = 0; j < sIds.length; j++) marks[sIds[j]] = 0;
    for (let i = 0; i < pIds.length; i++) marks[pIds[i]] = 0;
  }
  const gapDays = (ctx.planTime - docFacts(doc).time) / 86_400_000;
  const later = gapDays < 0;
  // In FEATURES order (checked below, where the module loads): one array per pair, no record of names.
  return [
    round(1 - Math.log1p(ctx.bm25Rank) / Math.log1p(Math.max(1, ctx.pool))),
    round(pair.parts.lexical),
    round(pair.parts.alignment),
    round(pair.parts.phrases),
    round(pair.parts.figures),
    round(share(covered, distinct)),
    round(share(contentShared, contentAll)),
    round(ctx.maxIdf > 0 ? Math.min(1, maxShared / ctx.maxIdf) : 0),
    round(sharedNames > 0 && sharedWords === 0 ? 1 : 0),
    round(share(pair.figureCheck.agree, pair.figureCheck.total)),
    round(pair.figureCheck.changed > 0 ? 1 : 0),
    round(Math.min(1, Math.log1p(passage.length) / Math.log1p(200))),
    round(Number.isFinite(gapDays) && !later ? Math.exp(-gapDays / NEARNESS_DAYS) : 0),
    round(Number.isFinite(gapDays) && !later ? Math.min(1, gapDays / (AGE_YEARS * 365.25)) : 0),
    round(later ? 1 : 0),
    round(docFacts(doc).proposal ? 1 : 0),
    round(ctx.crossLingual ? 1 : 0),
  ];
}

// The order pairFeatures writes its values in.
const WRITTEN: readonly FeatureName[] = ['bm25', 'lexical', 'alignment', 'phrases', 'figures', 'coverage', 'contentCoverage', 'specificity', 'namesOnly', 'figureAgree', 'figureChanged', 'length', 'nearness', 'age', 'later', 'proposalText', 'crossLingual'];
if (WRITTEN.join() !== FEATURES.join()) throw new Error('features.ts: pairFeatures writes its values in another order than FEATURES');

// Date.parse and the title pattern ran for every scored pair (~12,000 per plan at 100k passages,
// ~4 % of a match); each document's are computed once (and the plan's date by the caller, PairContext.planTime).
const facts = new WeakMap<SourceInfo, { time: number; proposal: boolean }>();

function docFacts(doc: SourceInfo): { time: number; proposal: boolean } {
  let f = facts.get(doc);
  if (!f) facts.set(doc, (f = { time: Date.parse(doc.date), proposal: PROPOSAL_TITLE.test(doc.title) }));
  return f;
}

/**
 * part / whole, 0 when whole is 0 (whole ≥ 0). One division for every share of
 * the vector: the figure check's share, an integer ratio that is mostly 0 or 1,
 * had its own, which V8 optimised as an integer division and deoptimised at
 * the first 1/3 (a recompilation in the first match of every process).
 */
function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
