// How much of a plan survives: complete, partial, missing and removed points.
import type { Coverage, Document, Segment } from './types.js';

/**
 * Coverage of a plan. With an open-ended gap (`missing: 10-`), every point
 * from `missingFrom` on that has no text is missing, and `expected` reaches at
 * least `missingFrom` (the number of later points is unknown: `missingFrom` says so).
 */
export function planCoverage(doc: Document): Coverage {
  const points = doc.segments.filter((s) => s.kind === 'point' || s.kind === 'removed');
  const present = new Set(points.map((s) => s.id));
  const from = doc.missingFrom;
  const numbers = [...points.map((s) => Number(s.id)), ...doc.missing.map(Number), ...(from !== undefined ? [from] : [])].filter(Number.isFinite);
  const expected = numbers.length ? Math.max(...numbers) : 0;
  const open: string[] = [];
  if (from !== undefined) for (let n = from; n <= expected; n++) if (!present.has(String(n)) && !doc.missing.includes(String(n))) open.push(String(n));
  const coverage: Coverage = {
    expected,
    complete: points.filter((s) => s.kind === 'point' && !s.partial).map((s) => s.id),
    partial: points.filter((s) => s.partial).map((s) => s.id),
    missing: [...doc.missing.filter((n) => !present.has(n)), ...open],
    removed: points.filter((s) => s.kind === 'removed').map((s) => s.id),
  };
  if (from !== undefined) coverage.missingFrom = from;
  return coverage;
}

/** The text of a segment: always a slice of the document text by its offsets. */
export function segmentText(doc: Document, segment: Segment): string {
  return doc.text.slice(segment.start, segment.end);
}

/** Top-level numbered points that carry text (no sub-points, no removed points). */
export function planPoints(doc: Document): Segment[] {
  return doc.segments.filter((s) => s.kind === 'point');
}

/** Segments that hold the document's own text: points, sub-points, preamble or passages. */
export function textSegments(doc: Document): Segment[] {
  return doc.segments.filter((s) => s.kind !== 'removed' && s.kind !== 'report');
}

/**
 * Every point number of a plan in order, 1..expected, each with what is known
 * of it: its segment, or `missing`. A gap that nobody listed as missing is
 * `unlisted` (the source skipped it without saying so).
 */
export function pointSlots(doc: Document): { n: string; segment?: Segment; state: 'present' | 'partial' | 'removed' | 'missing' | 'unlisted' }[] {
  const cov = planCoverage(doc);
  const byId = new Map(doc.segments.filter((s) => s.kind === 'point' || s.kind === 'removed').map((s) => [s.id, s]));
  const missing = new Set(cov.missing);
  const slots = [];
  for (let i = 1; i <= cov.expected; i++) {
    const n = String(i);
    const segment = byId.get(n);
    const state = segment ? (segment.kind === 'removed' ? 'removed' : segment.partial ? 'partial' : 'present') : missing.has(n) ? 'missing' : 'unlisted';
    slots.push({ n, segment, state } as const);
  }
  return slots;
}

/**
 * What the corpus knows of point `n` of a plan that has no text in `doc` (a `missing`
 * or `unlisted` slot), as a clause for messages, e.g. "no source found gave it
 * verbatim". It never says the point was never published: a point missing here may
 * have been published where no one found it (Axios published us-28 in full; the
 * corpus has it from reprints). Only a `status: reported-only` plan's front matter
 * says its text was never published.
 */
export function noTextReason(doc: Document, n: string): string {
  if (doc.status === 'reported-only') return `${doc.id} is reported only: its text was never published`;
  if (doc.missing.includes(n)) return 'no source found gave it verbatim';
  if (doc.missingFrom !== undefined && Number(n) >= doc.missingFrom) return `the source breaks off after point ${doc.missingFrom - 1}`;
  return 'the source skips it (not listed as missing)';
}
