// The dates of a clause: among a point's candidates (best passage per
// document, ranked), the antecedents are the statements dated on or before the
// plan that the ranker gives at least LINEAGE_MIN_SCORE; the lineage names the
// earliest of them (where the clause first appears in the corpus) and the
// closest before the plan (its most recent form), and lists all, oldest first.
// Statements after the plan are echoes and never part of it.
import type { Candidate, Lineage, LineageStep } from './types.js';

/**
 * Ranker probability from which an earlier statement counts as an
 * antecedent. The ranker's probability is that of one passage being THE gold
 * passage, so a document that carries the clause among several often gets
 * 0.2–0.4; 0.2 was chosen looking at the dev plan us-28-2025-11-20 only
 * (Dec 2021 drafts for NATO points at 0.26–0.31). Under the fixed scorer
 * (another scale) the same cut applies.
 */
export const LINEAGE_MIN_SCORE = 0.2;

/** At most this many antecedents are listed (the best-scoring ones). */
export const LINEAGE_MAX = 6;

/**
 * The lineage of a point from its candidates in rank order: earlier ones scoring at least
 * `minScore` and, when `carriesWording` is given, carrying the point's wording (match.ts: two
 * distinct words of evidence), the first LINEAGE_MAX of them, oldest first.
 */
export function lineageOf(ranked: Candidate[], minScore = LINEAGE_MIN_SCORE, carriesWording: (c: Candidate) => boolean = () => true): Lineage {
  // In rank order, `carriesWording` (which may build evidence) asked only until LINEAGE_MAX steps are found.
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.length >= LINEAGE_MAX) break;
    if (!c.later && c.score >= minScore && carriesWording(c)) kept.push(c);
  }
  const steps: LineageStep[] = kept
    .map((c) => ({ doc: c.doc, passage: c.passage, date: c.date, side: c.side, score: c.score }))
    .sort((a, b) => a.date.localeCompare(b.date) || b.score - a.score || a.doc.localeCompare(b.doc));
  if (!steps.length) return { antecedents: [] };
  return { earliest: steps[0], closest: steps[steps.length - 1], antecedents: steps };
}
