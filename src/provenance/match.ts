// The provenance pipeline for one plan: for each point with text, retrieve
// candidate passages from the index, score each pair, keep the best passage
// per source document, attach evidence spans and date flags, and infer the
// point's likely origin side. Pure: no I/O, the index is built by the caller.
import { planCoverage } from '../corpus/coverage.js';
import type { Document, Segment } from '../corpus/types.js';
import { bm25Idf } from './memory-index.js';
import { pointOrigin, sideShares, ORIGIN_THRESHOLD } from './origin.js';
import { scorePair, type SpanMatch } from './score.js';
import { spanTokens, termsOf } from './terms.js';
import type { Candidate, Evidence, IndexedPassage, MatchResult, PassageIndex, PointMatch, SourceInfo, Term } from './types.js';

export interface MatchOptions {
  /** Candidates listed per point (best passage per document). Default 5. */
  top?: number;
  /** Passages retrieved from the index and scored per point. Default 100. */
  pool?: number;
  /** Origin threshold (see origin.ts). */
  threshold?: number;
  /** List the best passage per document (default) or every passage as its own candidate. */
  groupByDocument?: boolean;
  /** Look up source document texts by id, to quote the source side of evidence. */
  sourceText: (docId: string) => string | undefined;
}

/** Candidates scoring below this are not listed (nothing but a stray shared word). */
export const MIN_CANDIDATE_SCORE = 0.02;

/**
 * Match every point of `plan` against the passages of `index`.
 * The web view calls this once per plan (the index is built once at start-up).
 */
export function matchPlan(plan: Document, index: PassageIndex, options: MatchOptions): MatchResult {
  const top = options.top ?? 5;
  const pool = options.pool ?? 100;
  const threshold = options.threshold ?? ORIGIN_THRESHOLD;
  const idf = (key: string) => index.idf(key);
  // One shared term alone is evidence only when it is rare: in at most 2 % of the passages.
  const rareIdf = bm25Idf(index.size, Math.max(1, Math.floor(index.size * 0.02)));
  // A name is distinctive when it is found in at most 1 passage in 20.
  const distinctiveIdf = bm25Idf(index.size, Math.max(1, Math.floor(index.size * 0.05)));
  const points = plan.segments.filter((s) => s.kind === 'point').map((seg) => matchPoint(plan, seg, index, { top, pool, threshold, idf, rareIdf, distinctiveIdf, groupByDocument: options.groupByDocument !== false, sourceText: options.sourceText }));
  return {
    plan: plan.id,
    title: plan.title,
    date: plan.date,
    language: plan.language,
    missing: planCoverage(plan).missing,
    points,
    summary: { points: points.length, sides: sideShares(points.map((p) => p.origin)), threshold },
  };
}

interface PointContext {
  top: number;
  pool: number;
  threshold: number;
  idf: (key: string) => number;
  rareIdf: number;
  distinctiveIdf: number;
  groupByDocument: boolean;
  sourceText: (docId: string) => string | undefined;
}

function matchPoint(plan: Document, seg: Segment, index: PassageIndex, ctx: PointContext): PointMatch {
  const tokens = spanTokens(plan.text, seg.start, seg.end, plan.language);
  const terms = termsOf(tokens, plan.text);
  const scored: Candidate[] = [];
  for (const ref of index.candidates(tokens, ctx.pool)) {
    const passage = index.passage(ref);
    const doc = index.document(ref.doc);
    if (!passage || !doc) continue;
    const candidate = scoreCandidate(plan, terms, passage, doc, ctx);
    if (candidate) scored.push(candidate);
  }
  // Best passage per document, best first; ties broken by date (earlier first), then id.
  const bestByDoc = new Map<string, Candidate>();
  for (const c of scored) {
    const prev = bestByDoc.get(c.doc);
    if (!prev || c.score > prev.score) bestByDoc.set(c.doc, c);
  }
  const ranked = (ctx.groupByDocument ? [...bestByDoc.values()] : scored).sort((a, b) => b.score - a.score || a.date.localeCompare(b.date) || a.doc.localeCompare(b.doc));
  return {
    point: seg.id,
    label: seg.label,
    start: seg.start,
    end: seg.end,
    text: plan.text.slice(seg.start, seg.end),
    partial: Boolean(seg.partial),
    origin: pointOrigin(ranked, ctx.threshold),
    candidates: ranked.filter((c) => c.score >= MIN_CANDIDATE_SCORE).slice(0, ctx.top),
    documents: Object.fromEntries([...bestByDoc.values()].sort((a, b) => b.score - a.score).map((c) => [c.doc, c.score])),
  };
}

function scoreCandidate(plan: Document, terms: Term[], passage: IndexedPassage, doc: SourceInfo, ctx: PointContext): Candidate | undefined {
  const crossLingual = baseLanguage(doc.language) !== baseLanguage(plan.language);
  const pair = scorePair(terms, passage.terms, ctx.idf, { crossLingual, rareIdf: ctx.rareIdf, distinctiveIdf: ctx.distinctiveIdf });
  if (pair.score <= 0) return undefined;
  const sourceText = ctx.sourceText(doc.id) ?? '';
  return {
    doc: doc.id,
    side: doc.side,
    speaker: doc.speaker,
    date: doc.date,
    passage: passage.ref.passage,
    score: pair.score,
    later: doc.date > plan.date,
    parts: pair.parts,
    evidence: pair.spans.map((span) => toEvidence(span, terms, passage.terms, plan.text, sourceText, crossLingual)),
    url: passage.source ?? doc.sources[0] ?? '',
    ...(pair.truncated ? { truncated: true } : {}),
  };
}

function toEvidence(span: SpanMatch, point: Term[], passage: Term[], planText: string, sourceText: string, crossLingual: boolean): Evidence {
  const plan: [number, number] = [point[span.point[0]].start, point[span.point[1] - 1].end];
  const source: [number, number] = [passage[span.passage[0]].start, passage[span.passage[1] - 1].end];
  return {
    kind: crossLingual ? 'cross-lingual' : span.kind === 'phrase' ? 'shared-phrase' : 'paraphrase',
    plan,
    source,
    text: planText.slice(...plan),
    sourceText: sourceText.slice(...source),
    matched: span.matched,
  };
}

/** Ukrainian and Russian share no words with English; `uk` and `ru` texts are compared as one script. */
function baseLanguage(language: string): string {
  return language === 'uk' ? 'ru' : language;
}
