// A plan point as the aligner sees it: its text, tokens and the weighted keys
// two points are compared on. Keys are language-neutral where the text layer
// allows: a glossary concept ("c:nato" for NATO and НАТО), a figure by value
// ("n:600000"), a name by transliteration ("t:zelenskiy"), else the stem.
import { segmentText } from '../corpus/coverage.js';
import type { Document, Segment } from '../corpus/types.js';
import { contentTokens, tokenize, type Token } from '../text/index.js';
import { nameKey } from '../text/names.js';
import { negationCues } from '../text/polarity.js';

/** Longest point text compared, in tokens: a longer point is cut here and flagged `truncated`. */
export const MAX_TOKENS_PER_POINT = 2000;

export interface PointProfile {
  doc: string;
  id: string;
  segment: Segment;
  text: string;
  language: string;
  partial: boolean;
  tokens: Token[];
  content: Token[];
  keys: Set<string>;
  /** Character trigrams of the normalised content words (same-language similarity only). */
  trigrams: Set<string>;
  truncated: boolean;
}

/**
 * The key of a negated word: the word's key with the negation mark after its
 * prefix ("en:join" → "en:¬join"). Polarity is content, so "will join" and
 * "will not join" share less than identical points.
 */
export function negatedKey(key: string): string {
  return key.replace(/^([^:]*:)/, '$1¬');
}

/** A key without its negation mark ("en:¬join" → "en:join"). */
export function affirmativeKey(key: string): string {
  return key.replace(/^([^:]*:)¬/, '$1');
}

export function tokenKey(t: Token): string {
  if (t.concept) return `c:${t.concept}`;
  if (t.kind === 'number') return `n:${t.norm}`;
  if (t.kind === 'entity') return `t:${nameKey(t.stem)}`;
  return `${t.lang}:${t.stem}`;
}

function trigramsOf(tokens: Token[]): Set<string> {
  const grams = new Set<string>();
  for (const t of tokens) {
    const w = ` ${t.norm} `;
    for (let i = 0; i + 3 <= w.length; i++) grams.add(w.slice(i, i + 3));
  }
  return grams;
}

/** Profiles of a plan's top-level points that carry text, in document order. */
export function pointProfiles(doc: Document): PointProfile[] {
  return segmentProfiles(doc, doc.segments.filter((s) => s.kind === 'point'));
}

/** Profiles of the sub-points of one point, in document order. */
export function subpointProfiles(doc: Document, pointId: string): PointProfile[] {
  return segmentProfiles(doc, doc.segments.filter((s) => s.kind === 'subpoint' && s.parent === pointId));
}

export function segmentProfiles(doc: Document, segments: Segment[]): PointProfile[] {
  return segments.map((segment) => {
    const text = segmentText(doc, segment);
    const all = tokenize(text, doc.language);
    const tokens = all.slice(0, MAX_TOKENS_PER_POINT);
    const content = contentTokens(tokens);
    // Polarity is content: a negated word is another key than the word ("en:¬join" vs "en:join"),
    // so "will join NATO" and "will not join NATO" share less than identical points.
    const negated = new Set(negationCues(tokens, text).flatMap((c) => (c.head ? [c.head] : [])));
    const keyOf = (t: Token) => (negated.has(t) ? negatedKey(tokenKey(t)) : tokenKey(t));
    return {
      doc: doc.id,
      id: segment.id,
      segment,
      text,
      language: doc.language,
      partial: Boolean(segment.partial),
      tokens,
      content,
      // A phrase's words also count under their own concept, so "security
      // guarantees" still shares "guarantee" with "the guarantee".
      keys: new Set([...content.map(keyOf), ...content.filter((t) => t.broader).map((t) => `c:${t.broader}`), ...content.flatMap((t) => (t.parts ?? []).map((c) => `c:${c}`))]),
      trigrams: trigramsOf(content),
      truncated: all.length > tokens.length,
    };
  });
}
