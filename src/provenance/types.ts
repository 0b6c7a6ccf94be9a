// The provenance data model: passages of earlier statements as comparable
// terms, the retrieval interface over them, and the match result that the CLI,
// the exports and the web view render. Every span is a pair of character
// offsets into a document's `text` (document-level, not segment-level).
import type { Side } from '../corpus/types.js';
import type { Token } from '../text/index.js';

/**
 * The unit of comparison: one content token, or a run of adjacent tokens the
 * glossary tags with one concept ("security guarantees" → `c:security-guarantee`).
 * `key` is what two terms must share to match (see terms.ts); `start`/`end`
 * are offsets into the document text.
 */
export interface Term {
  key: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'entity';
  /** True when the key is language-neutral (a glossary concept, a number or a transliterated name). */
  neutral: boolean;
}

/** A passage of a source document, by document id and segment id (`p4`). */
export interface PassageRef {
  doc: string;
  passage: string;
}

/** What the scorer and the result need to know about a source document. */
export interface SourceInfo {
  id: string;
  title: string;
  side: Side;
  speaker: string;
  date: string;
  language: string;
  sources: string[];
}

/** A passage ready for scoring: its terms carry document-level offsets. */
export interface IndexedPassage {
  ref: PassageRef;
  /** The passage's own source URL (`<!-- src: -->`), when the file names one. */
  source?: string;
  /** The passage's own date (Segment.date), when its source line gives one; else the document's applies. */
  date?: string;
  start: number;
  end: number;
  terms: Term[];
}

/**
 * Retrieval over the passages of the source documents. `candidates` returns
 * the passages most worth scoring for a query, best first, without scanning
 * every passage (an inverted index); the scorer then compares each with the
 * point. Implementations: `MemoryPassageIndex` (memory-index.ts) for the
 * shipped corpora; `SqlitePassageIndex` (sqlite-index.ts), a persistent
 * file of posting lists, serves 100,000-passage corpora through the same
 * interface.
 */
export interface PassageIndex {
  /** Number of passages indexed (N in the IDF). */
  readonly size: number;
  candidates(query: Token[], k: number): PassageRef[];
  passage(ref: PassageRef): IndexedPassage | undefined;
  document(id: string): SourceInfo | undefined;
  /** Inverse document frequency of a term key over the indexed passages. */
  idf(key: string): number;
  /**
   * The largest share (0–1) of passages holding a key among the index's parts
   * (composite-index.ts); absent for an index of one part, whose share the
   * IDF gives.
   */
  largestShare?(key: string): number;
}

/**
 * `shared-phrase`: the same run of terms; `paraphrase`: a local alignment
 * (terms in order, with gaps or changes); `cross-lingual`: either, across
 * languages through the lexicon. `shared-word` is only found in a
 * candidate's `words`, never in its `evidence`.
 */
export type EvidenceKind = 'shared-phrase' | 'paraphrase' | 'cross-lingual' | 'shared-word';

/** A stretch of the point and the stretch of the source it echoes. */
export interface Evidence {
  kind: EvidenceKind;
  /** Offsets into the plan document's text. */
  plan: [number, number];
  /** Offsets into the source document's text. */
  source: [number, number];
  /** The plan side of the evidence: `plan.text.slice(...plan)`. */
  text: string;
  /** The source side: `source.text.slice(...source)`. */
  sourceText: string;
  /** Number of matched terms inside the spans. */
  matched: number;
  /** Set when one side negates what the other affirms ("join" / "not join"): the match is on the words, not the meaning. */
  polarity?: 'opposite';
  /**
   * With `polarity`: the negation and the word it negates ("not create"), on the
   * side that has it, as offsets into that side's text (the plan's or the
   * source document's). The negation often lies before the matched span, in
   * its clause, so the span's own text does not show it.
   */
  negation?: { side: 'plan' | 'source'; span: [number, number]; text: string };
  /** Cross-lingual evidence only: the lexicon entries that linked the two spans (see links.ts). */
  links?: EvidenceLink[];
}

/** A Russian and an English form one key joined: a glossary concept, a transliterated name or a figure. */
export interface EvidenceLink {
  ru: string;
  en: string;
  layer: 'glossary' | 'learned' | 'dictionary' | 'name' | 'figure';
  /** Glossary concept id, for `glossary` links. */
  concept?: string;
}

/** The parts of a pair score, each in [0, 1] (see score.ts for the formula). */
export interface ScoreParts {
  lexical: number;
  alignment: number;
  phrases: number;
  figures: number;
}

export interface Candidate {
  doc: string;
  side: Side;
  speaker: string;
  date: string;
  passage: string;
  score: number;
  /** The statement postdates the plan: an echo, not an origin. */
  later: boolean;
  parts: ScoreParts;
  evidence: Evidence[];
  /**
   * Only when `evidence` is empty (no shared phrase, alignment or
   * cross-lingual span survived): the words behind the lexical part of the
   * score, one term on each side (`kind: 'shared-word'`, see
   * score.ts sharedWordSpans), so that a listed score still shows what made
   * it. They say which words counted, not that wording was reused.
   */
  words?: Evidence[];
  /** The passage's source URL, else the document's first source. */
  url: string;
  /** When one sentence or sub-item of the point scored higher than the whole point: its offsets in the plan text. */
  unit?: [number, number];
  /** Only the first terms of an over-long point or passage were scored (see MAX_PAIR_CELLS in score.ts). */
  truncated?: boolean;
  /** Its evidence matches the point only with the opposite polarity (see Evidence.polarity). */
  polarity?: 'opposite';
  /**
   * Another passage of the same document that carries a part of the point the
   * listed passage does not (content words the first lacks), with its evidence.
   */
  also?: { passage: string; score: number; evidence: Evidence[]; url: string };
  /** The fixed-weight score (score.ts), kept beside the ranker's `score`. */
  fixedScore?: number;
  /** Ranker features (features.ts order), only when asked for (`withFeatures`, the eval). */
  features?: number[];
}

export interface Origin {
  /** The side best supported by earlier statements, or `unknown` below the threshold. */
  side: Side | 'unknown';
  /** Learned ranker: the calibrated probability that the top side is right (also when it is below the cut and the side is `unknown`). */
  confidence: number;
  /** When `unknown` under the learned ranker: the side the evidence leans to (a side whose naming was mostly wrong on held-out gold). */
  leaning?: Side | 'unknown';
}

/** A dated antecedent of a point: one earlier statement's best passage. */
export interface LineageStep {
  doc: string;
  passage: string;
  date: string;
  side: Side;
  score: number;
}

/**
 * The dates of a point's clause: the earliest statement that carries it and
 * the closest one before the plan, among the antecedents (earlier candidates
 * the ranker gives at least LINEAGE_MIN_SCORE), oldest first. Later echoes
 * are not part of it.
 */
export interface Lineage {
  earliest?: LineageStep;
  closest?: LineageStep;
  antecedents: LineageStep[];
}

export interface PointMatch {
  point: string;
  label: string;
  /** Offsets of the point in the plan text, and its text. */
  start: number;
  end: number;
  text: string;
  partial: boolean;
  origin: Origin;
  /** Best passage per source document, best first, at most `top`. */
  candidates: Candidate[];
  /** Best score per source document that was scored (for a points × sources heat map). */
  documents: Record<string, number>;
  /** Dates of the clause's antecedents (see Lineage). */
  lineage: Lineage;
  /** Statements after the plan that carry its wording (best by `fixedScore`, the wording-only score): echoes, never origins. */
  echoes: Candidate[];
}

export interface MatchSummary {
  points: number;
  /** Share of matched points per likely side (`unknown` included), in [0, 1]. */
  sides: Record<string, number>;
  threshold: number;
}

export interface MatchResult {
  plan: string;
  title: string;
  date: string;
  language: string;
  /** Point numbers with no surviving text (from `missing:`), not matched. */
  missing: string[];
  points: PointMatch[];
  summary: MatchSummary;
}
