// The provenance pipeline for one plan: for each point with text, retrieve
// candidate passages from the index, score each pair, keep the best passage
// per source document, attach evidence spans and date flags, and infer the
// point's likely origin side. Pure: no I/O, the index is built by the caller.
import { planCoverage } from '../corpus/coverage.js';
import type { Document, Segment } from '../corpus/types.js';
import { bm25Idf } from './memory-index.js';
import { pairFeatures } from './features.js';
import { LINEAGE_MIN_SCORE, lineageOf } from './lineage.js';
import { calibratedOrigin, pointOrigin, sideShares, ORIGIN_THRESHOLD } from './origin.js';
import { rankerProbability, shippedRanker, type RankerModel } from './ranker.js';
import { sentences, tokenize, type Token } from '../text/index.js';
import { inNegationScope, negationCues, polarityChanges, type NegationCue, type PolarityChange } from '../text/polarity.js';
import { translationLink } from '../text/lexicon/index.js';
import { boundedPair, scorePair, sharedWordSpans, type PairScore, type ScoreOptions, type SpanMatch } from './score.js';
import { evidenceLinks } from './links.js';
import { isCommonWord } from './common-words.js';
import { allGeneric, differentWords, matchedTerms, passageShare } from './evidence-words.js';
import { spanTerms, spanTokens, termsOf } from './terms.js';
import { LruCache } from '../util/lru-cache.js';
import { objectArray } from './scratch.js';
import type { Candidate, Evidence, IndexedPassage, MatchResult, PassageIndex, PassageRef, PointMatch, SourceInfo, Term } from './types.js';

export interface MatchOptions {
  /** Candidates listed per point (best passage per document). Default 5. */
  top?: number;
  /** Passages retrieved from the index and scored per point. Default: all when the index holds at most EXHAUSTIVE_UP_TO passages, else 100. */
  pool?: number;
  /** Origin threshold (see origin.ts). */
  threshold?: number;
  /** List the best passage per document (default) or every passage as its own candidate. */
  groupByDocument?: boolean;
  /**
   * Also score each sentence and sub-item of a long point on its own and keep
   * the best. Off by default: on the gold set it moved as many antecedents
   * down as up and, scoring short units high, left no point `unknown`
   * (see scripts/eval/provenance.ts, which reports both).
   */
  units?: boolean;
  /** Look up source document texts by id, to quote the source side of evidence. */
  sourceText: (docId: string) => string | undefined;
  /**
   * How candidates are scored: the learned ranker (default: the shipped model,
   * corpora/reference/provenance/ranker.json) or `fixed`, the fixed-weight
   * scorer of score.ts with value-and-unit figures as before (the eval's
   * baseline; its origin is the old threshold rule).
   */
  ranker?: RankerModel | 'fixed';
  /** Candidates scoring below this are not listed. Default MIN_CANDIDATE_SCORE. */
  minScore?: number;
  /** Attach each candidate's feature vector and fixed-weight score (for the eval and training). */
  withFeatures?: boolean;
}

/** Corpora with at most this many passages are scored exhaustively (no retrieval cut-off). */
export const EXHAUSTIVE_UP_TO = 2_000;

/** Candidates scoring below this are not listed (nothing but a stray shared word). */
export const MIN_CANDIDATE_SCORE = 0.02;

/**
 * Match every point of `plan` against the passages of `index`.
 * The web view calls this once per plan (the index is built once at start-up).
 */
export function matchPlan(plan: Document, index: PassageIndex, options: MatchOptions): MatchResult {
  const top = options.top ?? 5;
  // A small corpus (the shipped statements: a few hundred passages) affords scoring every
  // passage that shares a term, so retrieval never hides a candidate there; bulk corpora
  // keep the BM25 pool.
  const pool = options.pool ?? (index.size <= EXHAUSTIVE_UP_TO ? index.size : 100);
  const threshold = options.threshold ?? ORIGIN_THRESHOLD;
  // IDF of each key looked up once per plan: the scorer asks for it in every pair.
  const idfs = new Map<string, number>();
  const idf = (key: string) => {
    let v = idfs.get(key);
    if (v === undefined) idfs.set(key, (v = index.idf(key)));
    return v;
  };
  const segments = plan.segments.filter((s) => s.kind === 'point').map(pointSegment);
  // Every point's tokens and terms before any pair is scored: termsOf extends a term over a
  // multi-word glossary form by writing its `end`, and the first such write (in whichever point
  // first has one) made V8 drop that field's constness for all terms and deoptimise the scorer.
  const lexed = segments.map((seg) => {
    const tokens = spanTokens(plan.text, seg.start, seg.end, plan.language);
    return { tokens, terms: termsOf(tokens, plan.text) };
  });
  // One shared term alone is evidence only when it is rare: in at most 2 % of the passages.
  const rareIdf = bm25Idf(index.size, Math.max(1, Math.floor(index.size * 0.02)));
  // A name is distinctive when it is found in at most 1 passage in 20.
  const distinctiveIdf = bm25Idf(index.size, Math.max(1, Math.floor(index.size * 0.05)));
  const ctx: PointContext = {
    top,
    pool,
    threshold,
    idf,
    rareIdf,
    distinctiveIdf,
    groupByDocument: options.groupByDocument !== false,
    units: options.units === true,
    planLanguage: textLanguage(plan, lexed.map((l) => l.tokens)),
    sourceText: options.sourceText,
    ranker: options.ranker === 'fixed' ? undefined : (options.ranker ?? shippedRanker()),
    minScore: options.minScore ?? MIN_CANDIDATE_SCORE,
    withFeatures: options.withFeatures === true,
    maxIdf: bm25Idf(index.size, 0),
    oneCommonWord: memoOneCommonWord(plan),
    share: memoShare(index, idf),
    pairOptions: [],
    planTime: Date.parse(plan.date),
  };
  const points = segments.map((seg, i) => matchPoint(plan, seg, lexed[i].tokens, lexed[i].terms, index, ctx));
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
  units: boolean;
  /** The language the plan's words are in (see textLanguage). */
  planLanguage: string;
  sourceText: (docId: string) => string | undefined;
  ranker?: RankerModel;
  minScore: number;
  withFeatures: boolean;
  maxIdf: number;
  /** oneCommonWord on the plan, remembered per span (the same spans recur across candidates). */
  oneCommonWord: (span: [number, number]) => boolean;
  /** The largest share of passages holding a key, in the index or any part of it (evidence-words.ts), remembered per key. */
  share: (key: string) => number;
  /** pairOptions' two results (same language, across languages), made on first use. */
  pairOptions: [PairOptions?, PairOptions?];
  /** The plan's date, parsed once (ms since the epoch) for the ranker's age feature. */
  planTime: number;
}

/** What matchPoint reads of a point's segment. */
type PointSegment = Pick<Segment, 'id' | 'label' | 'start' | 'end' | 'partial'>;

/**
 * A point's segment in one shape (hidden class): a plan's segments differ in
 * their optional fields, and a point of another shape than the first ones
 * deoptimised matchPoint, which was then compiled again.
 */
function pointSegment(seg: Segment): PointSegment {
  return { id: seg.id, label: seg.label, start: seg.start, end: seg.end, partial: seg.partial };
}

/**
 * The document as a passage of it is dated: `doc` itself, or, for a passage with a date of its
 * own (a file collecting statements of several days: Segment.date), `doc` with that date, one
 * object per document and date (the ranker's per-document facts are memoised by object). Its date
 * then decides whether the passage is `later` than the plan, its place in the lineage and the age feature.
 */
function passageSource(doc: SourceInfo | undefined, passage: IndexedPassage | undefined): SourceInfo | undefined {
  if (!doc || passage?.date === undefined || passage.date === doc.date) return doc;
  let byDate = datedSources.get(doc);
  if (!byDate) datedSources.set(doc, (byDate = new Map()));
  let dated = byDate.get(passage.date);
  if (!dated) byDate.set(passage.date, (dated = { ...doc, date: passage.date }));
  return dated;
}

const datedSources = new WeakMap<SourceInfo, Map<string, SourceInfo>>();

/** One point's candidates; `tokens` and `terms` are the point's (spanTokens, termsOf). */
function matchPoint(plan: Document, seg: PointSegment, tokens: Token[], terms: Term[], index: PassageIndex, ctx: PointContext): PointMatch {
  const units = [terms, ...(ctx.units ? pointUnits(plan, seg, terms) : [])];
  // The passage and document of each pair when scorePoint runs now (the memo keeps refs only):
  // looking each up again was ~5 % of a whole-plan match at 100k passages (CPU profile, kremlin).
  const fresh: [IndexedPassage, SourceInfo][] = [];
  const { pairs } = pointPairs(plan, seg, index, ctx, () => scorePoint(plan, units, tokens, index, ctx, fresh));
  const scored = objectArray<Candidate>();
  // Which unit (whole point, sentence or sub-item) gave each candidate its score.
  const unitOf = new Map<Candidate, number>();
  for (let n = 0; n < pairs.length; n++) {
    const p = pairs[n];
    const passage = fresh.length ? fresh[n][0] : index.passage(p.ref);
    const doc = fresh.length ? fresh[n][1] : passageSource(index.document(p.ref.doc), passage);
    if (!passage || !doc) continue;
    const c = scoreCandidate(plan, units, p, passage, doc, ctx);
    scored.push(c);
    unitOf.set(c, p.unit);
  }
  // Best passage per document, best first; ties broken by date (earlier first), then id.
  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.date.localeCompare(b.date) || a.doc.localeCompare(b.doc) || a.passage.localeCompare(b.passage);
  const bestByDoc = new Map<string, Candidate>();
  for (const c of [...scored].sort(byScore)) if (!bestByDoc.has(c.doc)) bestByDoc.set(c.doc, c);
  // bestByDoc is filled in byScore order: its values are ranked already (one per document, so no ties).
  const ranked = ctx.groupByDocument ? [...bestByDoc.values()] : scored.sort(byScore);
  const listed = ranked.filter((c) => c.score >= ctx.minScore).slice(0, ctx.top);
  if (ctx.groupByDocument) for (const c of listed) addSecondPassage(c, scored, terms);
  // A candidate both listed and asked about by the lineage gets its shared words once.
  const worded = new Map<Candidate, Candidate>();
  const withWordsOnce = (c: Candidate): Candidate => {
    let w = worded.get(c);
    if (!w) worded.set(c, (w = withWords(c, units[unitOf.get(c) ?? 0], index, ctx, plan)));
    return w;
  };
  const match: PointMatch = {
    point: seg.id,
    label: seg.label,
    start: seg.start,
    end: seg.end,
    text: plan.text.slice(seg.start, seg.end),
    partial: Boolean(seg.partial),
    origin: ctx.ranker ? calibratedOrigin(ranked, ctx.ranker.side) : pointOrigin(ranked, ctx.threshold),
    candidates: listed.map((c) => withPolarity(withWordsOnce(c), plan, index, ctx)),
    documents: Object.fromEntries([...bestByDoc.values()].map((c) => [c.doc, c.score])),
    lineage: lineageOf([...bestByDoc.values()], LINEAGE_MIN_SCORE, (c) => carriesWording(c, withWordsOnce)),
    echoes: laterEchoes(scored).map((c) => withPolarity(c, plan, index, ctx)),
  };
  // Every candidate that can be shown has its evidence now; the others' is never needed.
  pendingEvidence.clear();
  unshownWording.clear();
  return match;
}

/** A later statement is listed as an echo from this fixed-weight (content) score: the old origin threshold. */
export const ECHO_MIN_SCORE = 0.1;
/** At most this many later echoes per point. */
export const ECHO_MAX = 3;

/**
 * Statements dated after the plan that carry the point's wording: the best
 * passage per document by the fixed-weight score (score.ts: wording only, no
 * date), at least ECHO_MIN_SCORE and with evidence of two words or more. The ranker weighs `later`
 * against a passage being an antecedent, so echoes are ranked apart from the
 * candidates: they show where the clause went, never where it came from.
 */
function laterEchoes(scored: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of scored) {
    if (!c.later || c.fixedScore === undefined || c.fixedScore < ECHO_MIN_SCORE) continue;
    // Wording, not a shared word: the evidence spans hold at least two words between them.
    const words = evidenceWords(evidenceOf(c).map((e) => e.text));
    if (words < 2) continue;
    const prev = best.get(c.doc);
    if (!prev || c.fixedScore > prev.fixedScore!) best.set(c.doc, c);
  }
  return [...best.values()].sort((a, b) => b.fixedScore! - a.fixedScore! || a.doc.localeCompare(b.doc)).slice(0, ECHO_MAX);
}

/**
 * Distinct words (case folded) in evidence spans: runs of letters and digits, an apostrophe or
 * hyphen inside a word and a digit group separator inside a number keeping it one ("Ukraine's",
 * "ceasefire-enforcement", "600,000" are one word each). Counting "Ukraine's" as two, or the same
 * name matched twice as two words, let an echo rest on one name.
 */
export function evidenceWords(texts: string[]): number {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.match(/[\p{L}\p{N}]+(?:(?:['’\-‐‑]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu) ?? []) words.add(w.toLowerCase());
  return words.size;
}

/**
 * An antecedent must carry wording of the point, not one word: its evidence (with its `also`
 * passage's), or when it has none the shared words its score rests on (`withWords`: matchPoint's, computed once per candidate), holds at least
 * two distinct words (evidenceWords), as for later echoes. On the 7 gold plans (30 Nov 2026) the
 * lineage steps resting on one word were right for 2 of at least 5 gold points ("prosperity",
 * "nuclear-weapon-free"), those on two or more for 42 of 60; one-word steps include "sovereignty"
 * in Lavrov's "1990 declaration on State sovereignty" for us-28 1 and "Гарантии" for us-28-ru 10.
 * They stay among the candidates, ranked as before; they are no longer dated as the clause's lineage.
 */
function carriesWording(c: Candidate, withWords: (c: Candidate) => Candidate): boolean {
  const evidence = [...evidenceOf(c), ...(unshownWording.get(c) ?? []), ...(c.also?.evidence ?? [])];
  const texts = evidence.length ? evidence.map((e) => e.text) : (withWords(c).words ?? []).map((w) => w.text);
  return evidenceWords(texts) >= 2;
}

/**
 * When a second passage of the same document carries content words of the
 * point that the listed passage lacks (at least two, and it scores at least
 * half as high), show it too: a clause split over two paragraphs.
 */
function addSecondPassage(c: Candidate, scored: Candidate[], point: Term[]): void {
  const covers = (x: Candidate) => new Set(evidenceOf(x).flatMap((e) => point.filter((t) => t.kind === 'word' && t.start >= e.plan[0] && t.end <= e.plan[1]).map((t) => t.key)));
  const first = covers(c);
  let best: { cand: Candidate; gain: number } | undefined;
  for (const other of scored) {
    if (other.doc !== c.doc || other.passage === c.passage || other.score < c.score / 2) continue;
    const gain = [...covers(other)].filter((k) => !first.has(k)).length;
    if (gain >= 2 && (!best || gain > best.gain || (gain === best.gain && other.score > best.cand.score))) best = { cand: other, gain };
  }
  if (best) c.also = { passage: best.cand.passage, score: best.cand.score, evidence: evidenceOf(best.cand), url: best.cand.url };
}

/**
 * A retrieved passage that scored above 0 for a point: its BM25 rank, the unit
 * (0: the whole point) that scored best, that pair's score, and the ranker's
 * feature vector when asked for.
 */
interface PointPair {
  ref: PassageRef;
  rank: number;
  unit: number;
  pair: PairScore;
  features?: number[];
}

/**
 * Retrieve a point's candidate passages and score each pair (the costly part of matching: every passage that shares a term).
 * `found` gets each kept pair's passage and document, in the order of `pairs`.
 */
function scorePoint(plan: Document, units: Term[][], tokens: Token[], index: PassageIndex, ctx: PointContext, found: [IndexedPassage, SourceInfo][]): { pool: number; pairs: PointPair[] } {
  const refs = index.candidates(tokens, ctx.pool);
  const pool = refs.length;
  const pairs = objectArray<PointPair>();
  refs.forEach((ref, rank) => {
    const passage = index.passage(ref);
    const doc = passageSource(index.document(ref.doc), passage);
    if (!passage || !doc) return;
    const options = pairOptions(doc, ctx);
    const { crossLingual } = options;
    // The whole point first; a sentence or sub-item replaces it only when it scores higher.
    let best = { unit: 0, pair: scorePair(units[0], passage.terms, ctx.idf, options) };
    for (let u = 1; u < units.length; u++) {
      const pair = scorePair(units[u], passage.terms, ctx.idf, options);
      if (pair.score > best.pair.score) best = { unit: u, pair };
    }
    if (best.pair.score <= 0) return;
    const features =
      ctx.ranker || ctx.withFeatures
        ? pairFeatures(...boundedPair(units[best.unit], passage.terms), best.pair, doc, { bm25Rank: rank, pool, idf: ctx.idf, maxIdf: ctx.maxIdf, planTime: ctx.planTime, crossLingual })
        : undefined;
    pairs.push({ ref, rank, unit: best.unit, pair: best.pair, features });
    found.push([passage, doc]);
  });
  return { pool, pairs };
}

/**
 * Scored pairs by point text, per index: a pure function of the point's text
 * (its term indices, not its offsets), the plan's language and the index, so a
 * draft sent again after an edit re-scores only the points that changed. The
 * evidence offsets are computed per plan from these.
 * 128 points: four drafts of 28 (about 14 MB).
 */
const POINT_PAIRS_KEPT = 128;
const pointPairsByIndex = new WeakMap<PassageIndex, LruCache<{ pool: number; pairs: PointPair[] }>>();

/**
 * Forget every remembered point's pairs, so that the next match scores every
 * pair again: the benchmark times matching, not the memo.
 */
export function forgetPointPairs(index: PassageIndex): void {
  pointPairsByIndex.delete(index);
}

function pointPairs(plan: Document, seg: PointSegment, index: PassageIndex, ctx: PointContext, compute: () => { pool: number; pairs: PointPair[] }): { pool: number; pairs: PointPair[] } {
  let cache = pointPairsByIndex.get(index);
  if (!cache) pointPairsByIndex.set(index, (cache = new LruCache(POINT_PAIRS_KEPT)));
  // Everything scorePoint reads besides the index's contents (the size stands for those: an index only grows).
  const key = [index.size, ctx.pool, plan.language, plan.date, ctx.planLanguage, ctx.units, ctx.ranker !== undefined || ctx.withFeatures, ctx.rareIdf, ctx.distinctiveIdf, plan.text.slice(seg.start, seg.end)].join('\u0000');
  return cache.getOrSet(key, compute);
}

function scoreCandidate(plan: Document, units: Term[][], { unit, pair, features }: PointPair, passage: IndexedPassage, doc: SourceInfo, ctx: PointContext): Candidate {
  const terms = units[unit];
  const score = ctx.ranker ? Math.round(rankerProbability(ctx.ranker, features!) * 1e4) / 1e4 : pair.score;
  const candidate: Candidate = {
    doc: doc.id,
    side: doc.side,
    speaker: doc.speaker,
    date: doc.date,
    passage: passage.ref.passage,
    score,
    later: doc.date > plan.date,
    // A copy: the pair is kept for the next draft with this point.
    parts: { ...pair.parts },
    // Filled in by evidenceOf when the candidate is listed, shown beside one or checked for an echo.
    evidence: undefined as unknown as Evidence[],
    url: passage.source ?? doc.sources[0] ?? '',
  };
  // Optional fields added in this order (the order JSON output lists them in).
  if (terms !== units[0]) candidate.unit = [terms[0].start, terms[terms.length - 1].end];
  if (pair.truncated) candidate.truncated = true;
  if (ctx.withFeatures) {
    candidate.fixedScore = pair.score;
    candidate.features = [...features!];
  } else if (doc.date > plan.date) candidate.fixedScore = pair.score;
  // A glossary concept can rest on one common word of the plan ("line" of "line of contact" = "front line"):
  // shown alone it would be one common word, which is never evidence.
  pendingEvidence.set(candidate, () => {
    const unshown: Evidence[] = [];
    const shown = spanEvidence(pair.spans, terms, passage, doc, plan, ctx, true, unshown);
    if (unshown.length) unshownWording.set(candidate, unshown);
    return shown;
  });
  return candidate;
}

/**
 * How to compute a scored candidate's evidence, until it is asked for. Only
 * the listed candidates, passages of their documents that may be shown beside
 * them and later statements that may be echoes need it: computing it for all
 * ~12,000 scored candidates of a plan at 100k passages was ~8 % of the match.
 */
// A Map emptied after each point, not a WeakMap: ~750 entries a point, and a WeakMap's set was ~1 % of a match.
const pendingEvidence = new Map<Candidate, () => Evidence[]>();

/**
 * Alignments of a candidate that are not shown as evidence because they rest on generic terms or
 * different words (showsWording): the lineage still reads them, as it did before they were hidden,
 * so hiding a pair from the reader changes no lineage (ua-20 4: Istanbul's "number of military").
 */
const unshownWording = new Map<Candidate, Evidence[]>();

/** A scored candidate's evidence (computed on first use, then kept in `evidence`). */
function evidenceOf(c: Candidate): Evidence[] {
  const make = pendingEvidence.get(c);
  if (make) {
    c.evidence = make();
    pendingEvidence.delete(c);
  }
  return c.evidence;
}

function memoOneCommonWord(plan: Document): (span: [number, number]) => boolean {
  const known = new Map<string, boolean>();
  return (span) => {
    const key = `${span[0]}:${span[1]}`;
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = oneCommonWord(plan.text, span, plan.language)));
    return v;
  };
}

function memoShare(index: PassageIndex, idf: (key: string) => number): (key: string) => number {
  const known = new Map<string, number>();
  const share = passageShare(index, idf);
  return (key) => {
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = share(key)));
    return v;
  };
}

/** The plan side of an evidence pair is a single common English word (common-words.ts). */
function oneCommonWord(text: string, [start, end]: [number, number], language: string): boolean {
  const t = spanTerms(text, start, end, language);
  return t.length === 1 && t[0].kind === 'word' && isCommonWord(t[0].key);
}

/**
 * A listed candidate with no evidence left (its score rests on scattered
 * shared words: no phrase, no alignment, or only a lone common word that
 * cannot be shown as reused wording) gets `words`: the terms behind its
 * lexical part (score.ts sharedWordSpans), so that every listed score shows
 * what made it. Computed for listed candidates only, with the unit (whole
 * point, sentence or sub-item) that gave the score.
 */
function withWords(c: Candidate, terms: Term[], index: PassageIndex, ctx: PointContext, plan: Document): Candidate {
  if (evidenceOf(c).length) return c;
  const passage = index.passage({ doc: c.doc, passage: c.passage });
  const doc = index.document(c.doc);
  if (!passage || !doc) return c;
  const spans = sharedWordSpans(terms, passage.terms, ctx.idf, pairOptions(doc, ctx));
  return spans.length ? { ...c, words: spanEvidence(spans, terms, passage, doc, plan, ctx) } : c;
}

/** The scorer's options as matchPlan sets them (ScoreOptions with every field given). */
type PairOptions = Required<ScoreOptions>;

/** The scorer's options for a point of the plan against a passage of `doc`. */
function pairOptions(doc: SourceInfo, ctx: PointContext): PairOptions {
  const crossLingual = baseLanguage(doc.language) !== baseLanguage(ctx.planLanguage);
  // Two possible objects per match, made once each rather than once per pair.
  const i = crossLingual ? 1 : 0;
  return (ctx.pairOptions[i] ??= { crossLingual, rareIdf: ctx.rareIdf, distinctiveIdf: ctx.distinctiveIdf, figureKinds: ctx.ranker !== undefined || ctx.withFeatures });
}

/**
 * Spans of a pair (term indices into `terms` and the passage's terms) as evidence with offsets into both texts;
 * with `dropOneCommonWord`, without those whose plan side is one common word, and with alignments that do not
 * show shared wording (showsWording) put into `unshown` instead.
 */
function spanEvidence(spans: SpanMatch[], terms: Term[], passage: IndexedPassage, doc: SourceInfo, plan: Document, ctx: PointContext, dropOneCommonWord = false, unshown?: Evidence[]): Evidence[] {
  const { crossLingual } = pairOptions(doc, ctx);
  const sourceText = ctx.sourceText(doc.id) ?? '';
  const planIsRussian = baseLanguage(ctx.planLanguage) === 'ru';
  // A loop into an array of objects rather than map and filter (see scratch.ts objectArray).
  const evidence = objectArray<Evidence>();
  for (const span of spans) {
    const e = toEvidence(span, terms, passage.terms, plan.text, sourceText, crossLingual, planIsRussian);
    if (dropOneCommonWord && ctx.oneCommonWord(e.plan)) continue;
    if (dropOneCommonWord && span.kind === 'alignment' && !showsWording(span, terms, passage.terms, plan.text, sourceText, crossLingual, ctx)) unshown?.push(e);
    else evidence.push(e);
  }
  return evidence;
}

/**
 * An alignment is shown as evidence only when it shows wording the two texts
 * share (evidence-words.ts): not when every term it matches is generic, nor,
 * between two English texts, when most of its matches are different words
 * joined by a glossary concept. A candidate left with no evidence shows the
 * shared words its score rests on instead (withWords). Shared phrases (runs
 * of at least MIN_PHRASE terms) are always shown.
 */
function showsWording(span: SpanMatch, terms: Term[], passageTerms: Term[], planText: string, sourceText: string, crossLingual: boolean, ctx: PointContext): boolean {
  const plan = { terms: terms.slice(...span.point), text: planText };
  const source = { terms: passageTerms.slice(...span.passage), text: sourceText };
  const matched = matchedTerms(plan, source);
  if (allGeneric(plan, matched, ctx.share)) return false;
  return crossLingual || baseLanguage(ctx.planLanguage) !== 'en' || !differentWords(plan, source, matched);
}

/**
 * Flag evidence whose two sides disagree in polarity ("will join" in the
 * source, "will not join" in the plan): the negation is looked for in the
 * span and in the few words before it in its clause, since a negation is not
 * a matched term. A candidate whose flagged evidence is all it has on a
 * negated word gets `polarity: 'opposite'` as well.
 */
function withPolarity(c: Candidate, plan: Document, index: PassageIndex, ctx: PointContext): Candidate {
  const sourceText = ctx.sourceText(c.doc);
  const language = index.document(c.doc)?.language;
  if (!sourceText || !language) return c;
  let opposite = 0;
  let agreeing = 0;
  const flag = (e: Evidence): Evidence => {
    const pFrom = clauseStart(plan.text, e.plan[0]);
    const sFrom = clauseStart(sourceText, e.source[0]);
    const pText = plan.text.slice(pFrom, e.plan[1]);
    const sText = sourceText.slice(sFrom, e.source[1]);
    const ta = tokenize(pText, ctx.planLanguage);
    const tb = tokenize(sText, language);
    const same = baseLanguage(language) === baseLanguage(ctx.planLanguage);
    const cuesA = negationCues(ta, pText);
    const cuesB = negationCues(tb, sText);
    const changes = polarityChanges(pText, ta, sText, tb, same, same ? undefined : translationLink(), { a: cuesA, b: cuesB }).filter(
      (c) => !affirmedOnlyInScope(c, ta, cuesA, pFrom, plan.text, ctx.planLanguage, sFrom, sourceText, language),
    );
    if (changes.length) {
      opposite++;
      return { ...e, polarity: 'opposite' as const, ...negationOf(changes[0], ta, cuesA, pFrom, plan.text, sFrom, sourceText) };
    }
    // Both sides negate (a negative predicate counts: "not join" / "deny accession").
    if ((cuesA.length || ta.some((t) => t.negation)) && (tb.some((t) => t.negation) || cuesB.length)) agreeing++;
    return e;
  };
  const evidence = evidenceOf(c).map(flag);
  // A candidate's shared words (when it has no evidence) are checked the same way.
  const words = c.words?.map(flag);
  return opposite ? { ...c, evidence, ...(words ? { words } : {}), ...(agreeing ? {} : { polarity: 'opposite' as const }) } : c;
}

/**
 * Where a span widened back over the words before it in its clause starts: after the last of
 * `stops` within `reach` characters before `start` (default: 40 characters, cut at . ; : line end and comma).
 */
function clauseStart(text: string, start: number, reach = 40, stops = '.;:\n,'): number {
  const before = text.slice(Math.max(0, start - reach), start);
  let cut = -1;
  for (const stop of stops) cut = Math.max(cut, before.lastIndexOf(stop));
  return start - before.length + cut + 1;
}

/** How far back a clause is read for the negations whose scope may cover a span's word (characters). */
const SCOPE_REACH = 400;

/**
 * True when the affirmed side of a polarity change (the word the negation is
 * missing from) lies in the scope of a negation of its clause read further back
 * than the 40-character window: "shall not deploy military forces … in
 * addition to the forces stationed" does not affirm "stationed". Offsets as in
 * negationOf; the clause is cut at . ; : ! ? or a line end within SCOPE_REACH.
 */
function affirmedOnlyInScope(change: PolarityChange, planTokens: Token[], planCues: NegationCue[], planFrom: number, planText: string, planLanguage: string, sourceFrom: number, sourceText: string, sourceLanguage: string): boolean {
  const onPlan = negatedOnPlan(change, planTokens, planCues);
  const [span, from, text, language] = onPlan ? [change.bSpan, sourceFrom, sourceText, sourceLanguage] : [change.aSpan, planFrom, planText, planLanguage];
  if (!span) return false;
  const at = from + span[0];
  const start = clauseStart(text, at, SCOPE_REACH, '.;:!?\n');
  const clause = text.slice(start, from + span[1]);
  return inNegationScope(clause, tokenize(clause, language), at - start);
}

/** True when the plan's side (a) of a change holds a negation cue of the plan clause's tokens or one of its negative predicates (offsets into that clause). */
function negatedOnPlan(change: PolarityChange, planTokens: Token[], planCues: NegationCue[]): boolean {
  const inA = (t: Token) => t.start >= change.aSpan![0] && t.end <= change.aSpan![1];
  return change.aSpan !== undefined && (planTokens.some((t) => t.negation && inA(t)) || planCues.some((c) => inA(c.cue)));
}

/**
 * The negated side of a polarity change, as Evidence.negation: the side whose
 * span holds a negation cue or negative predicate of its clause (`planCues`,
 * offsets relative to `planFrom`), with offsets into the whole text of that side.
 */
function negationOf(change: PolarityChange, planTokens: Token[], planCues: NegationCue[], planFrom: number, planText: string, sourceFrom: number, sourceText: string): Pick<Evidence, 'negation'> {
  const onPlan = negatedOnPlan(change, planTokens, planCues);
  const [span, from, text] = onPlan ? [change.aSpan!, planFrom, planText] : [change.bSpan, sourceFrom, sourceText];
  if (!span) return {};
  const at: [number, number] = [from + span[0], from + span[1]];
  return { negation: { side: onPlan ? 'plan' : 'source', span: at, text: text.slice(...at) } };
}

/** A sentence or sub-item needs this many terms to be scored on its own. */
export const MIN_UNIT_TERMS = 4;

/** The sentences of each line of a point (a line is its heading or a sub-item), as term lists. */
function pointUnits(plan: Document, seg: PointSegment, terms: Term[]): Term[][] {
  const text = plan.text.slice(seg.start, seg.end);
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const s of sentences(line, plan.language)) ranges.push([seg.start + offset + s.start, seg.start + offset + s.end]);
    offset += line.length + 1;
  }
  if (ranges.length < 2) return [];
  return ranges.map(([a, b]) => terms.filter((t) => t.start >= a && t.end <= b)).filter((u) => u.length >= MIN_UNIT_TERMS && u.length < terms.length);
}

function toEvidence(span: SpanMatch, point: Term[], passage: Term[], planText: string, sourceText: string, crossLingual: boolean, planIsRussian: boolean): Evidence {
  const plan: [number, number] = [point[span.point[0]].start, point[span.point[1] - 1].end];
  const source: [number, number] = [passage[span.passage[0]].start, passage[span.passage[1] - 1].end];
  const links = crossLingual ? evidenceLinks(point.slice(...span.point), passage.slice(...span.passage), planText, sourceText, planIsRussian) : undefined;
  return {
    kind: span.kind === 'word' ? 'shared-word' : crossLingual ? 'cross-lingual' : span.kind === 'phrase' ? 'shared-phrase' : 'paraphrase',
    plan,
    source,
    text: planText.slice(...plan),
    sourceText: sourceText.slice(...source),
    matched: span.matched,
    ...(links ? { links } : {}),
  };
}

/**
 * The language of a plan's words: its declared language, unless most of its
 * words are in another script. A pasted plain list is declared English by
 * default; a Russian one must still be compared with Russian statements
 * word for word and with English ones through the glossary. `points`: the
 * tokens of each point (spanTokens).
 */
function textLanguage(plan: Document, points: Token[][]): string {
  const counts = new Map<string, number>();
  for (const tokens of points) {
    for (const t of tokens) if (t.kind === 'word') counts.set(t.lang, (counts.get(t.lang) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [plan.language, 0];
  return n > total / 2 && baseLanguage(top) !== baseLanguage(plan.language) ? top : plan.language;
}

/** Ukrainian and Russian share no words with English; `uk` and `ru` texts are compared as one script. */
function baseLanguage(language: string): string {
  return language === 'uk' ? 'ru' : language;
}
