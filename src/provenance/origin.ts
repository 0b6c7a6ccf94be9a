// Which side a point most likely came from, judged only by statements that
// predate the plan (later ones are echoes, not origins).
//
// For each side, its support is the best score of an earlier statement of
// that side. The winner is the side with the highest support; if that is
// below `threshold`, the origin is `unknown` (confidence 0). Otherwise
//   confidence = best · best / (best + runnerUp)
// i.e. the winning score, discounted by how close the next side comes: a
// lone strong match keeps its score, a tie halves it.
import type { Candidate, Origin } from './types.js';

/** Default threshold: a best earlier score below this names no side. */
export const ORIGIN_THRESHOLD = 0.1;

export function pointOrigin(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[], threshold = ORIGIN_THRESHOLD): Origin {
  const support = new Map<string, number>();
  for (const c of candidates) {
    if (c.later) continue;
    support.set(c.side, Math.max(support.get(c.side) ?? 0, c.score));
  }
  const ranked = [...support].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < threshold) return { side: 'unknown', confidence: 0 };
  const [side, best] = ranked[0];
  const runnerUp = ranked[1]?.[1] ?? 0;
  return { side: side as Origin['side'], confidence: Math.round(((best * best) / (best + runnerUp)) * 1e4) / 1e4 };
}

/** Share of points per origin side (`unknown` included). */
export function sideShares(origins: Origin[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of origins) counts[o.side] = (counts[o.side] ?? 0) + 1;
  const shares: Record<string, number> = {};
  for (const [side, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) shares[side] = Math.round((n / origins.length) * 1e4) / 1e4;
  return shares;
}

/** Per-side support of a point: the best ranker probability of an earlier statement of each side, best first. */
export function sideSupport(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[]): [string, number][] {
  const support = new Map<string, number>();
  for (const c of candidates) {
    if (c.later) continue;
    support.set(c.side, Math.max(support.get(c.side) ?? 0, c.score));
  }
  return [...support].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The two inputs of the calibrated side confidence: the top side's margin over the next, and its support. */
export function sideInputs(support: [string, number][]): [number, number] {
  const best = support[0]?.[1] ?? 0;
  return [best - (support[1]?.[1] ?? 0), best];
}

/**
 * The side verdict of the learned ranker (candidates scored by ranker.ts):
 * the side with the highest support, with confidence
 *   σ(a + b · margin + c · best)
 * fitted (Platt scaling) on held-out gold outcomes by `npm run
 * train:provenance`: the estimated probability that the named side is right.
 * Below `unknownBelow` (0.5: more likely wrong than right) the side is
 * `unknown`, and `leaning` names the side the evidence would point to.
 */
export function calibratedOrigin(candidates: Pick<Candidate, 'side' | 'score' | 'later'>[], side: { a: number; b: number; c: number; unknownBelow: number }): Origin {
  const support = sideSupport(candidates);
  if (!support.length) return { side: 'unknown', confidence: 0 };
  const [margin, best] = sideInputs(support);
  const confidence = Math.round((1 / (1 + Math.exp(-(side.a + side.b * margin + side.c * best)))) * 1e4) / 1e4;
  const top = support[0][0] as Origin['side'];
  return confidence < side.unknownBelow ? { side: 'unknown', confidence, leaning: top } : { side: top, confidence };
}
