// How alike two points are, from the text layer alone (no point numbers: the
// 20-point plan renumbers everything, so position must not leak in as content).
//
//   keys  = weighted Dice over content keys (concept | figure | name | stem),
//           each key weighted by its inverse document frequency over the points
//           of both documents, so "Ukraine", which is everywhere, counts little;
//   grams = Dice over character trigrams of content words (same language only;
//           catches "reaffirmed"/"reconfirmed", "deploy"/"deployed").
//   same language:  0.7·keys + 0.3·grams
//   across languages: keys alone, over the keys both languages can express
//           (concepts, figures, names), since a Russian stem never equals an English one.
import type { PointProfile } from './profile.js';

export type Weights = Map<string, number>;

/** Inverse document frequency of every key over a set of points. */
export function keyWeights(points: PointProfile[]): Weights {
  const df = new Map<string, number>();
  for (const p of points) for (const k of p.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = points.length;
  const weights: Weights = new Map();
  for (const [k, f] of df) weights.set(k, Math.log(1 + n / f));
  return weights;
}

const portable = (k: string) => k.startsWith('c:') || k.startsWith('n:') || k.startsWith('t:');

function weightedDice(a: Set<string>, b: Set<string>, w: Weights, keep: (k: string) => boolean = () => true): number {
  let shared = 0;
  let total = 0;
  for (const k of a) {
    if (!keep(k)) continue;
    const x = w.get(k) ?? 1;
    total += x;
    if (b.has(k)) shared += x;
  }
  for (const k of b) if (keep(k)) total += w.get(k) ?? 1;
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

export function similarity(a: PointProfile, b: PointProfile, w: Weights): number {
  if (sameLanguage(a, b)) return 0.7 * weightedDice(a.keys, b.keys, w) + 0.3 * dice(a.trigrams, b.trigrams);
  return weightedDice(a.keys, b.keys, w, portable);
}

/**
 * How much of `part` is found in `whole` (weighted share of part's keys), for
 * split and merge: a split-off point is mostly contained in its source even
 * when the source is much longer and their symmetric similarity is low.
 */
export function containment(part: PointProfile, whole: PointProfile, w: Weights): number {
  const keep = sameLanguage(part, whole) ? () => true : portable;
  let shared = 0;
  let total = 0;
  for (const k of part.keys) {
    if (!keep(k)) continue;
    const x = w.get(k) ?? 1;
    total += x;
    if (whole.keys.has(k)) shared += x;
  }
  return total ? shared / total : 0;
}
