// The passages provenance compares a plan against: every passage of every
// statement (and reference) document, as terms with document-level offsets.
// Plans are not sources: another rendering of the same plan would otherwise
// outrank every real antecedent.
import type { Document, Segment } from '../corpus/types.js';
import { spanTerms } from './terms.js';
import type { IndexedPassage, PassageRef, SourceInfo, Term } from './types.js';

export const SOURCE_KINDS = new Set(['statement', 'reference']);

export function isSourceDocument(doc: Document): boolean {
  return SOURCE_KINDS.has(doc.kind);
}

/**
 * The segments of a document that are indexed as passages, in order. The bulk
 * index numbers its rows by this list (index-build.ts, sqlite-index.ts) and its
 * fingerprint counts it (open-index.ts), so all three must take it from here.
 */
export function passageSegments(doc: Document): Segment[] {
  return doc.segments.filter((s) => s.kind === 'passage');
}

export function sourceInfo(doc: Document): SourceInfo {
  return { id: doc.id, title: doc.title, side: doc.side, speaker: doc.speaker, date: doc.date, language: doc.language, sources: doc.sources };
}

/** The passages of one source document, tokenized once. */
export function documentPassages(doc: Document): IndexedPassage[] {
  return passageSegments(doc).map((s) => indexedPassage(doc, s, spanTerms(doc.text, s.start, s.end, doc.language)));
}

/** Passage `s` of `doc` with its terms, as every in-memory index holds it (see passageOf). */
export function indexedPassage(doc: Document, s: Segment, terms: Term[]): IndexedPassage {
  return passageOf({ doc: doc.id, passage: s.id }, s, terms);
}

/**
 * Passage `s` under `ref` with its terms, its own source and date only when it has them
 * (else its document's apply: match.ts passageSource). Every index, in memory or SQLite, builds its passages here.
 */
export function passageOf(ref: PassageRef, s: Segment, terms: Term[]): IndexedPassage {
  return { ref, ...(s.source ? { source: s.source } : {}), ...(s.date ? { date: s.date } : {}), start: s.start, end: s.end, terms };
}
