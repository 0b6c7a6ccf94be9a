// How alike two points are, from the text layer alone (no point numbers: the
// 20-point plan renumbers everything, so position must not leak in as content).
//
//   keys  = weighted Dice over content keys (concept | figure | name | stem or
//           lemma), each key weighted by its inverse document frequency over
//           the points of its language, so "Ukraine", which is everywhere,
//           counts little;
//   grams = Dice over character trigrams of content words (same language only;
//           catches "reaffirmed"/"reconfirmed", "deploy"/"deployed").
//   same language:    0.7·keys + 0.3·grams
//   across languages: keys, where a Russian and an English key match when they
//           are the same concept, figure or name, or when the bilingual lexicon
//           (src/text/lexicon) links them, a link counting its layer's weight
//           (glossary 1, learned 0.85, dictionary 0.7). Every content word on
//           both sides stays in the denominator, so one shared concept or name
//           among many untranslated words scores low; then × CROSS_LANGUAGE_SCALE,
//           which puts a faithful translation on the scale of two English
//           renderings (the trigram part and untranslatable words are missing).
import { loadLexicon, type LexLink, type Lexicon } from '../text/lexicon/index.js';
import type { PointProfile } from './profile.js';
import { negatedKey, tokenKey } from './profile.js';

export type Weights = Map<string, number>;

/**
 * Factor from the cross-language key Dice to the same-language scale: the
 * median similarity of the same point in two English renderings (us-28 ↔
 * us-28-alt-en, points 1-9: 0.90) over the median raw key Dice of the gold
 * pairs of us-28 ↔ us-28-ru (0.80). Calibrated on those two pairs only and
 * checked on the E3 counter-proposal (scripts/eval/crosslingual.ts).
 */
export const CROSS_LANGUAGE_SCALE = 1.13;

const LANG_KEY = /^(en|ru|uk|other):/;

/**
 * Inverse document frequency of every key over a set of points. A
 * language-specific key ("ru:перемирие") counts the points of its language
 * only, so mixing an English and a Russian witness leaves each side's weights
 * as they would be alone.
 */
export function keyWeights(points: PointProfile[]): Weights {
  const df = new Map<string, number>();
  const perLanguage = new Map<string, number>();
  for (const p of points) {
    perLanguage.set(p.language, (perLanguage.get(p.language) ?? 0) + 1);
    for (const k of p.keys) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const n = points.length;
  const weights: Weights = new Map();
  for (const [k, f] of df) {
    const lang = LANG_KEY.exec(k)?.[1];
    const nk = lang ? (perLanguage.get(lang) ?? n) : n;
    weights.set(k, Math.log(1 + Math.max(nk, f) / f));
  }
  return weights;
}

const portable = (k: string) => k.startsWith('c:') || k.startsWith('n:') || k.startsWith('t:');

function weightedDice(a: Set<string>, b: Set<string>, w: Weights): number {
  let shared = 0;
  let total = 0;
  for (const k of a) {
    const x = w.get(k) ?? 1;
    total += x;
    if (b.has(k)) shared += x;
  }
  for (const k of b) total += w.get(k) ?? 1;
  return total ? (2 * shared) / total : 0;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function sameLanguage(a: PointProfile, b: PointProfile): boolean {
  return a.language === b.language;
}

/** Per point: each content key → the other-language keys the lexicon translates it to. */
type Outs = Map<string, Map<string, LexLink>>;
const outsCache = new WeakMap<PointProfile, { lexicon: Lexicon; outs: Outs }>();

function outsOf(p: PointProfile, lexicon: Lexicon): Outs {
  const hit = outsCache.get(p);
  if (hit?.lexicon === lexicon) return hit.outs;
  const outs: Outs = new Map();
  for (const t of p.content) {
    if (t.kind === 'number' || (t.kind === 'entity' && !t.concept)) continue;
    const links = t.lang === 'ru' ? lexicon.fromRussian(t.stem) : t.lang === 'en' ? lexicon.fromEnglish(t.norm, t.stem) : undefined;
    if (!links?.size) continue;
    const other = t.lang === 'ru' ? 'en' : 'ru';
    // A negated word's key carries the negation mark (profile.ts: "en:¬join"); it links to the
    // negated rendering only ("ru:¬вступить"), as within one language "join" ≠ "not join".
    const plain = tokenKey(t);
    for (const negated of [false, true]) {
      const key = negated ? negatedKey(plain) : plain;
      if (!p.keys.has(key)) continue;
      const row = outs.get(key) ?? new Map<string, LexLink>();
      for (const [k2, l] of links) {
        const k = negated ? negatedKey(`${other}:${k2}`) : `${other}:${k2}`;
        const old = row.get(k);
        if (!old || old.weight < l.weight) row.set(k, l);
      }
      outs.set(key, row);
    }
  }
  outsCache.set(p, { lexicon, outs });
  return outs;
}

/** A lexicon entry that linked a key of one point to a key of the other. */
export interface CrossLink {
  aKey: string;
  bKey: string;
  link: LexLink;
}

export interface CrossMatch {
  /** Per key of a / b: the weight share it is matched with (1 for the same concept, figure or name; the layer weight for a lexicon link). */
  a: Map<string, number>;
  b: Map<string, number>;
  links: CrossLink[];
}

/** Which keys of two points in different languages match, and through which lexicon entries. */
export function crossMatch(a: PointProfile, b: PointProfile, lexicon: Lexicon = loadLexicon()): CrossMatch {
  const ma = new Map<string, number>();
  const mb = new Map<string, number>();
  const links: CrossLink[] = [];
  const up = (m: Map<string, number>, k: string, x: number) => {
    if ((m.get(k) ?? 0) < x) m.set(k, x);
  };
  for (const k of a.keys) {
    if (portable(k) && b.keys.has(k)) {
      up(ma, k, 1);
      up(mb, k, 1);
    }
  }
  for (const [k, outs] of outsOf(a, lexicon)) {
    for (const [k2, l] of outs) {
      if (!b.keys.has(k2)) continue;
      up(ma, k, l.weight);
      up(mb, k2, l.weight);
      links.push({ aKey: k, bKey: k2, link: l });
    }
  }
  for (const [k2, outs] of outsOf(b, lexicon)) {
    for (const [k, l] of outs) {
      if (!a.keys.has(k)) continue;
      up(ma, k, l.weight);
      up(mb, k2, l.weight);
      if (!links.some((x) => x.aKey === k && x.bKey === k2)) links.push({ aKey: k, bKey: k2, link: l });
    }
  }
  return { a: ma, b: mb, links };
}

/** Raw cross-language key Dice (before CROSS_LANGUAGE_SCALE). */
export function crossKeyDice(a: PointProfile, b: PointProfile, w: Weights, m: CrossMatch = crossMatch(a, b)): number {
  let matched = 0;
  let total = 0;
  for (const k of a.keys) {
    const x = w.get(k) ?? 1;
    total += x;
    matched += x * (m.a.get(k) ?? 0);
  }
  for (const k of b.keys) {
    const x = w.get(k) ?? 1;
    total += x;
    matched += x * (m.b.get(k) ?? 0);
  }
  return total ? matched / total : 0;
}

export function similarity(a: PointProfile, b: PointProfile, w: Weights): number {
  if (sameLanguage(a, b)) return 0.7 * weightedDice(a.keys, b.keys, w) + 0.3 * dice(a.trigrams, b.trigrams);
  return Math.min(1, CROSS_LANGUAGE_SCALE * crossKeyDice(a, b, w));
}

/**
 * How much of `part` is found in `whole` (weighted share of part's keys), for
 * split and merge: a split-off point is mostly contained in its source even
 * when the source is much longer and their symmetric similarity is low.
 * Across languages a key is found when it matches (crossMatch), at its link's weight.
 */
export function containment(part: PointProfile, whole: PointProfile, w: Weights): number {
  const m = sameLanguage(part, whole) ? undefined : crossMatch(part, whole);
  let shared = 0;
  let total = 0;
  for (const k of part.keys) {
    const x = w.get(k) ?? 1;
    total += x;
    shared += x * (m ? (m.a.get(k) ?? 0) : whole.keys.has(k) ? 1 : 0);
  }
  return total ? shared / total : 0;
}
