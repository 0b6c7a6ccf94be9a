// Whether an evidence pair shows wording the two texts share, judged on the
// terms the pair matches (the plan-side terms whose key the source side also
// has). Two ways an alignment can look like evidence and not be:
//
// - generic: it matches one term that is not rare ("Ukraine" alone), or a
//   frequent term and nothing else but terms that are not rare or are common
//   English words ("Russian media" = "Russian media" from "an interview with
//   Russian media", "agreement reached" = "agreement that we have reached",
//   "Ukraine and Europe"); three matched terms or more are wording. A term
//   is frequent (FREQUENT_SHARE) or not rare (RARE_SHARE) by the share of
//   the passages holding it in the index or in any part of it: beside a bulk archive
//   "Ukraine" is in 0.9 % of the Kremlin's 2000–2020 passages but in 46 % of
//   the shipped statements, and the statements are what a plan is matched
//   against. Common words: common-words.ts (SCOWL);
// - different words: between two English texts, most of its matched terms
//   are glossary concepts whose words differ on the two sides ("size … Ukrainian
//   Armed Forces will be limited" = "personnel, while Ukraine agreed to a cap":
//   size≈personnel, limited≈cap; only Ukrainian/Ukraine alike), so the two sides a reader
//   sees share few of their words. A single concept ("breaches" = "violations")
//   is still shown: it is one synonym, not a phrase.
import { stemWord } from '../text/index.js';
import { isCommonWord } from './common-words.js';
import type { PassageIndex, Term } from './types.js';

/**
 * A term found in at least this share of the passages is frequent: one in
 * five. Chosen after looking at the shares of the reporter's examples' terms
 * in the shipped statements (Ukraine 46 %, Russia 35 %, agreement 21 %,
 * armed forces 12 %, Europe 12 %, NATO 7 %, media 1.4 %), not on any gold.
 * Tried before it: 2 % with every common word generic dropped 168 of the 283
 * evidence pieces of the shipped plans ("join NATO" = "join NATO",
 * "nuclear weapons" = "nuclear weapons"), 10 % dropped "number of the Armed
 * Forces" = "number of the Armed Forces".
 */
export const FREQUENT_SHARE = 0.2;

/**
 * One matched term alone is evidence only when it is in less than this share
 * of the passages of every part of the index: matchPlan's `rareIdf` cut (a
 * term in at most 2 % of the passages), which the scorer applies to the
 * whole index, where a bulk archive on other subjects makes "Ukraine" rare.
 */
export const RARE_SHARE = 0.02;

/**
 * Fewer than this share of a pair's matched terms being the same word on the
 * surface (same stem, see sameStem, or the same figure) makes it a pair of
 * different words. Half: a pair is shown as reused wording only when most of
 * what it matches is the same word (not tuned: the first value tried).
 */
export const MIN_SAME_WORD_SHARE = 0.5;

/** One side of a pair: its terms (a range of a term sequence) and the text their offsets point into. */
export interface PairSide {
  terms: Term[];
  text: string;
}

/** The plan-side terms whose key the source side also has. */
export function matchedTerms(plan: PairSide, source: PairSide): Term[] {
  const keys = new Set(source.terms.map((t) => t.key));
  return plan.terms.filter((t) => keys.has(t.key));
}

/**
 * The matched terms, fewer than three, are one term that is not rare in
 * some part of the index (RARE_SHARE), or a frequent term and nothing else
 * but terms that are not rare or are common English words ("Ukraine and
 * Europe", "Russian media") (`share`: the largest share of passages holding a key, in [0, 1]).
 * Numbers are never generic.
 */
export function allGeneric(plan: PairSide, matched: Term[], share: (key: string) => number): boolean {
  // Three matched terms in order are wording, however common each (a shared run of MIN_PHRASE terms is always shown).
  if (matched.length >= 3) return false;
  if (matched.length === 1 && matched[0].kind !== 'number' && share(matched[0].key) >= RARE_SHARE) return true;
  let frequent = false;
  for (const t of matched) {
    if (t.kind === 'number') return false;
    const v = share(t.key);
    if (v >= FREQUENT_SHARE) frequent = true;
    else if (v < RARE_SHARE && !commonWords(plan.text, t)) return false;
  }
  return frequent;
}

/** Every word of a term is a common English word: its own key, or for a glossary concept ("media" = c:media) its words'. */
function commonWords(text: string, t: Term): boolean {
  if (t.kind !== 'word') return false;
  if (!t.key.startsWith('c:')) return isCommonWord(t.key);
  const words = wordsOf(text, t);
  return words.length > 0 && words.every((w) => isCommonWord(`w:${stemWord(w, 'en')}`));
}

/**
 * Number of matched terms that are the same word on both sides: a source
 * term with the same key and the same stemmed surface (case folded; sameStem), or a
 * number with the same key (a figure is the same however written). Names
 * too must read the same: "NATO" = "alliances" is a glossary concept.
 */
export function sameWords(plan: PairSide, source: PairSide): number {
  const surfaces = new Map<string, Set<string>>();
  for (const t of source.terms) {
    let s = surfaces.get(t.key);
    if (!s) surfaces.set(t.key, (s = new Set()));
    s.add(surface(source.text, t));
  }
  let n = 0;
  for (const t of plan.terms) {
    const s = surfaces.get(t.key);
    if (!s) continue;
    const word = surface(plan.text, t);
    if (t.kind === 'number' || s.has(word) || [...s].some((w) => sameStem(word, w))) n++;
  }
  return n;
}

/**
 * Two stems of one word: equal, or the shorter, of MIN_SHARED_STEM letters or
 * more, begins the longer ("ukrain" of "Ukraine" and "ukrainian",
 * "sovereign" and "sovereignti", "territori" and "territori"; not "sign" and
 * "signatori").
 */
function sameStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= MIN_SHARED_STEM && long.startsWith(short));
}

/**
 * Letters a stem needs to count as the beginning of a longer one (sameStem). Set after
 * looking at the shipped plans' pairs: "ukrain"/"ukrainian" (6) must count, "sign"/"signatori"
 * (ua-20 1, the reporter's example) must not.
 */
export const MIN_SHARED_STEM = 5;

/**
 * The pair matches two terms or more and too few of them are the same word
 * (MIN_SAME_WORD_SHARE). `matched`: matchedTerms(plan, source), when the caller has it.
 */
export function differentWords(plan: PairSide, source: PairSide, matched = matchedTerms(plan, source)): boolean {
  return matched.length >= 2 && sameWords(plan, source) < matched.length * MIN_SAME_WORD_SHARE;
}

/** A term's words, case folded and stemmed ("Armed Forces" → "arm forc"). */
function surface(text: string, t: Term): string {
  return wordsOf(text, t)
    .map((w) => stemWord(w, 'en'))
    .join(' ');
}

/** The words (letters and digits) of a term's text, lower-cased. */
function wordsOf(text: string, t: Term): string[] {
  return text.slice(t.start, t.end).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The share of passages holding a key, from its BM25 IDF over `n` passages (memory-index.ts bm25Idf inverted). */
export function shareFromIdf(idf: number, n: number): number {
  if (n <= 0) return 0;
  const e = Math.exp(idf) - 1;
  return Math.max(0, (n + 0.5 - 0.5 * e) / (1 + e)) / n;
}

/**
 * The share of passages holding a key (in [0, 1]) in the part of `index` where it is largest
 * (PassageIndex.largestShare), or over the whole index from `idf` (BM25 IDF, shareFromIdf).
 */
export function passageShare(index: PassageIndex, idf: (key: string) => number = (k) => index.idf(k)): (key: string) => number {
  return index.largestShare ? (k) => index.largestShare!(k) : (k) => shareFromIdf(idf(k), index.size);
}
