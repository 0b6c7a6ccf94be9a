// The data model every stage shares: a document, its segments, and spans as
// character offsets into `Document.text`. See ../shared/DESIGN.md.

export const KINDS = ['plan', 'statement', 'reference'] as const;
export const SIDES = ['us', 'ru', 'ua', 'eu', 'us-ua', 'mixed', 'unknown'] as const;
export const STATUSES = ['published', 'reported-only'] as const;

export type Kind = (typeof KINDS)[number];
export type Side = (typeof SIDES)[number];
export type Status = (typeof STATUSES)[number];

/**
 * What a segment is:
 * - `point` / `subpoint`: plan text (a numbered point, an indented sub-item);
 * - `preamble`: unnumbered plan paragraphs before the first point (`pre1` …);
 * - `removed`: `N. [removed]`, a point the version deleted (not text);
 * - `report`: a reported change in a `status: reported-only` plan (never plan text);
 * - `passage`: a paragraph of a statement (`p1` …).
 */
export type SegmentKind = 'point' | 'subpoint' | 'preamble' | 'removed' | 'report' | 'passage';

export interface Segment {
  /** Stable id: `21`, `21.a`, `21.1`, `pre1`, `p3`, `r2`. */
  id: string;
  /** What a reader sees as the number: `21`, `21.a`, `Preamble 1`, `¶3`. */
  label: string;
  kind: SegmentKind;
  /** `text.slice(start, end)` is exactly the segment's text. */
  start: number;
  end: number;
  /** For a sub-point, the id of its point. */
  parent?: string;
  /** Source URL that applies to this passage (from `<!-- src: URL -->`). */
  source?: string;
  /**
   * ISO date (YYYY-MM-DD) of this passage when its `<!-- src: URL date: YYYY-MM-DD -->` line gives
   * one (a file collecting statements of several days); else the document's date applies.
   */
  date?: string;
  /**
   * True when only part of the point's text was published: its number is listed in `missing:`
   * (or falls in an open-ended gap) but some text of it survives, or its text carries an elision
   * marker ("[...]", "(…)", a trailing "…": see elision.ts).
   */
  partial?: boolean;
  /** Unnumbered items ("Second, …") the source ran into this point: it is a merge of several items. */
  merged?: { line: number; ordinal: string }[];
  /** 1-based line in the file where the segment starts (for messages and citations). */
  line: number;
}

export interface Document {
  id: string;
  kind: Kind;
  title: string;
  side: Side;
  speaker: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** ISO 639-1 code. */
  language: string;
  translatedFrom: string;
  sources: string[];
  /** Point numbers listed in `missing:` (as strings), in the file's order. */
  missing: string[];
  /**
   * The source breaks off: this point and every later one are missing, however
   * many there were (`missing: 10-` or `complete_through: 9`). Undefined when not.
   */
  missingFrom?: number;
  status: Status;
  notes: string;
  /** The body: front matter and `<!-- src: … -->` lines are not part of it. */
  text: string;
  segments: Segment[];
  /** Where the document came from: a file path, or `<pasted>` for a user's draft. */
  path: string;
  /** True for documents from the shipped `corpora/` folder. */
  builtin: boolean;
  /** A draft read from a PDF, Word file or web page: `text` is the extracted text; `origins` say where each of its lines came from. */
  imported?: { format: 'pdf' | 'docx' | 'html'; pages?: number; origins: { line: number; where: string }[] };
}

/** A problem with one input, located precisely enough to fix it. */
export interface LoadIssue {
  /** `note`: worth saying, nothing to fix (a skipped README, a merged point); never fails `check`. */
  severity: 'error' | 'warning' | 'note';
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Front-matter field or structural element concerned (`date`, `body`, `id`). */
  field?: string;
  message: string;
}

export interface Corpus {
  documents: Document[];
  issues: LoadIssue[];
}

/** How completely a plan survives: which numbered points have text, which do not. */
export interface Coverage {
  /** Highest point number known: the largest numbered point or `missing:` entry. */
  expected: number;
  complete: string[];
  partial: string[];
  missing: string[];
  removed: string[];
  /** Set when the source breaks off: points from this number on are missing, how many is unknown. */
  missingFrom?: number;
}
